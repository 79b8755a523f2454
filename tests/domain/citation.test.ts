import { describe, expect, it } from 'vitest';
import { accessDate, citationTemplate, citationText } from '../../src/domain/citation.ts';

const zixing = {
  title: '资兴市民政局2023年上半年工作总结',
  publisher: '资兴市民政局',
  source: {},
};
const url = 'https://gongkai.example.org/documents/hunan/chenzhou/zixing/2023-h1-summary/#q-pi6dn5';

describe('GB/T 7714 citations', () => {
  it('cites a figure with its publisher, title, [EB/OL], the reader’s date and the quote’s URL', () => {
    expect(citationText(citationTemplate({ data: zixing, url }), '2024-05-01')).toBe(
      `资兴市民政局. 资兴市民政局2023年上半年工作总结[EB/OL]. [2024-05-01]. ${url}.`,
    );
  });

  it('adds 文号, 索引号 and 发布日期 where the source gives them', () => {
    const data = { ...zixing, published: '2023-08-28', source: { doc_no: '资民发〔2023〕5号', index_no: '11431081/2023-00012' } };
    expect(citationText(citationTemplate({ data, url }), '2024-05-01')).toBe(
      `资兴市民政局. 资兴市民政局2023年上半年工作总结: 资民发〔2023〕5号(索引号: 11431081/2023-00012)[EB/OL]. (2023-08-28)[2024-05-01]. ${url}.`,
    );
  });

  it('never makes up a publisher: a document without one is cited from its title', () => {
    const { publisher: _none, ...data } = zixing;
    expect(citationText(citationTemplate({ data, url }), '2024-05-01').startsWith('资兴市民政局2023年上半年工作总结[EB/OL]. [2024-05-01]. ')).toBe(true);
  });

  it('shows the field’s name in the 引用日期 gap until a reader copies it', () => {
    expect(citationText(citationTemplate({ data: zixing, url }))).toContain('[EB/OL]. [引用日期]. https://');
  });

  it('writes the reader’s local date as YYYY-MM-DD', () => {
    expect(accessDate(new Date(2024, 0, 5, 23, 59))).toBe('2024-01-05');
  });
});
