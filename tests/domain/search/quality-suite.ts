/**
 * The search quality checks, run on any corpus: the index is built into memory and queried through the
 * browser's client code, and the truth is plain substring search over the same normalised titles and texts —
 * independent of the index. quality.test.ts runs them on the repository's material; the laws corpus run
 * (quality-laws.corpus.ts, `npm run test:corpus`) on 316 legal texts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSearchIndex, createSearchClient, normalise, queryParts, type SearchClient, type SearchDoc } from '../../../src/domain/search/index.ts';
import { qualityQueries } from './corpus.ts';

interface Truth {
  /** Ids of the documents containing every part. */
  ids: Set<string>;
  /** Occurrences of the parts (overlapping ones too) per document. */
  counts: Map<string, number>;
}

interface Normalised {
  doc: SearchDoc;
  title: string;
  text: string;
}

function occurrences(text: string, part: string): number {
  let n = 0;
  for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) n++;
  return n;
}

/** The brute-force answer: every document whose title or text contains each part, and how often. */
export function truthOf(query: string, docs: readonly Normalised[]): Truth {
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

export interface QualityCorpus {
  /** e.g. `the seeds, the 60 real pages, the bundled documents and 300 generated documents`. */
  name: string;
  load: () => SearchDoc[];
  /** Checks the corpus is what `name` says (sizes per source), so a shrunken corpus cannot pass quietly. */
  expectCorpus: (docs: readonly SearchDoc[]) => void;
  /** How many queries must have at least one exact match, so the set tests this corpus and not nothing. */
  minQueriesWithMatches: number;
}

export function describeSearchQuality(corpus: QualityCorpus): void {
  describe(`search quality on ${corpus.name}`, () => {
    let docs: Normalised[];
    let client: SearchClient;
    const queries = qualityQueries();

    beforeAll(async () => {
      const loaded = corpus.load();
      docs = loaded.map((doc) => ({ doc, title: normalise(doc.title), text: normalise(doc.text) }));
      const files = new Map<string, Uint8Array>();
      await buildSearchIndex(loaded, { writeFile: (path, bytes) => void files.set(path, bytes), expectedDocs: loaded.length });
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

    it(`covers ${corpus.name}`, () => {
      corpus.expectCorpus(docs.map((d) => d.doc));
    });

    it(`has at least ${corpus.minQueriesWithMatches} queries that match some document`, () => {
      expect(queries.filter((query) => truthOf(query, docs).ids.size > 0).length).toBeGreaterThanOrEqual(corpus.minQueriesWithMatches);
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
}
