/**
 * Builds the static search index (layout in format.ts). Documents are fed one at a time; each goes through
 * the phases of the build, one module each:
 *
 *   gram-indexer.ts   normalised title and body → a record per gram (the hot loop), or a kept document replayed
 *   phrase-indexer.ts the 3- and 4-grams made of common bigrams → records (chosen from the first documents)
 *   facets.ts         region/year/kind/topic keys → records; value counts for facets.json
 *   posting-runs.ts   records in bucket logs, spilled as runs past a byte budget, merged per bucket at the end
 *   postings.ts       a gram's doc and position sections, as the merge writes them and the client reads them
 *   shards.ts         a shard's entries → `g/` and `x/` files
 *   doc-store.ts      doc table, text chunks and dates → `d/`, `t/`, `c/`
 *   kept-document.ts  a document with its postings as bytes, for the next build
 *   index-sink.ts     every file through the caller's `writeFile`, counted and hashed for the version
 *
 * Peak memory is the spill budget plus the gram tables plus one bucket, not the corpus: that is what lets a
 * 100,000-document build stream. Plain TypeScript without Node imports, so tests can build into memory.
 */
import { ByteWriter } from './bytes.ts';
import { DocStoreWriter } from './doc-store.ts';
import { FacetRecorder } from './facets.ts';
import { DATE_BLOCK_SIZE, DOC_TABLE_SIZE, FORMAT_VERSION, type SearchDoc, type SearchManifest } from './format.ts';
import { GramIndexer } from './gram-indexer.ts';
import { GramRegistry } from './gram-registry.ts';
import { IndexSink, type WriteFile, type WrittenFiles } from './index-sink.ts';
import { decodeKeptDocument, encodeKeptDocument } from './kept-document.ts';
import { normalise } from './normalise.ts';
import { PhraseIndexer, type PhraseOptions } from './phrase-indexer.ts';
import { PostingRuns, memorySpillStore, type SpillStore } from './posting-runs.ts';
import { shardFiles } from './shards.ts';

export interface BuildSearchIndexOptions {
  writeFile: WriteFile;
  /** Abbreviation groups (see abbreviations.ts), copied into the manifest for the client. */
  abbreviations?: string[][];
  /** Number of gram shards; default from `expectedDocs` (256 … 65,536), else 1024. */
  gramShards?: number;
  /** Expected number of documents, used only to size the shard count. */
  expectedDocs?: number;
  /** Postings larger than this (bytes) get their own `x/` files; default 4 KiB. */
  inlineMaxBytes?: number;
  /** Bytes of postings accumulated in memory before a spill; default 256 MiB. */
  spillBytes?: number;
  /** Where spilled runs go; default in memory (compact, but grows with the corpus). */
  spill?: SpillStore;
  /** How the common bigrams of phrase grams are chosen (phrase-indexer.ts); defaults suit 100–100,000 docs. */
  phrases?: PhraseOptions;
}

/** What a build wrote. */
export interface SearchIndexStats extends WrittenFiles {
  manifest: SearchManifest;
  grams: number;
  externalGrams: number;
  spills: number;
}

/**
 * From how many expected documents the 5- to 8-grams frequent in the sample (rule 3) and the edge trigrams
 * (rule 4) get postings of their own (phrase-indexer.ts): at 100,000 documents a first query of one (违反本条例)
 * read ~360 KB of positions without, and one that starts or ends in a common bigram (农村五保供养) ~400 KB; at
 * 10,000 those positions are ~40 KB and the grams would only make every shard heavier.
 */
export const LONG_GRAMS_FROM_DOCS = 20_000;

/**
 * Default shard count: about 0.8 shards per document, as a power of two within 256 … 65,536, so that a
 * shard (the small grams whose hash falls in it) stays around 4–6 KB as the corpus grows.
 */
export function defaultGramShards(expectedDocs?: number): number {
  if (!expectedDocs) return 1024;
  let shards = 256;
  while (shards < 65536 && shards < expectedDocs * 0.8) shards *= 2;
  return shards;
}

/**
 * A streaming index builder: `add()` each document, then `finish()`. `addAndKeep()` also returns the document
 * with its postings as bytes (a kept document); a later build gives those bytes to `addKept()` instead of
 * tokenising the same document again — the rebuild after one change keeps every unchanged document's work.
 * Either way the builder writes the same bytes.
 */
export interface SearchIndexBuilder {
  add(doc: SearchDoc): Promise<void>;
  addAndKeep(doc: SearchDoc): Promise<Uint8Array>;
  /** Adds a document kept by `addAndKeep()`, in this build or an earlier one of the same code. */
  addKept(kept: Uint8Array): Promise<void>;
  finish(): Promise<SearchIndexStats>;
}

/**
 * The shard count, the inline limit and the phrase options a build of `options` uses: one reading, shared by a
 * cold build and the update of a previous index (index-update.ts), which must lay the index out alike.
 */
