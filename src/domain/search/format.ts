/**
 * The on-disk layout of the search index, shared by the builder (Node) and the client (browser).
 *
 *   manifest.json          SearchManifest: doc count, shard counts, version hash, abbreviation groups
 *   facets.json            values of region/year/kind/topic with document counts (for the filter UI)
 *   g/<shard>.bin          postings of the grams whose hash falls in this shard (GRAM SHARDS)
 *   x/<shard>-<n>.bin      the postings of one large gram, kept out of its shard so shard-mates stay cheap
 *   x/<shard>-<n>.d.bin    … or, when its positions are large, its doc list
 *   x/<shard>-<n>.p.bin    … and its positions (only fetched for queries of 3+ characters)
 *   c/<block>.bin          date of every document, uint16 little-endian days since 1950-01-01 (0 = unknown)
 *   r/<tier>.bin           recency tiers: the documents newest first, cut into tiers of ~RECENCY_TIER_SIZE at
 *                          a change of date; per tier varint(count), the docs ascending as varint gaps, then
 *                          per doc varint(newest day of the tier − its day)
 *   d/<n>.json             doc table: url, title, meta and where its text is, DOC_TABLE_SIZE docs per file
 *   t/<n>.json             original text in chunks (for excerpts), packed into files of ~TEXT_FILE_BYTES
 *
 * A gram is a unigram (one UTF-16 code unit), a bigram (two), a phrase gram (three to eight: phrase-indexer.ts
 * says which) or a facet key ("\0year:2023"). Postings of a
 * gram: a doc section — per document: varint(doc gap), varint(tf·2 + inTitle), and when inTitle
 * varint(titleTf − 1) — and for bigrams and phrase grams a position section — per document, its tf positions in the
 * normalised "title ␟ body" (body starts at titleLength + 1), first absolute then gaps. Facet doc sections
 * hold only the doc gaps.
 *
 * Each file has one module that writes and reads it: postings.ts (a gram's sections), shards.ts (`g/`, `x/`),
 * doc-store.ts (`c/`, `d/`, `t/`), facets.ts (`facets.json`); build.ts writes `manifest.json`.
 */
/**
 * Layout version: a client refuses an index of another. 4: indexes built for 20,000 documents or more also hold
 * edge trigrams (phrase-indexer.ts, rule 4), which a longer part's cheapest cover may use in place of a common bigram.
 */
export const FORMAT_VERSION = 4;
/** Docs per doc-table file `d/<n>.json`: small, because a results page needs ≤ 10 of them. */
export const DOC_TABLE_SIZE = 16;
/** Docs per date block `c/<n>.bin` (2 bytes each). */
export const DATE_BLOCK_SIZE = 16384;
/**
 * Documents per recency tier `r/<n>.bin` (at least; a tier ends where the date changes). A date breaks ties
 * of title parts and occurrences; when such a tie group is large and spread over the corpus (违反本条例: tens
 * of thousands of documents with the same counts), the newest few of it are found in the first tiers — ~3 KB
 * each — instead of in every date block (~20 KB gzip each, 7 of them at 100,000 documents).
 */
export const RECENCY_TIER_SIZE = 1024;
/** Longest text chunk (code units); long laws are split so an excerpt fetches one piece of them. */
export const TEXT_CHUNK_LENGTH = 3000;
/** Chunks overlap by this much so a match that crosses a chunk boundary is still found in one chunk. */
export const TEXT_CHUNK_OVERLAP = 200;
/** Target size of a text file `t/<n>.json` in UTF-8 bytes. */
export const TEXT_FILE_BYTES = 16 * 1024;

export const GRAM_UNIGRAM = 0;
export const GRAM_BIGRAM = 1;
export const GRAM_FACET = 2;
/**
 * A phrase gram: three or four code units whose bigrams are all common (`SearchManifest.commonBigrams`), with
 * doc and position sections like a bigram's. The builder indexes every such 3- and 4-gram of every document,
 * so a query part made of common bigrams reads one short doc list instead of the long position lists of its
 * bigrams (phrase-indexer.ts).
 */
export const GRAM_PHRASE = 3;
/** Flag in a shard entry: the postings are in an `x/` file, not inline. */
export const ENTRY_EXTERNAL = 4;
/** Flag in a shard entry: the external postings are split into a doc file and a position file. */
export const ENTRY_SPLIT = 8;
/** External postings whose positions exceed this many bytes are split, so 1–2 character queries skip them. */
export const SPLIT_POSITIONS_BYTES = 16 * 1024;

