import { describe, expect, it } from 'vitest';
import { findDuplicates } from '../../../src/domain/ingest/dedupe.ts';
import type { TextUnit } from '../../../src/domain/ingest/units.ts';
import { ingest, ingestOne } from './helpers.ts';

const opening = '上半年,资兴市民政局在市委市政府和郴州市民政局的领导下,坚决贯彻落实各级决策部署,民政领域各项工作得到恢复与发展。';
const anonymised = opening.replaceAll('资兴市', 'xx市').replaceAll('郴州市', 'xx市');
const raise = '二是农村低保标准提标。农村低保A类由320元/月.人提高至380元/月.人,B类由240元/月.人提高至280元/月.人。';
const lowerCase = raise.replace('A类', 'a类').replace('B类', 'b类');

describe('duplicate passages', () => {
  it('keeps a passage that appears twice once', () => {
    const draft = ingestOne(`${opening}\n一、前段工作开展情况\n${raise}\n${opening}\n一、前段工作开展情况\n${raise}\n`);
    expect(draft.body.split(opening)).toHaveLength(2);
    expect(draft.dropped.map((line) => line.line)).toEqual([4, 5, 6]);
    expect(draft.dropped.every((line) => line.reason.startsWith('duplicate of lines 1–3'))).toBe(true);
  });

  it('keeps the 资兴市 copy when the same report appears as xx市', () => {
    const draft = ingestOne(`${anonymised}\n一、前段工作开展情况\n${raise}\n${opening}\n一、前段工作开展情况\n${raise}\n`);
    expect(draft.body).toContain('资兴市民政局');
    expect(draft.body).not.toContain('xx市');
    expect(draft.dropped[0]).toMatchObject({ line: 1, text: anonymised });
    expect(draft.dropped[0]?.reason).toContain('the earlier writes xx市');
  });

  it('keeps the A类 copy when the other copy writes a类', () => {
    const draft = ingestOne(`${opening}\n${lowerCase}\n${opening}\n${raise}\n`);
    expect(draft.body).toContain('农村低保A类');
    expect(draft.body).not.toContain('a类');
    expect(draft.dropped.map((line) => line.line)).toEqual([1, 2]);
  });

  it('keeps the first copy when both are equally specific', () => {
    const draft = ingestOne(`${opening}\n${raise}\n${opening}\n${raise}\n`);
    expect(draft.dropped.map((line) => line.line)).toEqual([3, 4]);
    expect(draft.dropped[0]?.reason).toContain('the copies are the same; the first is kept');
  });

  it('matches copies that differ in stray spaces and in where lines break', () => {
    const [first, second] = [raise.slice(0, 30), raise.slice(30)];
    const draft = ingestOne(`${opening}\n${raise.replace('320元', '320 元')}\n${opening}\n${first}\n${second}\n`);
    expect(draft.body.split('农村低保A类')).toHaveLength(2);
    expect(draft.dropped.map((line) => line.line)).toEqual([3, 4, 5]);
  });

  it('keeps a short line that happens to repeat', () => {
    const draft = ingestOne(`${opening}\n二、存在问题\n一是人手不足,工作任务繁重,难以满足群众需求。\n二、存在问题\n二是经费不足,部分项目推进缓慢,需要进一步争取支持。\n`);
    expect(draft.body.split('二、存在问题')).toHaveLength(3);
    expect(draft.dropped).toEqual([]);
  });
});

