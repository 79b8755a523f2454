/**
 * The bad inputs the property suites (content-bad-input, page-bad-input) found wrongly handled, kept as plain
 * regression cases so that each stays fixed whatever seed the suites run with. Each names the fixture and the
 * mutation that found it; each fails on the code before its fix.
 */
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { figureRoleProblems } from '../../src/domain/content/figure-roles.ts';
import { readContentSources } from '../../src/domain/content/read-content.ts';
import { validateContent } from '../../src/domain/content/validate-content.ts';
import { decodeBytes } from '../../src/domain/ingest/decode.ts';
import { decodeHtml } from '../../src/domain/ingest/html.ts';
import { loadRegions, RegionIndex } from '../../src/domain/regions.ts';
import { contentRootWithDefinitions, repoRoot } from '../../tools/site-build.ts';
import { documentPath, documentText, sources, validBody, validFrontmatter } from '../domain/content/fixtures.ts';

const regions = new RegionIndex(loadRegions());
const definitions = readContentSources(repoRoot);

/** One document validated against the project's real metrics and topics. */
function validateOne(frontmatter: Record<string, unknown>, body = validBody, path = documentPath) {
  return validateContent({ documents: [{ path, text: documentText(frontmatter, body) }], metrics: definitions.metrics, topics: definitions.topics }, regions).issues;
}

function withFigure(figure: Record<string, unknown>, body: string): [Record<string, unknown>, string] {
  return [{ ...validFrontmatter(), metrics: [{ metric: 'dibao-urban', unit: '元/人/月', ...figure }] }, `## 一、社会救助\n\n${body}\n`];
}

