/** Facets: what the builder records for the filters and counts for facets.json, and the keys a filter asks for. */
import { describe, expect, it } from 'vitest';
import { FacetRecorder, filterKeys } from '../../../src/domain/search/facets.ts';
import { GRAM_FACET, facetKey, type SearchDocMeta } from '../../../src/domain/search/format.ts';
import { GramRegistry } from '../../../src/domain/search/gram-registry.ts';
import { PostingRuns, memorySpillStore } from '../../../src/domain/search/posting-runs.ts';
import { decodeDocPosting } from '../../../src/domain/search/postings.ts';

const meta = (regionPath: string[], regionName: string, year: number, kind: string, topics: string[]): SearchDocMeta => ({
  region: regionPath.join('/'),
  regionName,
  regionPath,
  year,
  kind,
  topics,
  date: '',
});

const metas = [
  meta(['hunan', 'chenzhou', 'zixing'], '资兴市', 2023, 'summary', ['social-assistance', 'elderly-care']),
  meta(['hunan', 'chenzhou', 'zixing'], '资兴市', 2022, 'plan', ['elderly-care', 'elderly-care']),
  meta(['shanghai'], '上海市', 2023, 'task-list', []),
  meta(['hunan'], '湖南省', 2024, 'notice', ['social-assistance']),
];

/** Records `metas`, then merges every bucket: the doc list of each facet key. */
async function recorded() {
  const grams = new GramRegistry(16);
  const runs = new PostingRuns(16, memorySpillStore());
  const facets = new FacetRecorder(grams, runs);
  metas.forEach((m, doc) => facets.add(doc, m));
  await runs.spill();
  const lists = new Map<string, number[]>();
  for (let b = 0; b < runs.buckets; b++) {
    for (const entries of (await runs.merge(b, grams)).values()) {
      for (const e of entries) lists.set(e.key, [...decodeDocPosting(e.d, e.docCount, GRAM_FACET).docs]);
    }
  }
  return { facets, lists };
}

describe('facets', () => {
  it('records a document under every prefix of its region, its year, kind and each topic once', async () => {
    const { lists } = await recorded();
    expect(lists.get(facetKey('region', 'hunan'))).toEqual([0, 1, 3]);
    expect(lists.get(facetKey('region', 'hunan/chenzhou'))).toEqual([0, 1]);
    expect(lists.get(facetKey('region', 'hunan/chenzhou/zixing'))).toEqual([0, 1]);
    expect(lists.get(facetKey('region', 'shanghai'))).toEqual([2]);
    expect(lists.get(facetKey('year', '2023'))).toEqual([0, 2]);
    expect(lists.get(facetKey('kind', 'notice'))).toEqual([3]);
    expect(lists.get(facetKey('topic', 'elderly-care'))).toEqual([0, 1]);
  });

  it('counts values for facets.json: regions, kinds and topics in key order, years newest first, region names', async () => {
    const { facets } = await recorded();
    expect(facets.file()).toEqual({
      regions: [
        { path: 'hunan', name: '湖南省', count: 3 },
        { path: 'hunan/chenzhou', count: 2 },
        { path: 'hunan/chenzhou/zixing', name: '资兴市', count: 2 },
        { path: 'shanghai', name: '上海市', count: 1 },
      ],
      years: [
        { value: 2024, count: 1 },
        { value: 2023, count: 2 },
        { value: 2022, count: 1 },
      ],
      kinds: [
        { value: 'notice', count: 1 },
        { value: 'plan', count: 1 },
        { value: 'summary', count: 1 },
        { value: 'task-list', count: 1 },
      ],
      topics: [
        { value: 'elderly-care', count: 2 },
        { value: 'social-assistance', count: 2 },
      ],
    });
  });

  it('turns filters into facet keys: alternatives per facet, empty values left out, slashes around a region dropped', () => {
    expect(filterKeys(undefined)).toEqual([]);
    expect(filterKeys({ region: '', kind: [] })).toEqual([]);
    expect(filterKeys({ region: '/hunan/chenzhou/', year: [2022, '2023'], topic: 'charity' })).toEqual([
      [facetKey('region', 'hunan/chenzhou')],
      [facetKey('year', '2022'), facetKey('year', '2023')],
      [facetKey('topic', 'charity')],
    ]);
  });
});
