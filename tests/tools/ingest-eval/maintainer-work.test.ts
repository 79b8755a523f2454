import { describe, expect, it } from 'vitest';
import type { DocumentEntry } from '../../../src/domain/content/validate-content.ts';
import { changedFields, maintainerWork } from '../../../tools/ingest-eval/maintainer-work.ts';
import type { Draft } from '../../../src/domain/ingest/types.ts';

const quote = '城市低保标准由每人每月500元提高到550元';
const committed = {
  id: 'hunan/huaihua/chenxi/2014-year-notice',
  file: 'content/documents/hunan/huaihua/chenxi/2014-year-notice.md',
  body: `## 一、城市低保\n\n${quote}。\n`,
  data: {
    title: '关于调整我县城乡居民最低生活保障标准的通知',
    kind: 'notice',
    period: { year: 2014, half: null },
    region: 'hunan/huaihua/chenxi',
    source: { url: 'http://www.chenxi.gov.cn/a.html' },
    topics: ['social-assistance'],
    metrics: [{ metric: 'dibao-urban', value: 550, unit: '元/人/月', previous: 500, quote }],
    tasks: [],
    note: '本站收录的是该网页被截取时的文本。',
  },
} as unknown as DocumentEntry;

function draftLike(frontmatter: Record<string, unknown>, body = committed.body): Pick<Draft, 'frontmatter' | 'body'> {
  return { frontmatter: { ...(committed.data as unknown as Record<string, unknown>), ...frontmatter }, body };
}

describe('changedFields', () => {
  it('finds nothing to change when the draft is what was committed', () => {
    expect(changedFields(draftLike({}), committed)).toEqual([]);
  });

  it('names each front-matter field the maintainer set by hand', () => {
    const draft = draftLike({ region: undefined, kind: 'summary', period: { year: 2014, half: 'H1' }, note: undefined, source: {} });
    expect(changedFields(draft, committed)).toEqual(['kind', 'region', 'period', 'source.url', 'note']);
  });

  it('counts figures added and removed, a fixed figure as both', () => {
    const wrong = { metric: 'dibao-urban', value: 500, unit: '元/人/月', quote };
    expect(changedFields(draftLike({ metrics: [wrong] }), committed)).toEqual(['figures +1 −1']);
    expect(changedFields(draftLike({ metrics: [] }), committed)).toEqual(['figures +1']);
  });

  it('counts the body lines the maintainer wrote or changed', () => {
    expect(changedFields(draftLike({}, `首页 > 政务公开\n\n一、城市低保\n\n${quote}。`), committed)).toEqual(['body 1/2 lines']);
  });
});

describe('maintainerWork', () => {
  it('pairs a committed document with the page of its source.url and skips documents from elsewhere', () => {
    const other = { ...committed, id: 'x', data: { ...committed.data, source: {} } } as unknown as DocumentEntry;
    const pages = new Map([['010.txt', 'http://www.chenxi.gov.cn/a.html']]);
    const work = maintainerWork([committed, other], pages, () => [draftLike({ publisher: '辰溪县民政局' }) as Draft]);
    expect(work).toEqual([{ page: '010.txt', document: committed.id, changed: ['publisher'] }]);
  });
});
