/**
 * Static, sharded, exact Chinese substring search — no server. Design and measured figures: docs/search.md.
 *
 * ## Semantics
 * Title and body are normalised (NFKC, lower case, white space removed: `normalise()`); a query is split on
 * white space into parts, each normalised the same way. A document is an **exact** result when every part is
 * a substring of its normalised title or of its normalised body. Nothing else is: no stemming, no
 * segmentation. Exact results come first, ranked by: parts found in the title, then occurrences, then date
 * (or, with `sort: 'date'`, newest first). Then come **related** results: documents that contain another
 * form of an abbreviation in the query (低保 ↔ 最低生活保障, from content/search/abbreviations.yaml), labelled
 * with the form that matched.
 *
 * ## Build side (Node; the Astro integration calls this at `astro:build:done`)
 * ```ts
 * import { buildSearchIndex } from '../domain/search/index.ts';
 * import { directorySink, fileSpillStore, loadAbbreviations } from '../domain/search/node.ts';
 * const stats = await buildSearchIndex(docs, {              // docs: array, generator or async iterable
 *   writeFile: directorySink('dist/search'),                // or any (path, bytes) => void | Promise<void>
 *   abbreviations: loadAbbreviations('content/search/abbreviations.yaml'),
 *   expectedDocs: docs.length,                              // sizes the shard count; optional
 *   // spill: fileSpillStore(tmpDir),                       // for 100k+ documents: bounded memory
 * });
 * ```
 * A doc is `{ id, url, title, text, meta: { region, regionName, regionPath, year, kind, topics, date } }`
 * (`SearchDoc`); `text` is the body as plain text (markup removed) — excerpts are cut from it, so it should be
 * the text the page shows. For streaming, `createSearchIndexBuilder(options)` gives `add(doc)` / `finish()`.
 *
 * ## Browser side (the /search/ page)
 * ```ts
 * import { createSearchClient, highlightRanges, firstMatch } from '../domain/search/index.ts';
 * const client = createSearchClient({
 *   fetchFile: async (path) => new Uint8Array(await (await fetch(`/search/${path}`)).arrayBuffer()),
 * });
 * const { exactCount, relatedCount, results } = await client.search('低保 标准', {
 *   filters: { region: 'anhui/xuancheng', year: 2023, kind: 'plan', topic: 'social-assistance' },
 *   sort: 'relevance',                                      // or 'date'
 *   limit: 20, offset: 0,
 * });
 * // each result: { id, url, title, meta, exact, related?: { form, replaces, part }, count, titleMatch,
 * //                titleHighlights: [start, end][], excerpt: { text, highlights }, firstMatch: { offset, length, text } | null }
 * ```
 * `data-exact-count` on the page is `exactCount`. The client caches every file it fetched, so refining a
 * query costs little; a first query fetches the manifest, the shards of its characters, one date block and
 * the doc-table and text files of the results shown — never the whole index.
 *
 * ## Highlighting on a document page
 * `highlightRanges(text, query)` gives the `[start, end)` ranges of the original text to mark (white space,
 * case and width ignored, like the search); `firstMatch(text, query)` the one to scroll to. A page opened
 * from a result can take the query from its URL and call these on its text nodes' concatenated text.
 *
 * ## Files
 * normalise.ts (shared normalisation) · format.ts (index layout) · bytes.ts (varints) · postings.ts (a gram's
 * postings, written and read) · shards.ts (`g/`, `x/`) · doc-store.ts (`d/`, `t/`, `c/`) · facets.ts (facet
 * counts, filters) · kept-document.ts (a document kept for the next build) · build.ts (the builder, over
 * gram-registry.ts, gram-indexer.ts, posting-runs.ts and index-sink.ts) · client.ts (queries, over
 * index-files.ts, posting-source.ts, query.ts and ranking.ts) · excerpt.ts (excerpts, highlights) ·
 * abbreviations.ts (related forms) · node.ts (Node-only helpers, not exported here so this module stays
 * browser-safe).
 */
export { normalise, normaliseWithMap, queryParts } from './normalise.ts';
export type { NormalisedText } from './normalise.ts';
export { buildSearchIndex, createSearchIndexBuilder, defaultGramShards } from './build.ts';
export type { BuildSearchIndexOptions, SearchIndexBuilder, SearchIndexStats } from './build.ts';
export { memorySpillStore } from './posting-runs.ts';
export type { SpillStore } from './posting-runs.ts';
export type { WriteFile } from './index-sink.ts';
export type { SearchFacets, SearchFilters } from './facets.ts';
export { createSearchClient } from './client.ts';
export type { SearchClient, SearchClientOptions, SearchOptions, SearchResponse, SearchResult } from './client.ts';
export type { FetchFile } from './index-files.ts';
export { excerptAround, firstMatch, highlightRanges } from './excerpt.ts';
export type { Excerpt, Range, TextMatch } from './excerpt.ts';
export { parseAbbreviations, relatedForms } from './abbreviations.ts';
export type { RelatedForm } from './abbreviations.ts';
export type { DocTableEntry, SearchDoc, SearchDocMeta, SearchManifest } from './format.ts';