describe('figures the content suite found published wrong', () => {
  it('refuses value and previous swapped when the new value is written after 调整为每人每月 (zhejiang/hangzhou 2009 notice, swapped)', () => {
    expect(figureRoleProblems('每人每月355元调整为每人每月400元', 355, 400).map((p) => p.field)).toEqual(['value', 'previous']);
    expect(figureRoleProblems('每人每月355元调整为每人每月400元', 400, 355)).toEqual([]);
  });

  it('refuses value and previous swapped around a bracketed aside and a floor, 5268元(月人均439元)提高到不低于5580元 (gansu/lanzhou 2023 notice)', () => {
    expect(figureRoleProblems('5268元(月人均439元)提高到不低于5580元', 5268, 5580).map((p) => p.field)).toEqual(['value', 'previous']);
    expect(figureRoleProblems('5268元(月人均439元)提高到不低于5580元', 5580, 5268)).toEqual([]);
  });

  it('refuses value and previous swapped when the copy prints 提高 as 提髙 (sichuan/chengdu 2013 notice, seed 777)', () => {
    expect(figureRoleProblems('月人均收人380元提髙到430元', 380, 430).map((p) => p.field)).toEqual(['value', 'previous']);
    expect(figureRoleProblems('月人均收人380元提髙到430元', 430, 380)).toEqual([]);
  });

  it('refuses a previous value equal to the value when the quote states one number (shanghai 2021 notice, previous added)', () => {
    expect(figureRoleProblems('每人每月410元', 410, 410)).toEqual([expect.objectContaining({ field: 'previous', message: "previous is 410, the figure's own value" })]);
  });

  it('refuses a figure whose quote names the other metric: 农村低保 given as dibao-urban, 散居孤儿 as institutional', () => {
    const [rural, ruralBody] = withFigure({ category: 'A', value: 380, previous: 320, quote: '农村低保A类由320元/月.人提高至380元/月.人' }, '农村低保A类由320元/月.人提高至380元/月.人。');
    expect(validateOne(rural, ruralBody)).toEqual([expect.objectContaining({ field: 'metrics[0].metric', hint: expect.stringContaining('`metric: dibao-rural`') })]);
    const [orphans, orphanBody] = withFigure({ metric: 'orphan-allowance-institutional', value: 600, quote: '散居孤儿每人每月不低于600元' }, '散居孤儿每人每月不低于600元。');
    expect(validateOne(orphans, orphanBody)).toEqual([expect.objectContaining({ field: 'metrics[0].metric', hint: expect.stringContaining('orphan-allowance-dispersed') })]);
  });

  it('refuses nursing beds given as all elderly-care beds, 护理型床位总数达1775张 (jiangsu/changzhou/jintan 2017 summary, seed 777)', () => {
    const [beds, body] = withFigure({ metric: 'elderly-care-beds', value: 1775, unit: '张', quote: '护理型床位总数达1775张' }, '全区养老床位总数达6331张，护理型床位总数达1775张。');
    expect(validateOne({ ...beds, topics: ['social-assistance', 'elderly-care'] }, body)).toEqual([expect.objectContaining({ field: 'metrics[0].metric', hint: expect.stringContaining('`metric: nursing-beds`') })]);
  });

  it('refuses a class other than the one the quote names, and a missing class the quote names (hunan/chenzhou/zixing, category changed)', () => {
    const [wrong, body] = withFigure({ category: 'A', value: 420, previous: 370, quote: 'B类由370元/月.人提高至420元/月.人' }, 'B类由370元/月.人提高至420元/月.人。');
    expect(validateOne(wrong, body)).toEqual([expect.objectContaining({ field: 'metrics[0].category', hint: 'did you mean `category: B`?' })]);
    const [missing] = withFigure({ value: 420, previous: 370, quote: 'B类由370元/月.人提高至420元/月.人' }, '');
    expect(validateOne(missing, body)).toEqual([expect.objectContaining({ field: 'metrics[0].category', hint: 'add `category: B`' })]);
  });

  it('refuses a per-year unit for a quote that states a monthly standard, and reads a bracketed monthly aside as restating yearly numbers (shandong/dongying 2019 and gansu/lanzhou 2023 notices, unit changed)', () => {
    const [monthly, body] = withFigure({ value: 620, previous: 600, unit: '元/人/年', quote: '每人每月600元提高到620元' }, '城市低保标准由每人每月600元提高到620元。');
    expect(validateOne(monthly, body)).toEqual([expect.objectContaining({ field: 'metrics[0].unit', hint: 'did you mean `unit: 元/人/月`?' })]);
    const [yearly, yearlyBody] = withFigure({ value: 11040, previous: 10968, unit: '元/人/年', quote: '10968元(月人均914元)提高到11040元' }, '年人均由10968元(月人均914元)提高到11040元(月人均920元)');
    expect(validateOne(yearly, yearlyBody)).toEqual([]);
    // Seed 99: the same figure given per month; the aside per month says the numbers it restates are per year.
    expect(validateOne({ ...yearly, metrics: [{ ...(yearly.metrics as Record<string, unknown>[])[0], unit: '元/人/月' }] }, yearlyBody)).toEqual([expect.objectContaining({ field: 'metrics[0].unit', hint: 'did you mean `unit: 元/人/年`?' })]);
  });
});