export function indexSettings(options: Pick<BuildSearchIndexOptions, 'gramShards' | 'expectedDocs' | 'inlineMaxBytes' | 'phrases'>) {
  const large = (options.expectedDocs ?? 0) >= LONG_GRAMS_FROM_DOCS;
  return {
    shards: options.gramShards ?? defaultGramShards(options.expectedDocs),
    inlineMax: options.inlineMaxBytes ?? 4 * 1024,
    phraseOptions: { longGrams: large, edgeTrigrams: large, ...options.phrases },
  };
}

/** The manifest of a finished index: what the client reads first (format.ts). `version` digests every file written before it. */
export function indexManifest(parts: { version: string; docCount: number; shards: number; docStore: DocStoreWriter; abbreviations: string[][] | undefined; commonBigrams: string; longGrams: SearchManifest['longPhraseGrams'] }): SearchManifest {
  return {
    format: FORMAT_VERSION,
    version: parts.version,
    docCount: parts.docCount,
    gramShards: parts.shards,
    docTableSize: DOC_TABLE_SIZE,
    dateBlockSize: DATE_BLOCK_SIZE,
    recencyTiers: parts.docStore.recencyTiers,
    textFiles: parts.docStore.textFiles,
    abbreviations: parts.abbreviations ?? [],
    commonBigrams: parts.commonBigrams,
    longPhraseGrams: parts.longGrams,
  };
}

export function createSearchIndexBuilder(options: BuildSearchIndexOptions): SearchIndexBuilder {
  const { shards, inlineMax, phraseOptions } = indexSettings(options);
  const spillBytes = options.spillBytes ?? 256 * 1024 * 1024;
  const sink = new IndexSink(options.writeFile);
  const grams = new GramRegistry(shards);
  const runs = new PostingRuns(shards, options.spill ?? memorySpillStore());
  const indexer = new GramIndexer(grams, runs);
  const phrases = new PhraseIndexer(grams, runs, phraseOptions);
  const facets = new FacetRecorder(grams, runs);
  const docStore = new DocStoreWriter(sink);
  let docCount = 0;

  /** Everything of a document but its grams: facets, then date, text and doc table; then a spill if due. */
  async function addDocument(id: number, doc: SearchDoc): Promise<void> {
    facets.add(id, doc.meta);
    await docStore.add(id, doc);
    if (runs.pendingBytes() > spillBytes) await runs.spill();
  }

  return {
    async add(doc) {
      const id = docCount++;
      const title = normalise(doc.title);
      const body = normalise(doc.text);
      indexer.index(id, title, body);
      phrases.add(id, title, body, indexer.bigramIds);
      await addDocument(id, doc);
    },

    async addAndKeep(doc) {
      const id = docCount++;
      const keep = new ByteWriter(4096);
      const title = normalise(doc.title);
      const body = normalise(doc.text);
      indexer.index(id, title, body, keep);
      phrases.add(id, title, body, indexer.bigramIds);
      await addDocument(id, doc);
      return encodeKeptDocument(doc, keep.view());
    },

    async addKept(kept) {
      const { doc, postings } = decodeKeptDocument(kept);
      const id = docCount++;
      indexer.replay(id, postings);
      // Phrases come from the text: which bigrams are common is this build's choice, not the kept one's.
      phrases.add(id, normalise(doc.title), normalise(doc.text));
      await addDocument(id, doc);
    },

    async finish() {
      await docStore.finish();
      phrases.finish();
      await runs.spill();
      let gramCount = 0;
      let externalGrams = 0;
      for (let b = 0; b < runs.buckets; b++) {
        const byShard = await runs.merge(b, grams);
        for (let s = b; s < shards; s += runs.buckets) {
          const entries = byShard.get(s) ?? [];
          const { files, external } = shardFiles(s, entries, inlineMax);
          gramCount += entries.length;
          externalGrams += external;
          for (const [path, bytes] of files) await sink.write(path, bytes);
        }
      }
      await sink.writeJson('facets.json', facets.file());

      const manifest = indexManifest({ version: sink.version(), docCount, shards, docStore, abbreviations: options.abbreviations, commonBigrams: phrases.commonBigrams(), longGrams: phraseOptions.longGrams });
      await sink.writeJson('manifest.json', manifest);
      const { files, bytes, bytesByFolder } = sink.written;
      return { manifest, files, bytes, bytesByFolder, grams: gramCount, externalGrams, spills: runs.spills };
    },
  };
}

/** Builds the index of `docs` (an array, generator or async stream) through `options.writeFile`. */
export async function buildSearchIndex(
  docs: Iterable<SearchDoc> | AsyncIterable<SearchDoc>,
  options: BuildSearchIndexOptions,
): Promise<SearchIndexStats> {
  const builder = createSearchIndexBuilder(options);
  for await (const doc of docs) await builder.add(doc);
  return builder.finish();
}
