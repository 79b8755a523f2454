/**
 * The search client: answers a query from the static index by fetching only the files it needs — the gram
 * shards of the query's characters, the date block, and the doc-table and text files of the results shown —
 * and caches every file it fetched. Runs in the browser (no Node imports) and in Node (tests, bench).
 *
 * The phases, one module each: index-files.ts (fetching and caching files) · posting-source.ts (a gram's
 * postings from its shard) · facets.ts (filters as facet keys) · query.ts (which documents match, exactly) ·
 * ranking.ts (in what order) · doc-store.ts (dates, titles, text for excerpts).
 */
import { relatedForms, type RelatedForm } from './abbreviations.ts';
import { DocStoreReader } from './doc-store.ts';
import { highlightRanges, type Excerpt, type Range, type TextMatch } from './excerpt.ts';
import { filterKeys, type SearchFilters } from './facets.ts';
import type { SearchDocMeta, SearchManifest } from './format.ts';
import { createIndexFiles, type FetchFile } from './index-files.ts';
import { queryParts } from './normalise.ts';
import { createPostingSource, type PostingSource } from './posting-source.ts';
import { allowedDocs, commonBigramSet, matchAll } from './query.ts';
import { collectCandidates, dateNeeds, partsWithForm, rankPage, type Candidate } from './ranking.ts';

export interface SearchClientOptions {
  fetchFile: FetchFile;
  /** Decoded postings kept in memory (fetched files are always kept); default 512. */
  postingCacheSize?: number;
}

export interface SearchOptions {
  filters?: SearchFilters;
  /** `relevance` (default): title matches, then occurrences, then date. `date`: newest first. */
  sort?: 'relevance' | 'date';
  /** Results to return with excerpts; default 10. */
  limit?: number;
  /** Results to skip (paging); default 0. */
  offset?: number;
  /**
   * Whether to look for related results (other forms of abbreviations); default true. The search page asks
   * first with `false` — exact results and counts need no related form's postings — shows them, then asks
   * again with `true` when `relatedPending` says the query has forms (the second search reuses every file).
   */
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
  /** Whether the query has related forms that were not tried (`related: false`). */
  relatedPending: boolean;
  /** `results` is `[offset, offset + limit)` of exact results followed by related ones. */
  results: SearchResult[];
}

export interface SearchClient {
  search(query: string, options?: SearchOptions): Promise<SearchResponse>;
  /** The manifest (fetched once). */
  manifest(): Promise<SearchManifest>;
  /** Files fetched so far and their bytes (as delivered to the client, i.e. decoded). */
  stats(): { files: number; bytes: number };
}

export function createSearchClient(options: SearchClientOptions): SearchClient {
  const files = createIndexFiles(options.fetchFile);
  // Made once the manifest is known: postings need the shard count, the doc store the table and block sizes.
  let store: { postings: PostingSource; docs: DocStoreReader; common: ReadonlySet<string> } | undefined;

  async function result(docs: DocStoreReader, r: Candidate, excerpts: boolean): Promise<SearchResult> {
    const entry = await docs.entry(r.doc);
    const { excerpt, firstMatch } = excerpts ? await docs.excerpt(entry, r.parts) : { excerpt: { text: '', highlights: [] }, firstMatch: null };
    const found: SearchResult = {
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
    if (r.related) found.related = { form: r.related.form, replaces: r.related.replaces, part: r.related.part };
    return found;
  }

  return {
    manifest: files.manifest,
    stats: files.stats,

    async search(query, searchOptions = {}) {
      const m = await files.manifest();
      store ??= { postings: createPostingSource(files, m.gramShards, options.postingCacheSize), docs: new DocStoreReader(files, m), common: commonBigramSet(m.commonBigrams) };
      const { postings, docs, common } = store;
      const parts = queryParts(query);
      const limit = searchOptions.limit ?? 10;
      const offset = searchOptions.offset ?? 0;
      const applicable = relatedForms(parts, m.abbreviations);
      const forms = searchOptions.related === false ? [] : applicable;
      const relatedPending = forms.length < applicable.length;
      if (parts.length === 0) return { query, parts, exactCount: 0, relatedCount: 0, relatedForms: forms, relatedPending, results: [] };

      const [exact, related, allowed] = await Promise.all([
        matchAll(postings, parts, common, m.longPhraseGrams),
        Promise.all(forms.map((form) => matchAll(postings, partsWithForm(parts, form), common, m.longPhraseGrams))),
        allowedDocs(postings, filterKeys(searchOptions.filters)),
      ]);
      const candidates = collectCandidates(parts, exact, forms, related, allowed);
      // Only the dates that can change which documents the page shows, or their order (ranking.ts).
      const dateOf = await docs.dates(dateNeeds(candidates, searchOptions.sort, offset, limit));
      const { exactCount, relatedCount, page } = rankPage(candidates, dateOf, searchOptions.sort, offset, limit);
      const results = await Promise.all(page.map((r) => result(docs, r, searchOptions.excerpts !== false)));
      return { query, parts, exactCount, relatedCount, relatedForms: forms, relatedPending, results };
    },
  };
}
