/**
 * Search quality on real text: the seeds plus 316 texts of ../shared/corpus/laws, the query set of
 * tests/fixtures/search/queries.txt, and truth computed by plain substring over the normalised title and text —
 * independent of the index. The index is built into memory and queried through the browser's client code.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSearchIndex, createSearchClient, normalise, queryParts, type SearchClient, type SearchDoc } from '../../../src/domain/search/index.ts';
import { qualityCorpus, qualityQueries } from './corpus.ts';

interface Truth {
  /** Ids of the documents containing every part. */
  ids: Set<string>;
  /** Occurrences of the parts (overlapping ones too) per document. */
  counts: Map<string, number>;
}

function occurrences(text: string, part: string): number {
  let n = 0;
  for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) n++;
  return n;
}

function truthOf(query: string, docs: ReadonlyArray<{ doc: SearchDoc; title: string; text: string }>): Truth {
  const parts = queryParts(query);
  const ids = new Set<string>();
  const counts = new Map<string, number>();
  for (const { doc, title, text } of docs) {
    if (parts.length > 0 && parts.every((part) => title.includes(part) || text.includes(part))) {
      ids.add(doc.id);
      counts.set(doc.id, parts.reduce((n, part) => n + occurrences(title, part) + occurrences(text, part), 0));
    }
  }
  return { ids, counts };
}

describe('search quality on the seeds and 316 laws texts', () => {
  let docs: Array<{ doc: SearchDoc; title: string; text: string }>;
  let client: SearchClient;
  const queries = qualityQueries();

  beforeAll(async () => {
    // Throws with a clear message when ../shared/corpus/laws is missing: the test must fail, not skip.
    const corpus = qualityCorpus();
    docs = corpus.map((doc) => ({ doc, title: normalise(doc.title), text: normalise(doc.text) }));
    const files = new Map<string, Uint8Array>();
    await buildSearchIndex(corpus, { writeFile: (path, bytes) => void files.set(path, bytes), expectedDocs: corpus.length });
    client = createSearchClient({
      fetchFile: async (path) => {
        const bytes = files.get(path);
        if (!bytes) throw new Error(`index file ${path} does not exist`);
        return bytes;
      },
    });
  }, 300_000);

  it('has a query set of at least 60 queries of 1–10 characters', () => {
    expect(queries.length).toBeGreaterThanOrEqual(60);
    for (const query of queries) expect([...query.replace(/\s/gu, '')].length, query).toBeLessThanOrEqual(10);
  });

  it('covers the seeds and at least 300 laws texts', () => {
    expect(docs.filter((d) => d.doc.id.startsWith('seeds/'))).toHaveLength(5);
    expect(docs.filter((d) => d.doc.id.startsWith('laws/')).length).toBeGreaterThanOrEqual(300);
  });

  it('finds exactly the documents that contain each query, with exact occurrence counts', async () => {
    const wrong: string[] = [];
    for (const query of queries) {
      const truth = truthOf(query, docs);
      const response = await client.search(query, { limit: docs.length, excerpts: false, related: false });
      const found = response.results.filter((r) => r.exact);
      const missing = [...truth.ids].filter((id) => !found.some((r) => r.id === id));
      const extra = found.filter((r) => !truth.ids.has(r.id)).map((r) => r.id);
      const badCounts = found.filter((r) => truth.counts.get(r.id) !== r.count).map((r) => `${r.id}: ${r.count} ≠ ${truth.counts.get(r.id)}`);
      if (response.exactCount !== truth.ids.size || missing.length || extra.length || badCounts.length) {
        wrong.push(`${query}: exactCount ${response.exactCount}, truth ${truth.ids.size}; missing ${missing.slice(0, 3).join(', ')}; extra ${extra.slice(0, 3).join(', ')}; counts ${badCounts.slice(0, 3).join(', ')}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('puts only documents containing the query in the top ten, title matches first, with a highlighted excerpt', async () => {
    const wrong: string[] = [];
    for (const query of queries) {
      const parts = queryParts(query);
      const truth = truthOf(query, docs);
      const response = await client.search(query, { limit: 10 });
      const top = response.results.slice(0, Math.min(10, truth.ids.size));
      for (const result of top) {
        if (!result.exact || !truth.ids.has(result.id)) wrong.push(`${query}: ${result.id} in the top ten does not contain it`);
        const excerptText = normalise(result.excerpt.text);
        const highlighted = result.excerpt.highlights.map(([s, e]) => normalise(result.excerpt.text.slice(s, e)));
        const inTitle = parts.every((p) => normalise(result.title).includes(p));
        if (!inTitle && !parts.some((p) => excerptText.includes(p))) wrong.push(`${query}: excerpt of ${result.id} lacks the match: ${result.excerpt.text}`);
        if (highlighted.some((h) => !parts.some((p) => h.includes(p)))) wrong.push(`${query}: ${result.id} highlights ${highlighted.join('|')}`);
      }
      // More parts in the title first, then more occurrences before fewer.
      const inTitle = (title: string) => parts.filter((p) => normalise(title).includes(p)).length;
      for (let i = 1; i < top.length; i++) {
        const a = top[i - 1];
        const b = top[i];
        if (a && b && (inTitle(b.title) > inTitle(a.title) || (inTitle(a.title) === inTitle(b.title) && b.count > a.count))) {
          wrong.push(`${query}: ${b.id} (${inTitle(b.title)}, ${b.count}) ranked below ${a.id} (${inTitle(a.title)}, ${a.count})`);
        }
      }
      for (const result of response.results.slice(truth.ids.size)) {
        if (result.exact || !result.related) wrong.push(`${query}: ${result.id} after the exact results is not marked related`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