describe('files holding several documents', () => {
  const second = '2023年上半年,在区委、区政府的正确领导下,我局全面贯彻落实各项决策部署,现将上半年工作完成情况汇报如下:';
  const file = `${opening}\n一、前段工作开展情况\n${raise}\n二、存在问题和困难\n一是福利彩票销售工作仍未步入正轨。\n${second}\n一、上半年工作开展情况\n(一)社会救助工作\n我区现有城市低保4329户、5547人。\n`;

  it('splits where the outline starts again, with the opening paragraph before it', () => {
    const drafts = ingest(file);
    expect(drafts).toHaveLength(2);
    expect(drafts[0]?.body).not.toContain('2023年上半年');
    expect(drafts[1]?.body.startsWith(second)).toBe(true);
    expect(drafts[1]?.lines).toEqual([6, 10]);
    expect(drafts[1]?.report.notes).toContain('this is document 2 of 2 in the file: the outline starts again at 一、 on line 7');
  });

  it('splits at a second metadata header after text', () => {
    const drafts = ingest(`发布机构: 宣州区民政局\n${raise}\n发布机构: 资兴市民政局\n发布日期: 2023-07-10\n${opening}\n`);
    expect(drafts.map((draft) => draft.frontmatter.publisher)).toEqual(['宣州区民政局', '资兴市民政局']);
    expect(drafts[1]?.frontmatter.published).toBe('2023-07-10');
  });

  it('splits at a second title line after text', () => {
    const drafts = ingest(`上海市民政局2009年工作要点\n${raise}\n资兴市民政局2023年上半年工作总结\n${opening}\n`);
    expect(drafts.map((draft) => draft.frontmatter.title)).toEqual(['上海市民政局2009年工作要点', '资兴市民政局2023年上半年工作总结']);
  });
});

describe('a passage pasted three times', () => {
  it('keeps it once, whichever copy is compared', () => {
    const opening = '上半年,资兴市民政局在市委市政府和郴州市民政局的领导下,坚决贯彻落实各级决策部署,民政领域各项工作得到恢复与发展。';
    const raise = '二是农村低保标准提标。农村低保A类由320元/月.人提高至380元/月.人,B类由240元/月.人提高至280元/月.人。';
    const draft = ingestOne(`${opening}\n${raise}\n`.repeat(3));
    expect(draft.body).toBe(`${opening}\n\n${raise}\n`);
    expect(draft.dropped.map((line) => line.line)).toEqual([3, 4, 5, 6]);
  });
});

describe('the work of finding copies', () => {
  const text = (i: number, text = `各乡镇要加强组织领导，第${i}项工作由专人负责，按照年度目标任务逐项推进，确保按期完成并报送进展情况。`): TextUnit => ({ type: 'text', text, lines: [{ no: i + 1, text }] });
  /** Paragraphs that all open alike (the same first sentence, as a bureau's paragraphs often do) and differ later. */
  const distinct = (count: number) => Array.from({ length: count }, (_, i) => text(i));

  it('walks a paragraph only against an earlier one that could start the same passage, however many open alike', () => {
    // Before the index every paragraph was walked against every earlier one with the same first character:
    // 1000 paragraphs that open alike were 500,000 walks.
    for (const count of [100, 1000]) {
      const paragraphs = distinct(count);
      const copy = paragraphs.slice(0, 2).map((unit, i) => text(count + i, unit.text));
      const work = { walks: 0 };
      const duplicates = findDuplicates([...paragraphs, ...copy], work);
      expect(duplicates).toEqual([expect.objectContaining({ kept: [0, 1], dropped: [count, count + 1] })]);
      expect(work.walks).toBe(1);
    }
  });

  it('walks the copy of a long repeated report once', () => {
    const units = [...distinct(500), ...distinct(500).map((unit, i) => text(500 + i, unit.text))];
    const work = { walks: 0 };
    const duplicates = findDuplicates(units, work);
    expect(duplicates).toHaveLength(1);
    expect(duplicates[0]?.dropped).toEqual(Array.from({ length: 500 }, (_, i) => 500 + i));
    expect(work.walks).toBe(1);
  });

  it('still finds a copy whose opening has an anonymised name among many that open alike', () => {
    const units = [text(0, anonymised), text(1, raise), ...distinct(300).map((unit, i) => text(i + 2, unit.text)), text(302, opening), text(303, raise)];
    expect(findDuplicates(units)).toEqual([expect.objectContaining({ kept: [302, 303], dropped: [0, 1] })]);
  });
});