describe('files the content suite found read without a clear error', () => {
  it('reports a NUL or U+FFFD in a document body with its line, instead of publishing it', () => {
    const body = `## 一、社会救助\n\n城市低保A类由500元/月.人提高至550元/月.人。\n\n低保\u0000资金\ufffd按月发放。\n`;
    const text = documentText(validFrontmatter(), body);
    const line = text.slice(0, text.indexOf('\u0000')).split('\n').length;
    expect(validateOne(validFrontmatter(), body)).toEqual([
      expect.objectContaining({ file: documentPath, message: `the file holds 2 characters no source text has (line ${line}: U+0000, a NUL byte; line ${line}: U+FFFD, the replacement character left where bytes could not be read)` }),
    ]);
  });

  it('reports a document saved as GB18030, read by the build’s loader, instead of publishing mojibake', () => {
    const root = contentRootWithDefinitions(mkdtempSync(join(tmpdir(), 'gongkai-found-')), undefined);
    const path = join(root, documentPath);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, iconv.encode(documentText(validFrontmatter()), 'gb18030'));
    const { issues } = validateContent(readContentSources(root), regions);
    // Refused at reading, with where the first bad bytes are (src/domain/content/content-files.ts).
    expect(issues).toContainEqual(expect.objectContaining({ file: documentPath, message: expect.stringMatching(/^is not valid UTF-8: \d+ invalid byte sequences, at byte \d+ \(line 2\)/), hint: expect.stringContaining('save the file as UTF-8') }));
  });

  it('names the file and line of a front matter that is one value, not fields', () => {
    const issues = validateContent(sources({ [documentPath]: '---\n550\n---\n正文。\n' }), regions).issues;
    expect(issues).toEqual([{ file: documentPath, line: 2, column: 1, value: 550, message: 'the front matter (line 2) is the single value 550, not fields', hint: expect.stringContaining('`field: value`') }]);
  });

  it('says a period without half is missing its half, not "undefined is not allowed" (shandong/dongying 2019 notice, half removed)', () => {
    const issues = validateOne({ ...validFrontmatter(), period: { year: 2023 } });
    expect(issues).toEqual([expect.objectContaining({ field: 'period.half', message: 'required field is missing', hint: 'add `period.half`: H1 (上半年), H2 (下半年), or null for the whole year' })]);
  });

  it('reports a misspelt key inside a figure, a task or the period where it is written, instead of dropping it', () => {
    const fm = validFrontmatter();
    (fm.metrics as Record<string, unknown>[])[0] = { ...(fm.metrics as Record<string, unknown>[])[0], previosu: 500 };
    expect(validateOne(fm)).toContainEqual(expect.objectContaining({ field: 'metrics[0].previosu', message: 'unknown field `previosu`' }));
    expect(validateOne({ ...validFrontmatter(), period: { year: 2023, half: 'H1', yaer: 2023 } })).toContainEqual(expect.objectContaining({ field: 'period.yaer' }));
    expect(validateOne({ ...validFrontmatter(), note_: '注' })).toEqual([expect.objectContaining({ field: 'note_', message: 'unknown field `note_`' })]);
  });
});

describe('pages the page suite found read as garbled text', () => {
  const page = '上半年，城市低保A类由500元/月.人提高至550元/月.人。\n一、前段工作开展情况\n';

  it('refuses UTF-8 whose flipped bit made a private-use character (E5 → EE), with its byte offset and line; --allow-damaged marks it', () => {
    const bytes = Buffer.from(page, 'utf8');
    const at = bytes.indexOf(0xe5, bytes.indexOf(0x0a));
    bytes[at] = 0xee;
    const refused = decodeBytes(bytes);
    expect(refused).toMatchObject({ ok: false, reason: expect.stringContaining(`byte ${at} (line 2)`) });
    const marked = decodeBytes(bytes, { allowDamaged: true });
    expect(marked.ok && marked.text).toMatch(/〖无法解码的字节 EE [0-9A-F]{2} [0-9A-F]{2}〗/);
    expect(marked.ok && /[\ue000-\uf8ff]/.test(marked.text)).toBe(false);
  });

  it('refuses GB18030 whose lost bytes paired into a code iconv reads as private use, A6D9 (ingest/pages/024.txt, seed 777)', () => {
    const before = iconv.encode('城市低保标准提高至', 'gb18030');
    const bytes = Buffer.concat([before, Buffer.from([0xa6, 0xd9]), iconv.encode('780元，按月发放。城乡低保同步提标。\n第二行。\n', 'gb18030')]);
    expect(decodeBytes(bytes)).toMatchObject({ ok: false, reason: expect.stringContaining(`byte ${before.length} (line 1): 0xA6 0xD9`) });
  });

  it('refuses UTF-16 with a lost byte even with --allow-damaged: every character after it is shifted (ingest/pages/015.txt)', () => {
    const bytes = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(page.repeat(3), 'utf-16be')]);
    const lost = Buffer.concat([bytes.subarray(0, 41), bytes.subarray(42, bytes.length - 1)]);
    const result = decodeBytes(lost, { allowDamaged: true });
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/shifted from byte \d+ \(line \d+\)/) });
  });

  it('refuses a GBK page (meta charset gb2312) with a damaged byte, with its offset, instead of reading U+FFFD (ingest/html/zoom-gbk.html)', () => {
    const html = Buffer.from(readFileSync(join(repoRoot, 'tests/fixtures/ingest/html/zoom-gbk.html')));
    const at = html.findIndex((byte, i) => i > 600 && byte >= 0xb0 && byte <= 0xf7);
    html[at + 1] = 0x20;
    const result = decodeHtml(html);
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining(`byte ${at} (line `) });
  });
});
