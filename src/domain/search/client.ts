/**
 * The search client: answers a query from the static index by fetching only the files it needs — the gram
 * shards of the query's characters, the date block, and the doc-table and text files of the results shown —
 * and caches every file it fetched. Runs in the browser (no Node imports) and in Node (tests, bench).
 *
 * Exactness: a part of 1–2 characters is one gram whose postings list exactly the documents containing it. A
 * longer part is checked with positions: the bigrams at offsets 0, 2, 4 … (and length − 2) must all occur at
 * those offsets from one start position. That is the substring test itself, so the doc set and the
 * occurrence counts are exact without fetching any text.
 */
import { relatedForms, type RelatedForm } from './abbreviations.ts';
import { ByteReader } from './bytes.ts';
import {
  FORMAT_VERSION,
  GRAM_FACET,
  dateBlockPath,
  decodeShard,
  docTablePath,
  externalPath,
  facetKey,
  gramShard,
  gramShardPath,
  textFilePath,
  type DocTableEntry,
  type DocTableFile,
  type FacetName,
  type SearchDocMeta,
  type SearchManifest,
  type ShardEntryRef,
  type TextFile,
} from './format.ts';
import { excerptForParts, highlightRanges, openingExcerpt, type Excerpt, type Range, type TextMatch } from './excerpt.ts';
import { queryParts } from './normalise.ts';

/** Fetches one index file by its path relative to the index folder (e.g. `g/0a3.bin`). */
export type FetchFile = (path: string) => Promise<Uint8Array | ArrayBuffer | string>;

export interface SearchClientOptions {
  fetchFile: FetchFile;
  /** Decoded postings kept in memory (fetched files are always kept); default 512. */
  postingCacheSize?: number;
}

/** Filters: each given facet must match one of its values; region is a slug-path prefix (`anhui/xuancheng`). */
export interface SearchFilters {
  region?: string | readonly string[];
  year?: number | string | ReadonlyArray<number | string>;
  kind?: string | readonly string[];
  topic?: string | readonly string[];
}

export interface SearchOptions {
  filters?: SearchFilters;
  /** `relevance` (default): title matches, then occurrences, then date. `date`: newest first. */
  sort?: 'relevance' | 'date';
  /** Results to return with excerpts; default 10. */
  limit?: number;
  /** Results to skip (paging); default 0. */
  offset?: number;
  /** Whether to look for related results (other forms of abbreviations); default true. */
  related?: boolean;
  /** Whether to cut excerpts (fetching the results' text); default true. Without, `excerpt` is empty. */
  excerpts?: boolean;
}

export interface SearchResult {
  /** Doc id as given to the builder. */
  id: string;
  url: string;
  title: string;
  meta: SearchDocMeta;
  /** `true` when the document contains every part of the query exactly. */
  exact: boolean;
  /** For a related result: which form of which abbreviation matched. */
  related?: { form: string; replaces: string; part: string };
  /** Occurrences of the query's parts (or of the related form) in title and body. */
  count: number;
  /** Whether every part occurs in the title. */
  titleMatch: boolean;
  /** Ranges of `title` to highlight. */
  titleHighlights: Range[];
  excerpt: Excerpt;
  /** First match in the body text (original offsets), for scrolling a page to it; `null` if only in the title. */
  firstMatch: TextMatch | null;
}

export interface SearchResponse {
  query: string;
  /** The normalised parts searched, e.g. `['低保', '标准']`. */
  parts: string[];
  /** Documents containing every part exactly (after filters). */
  exactCount: number;
  /** Further documents found only through another form of an abbreviation. */
  relatedCount: number;
  /** The related forms tried. */
  relatedForms: RelatedForm[];
  /** `results` is `[offset, offset + limit)` of exact results followed by related ones. */
  results: SearchResult[];
}

/** Decoded doc section of a gram: sorted doc ids, occurrences and occurrences in the title. */
interface DocPosting {
  docs: Int32Array;
  tf: Int32Array;
  titleTf: Int32Array;
}

/** Decoded positions of a bigram: positions of doc i are `pos[start[i]] … pos[start[i+1] − 1]`. */
interface PositionPosting {
  start: Int32Array;
  pos: Int32Array;
}

/** Documents matching a part (or the whole query), with counts. */
interface MatchSet {
  docs: Int32Array;
  counts: Int32Array;
  /** Number of parts that occur in the title. */
  titleParts: Int32Array;
}

const EMPTY: MatchSet = { docs: new Int32Array(0), counts: new Int32Array(0), titleParts: new Int32Array(0) };

