import { describe, expect, it } from 'vitest';
import { bodyTextRuns } from '../../../src/domain/markdown/render-document.ts';
import { documentReuseView, percentLabel, reuseCsv, reusePageView, reuseRows, reuseColumns } from '../../../src/domain/reuse/reuse-views.ts';
import { findSharedPassages } from '../../../src/domain/reuse/shared-passages.ts';

const copied = '为全市1263名特困人员购买住院照料护理险18.9450万元和补充医疗险11.367万元，解决特困人员住院期间照料护理问题。';
const documents = [
  { id: 'hunan/chenzhou/zixing/2023-h1-summary', region: 'hunan/chenzhou/zixing', runs: bodyTextRuns(`资兴市的开头一句话在这里写得很长很长。\n\n${copied}`), quotes: [] },
  { id: 'hunan/chenzhou/yongxing/2023-h1-summary', region: 'hunan/chenzhou/yongxing', runs: bodyTextRuns(`${copied}`), quotes: [] },
  { id: 'jiangsu/changzhou/jintan/2023-year-plan', region: 'jiangsu/changzhou/jintan', runs: bodyTextRuns('金坛区自己的计划内容与其他文件全然不同。'), quotes: [] },
];
const index = findSharedPassages(documents, (d) => documents[d]!);
const names: Record<string, string> = { 'hunan/chenzhou/zixing': '湖南省 郴州市 资兴市', 'hunan/chenzhou/yongxing': '湖南省 郴州市 永兴县', 'jiangsu/changzhou/jintan': '江苏省 常州市 金坛区' };
const label = (id: string) => {
  const region = id.split('/').slice(0, -1).join('/');
  return { title: `${names[region]}的文件`, region, regionName: names[region]! };
};

describe('percentLabel', () => {
  it('never says 0 % of a share that exists, nor 100 % of one that is not whole', () => {
    expect(percentLabel(1, 1000)).toBe('1%');
    expect(percentLabel(999, 1000)).toBe('99%');
    expect(percentLabel(10, 10)).toBe('100%');
    expect(percentLabel(0, 10)).toBe('0%');
  });
});

describe('the document page’s 相同段落亦见于 list', () => {
  it('links each passage to the same sentence of the other document and says how much is shared', () => {
    const view = documentReuseView(index.byDocument.get('hunan/chenzhou/zixing/2023-h1-summary')!, label);
    expect(view.passages).toHaveLength(1);
    expect(view.passages[0]!.href).toMatch(/^#p-/);
    expect(view.passages[0]!.alsoIn).toEqual([{ href: expect.stringMatching(/^\/documents\/hunan\/chenzhou\/yongxing\/2023-h1-summary\/#p-/), title: '湖南省 郴州市 永兴县的文件', regionName: '湖南省 郴州市 永兴县' }]);
    expect(view.summary).toMatch(/^本文约 \d+% 的文字（按字数计）亦见于其他 1 份文件。$/);
    expect(view.passages[0]!.unlisted).toBe('');
  });

  it('says how many documents a capped list leaves out, and counts them all in the summary', () => {
    const reuse = index.byDocument.get('hunan/chenzhou/zixing/2023-h1-summary')!;
    const view = documentReuseView({ ...reuse, passages: reuse.passages.map((p) => ({ ...p, otherDocuments: 388 })), sharedWith: 388 }, label);
    expect(view.passages[0]!.unlisted).toBe('另有 387 份文件也含有这段中的句子，未逐一列出。');
    expect(view.summary).toMatch(/亦见于其他 388 份文件。$/);
  });
});

describe('/reuse/ and open data', () => {
  it('ranks the pair with the copy’s whole share on the side that is only the copy', () => {
    const view = reusePageView(index, label);
    expect(view.documentsWithShared).toBe(2);
    expect(view.pairs).toHaveLength(1);
    expect(view.pairs[0]!.shares).toContain('100%');
  });

  it('writes one row per document, with the columns in order and a share of 0 for a document that shares nothing', () => {
    const rows = reuseRows(index, label, 'https://gongkai.example.org');
    expect(rows.map((r) => r.document)).toEqual(['hunan/chenzhou/zixing/2023-h1-summary', 'hunan/chenzhou/yongxing/2023-h1-summary', 'jiangsu/changzhou/jintan/2023-year-plan']);
    expect(rows[1]).toMatchObject({ share: 1, passages: 1, shared_with: 1, url: 'https://gongkai.example.org/documents/hunan/chenzhou/yongxing/2023-h1-summary/#shared-passages' });
    expect(rows[2]).toMatchObject({ share: 0, shared_chars: 0, url: 'https://gongkai.example.org/documents/jiangsu/changzhou/jintan/2023-year-plan/' });
    expect(reuseCsv(rows).split('\r\n')[0]).toBe(`\uFEFF${reuseColumns.join(',')}`);
  });
});
