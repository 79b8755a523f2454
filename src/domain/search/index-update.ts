/**
 * The index of a previous build, updated for a few changed documents: the same bytes a cold build of the new
 * content writes (build.ts), at a cost that follows the change rather than the site.
 *
 * A cold build (and the rebuild from kept documents) records every document's grams and phrase grams and merges
 * every bucket; after one changed body at 10,000 documents that was 26.7 s of the worker for files of which all
 * but a few dozen come out as they were. Here only the changed documents are tokenised, twice: the version the
 * previous index holds and the new one, each under a stand-in document number. A gram whose record differs
 * between the two (or that only one of them has) is patched in the previous shard that holds it — the changed
 * document's record taken out of its doc and position sections, the new one put in its place, the doc gap after
 * it written again —, and only those shards are encoded again; every other gram shard is the previous file, read
 * back for the sink (which digests every file for the manifest's version) and written as it was.
 *
 * What it needs, and why the caller checks it first (`updatable`): the same documents in the same order, since
 * a document's number is its place in file order, and one added or removed shifts every later number, hence a
 * byte of nearly every shard; and no changed document among the phrase sample (the first `sampleDocs`), since
 * the sample chooses the common bigrams every phrase gram is made of. The sample is fed through a phrase indexer
 * of its own to make the same choice again (its records dropped). The doc store (`d/`, `t/`, `c/`, `r/`) and
 * `facets.json` are written again from every document, as a cold build writes them: they are text and dates, a
 * few seconds, and a changed body moves the packing of every later text file.
 */
import { ByteReader, ByteWriter } from './bytes.ts';
import { indexManifest, indexSettings, type BuildSearchIndexOptions, type SearchIndexStats } from './build.ts';
import { DocStoreWriter } from './doc-store.ts';
import { FacetRecorder } from './facets.ts';
import { GRAM_BIGRAM, GRAM_FACET, GRAM_PHRASE, gramShardPath, type SearchDoc } from './format.ts';
import { GramIndexer } from './gram-indexer.ts';
import { GramRegistry } from './gram-registry.ts';
import { IndexSink, VersionHash } from './index-sink.ts';
import { encodeKeptDocument } from './kept-document.ts';
import { normalise } from './normalise.ts';
import { DEFAULT_SAMPLE_DOCS, PhraseIndexer } from './phrase-indexer.ts';
import { PostingRuns, memorySpillStore } from './posting-runs.ts';
import { decodeShard, sectionLocation, shardFiles, type ShardEntry } from './shards.ts';

/** A document whose file changed: its number (unchanged), the version the previous index holds, the new one. */
export interface ChangedDocument {
  doc: number;
  before: SearchDoc;
  after: SearchDoc;
}

/** The previous build's index, as the update reads it. */
export interface PreviousIndex {
  /** Every file the previous build's sink wrote, in the order it wrote them (the manifest last). */
  files: readonly string[];
  /** The bytes of one of them; throws when it cannot be read. */
  read(path: string): Uint8Array;
  /** Its manifest's `version`: the digest of those files, checked as they are read back. */
  version: string;
}

export interface IndexUpdateOptions extends Pick<BuildSearchIndexOptions, 'writeFile' | 'abbreviations' | 'gramShards' | 'inlineMaxBytes' | 'phrases'> {
  /** Documents in the index, the previous build's and this one's alike. */
  docCount: number;
  previous: PreviousIndex;
  /** The first `sampleDocs` documents (none of them changed), in order. */
  sample: Iterable<SearchDoc>;
  /** The changed documents, in document order. */
  changed: readonly ChangedDocument[];
  /** Every document (the changed ones in their new version), in order: for the doc store and the facet counts. */
  docs: Iterable<SearchDoc> | AsyncIterable<SearchDoc>;
}

export interface IndexUpdateResult extends SearchIndexStats {
  /** The changed documents' new versions as kept documents (kept-document.ts), in the order of `changed`. */
  kept: Uint8Array[];
  /** Gram shards encoded again; every other one was the previous file. */
  shardsPatched: number;
  /** Seconds of its three parts: the changed documents tokenised and the shards patched, the doc store, the shards written. */
  phases: { patch: number; docStore: number; shards: number };
}