function toBytes(data: Uint8Array | ArrayBuffer | string): Uint8Array {
  if (typeof data === 'string') return new TextEncoder().encode(data);
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

/** Offsets of the bigrams that cover a part of `length` ≥ 3: 0, 2, 4 … and length − 2. */
export function coverOffsets(length: number): number[] {
  const offsets: number[] = [];
  for (let o = 0; o + 2 <= length; o += 2) offsets.push(o);
  if (offsets[offsets.length - 1] !== length - 2) offsets.push(length - 2);
  return offsets;
}

/** Sorted-set intersection of match sets: counts add up, title parts add up. */
function intersect(a: MatchSet, b: MatchSet): MatchSet {
  const n = Math.min(a.docs.length, b.docs.length);
  const docs = new Int32Array(n);
  const counts = new Int32Array(n);
  const titleParts = new Int32Array(n);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.docs.length && j < b.docs.length) {
    const x = a.docs[i] as number;
    const y = b.docs[j] as number;
    if (x < y) i++;
    else if (x > y) j++;
    else {
      docs[k] = x;
      counts[k] = (a.counts[i] as number) + (b.counts[j] as number);
      titleParts[k] = (a.titleParts[i] as number) + (b.titleParts[j] as number);
      k++;
      i++;
      j++;
    }
  }
  return { docs: docs.subarray(0, k), counts: counts.subarray(0, k), titleParts: titleParts.subarray(0, k) };
}

/** Keeps the docs of `set` that are in the sorted list `allowed`. */
function keepOnly(set: MatchSet, allowed: Int32Array): MatchSet {
  return intersect(set, { docs: allowed, counts: new Int32Array(allowed.length), titleParts: new Int32Array(allowed.length) });
}

function unionDocs(lists: Int32Array[]): Int32Array {
  if (lists.length === 1) return lists[0] as Int32Array;
  const all = new Set<number>();
  for (const list of lists) for (const doc of list) all.add(doc);
  return Int32Array.from([...all].sort((a, b) => a - b));
}

/** A bounded map that forgets the least recently used entry. */
class Lru<K, V> {
  private readonly map = new Map<K, V>();
  private readonly size: number;

  constructor(size: number) {
    this.size = size;
  }

  get(key: K): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }

  delete(key: K): void {
    this.map.delete(key);
  }

  set(key: K, value: V): void {
    this.map.set(key, value);
    if (this.map.size > this.size) {
      const oldest = this.map.keys().next().value as K;
      this.map.delete(oldest);
    }
  }
}

export interface SearchClient {
  search(query: string, options?: SearchOptions): Promise<SearchResponse>;
  /** The manifest (fetched once). */
  manifest(): Promise<SearchManifest>;
  /** Files fetched so far and their bytes (as delivered to the client, i.e. decoded). */
  stats(): { files: number; bytes: number };
}

