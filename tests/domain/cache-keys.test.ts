/**
 * The incremental build copies a page from the previous build when its cache key is unchanged, so a key must
 * change with anything its page shows, and stay equal when only a document the page does not show changes.
 * The keys are computed here exactly as src/lib/cache-keys.ts computes them, from the same domain indexes.
 */
import { describe, expect, it } from 'vitest';
import { citingDocuments, contentKey, documentPageKey, listPageKey, regionPageKey } from '../../src/domain/cache-keys.ts';
import { buildFacets } from '../../src/domain/facets.ts';
import { paginateList } from '../../src/domain/pagination.ts';
import { documentsWithinRegions } from '../../src/domain/region-tree.ts';

interface Doc {
  id: string;
  digest: string;
  data: {
    region: string;
    period: { year: number; half: 'H1' | 'H2' | null };
    kind: 'plan' | 'summary' | 'task-list';
    topics: string[];
    tasks: { id: string; evidence?: { document: string; quote: string } }[];
  };
}

const parents: Record<string, string | undefined> = {
  anhui: undefined,
  'anhui/xuancheng': 'anhui',
  'anhui/xuancheng/xuanzhou': 'anhui/xuancheng',
  'anhui/hefei': 'anhui',
  hunan: undefined,
  'hunan/chenzhou': 'hunan',
  'hunan/chenzhou/zixing': 'hunan/chenzhou',
};
const parentOf = (slug: string) => parents[slug];
const childrenOf = (slug: string) => Object.keys(parents).filter((child) => parents[child] === slug);

function doc(id: string, region: string, year: number, kind: Doc['data']['kind'], tasks: Doc['data']['tasks'] = []): Doc {
  return { id, digest: contentKey(id, 'v1'), data: { region, period: { year, half: null }, kind, topics: ['social-assistance'], tasks } };
}

const taskList = doc('anhui/xuancheng/xuanzhou/2023-year-task-list', 'anhui/xuancheng/xuanzhou', 2023, 'task-list', [
  { id: '1-1', evidence: { document: 'anhui/xuancheng/xuanzhou/2023-h2-summary', quote: '低保标准提高到每人每月780元' } },
  { id: '1-2' },
]);
const summary = doc('anhui/xuancheng/xuanzhou/2023-h2-summary', 'anhui/xuancheng/xuanzhou', 2023, 'summary');
const hefei = doc('anhui/hefei/2022-year-plan', 'anhui/hefei', 2022, 'plan');
const zixing = doc('hunan/chenzhou/zixing/2023-h1-summary', 'hunan/chenzhou/zixing', 2023, 'summary');
const corpus = [taskList, summary, hefei, zixing];
const definitions = contentKey('metrics v1', 'topics v1');

/** A new version of `changed` (its file edited), the rest as they were. */
function edit(docs: Doc[], changed: Doc, data: Partial<Doc['data']> = {}): Doc[] {
  return docs.map((d) => (d === changed ? { ...d, digest: contentKey(d.id, 'v2'), data: { ...d.data, ...data } } : d));
}

function documentKeys(docs: Doc[], definitionsKey = definitions): Map<string, string> {
  const citing = citingDocuments(docs);
  return new Map(docs.map((d) => [d.id, documentPageKey(d, definitionsKey, citing.get(d.id) ?? [])]));
}

function regionKeys(docs: Doc[]): Map<string, string> {
  const within = documentsWithinRegions(docs, parentOf);
  return new Map([...within.keys()].map((slug) => [slug, regionPageKey(within.get(slug)!, childrenOf(slug).filter((c) => within.has(c)), definitions)]));
}

function listKeys(docs: Doc[]): Map<string, string> {
  const facets = buildFacets(docs);
  const links = JSON.stringify(Object.fromEntries(Object.entries(facets).map(([facet, values]) => [facet, [...values].map(([value, list]) => [value, list.length])])));
  const keys = new Map<string, string>();
  for (const page of paginateList(docs, 2, '/documents/')) keys.set(`/documents/${page.currentPage}`, listPageKey(page, links, definitions));
  for (const [value, list] of facets.year) {
    for (const page of paginateList(list, 2, `/documents/year/${value}/`)) {
      keys.set(`/documents/year/${value}/${page.currentPage}`, listPageKey(page, links, definitions, { facet: 'year', value, label: `${value}年` }));
    }
  }
  return keys;
}

/** The names whose key differs between two key maps (a name in only one of them counts as different). */
function changedKeys(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((name) => before.get(name) !== after.get(name)).sort();
}

describe('a document page’s cache key', () => {
  it('changes when the document’s file changes, and only that document’s', () => {
    expect(changedKeys(documentKeys(corpus), documentKeys(edit(corpus, zixing)))).toEqual([zixing.id]);
  });

  it('changes on every page when a metric or topic definition changes (pages show their names)', () => {
    expect(changedKeys(documentKeys(corpus), documentKeys(corpus, contentKey('metrics v2', 'topics v1')))).toEqual(corpus.map((d) => d.id).sort());
  });

  it('of a summary changes when a task list whose evidence quotes it changes (its page shows and anchors those quotes)', () => {
    const quoteChanged = edit(corpus, taskList, { tasks: [{ id: '1-1', evidence: { document: summary.id, quote: '低保标准提高到每人每月800元' } }] });
    expect(changedKeys(documentKeys(corpus), documentKeys(quoteChanged))).toEqual([summary.id, taskList.id].sort());
  });

  it('of a summary changes when a new document starts citing it as evidence', () => {
    const newList = doc('anhui/xuancheng/xuanzhou/2023-year-task-list-2', 'anhui/xuancheng/xuanzhou', 2023, 'task-list', [
      { id: '2-1', evidence: { document: summary.id, quote: '新增养老床位' } },
    ]);
    const keys = changedKeys(documentKeys(corpus), documentKeys([...corpus, newList]));
    expect(keys).toEqual([summary.id, newList.id].sort());
  });

  it('stays equal when a document in the same region that cites nothing changes', () => {
    const before = documentKeys(corpus);
    const after = documentKeys(edit(corpus, hefei));
    expect(after.get(summary.id)).toBe(before.get(summary.id));
    expect(after.get(taskList.id)).toBe(before.get(taskList.id));
  });
});

describe('a region page’s (and feed’s) cache key', () => {
  it('changes for the changed document’s region and its ancestors only', () => {
    expect(changedKeys(regionKeys(corpus), regionKeys(edit(corpus, zixing)))).toEqual(['hunan', 'hunan/chenzhou', 'hunan/chenzhou/zixing']);
  });

  it('changes for a parent when a sub-region gets its first document (the page lists its sub-regions)', () => {
    const xuancheng = doc('anhui/xuancheng/2023-year-plan', 'anhui/xuancheng', 2023, 'plan');
    expect(changedKeys(regionKeys(corpus), regionKeys([...corpus, xuancheng]))).toEqual(['anhui', 'anhui/xuancheng']);
  });
});

describe('a list page’s cache key', () => {
  it('changes only for the pages listing a document whose title changed', () => {
    // corpus order: pages of two; hefei (2022) is on page 2 of all documents and page 1 of 2022.
    expect(changedKeys(listKeys(corpus), listKeys(edit(corpus, hefei)))).toEqual(['/documents/2', '/documents/year/2022/1']);
  });

  it('changes on every list page when a facet count changes (every list page shows the counts)', () => {
    const before = listKeys(corpus);
    const after = listKeys(edit(corpus, hefei, { period: { year: 2023, half: null } }));
    expect(changedKeys(before, after)).toEqual([...new Set([...before.keys(), ...after.keys()])].sort());
  });
});