/** Why `updateSearchIndex` cannot update an index for these documents, or undefined when it can. */
export function notUpdatable(docCount: number, changedDocs: readonly number[], phrases: BuildSearchIndexOptions['phrases']): string | undefined {
  const sampleDocs = phrases?.sampleDocs ?? DEFAULT_SAMPLE_DOCS;
  if (docCount <= sampleDocs) return `${docCount} documents are within the phrase sample of ${sampleDocs}`;
  const inSample = changedDocs.find((doc) => doc < sampleDocs);
  if (inSample !== undefined) return `document ${inSample} changed, within the phrase sample of the first ${sampleDocs}`;
  return undefined;
}

/** One document's record of a gram: its number, its counts (the doc section less the gap) and its positions. */
interface GramRecord {
  doc: number;
  counts: Uint8Array;
  positions: Uint8Array;
}

/** The records of a gram's sections, in document order. */
function gramRecords(entry: Pick<ShardEntry, 'kind' | 'docCount' | 'd' | 'p'>): GramRecord[] {
  const d = new ByteReader(entry.d);
  const p = new ByteReader(entry.p);
  const records: GramRecord[] = [];
  let doc = -1;
  for (let n = 0; n < entry.docCount; n++) {
    doc += d.varint() + 1;
    const countsStart = d.offset;
    const positionsStart = p.offset;
    if (entry.kind !== GRAM_FACET) {
      const counts = d.varint();
      if (counts & 1) d.varint();
      if (entry.kind === GRAM_BIGRAM || entry.kind === GRAM_PHRASE) p.skipVarints(counts >>> 1);
    }
    records.push({ doc, counts: entry.d.subarray(countsStart, d.offset), positions: entry.p.subarray(positionsStart, p.offset) });
  }
  if (!d.done || !p.done) throw new Error('search index: a previous gram’s sections do not end where its documents do');
  return records;
}