export function createSearchClient(options: SearchClientOptions): SearchClient {
  const files = new Map<string, Promise<Uint8Array>>();
  const fetched = { files: 0, bytes: 0 };
  const shardDirs = new Map<number, Promise<Map<string, ShardEntryRef>>>();
  const docPostings = new Lru<string, Promise<DocPosting | null>>(options.postingCacheSize ?? 512);
  const positionPostings = new Lru<string, Promise<PositionPosting>>(Math.max(16, (options.postingCacheSize ?? 512) >> 3));
  const decoder = new TextDecoder();
  let manifestPromise: Promise<SearchManifest> | undefined;

  function file(path: string): Promise<Uint8Array> {
    let cached = files.get(path);
    if (!cached) {
      cached = options.fetchFile(path).then((data) => {
        const bytes = toBytes(data);
        fetched.files++;
        fetched.bytes += bytes.length;
        return bytes;
      });
      // A failed fetch is not cached, so the next search retries it.
      cached.catch(() => files.delete(path));
      files.set(path, cached);
    }
    return cached;
  }

  /** Parsed JSON files (doc tables, texts): ten results often share a file, so parse it once. */
  const parsed = new Lru<string, Promise<unknown>>(64);
  function json<T>(path: string): Promise<T> {
    let cached = parsed.get(path);
    if (!cached) {
      cached = file(path).then((bytes) => JSON.parse(decoder.decode(bytes)) as unknown);
      // A failure is not cached, so the next search retries.
      cached.catch(() => parsed.delete(path));
      parsed.set(path, cached);
    }
    return cached as Promise<T>;
  }

  function manifest(): Promise<SearchManifest> {
    manifestPromise ??= json<SearchManifest>('manifest.json').then((m) => {
      if (m.format !== FORMAT_VERSION) throw new Error(`search index has format ${m.format}; this client reads format ${FORMAT_VERSION}`);
      return m;
    });
    manifestPromise.catch(() => (manifestPromise = undefined));
    return manifestPromise;
  }

  async function locate(key: string): Promise<{ shard: number; ref: ShardEntryRef } | null> {
    const m = await manifest();
    const shard = gramShard(key, m.gramShards);
    let dir = shardDirs.get(shard);
    if (!dir) {
      dir = file(gramShardPath(shard)).then(decodeShard);
      dir.catch(() => shardDirs.delete(shard));
      shardDirs.set(shard, dir);
    }
    const ref = (await dir).get(key);
    return ref ? { shard, ref } : null;
  }

  async function sectionBytes(shard: number, ref: ShardEntryRef, section: 'd' | 'p'): Promise<Uint8Array> {
    if (ref.external >= 0 && ref.split) return file(externalPath(shard, ref.external, section));
    const bytes = await file(ref.external >= 0 ? externalPath(shard, ref.external, 'dp') : gramShardPath(shard));
    return section === 'd' ? bytes.subarray(ref.dOffset, ref.dOffset + ref.dLength) : bytes.subarray(ref.pOffset, ref.pOffset + ref.pLength);
  }

  function docPosting(key: string): Promise<DocPosting | null> {
    let cached = docPostings.get(key);
    if (!cached) {
      cached = (async () => {
        const found = await locate(key);
        if (!found) return null;
        const { shard, ref } = found;
        const reader = new ByteReader(await sectionBytes(shard, ref, 'd'));
        const docs = new Int32Array(ref.docCount);
        const tf = new Int32Array(ref.docCount);
        const titleTf = new Int32Array(ref.docCount);
        let doc = -1;
        for (let i = 0; i < ref.docCount; i++) {
          doc += reader.varint() + 1;
          docs[i] = doc;
          if (ref.kind === GRAM_FACET) continue;
          const v = reader.varint();
          tf[i] = v >>> 1;
          titleTf[i] = v & 1 ? reader.varint() + 1 : 0;
        }
        return { docs, tf, titleTf };
      })();
      cached.catch(() => docPostings.delete(key));
      docPostings.set(key, cached);
    }
    return cached;
  }

  function positionPosting(key: string, docs: DocPosting): Promise<PositionPosting> {
    let cached = positionPostings.get(key);
    if (!cached) {
      cached = (async () => {
        const found = await locate(key);
        if (!found) throw new Error(`search index: bigram ${key} has a doc list but no entry`);
        const reader = new ByteReader(await sectionBytes(found.shard, found.ref, 'p'));
        const start = new Int32Array(docs.docs.length + 1);
        let total = 0;
        for (let i = 0; i < docs.docs.length; i++) {
          start[i] = total;
          total += docs.tf[i] as number;
        }
        start[docs.docs.length] = total;
        const pos = new Int32Array(total);
        for (let i = 0; i < docs.docs.length; i++) {
          let p = 0;
          for (let k = start[i] as number; k < (start[i + 1] as number); k++) {
            p += reader.varint();
            pos[k] = p;
          }
        }
        return { start, pos };
      })();
      cached.catch(() => positionPostings.delete(key));
      positionPostings.set(key, cached);
    }
    return cached;
  }

  /** Documents whose normalised title or body contains `part`, with occurrence counts. */
  async function matchPart(part: string): Promise<MatchSet> {
    if (part.length <= 2) {
      const posting = await docPosting(part);
      if (!posting) return EMPTY;
      return { docs: posting.docs, counts: posting.tf, titleParts: posting.titleTf.map((t) => (t > 0 ? 1 : 0)) };
    }
    const offsets = coverOffsets(part.length);
    const keys = offsets.map((o) => part.slice(o, o + 2));
    const postings = await Promise.all(keys.map(docPosting));
    if (postings.some((p) => p === null)) return EMPTY;
    const lists = postings as DocPosting[];
    // Candidates: documents that have every covering bigram somewhere.
    let candidates = lists[0]?.docs ?? new Int32Array(0);
    for (const list of lists.slice(1)) {
      candidates = intersect(
        { docs: candidates, counts: new Int32Array(candidates.length), titleParts: new Int32Array(candidates.length) },
        { docs: list.docs, counts: new Int32Array(list.docs.length), titleParts: new Int32Array(list.docs.length) },
      ).docs;
    }
    if (candidates.length === 0) return EMPTY;
    const positions = await Promise.all(keys.map((key, j) => positionPosting(key, lists[j] as DocPosting)));

    const docs = new Int32Array(candidates.length);
    const counts = new Int32Array(candidates.length);
    const titleParts = new Int32Array(candidates.length);
    const cursor = new Int32Array(keys.length);
    const from = new Int32Array(keys.length);
    const to = new Int32Array(keys.length);
    let n = 0;
    for (const doc of candidates) {
      for (let j = 0; j < keys.length; j++) {
        const list = lists[j] as DocPosting;
        let c = cursor[j] as number;
        while ((list.docs[c] as number) < doc) c++;
        cursor[j] = c;
        const pp = positions[j] as PositionPosting;
        from[j] = pp.start[c] as number;
        to[j] = pp.start[c + 1] as number;
      }
      const first = positions[0] as PositionPosting;
      const titleTf = (lists[0] as DocPosting).titleTf[cursor[0] as number] as number;
      let count = 0;
      let inTitle = 0;
      for (let k = from[0] as number; k < (to[0] as number); k++) {
        const p = first.pos[k] as number;
        let ok = true;
        for (let j = 1; j < keys.length && ok; j++) {
          const want = p + (offsets[j] as number);
          const pj = (positions[j] as PositionPosting).pos;
          let f = from[j] as number;
          while (f < (to[j] as number) && (pj[f] as number) < want) f++;
          from[j] = f;
          ok = f < (to[j] as number) && pj[f] === want;
        }
        if (ok) {
          count++;
          if (k - (from[0] as number) < titleTf) inTitle = 1;
        }
      }
      // from[0] was not advanced, so `k - from[0]` is the occurrence's rank within this doc.
      if (count > 0) {
        docs[n] = doc;
        counts[n] = count;
        titleParts[n] = inTitle;
        n++;
      }
    }
    return { docs: docs.subarray(0, n), counts: counts.subarray(0, n), titleParts: titleParts.subarray(0, n) };
  }

  async function matchAll(parts: readonly string[]): Promise<MatchSet> {
    const sets = await Promise.all(parts.map(matchPart));
    sets.sort((a, b) => a.docs.length - b.docs.length);
    let result = sets[0] ?? EMPTY;
    for (const set of sets.slice(1)) result = intersect(result, set);
    return result;
  }

  async function filterDocs(filters: SearchFilters | undefined): Promise<Int32Array | null> {
    if (!filters) return null;
    const wanted: Array<[FacetName, ReadonlyArray<string | number> | string | number | undefined]> = [
      ['region', filters.region],
      ['year', filters.year],
      ['kind', filters.kind],
      ['topic', filters.topic],
    ];
    const given = wanted
      .map(([facet, value]) => {
        const values = value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value];
        return { facet, values: values.map((v) => String(v).replace(/^\/+|\/+$/g, '')) };
      })
      .filter(({ values }) => values.length > 0);
    // Values of one facet are alternatives (union); facets must all hold (intersection).
    const lists = await Promise.all(
      given.map(async ({ facet, values }) => {
        const postings = await Promise.all(values.map((v) => docPosting(facetKey(facet, v))));
        return unionDocs(postings.map((p) => p?.docs ?? new Int32Array(0)));
      }),
    );
    if (lists.length === 0) return null;
    lists.sort((a, b) => a.length - b.length);
    let allowed = lists[0] as Int32Array;
    for (const list of lists.slice(1)) {
      allowed = intersect(
        { docs: allowed, counts: new Int32Array(allowed.length), titleParts: new Int32Array(allowed.length) },
        { docs: list, counts: new Int32Array(list.length), titleParts: new Int32Array(list.length) },
      ).docs;
    }
    return allowed;
  }

  async function datesOf(docs: Iterable<number>): Promise<(doc: number) => number> {
    const m = await manifest();
    const blocks = new Set<number>();
    for (const doc of docs) blocks.add(Math.floor(doc / m.dateBlockSize));
    const loaded = new Map<number, DataView>();
    await Promise.all(
      [...blocks].map(async (block) => {
        const bytes = await file(dateBlockPath(block));
        loaded.set(block, new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      }),
    );
    return (doc) => {
      const view = loaded.get(Math.floor(doc / m.dateBlockSize));
      const at = (doc % m.dateBlockSize) * 2;
      return view && at + 2 <= view.byteLength ? view.getUint16(at, true) : 0;
    };
  }

  async function docEntry(doc: number): Promise<DocTableEntry> {
    const m = await manifest();
    const table = await json<DocTableFile>(docTablePath(Math.floor(doc / m.docTableSize)));
    const entry = table.docs[doc - table.first];
    if (!entry) throw new Error(`search index: doc ${doc} missing from ${docTablePath(Math.floor(doc / m.docTableSize))}`);
    return entry;
  }

  /** Excerpt around the first match of `parts` in the body, reading the body's chunks in order until found. */
  async function excerptOf(entry: DocTableEntry, parts: readonly string[]): Promise<{ excerpt: Excerpt; firstMatch: TextMatch | null }> {
    let opening: string | undefined;
    for (const [fileNo, slot, origStart] of entry.text) {
      const chunk = (await json<TextFile>(textFilePath(fileNo))).chunks[slot] ?? '';
      opening ??= chunk;
      const found = excerptForParts(chunk, parts, origStart);
      if (found) return { excerpt: found.excerpt, firstMatch: found.match };
    }
    return { excerpt: openingExcerpt(opening ?? ''), firstMatch: null };
  }

  interface Ranked {
    doc: number;
    count: number;
    titleParts: number;
    date: number;
    related?: RelatedForm;
    parts: readonly string[];
  }

  return {
    manifest,
    stats: () => ({ ...fetched }),

    async search(query, searchOptions = {}) {
      const m = await manifest();
      const parts = queryParts(query);
      const limit = searchOptions.limit ?? 10;
      const offset = searchOptions.offset ?? 0;
      const forms = searchOptions.related === false ? [] : relatedForms(parts, m.abbreviations);
      if (parts.length === 0) return { query, parts, exactCount: 0, relatedCount: 0, relatedForms: forms, results: [] };

      const allowedPromise = filterDocs(searchOptions.filters);
      const [exactRaw, relatedRaw, allowed] = await Promise.all([
        matchAll(parts),
        Promise.all(forms.map((form) => matchAll(parts.map((p, i) => (i === form.partIndex ? form.part : p))))),
        allowedPromise,
      ]);
      const exact = allowed ? keepOnly(exactRaw, allowed) : exactRaw;

      const ranked: Ranked[] = [];
      const seen = new Set<number>();
      for (let i = 0; i < exact.docs.length; i++) {
        const doc = exact.docs[i] as number;
        seen.add(doc);
        ranked.push({ doc, count: exact.counts[i] as number, titleParts: exact.titleParts[i] as number, date: 0, parts });
      }
      const relatedRanked: Ranked[][] = [];
      relatedRaw.forEach((raw, f) => {
        const form = forms[f] as RelatedForm;
        const set = allowed ? keepOnly(raw, allowed) : raw;
        const list: Ranked[] = [];
        for (let i = 0; i < set.docs.length; i++) {
          const doc = set.docs[i] as number;
          if (seen.has(doc)) continue;
          seen.add(doc);
          const formParts = parts.map((p, k) => (k === form.partIndex ? form.part : p));
          list.push({ doc, count: set.counts[i] as number, titleParts: set.titleParts[i] as number, date: 0, related: form, parts: formParts });
        }
        relatedRanked.push(list);
      });

      const all = [...ranked, ...relatedRanked.flat()];
      const dateOf = await datesOf(all.map((r) => r.doc));
      for (const r of all) r.date = dateOf(r.doc);
      const byRelevance = (a: Ranked, b: Ranked) =>
        b.titleParts - a.titleParts || b.count - a.count || b.date - a.date || a.doc - b.doc;
      const byDate = (a: Ranked, b: Ranked) => b.date - a.date || byRelevance(a, b);
      const order = searchOptions.sort === 'date' ? byDate : byRelevance;
      ranked.sort(order);
      // Related results: grouped by form in the order forms were tried, each group ranked the same way.
      const related = relatedRanked.map((list) => list.sort(order)).flat();
      const page = [...ranked, ...related].slice(offset, offset + limit);

      const results = await Promise.all(
        page.map(async (r): Promise<SearchResult> => {
          const entry = await docEntry(r.doc);
          const { excerpt, firstMatch } =
            searchOptions.excerpts === false ? { excerpt: { text: '', highlights: [] }, firstMatch: null } : await excerptOf(entry, r.parts);
          const result: SearchResult = {
            id: entry.id,
            url: entry.url,
            title: entry.title,
            meta: entry.meta,
            exact: !r.related,
            count: r.count,
            titleMatch: r.titleParts === r.parts.length,
            titleHighlights: highlightRanges(entry.title, r.parts),
            excerpt,
            firstMatch,
          };
          if (r.related) result.related = { form: r.related.form, replaces: r.related.replaces, part: r.related.part };
          return result;
        }),
      );
      return { query, parts, exactCount: ranked.length, relatedCount: related.length, relatedForms: forms, results };
    },
  };
}