/** Prefix of facet keys; normalised text never contains U+0000, so a facet key never collides with a gram. */
export const FACET_PREFIX = '\u0000';

export type FacetName = 'region' | 'year' | 'kind' | 'topic';

export function facetKey(facet: FacetName, value: string): string {
  return `${FACET_PREFIX}${facet}:${value}`;
}

/** The search index's manifest, `manifest.json`. */
export interface SearchManifest {
  /** Layout version; a client refuses another. */
  format: number;
  /** Hash of every other file's bytes: changes whenever the index does (use it to bust caches). */
  version: string;
  /** Number of documents. */
  docCount: number;
  /** Number of gram shards `g/<shard>.bin`. */
  gramShards: number;
  /** Docs per doc-table file. */
  docTableSize: number;
  /** Docs per date block. */
  dateBlockSize: number;
  /** Documents in each recency tier `r/<n>.bin`, newest tier first. */
  recencyTiers: number[];
  /** Number of text files `t/<n>.json`. */
  textFiles: number;
  /** Abbreviation groups, each a list of equivalent forms as maintainers wrote them (低保, 最低生活保障). */
  abbreviations: string[][];
  /**
   * The common bigrams, concatenated (`人民政府…`: 人民, 政府 …): every 3- and 4-gram made only of them is a
   * phrase gram with postings of its own, so a client that finds no entry for one knows no document has it.
   */
  commonBigrams: string;
  /** Whether the index has long phrase grams (5–8 code units, frequent in the build's sample): only then does a client look a 5–8 part up whole. */
  longPhraseGrams: boolean;
}

/** Meta of a document as the search shows and filters it. */
export interface SearchDocMeta {
  /** Region slug path, e.g. `anhui/xuancheng/xuanzhou`. */
  region: string;
  /** Region name, e.g. `宣州区`. */
  regionName: string;
  /** Slugs of province, city, county, e.g. `['anhui', 'xuancheng', 'xuanzhou']`. */
  regionPath: string[];
  /** Year the document covers, e.g. `2023`. */
  year: number;
  /** The period in words where the year alone would mislead: a multi-year plan's `2021—2025年（“十四五”时期）`; absent otherwise. */
  period?: string;
  /** Document kind, e.g. `plan`. */
  kind: string;
  /** Topic ids, e.g. `['elderly-care']`. */
  topics: string[];
  /** Publication date `YYYY-MM-DD`, or `''` when unknown. */
  date: string;
}

/** A document as the index takes it. */
export interface SearchDoc {
  /** Stable id, e.g. `anhui/xuancheng/xuanzhou/2023-year-task-list`. */
  id: string;
  /** Page URL, e.g. `/documents/anhui/xuancheng/xuanzhou/2023-year-task-list/`. */
  url: string;
  /** Title as published. */
  title: string;
  /** Body as plain text (no markup); excerpts are cut from it. */
  text: string;
  meta: SearchDocMeta;
}

/** Where one chunk of a document's text is: text file, slot in it, and the chunk's offset in the body. */
export type TextChunkRef = [file: number, slot: number, offset: number];

/** One entry of a doc-table file `d/<n>.json`. */
export interface DocTableEntry {
  id: string;
  url: string;
  title: string;
  meta: SearchDocMeta;
  text: TextChunkRef[];
}

export interface DocTableFile {
  first: number;
  docs: DocTableEntry[];
}

export interface TextFile {
  chunks: string[];
}

export function gramShardPath(shard: number): string {
  return `g/${shard.toString(16).padStart(4, '0')}.bin`;
}

export function externalPath(shard: number, ordinal: number, section: 'd' | 'p' | 'dp'): string {
  return `x/${shard.toString(16).padStart(4, '0')}-${ordinal}${section === 'dp' ? '' : `.${section}`}.bin`;
}

export function dateBlockPath(block: number): string {
  return `c/${block}.bin`;
}

export function recencyTierPath(tier: number): string {
  return `r/${tier}.bin`;
}

export function docTablePath(n: number): string {
  return `d/${n}.json`;
}

export function textFilePath(n: number): string {
  return `t/${n}.json`;
}

/** Shard of a gram key: FNV-1a over its code units, then a 32-bit finaliser so low bits mix well. */
export function gramShard(key: string, shards: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) % shards;
}

/** Days since 1950-01-01 of a `YYYY-MM-DD` date; 0 when unknown or out of range. */
export function dayNumber(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return 0;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const days = Math.round((ms - Date.UTC(1950, 0, 1)) / 86_400_000) + 1;
  return days >= 1 && days <= 0xffff ? days : 0;
}