/** A gram's entry made of `records` (document order), as the merge of a cold build writes it. */
function entryOf(key: string, kind: number, records: readonly GramRecord[]): ShardEntry {
  const d = new ByteWriter(64);
  const p = new ByteWriter(64);
  let previous = -1;
  for (const record of records) {
    d.varint(record.doc - previous - 1);
    previous = record.doc;
    d.append(record.counts);
    p.append(record.positions);
  }
  return { key, kind, docCount: records.length, d: d.toBytes(), p: p.toBytes() };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A gram the change reaches: its kind and, by document number, its new record there (null: none any more). */
interface GramPatch {
  kind: number;
  records: Map<number, GramRecord | null>;
}

/** The grams whose records differ between the changed documents' two versions, by shard then key. */
async function gramPatches(changed: readonly ChangedDocument[], sample: Iterable<SearchDoc>, docCount: number, options: IndexUpdateOptions): Promise<{ patches: Map<number, Map<string, GramPatch>>; kept: Uint8Array[]; commonBigrams: string }> {
  const { shards, phraseOptions } = indexSettings({ ...options, expectedDocs: docCount });
  const grams = new GramRegistry(shards);
  const runs = new PostingRuns(shards, memorySpillStore());
  const indexer = new GramIndexer(grams, runs);
  const phrases = new PhraseIndexer(grams, runs, phraseOptions);
  const facets = new FacetRecorder(grams, runs);
  const sampleDocs = phraseOptions.sampleDocs ?? DEFAULT_SAMPLE_DOCS;
  let sampled = 0;
  for (const doc of sample) {
    if (sampled === sampleDocs) break;
    phrases.add(sampled++, normalise(doc.title), normalise(doc.text));
  }
  if (sampled !== sampleDocs) throw new Error(`search index: the update was given ${sampled} documents of the phrase sample, not ${sampleDocs}`);
  runs.discard();
  // Stand-in numbers: the previous versions 0 … m − 1, the new ones m … 2m − 1 (ascending, as the merge needs).
  const m = changed.length;
  const kept: Uint8Array[] = [];
  for (const [version, pick] of [
    [0, (c: ChangedDocument) => c.before],
    [1, (c: ChangedDocument) => c.after],
  ] as const) {
    changed.forEach((change, j) => {
      const doc = pick(change);
      const standIn = version * m + j;
      const title = normalise(doc.title);
      const body = normalise(doc.text);
      const keep = version === 1 ? new ByteWriter(4096) : undefined;
      indexer.index(standIn, title, body, keep);
      phrases.add(standIn, title, body, indexer.bigramIds);
      facets.add(standIn, doc.meta);
      if (keep) kept.push(encodeKeptDocument(doc, keep.view()));
    });
  }
  await runs.spill();
  const patches = new Map<number, Map<string, GramPatch>>();
  for (let b = 0; b < runs.buckets; b++) {
    const byShard = await runs.merge(b, grams);
    for (const [shard, entries] of byShard) {
      for (const entry of entries) {
        const before = new Map<number, GramRecord>();
        const after = new Map<number, GramRecord>();
        for (const record of gramRecords(entry)) (record.doc < m ? before : after).set(record.doc % m, record);
        const records = new Map<number, GramRecord | null>();
        changed.forEach((change, j) => {
          const was = before.get(j);
          const is = after.get(j);
          if (was && is && sameBytes(was.counts, is.counts) && sameBytes(was.positions, is.positions)) return;
          if (!was && !is) return;
          records.set(change.doc, is ? { ...is, doc: change.doc } : null);
        });
        if (records.size === 0) continue;
        let inShard = patches.get(shard);
        if (!inShard) patches.set(shard, (inShard = new Map()));
        inShard.set(entry.key, { kind: entry.kind, records });
      }
    }
  }
  return { patches, kept, commonBigrams: phrases.commonBigrams() };
}

/** The entries of a previous gram shard, read back from its files. */
function previousEntries(shard: number, previous: PreviousIndex): ShardEntry[] {
  const files = new Map<string, Uint8Array>();
  const file = (path: string) => {
    let bytes = files.get(path);
    if (!bytes) files.set(path, (bytes = previous.read(path)));
    return bytes;
  };
  const entries: ShardEntry[] = [];
  for (const [key, ref] of decodeShard(file(gramShardPath(shard)))) {
    const section = (which: 'd' | 'p') => {
      const at = sectionLocation(shard, ref, which);
      const bytes = file(at.path);
      if (at.end > bytes.length) throw new Error(`search index: the previous ${at.path} is shorter than its shard says`);
      return bytes.subarray(at.start, at.end);
    };
    entries.push({ key, kind: ref.kind, docCount: ref.docCount, d: section('d'), p: section('p') });
  }
  return entries;
}

/** A previous shard's entries with the patches applied, in key order. */
function patchedEntries(entries: readonly ShardEntry[], patches: Map<string, GramPatch>): ShardEntry[] {
  const out: ShardEntry[] = [];
  const left = new Map(patches);
  for (const entry of entries) {
    const patch = left.get(entry.key);
    if (!patch) {
      out.push(entry);
      continue;
    }
    left.delete(entry.key);
    const records = gramRecords(entry).filter((record) => !patch.records.has(record.doc));
    for (const record of patch.records.values()) if (record) records.push(record);
    records.sort((a, b) => a.doc - b.doc);
    if (records.length > 0) out.push(entryOf(entry.key, entry.kind, records));
  }
  // Grams the previous index did not have: the changed documents' alone.
  for (const [key, patch] of left) {
    const records = [...patch.records.values()].filter((record): record is GramRecord => record !== null).sort((a, b) => a.doc - b.doc);
    if (records.length > 0) out.push(entryOf(key, patch.kind, records));
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The shard a `g/` or `x/` path belongs to, or undefined for any other file. */
function shardOfPath(path: string): number | undefined {
  const match = /^[gx]\/([0-9a-f]+)[.-]/.exec(path);
  return match ? parseInt(match[1] as string, 16) : undefined;
}

/**
 * Writes, through `options.writeFile` and in a cold build's order, the index of the documents `options.docs`
 * from the previous build's index and the changed documents' two versions. Throws, before it writes a file,
 * when the previous index lacks a gram shard or one of them cannot be read back; throws after writing some when
 * the previous files do not digest to `previous.version` (the caller then drops what was written).
 */
export async function updateSearchIndex(options: IndexUpdateOptions): Promise<IndexUpdateResult> {
  const { docCount, previous, changed } = options;
  const reason = notUpdatable(docCount, changed.map((c) => c.doc), options.phrases);
  if (reason) throw new Error(`search index: cannot update the previous index: ${reason}`);
  const { shards, inlineMax, phraseOptions } = indexSettings({ ...options, expectedDocs: docCount });
  const previousByShard = new Map<number, string[]>();
  for (const path of previous.files) {
    const shard = shardOfPath(path);
    if (shard === undefined) continue;
    const list = previousByShard.get(shard);
    if (list) list.push(path);
    else previousByShard.set(shard, [path]);
  }
  for (let s = 0; s < shards; s++) {
    if (previousByShard.get(s)?.[0] !== gramShardPath(s)) throw new Error(`search index: the previous index has no ${gramShardPath(s)} first among its shard’s files`);
  }

  const started = performance.now();
  // Everything that reads the previous shards again is done before the first write.
  const { patches, kept, commonBigrams } = await gramPatches(changed, options.sample, docCount, options);
  const patched = new Map<number, Array<[string, Uint8Array]>>();
  for (const [shard, shardPatches] of patches) patched.set(shard, shardFiles(shard, patchedEntries(previousEntries(shard, previous), shardPatches), inlineMax).files);

  const patchedAt = performance.now();
  const sink = new IndexSink(options.writeFile);
  const docStore = new DocStoreWriter(sink);
  // Facet counts for facets.json only: their records go to a registry and runs of their own, never merged.
  const facetGrams = new GramRegistry(shards);
  const facets = new FacetRecorder(facetGrams, new PostingRuns(shards, memorySpillStore()));
  let docs = 0;
  for await (const doc of options.docs) {
    facets.add(docs, doc.meta);
    await docStore.add(docs, doc);
    docs++;
  }
  if (docs !== docCount) throw new Error(`search index: the update was given ${docs} documents, expected ${docCount}`);
  await docStore.finish();
  const docStoreAt = performance.now();

  // The previous files are digested as they are read back, in the order the previous build wrote them: a file
  // changed or cut short since (an output edited by hand) must not be taken as it is, and would be.
  const check = new VersionHash();
  const readChecked = (path: string) => {
    const bytes = previous.read(path);
    check.update(path, bytes);
    return bytes;
  };
  const firstShardFile = previous.files.findIndex((path) => shardOfPath(path) !== undefined);
  for (const path of previous.files.slice(0, firstShardFile)) readChecked(path);
  let grams = 0;
  let externalGrams = 0;
  const buckets = new PostingRuns(shards, memorySpillStore()).buckets;
  for (let b = 0; b < buckets; b++) {
    for (let s = b; s < shards; s += buckets) {
      const previousFiles = (previousByShard.get(s) as string[]).map((path): [string, Uint8Array] => [path, readChecked(path)]);
      const files = patched.get(s) ?? previousFiles;
      grams += new ByteReader(files[0]![1]).varint();
      externalGrams += new Set(files.slice(1).map(([path]) => path.replace(/(\.[dp])?\.bin$/, ''))).size;
      for (const [path, bytes] of files) await sink.write(path, bytes);
    }
  }
  for (const path of previous.files.slice(firstShardFile).filter((path) => shardOfPath(path) === undefined && path !== 'manifest.json')) readChecked(path);
  if (check.hex() !== previous.version) throw new Error('search index: the previous index’s files are not the ones its manifest digests (changed since it was written?)');
  await sink.writeJson('facets.json', facets.file());
  // The common bigrams are the sample's choice, made again in gramPatches.
  const manifest = indexManifest({ version: sink.version(), docCount, shards, docStore, abbreviations: options.abbreviations, commonBigrams, longGrams: phraseOptions.longGrams });
  await sink.writeJson('manifest.json', manifest);
  const { files, bytes, bytesByFolder } = sink.written;
  const seconds = (from: number, to: number) => Math.round(to - from) / 1000;
  const phases = { patch: seconds(started, patchedAt), docStore: seconds(patchedAt, docStoreAt), shards: seconds(docStoreAt, performance.now()) };
  return { manifest, files, bytes, bytesByFolder, grams, externalGrams, spills: 0, kept, shardsPatched: patched.size, phases };
}
