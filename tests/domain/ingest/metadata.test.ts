import { describe, expect, it } from 'vitest';
import { resolveMetadata, scanMetadata } from '../../../src/domain/ingest/metadata.ts';
import { splitLines } from '../../../src/domain/ingest/ingest.ts';

const scan = (text: string) => scanMetadata(splitLines(text).filter((line) => line.text.trim() !== ''));
const read = (text: string) => resolveMetadata(scan(text).values);

describe('the metadata header', () => {
  it('reads a key on one line and its value on the next', () => {
    const metadata = read('公开主体:\n上海市崇明区民政局\n发布日期:\n2017-07-20\n');
    expect(metadata.publisher?.value).toBe('上海市崇明区民政局');
    expect(metadata.published?.value).toBe('2017-07-20');
  });

  it('keeps a key empty when the next line is another key', () => {
    const metadata = read('发文字号:\n成文日期:\n发布日期:\n2017-07-20\n');
    expect(metadata.doc_no).toBeUndefined();
    expect(metadata.written).toBeUndefined();
    expect([...metadata.empty]).toEqual(['doc_no', 'written']);
  });

  it('does not take the first paragraph as the value of the last key', () => {
    const { values, consumed } = scan('失效日期:\n下半年,本区民政工作将按照区委、区政府年度工作安排。\n');
    expect(values).toEqual([{ key: '失效日期', field: 'other', value: '', line: 1 }]);
    expect(consumed.has(2)).toBe(false);
  });

  it('reads key: value lines, with ASCII or full-width colons', () => {
    const metadata = read('索引号: 11341703003249426F/202308-00030\n发布机构：宣州区民政局\n生成日期：2023年8月28日\n');
    expect(metadata.index_no?.value).toBe('11341703003249426F/202308-00030');
    expect(metadata.publisher?.value).toBe('宣州区民政局');
    expect(metadata.written?.value).toBe('2023-08-28');
  });

  it('reads several pairs on one line', () => {
    const metadata = read('索引号：AA9116003-2009-003  发布日期：2009-03-18\n');
    expect(metadata.index_no?.value).toBe('AA9116003-2009-003');
    expect(metadata.published?.value).toBe('2009-03-18');
  });

  it('reads the pairs of a flattened table row', () => {
    const metadata = read('索引号: | 11341703003249426F/202308-00030 | 组配分类: | 决策部署落实情况 |\n名称: | 2023年区民政局重点工作任务一清单 | 文号: | 无 |\n');
    expect(metadata.index_no?.value).toBe('11341703003249426F/202308-00030');
    expect(metadata.title?.value).toBe('2023年区民政局重点工作任务一清单');
  });

  it('keeps an empty table cell empty', () => {
    const metadata = read('索取号: | AA9116003-2009-003 | 发布机构: | |\n文件编号: | 公开类别: |\n');
    expect(metadata.index_no?.value).toBe('AA9116003-2009-003');
    expect(metadata.publisher).toBeUndefined();
    expect(metadata.empty.has('publisher')).toBe(true);
    expect(metadata.empty.has('doc_no')).toBe(true);
  });

  it('reads 文号 无 as no document number', () => {
    const metadata = read('文号: 无\n');
    expect(metadata.doc_no).toBeUndefined();
    expect(metadata.empty.has('doc_no')).toBe(true);
  });

  it('reads a header printed twice once, and says the second copy repeats the first', () => {
    const { consumed, values } = scan('发布机构: | 宣州区民政局 |\n发布机构: | 宣州区民政局 |\n');
    expect(resolveMetadata(values).publisher).toEqual({ value: '宣州区民政局', line: 1, key: '发布机构' });
    expect(consumed.get(2)).toBe('metadata table row (发布机构: repeats line 1)');
  });

  it('keeps the first value and reports a conflicting repeat', () => {
    const metadata = read('发布日期: 2023-08-28\n发布日期: 2023-08-29\n');
    expect(metadata.published?.value).toBe('2023-08-28');
    expect(metadata.problems).toEqual(['发布日期 is "2023-08-28" on line 1 but "2023-08-29" on line 2; kept the first']);
  });

  it('leaves out a date that is not a real date and says so', () => {
    const metadata = read('发布日期: 2023-02-30\n');
    expect(metadata.published).toBeUndefined();
    expect(metadata.problems[0]).toContain('is not a date');
  });

  it('consumes every metadata line with a reason', () => {
    const { consumed } = scan('索引号:\n主题分类:\n其他-\n公开主体:\n上海市崇明区民政局\n');
    expect([...consumed.keys()]).toEqual([1, 2, 3, 4, 5]);
    expect(consumed.get(5)).toBe('metadata 公开主体: read into publisher');
  });

  it('does not read a sentence that starts with a key word as metadata', () => {
    expect(scan('名称:全市民政系统开展评比活动，共评出先进集体12个。\n').values).toEqual([]);
  });
});
