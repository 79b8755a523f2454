/**
 * Builds the static search index (layout in format.ts). Documents are fed one at a time. Each (gram,
 * document) pair becomes a record appended to one of a few hundred bucket logs; past a byte budget the logs
 * are spilled as runs (to memory or, with `fileSpillStore` from node.ts, to disk). At the end each bucket's
 * runs are merged — one bucket in memory at a time — grouped per gram and per shard, and written through the
 * caller's `writeFile` sink. Peak memory is the spill budget plus the gram tables plus one bucket, not the
 * corpus: that is what lets a 100,000-document build stream.
 *
 * Plain TypeScript without Node imports, so tests can build into memory.
 */
import { ByteReader, ByteWriter } from './bytes.ts';
import {
  DATE_BLOCK_SIZE,
  DOC_TABLE_SIZE,
  FORMAT_VERSION,
  GRAM_BIGRAM,
  GRAM_FACET,
  GRAM_UNIGRAM,
  SPLIT_POSITIONS_BYTES,
  TEXT_CHUNK_LENGTH,
  TEXT_CHUNK_OVERLAP,
  TEXT_FILE_BYTES,
  dateBlockPath,
  dayNumber,
  docTablePath,
  encodeShard,
  externalPath,
  facetKey,
  gramShard,
  gramShardPath,
  textFilePath,
  type DocTableEntry,
  type FacetName,
  type SearchDocMeta,
  type SearchManifest,
  type ShardEntry,
  type TextChunkRef,
} from './format.ts';
import { isClusterBoundary, normalise } from './normalise.ts';

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

/** Receives every file of the index: a path relative to the index folder and its bytes. */
export type WriteFile = (path: string, bytes: Uint8Array) => void | Promise<void>;

/**
 * Where spilled runs wait until the final merge: one append-only run list per build bucket (a bucket
 * gathers the shards `s` with `s % buckets === bucket`).
 */
export interface SpillStore {
  append(bucket: number, bytes: Uint8Array): void | Promise<void>;
  /** All runs of a bucket, concatenated in append order. */
  read(bucket: number): Uint8Array | Promise<Uint8Array>;
  /** Called once a bucket is merged; the store may free it. */
  release(bucket: number): void | Promise<void>;
}

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
}

/** What a build wrote. */
export interface SearchIndexStats {
  manifest: SearchManifest;
  files: number;
  bytes: number;
  /** Bytes per top-level folder (`g`, `x`, `d`, `c`, `t`, and `.` for manifest/facets). */
  bytesByFolder: Record<string, number>;
  grams: number;
  externalGrams: number;
  spills: number;
}

/** Facet values with counts, `facets.json`, for the filter UI. */
export interface SearchFacets {
  regions: Array<{ path: string; name?: string; count: number }>;
  years: Array<{ value: number; count: number }>;
  kinds: Array<{ value: string; count: number }>;
  topics: Array<{ value: string; count: number }>;
}

/**
 * Postings are gathered in at most this many bucket logs while indexing, not one per shard: appending to a
 * few hundred logs stays in the CPU caches, appending to thousands does not (it was a fifth of build time).
 */
const BUILD_BUCKETS = 256;

/** Longest document (title + body, code units) whose positions the index takes. */
const MAX_DOC_LENGTH = 2 ** 28;

/** A growable Int32Array. */
function grownInt32(array: Int32Array<ArrayBuffer>, need: number): Int32Array<ArrayBuffer> {
  if (need <= array.length) return array;
  const grown = new Int32Array(Math.max(need, array.length * 2));
  grown.set(array);
  return grown;
}

/**
 * Gram key → gram id, open addressing over typed arrays. A Map with bigram keys (up to 2^32, outside V8's
 * small integers) costs a heap number and a hash per character; this table is several times faster.
 */
class GramTable {
  /** Pairs [key, id + 1] (0: empty slot), side by side so a probe touches one cache line. */
  private pairs = new Int32Array(1 << 17);
  private mask = (1 << 16) - 1;
  private shift = 16;
  size = 0;

  private slotOf(key: number): number {
    // Multiplicative hashing: the high bits of the product mix both characters.
    let i = Math.imul(key, 0x9e3779b1) >>> this.shift;
    while (this.pairs[2 * i + 1] !== 0 && this.pairs[2 * i] !== key) i = (i + 1) & this.mask;
    return i;
  }

  /** The id of `key`, or -1. */
  get(key: number): number {
    return (this.pairs[2 * this.slotOf(key | 0) + 1] as number) - 1;
  }

  set(key: number, id: number): void {
    if ((this.size + 1) * 4 > this.pairs.length) this.grow();
    const i = this.slotOf(key | 0);
    this.pairs[2 * i] = key | 0;
    this.pairs[2 * i + 1] = id + 1;
    this.size++;
  }

  private grow(): void {
    const old = this.pairs;
    this.pairs = new Int32Array(old.length * 2);
    this.mask = this.pairs.length / 2 - 1;
    this.shift--;
    for (let j = 0; j < old.length; j += 2) {
      if (old[j + 1] === 0) continue;
      const i = this.slotOf(old[j] as number);
      this.pairs[2 * i] = old[j] as number;
      this.pairs[2 * i + 1] = old[j + 1] as number;
    }
  }
}

/** UTF-8 length of a string without encoding it. */
function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A surrogate pair is 4 bytes: count them on the high half, nothing on the low half.
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0xd800 || c > 0xdfff ? 3 : c <= 0xdbff ? 4 : 0;
  }
  return n;
}

/** In-memory spill store: runs are kept as compact byte chunks. */
export function memorySpillStore(): SpillStore {
  const runs = new Map<number, Uint8Array[]>();
  return {
    append(bucket, bytes) {
      const list = runs.get(bucket);
      if (list) list.push(bytes);
      else runs.set(bucket, [bytes]);
    },
    read(bucket) {
      const list = runs.get(bucket) ?? [];
      if (list.length === 1) return list[0] as Uint8Array;
      const total = list.reduce((n, b) => n + b.length, 0);
      const out = new Uint8Array(total);
      let offset = 0;
      for (const b of list) {
        out.set(b, offset);
        offset += b.length;
      }
      return out;
    },
    release(bucket) {
      runs.delete(bucket);
    },
  };
}

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

/** Version of a kept document's bytes; a kept document of another version is refused. */
const KEPT_VERSION = 1;

/**
 * A kept document: varint(KEPT_VERSION), varint(n) and n bytes of the SearchDoc as JSON, then its postings —
 * varint(unigram count), then per unigram varint(code), varint(length) and the record's bytes after the gram id
 * and doc gap (tf, title tf); the same for the bigrams (code c1·65536 + c2; tf, title tf, position gaps).
 * Grams come in the order the document first uses them, the order `add()` records them in.
 */
function decodeKeptDoc(kept: Uint8Array): { doc: SearchDoc; postings: Uint8Array } {
  const reader = new ByteReader(kept);
  const version = reader.varint();
  if (version !== KEPT_VERSION) throw new Error(`search index: a kept document of version ${version}, expected ${KEPT_VERSION}`);
  const length = reader.varint();
  if (reader.offset + length > kept.length) throw new Error('search index: a kept document is cut short');
  const doc = JSON.parse(new TextDecoder().decode(kept.subarray(reader.offset, reader.offset + length))) as SearchDoc;
  const postings = kept.subarray(reader.offset + length);
  // Walk the postings before the builder records any of them: a bad file must not leave half a document behind.
  const walk = new ByteReader(postings);
  for (let kind = 0; kind < 2; kind++) {
    for (let n = walk.varint(); n > 0; n--) {
      if (walk.varint() >= (kind === 0 ? 0x10000 : 0x100000000)) throw new Error('search index: a kept document names a gram that cannot exist');
      const length = walk.varint();
      walk.offset += length;
      if (walk.offset > postings.length) throw new Error('search index: a kept document’s postings are cut short');
    }
  }
  if (walk.offset !== postings.length) throw new Error('search index: a kept document’s postings do not end where they should');
  return { doc, postings };
}

function encodeKeptDoc(doc: SearchDoc, postings: Uint8Array): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(doc));
  const out = new ByteWriter(json.length + postings.length + 16);
  out.varint(KEPT_VERSION);
  out.varint(json.length);
  out.append(json);
  out.append(postings);
  return out.view();
}

/** 64-bit FNV-1a over every byte written (as two 32-bit lanes), for the manifest's version. */
class VersionHash {
  private a = 0x811c9dc5;
  private b = 0x050c5d1f;

  update(path: string, bytes: Uint8Array): void {
    let a = this.a;
    let b = this.b;
    for (let i = 0; i < path.length; i++) {
      a = Math.imul(a ^ path.charCodeAt(i), 0x01000193);
      b = Math.imul(b ^ path.charCodeAt(i), 0x01000193);
    }
    for (let i = 0; i < bytes.length; i++) {
      const v = bytes[i] as number;
      a = Math.imul(a ^ v, 0x01000193);
      b = Math.imul(b ^ (v + 0x55), 0x01000193);
    }
    this.a = a;
    this.b = b;
  }

  hex(): string {
    return (this.a >>> 0).toString(16).padStart(8, '0') + (this.b >>> 0).toString(16).padStart(8, '0');
  }
}

export function createSearchIndexBuilder(options: BuildSearchIndexOptions): SearchIndexBuilder {
  const shards = options.gramShards ?? defaultGramShards(options.expectedDocs);
  const inlineMax = options.inlineMaxBytes ?? 4 * 1024;
  const spillBytes = options.spillBytes ?? 256 * 1024 * 1024;
  const spillStore = options.spill ?? memorySpillStore();
  const encoder = new TextEncoder();
  const hash = new VersionHash();
  const stats = { files: 0, bytes: 0, bytesByFolder: {} as Record<string, number>, grams: 0, externalGrams: 0, spills: 0 };

  async function write(path: string, bytes: Uint8Array): Promise<void> {
    hash.update(path, bytes);
    stats.files++;
    stats.bytes += bytes.length;
    const folder = path.includes('/') ? path.slice(0, path.indexOf('/')) : '.';
    stats.bytesByFolder[folder] = (stats.bytesByFolder[folder] ?? 0) + bytes.length;
    await options.writeFile(path, bytes);
  }
  const writeJson = (path: string, value: unknown) => write(path, encoder.encode(JSON.stringify(value)));

  // Grams get ids in order of first appearance; per-gram state lives in typed arrays indexed by id.
  const bigramIds = new GramTable();
  const unigramIds = new Int32Array(65536).fill(-1);
  const facetIds = new Map<string, number>();
  let gramCount = 0;
  /** Unigram code (c), bigram code (c1·65536 + c2) or facet number, by gram id. */
  let gramCode = new Float64Array(1 << 16);
  let gramKind = new Uint8Array(1 << 16);
  let gramShardOf = new Int32Array(1 << 16);
  const facetKeysById = new Map<number, string>();

  // Postings since the last spill: one append-only log per build bucket. A record is one gram in one document:
  // varint(gram id), varint(doc − previous record's doc), then for grams varint(tf·2 + inTitle),
  // [varint(titleTf − 1)] and, for bigrams, tf position gaps. Grouping per gram waits for the merge, so the
  // hot loop only appends bytes — no per-gram buffers, no per-gram objects.
  const buckets = Math.min(shards, BUILD_BUCKETS);
  const logs: ByteWriter[] = Array.from({ length: buckets }, () => new ByteWriter(1024));
  const logLastDoc = new Int32Array(buckets);
  let accumulated = 0;

  // Per-document scratch, reused.
  const unigramTf = new Int32Array(65536);
  const unigramTitleTf = new Int32Array(65536);
  const touched: number[] = [];
  let docTf = new Int32Array(1 << 16);
  let docTitleTf = new Int32Array(1 << 16);
  let docStart = new Int32Array(1 << 16);
  const docGrams: number[] = [];
  let positionIds = new Int32Array(4096);
  let grouped = new Int32Array(4096);

  // Doc table, dates, texts and facet counts, written as they fill.
  let docCount = 0;
  let docTable: DocTableEntry[] = [];
  let dates = new Uint16Array(1024);
  let textChunks: string[] = [];
  let textBytes = 0;
  let textFiles = 0;
  const facetCounts = {
    region: new Map<string, number>(),
    regionNames: new Map<string, string>(),
    year: new Map<number, number>(),
    kind: new Map<string, number>(),
    topic: new Map<string, number>(),
  };

  function bump<K>(map: Map<K, number>, key: K): void {
    map.set(key, (map.get(key) ?? 0) + 1);
  }

  async function flushTextFile(): Promise<void> {
    if (textChunks.length === 0) return;
    await writeJson(textFilePath(textFiles), { chunks: textChunks });
    textFiles++;
    textChunks = [];
    textBytes = 0;
  }

  /** Splits the body into chunks cut at line or sentence ends, stores them, and returns where they are. */
  async function storeText(text: string): Promise<TextChunkRef[]> {
    const refs: TextChunkRef[] = [];
    let start = 0;
    do {
      let end = Math.min(text.length, start + TEXT_CHUNK_LENGTH);
      if (end < text.length) {
        const window = text.slice(start + TEXT_CHUNK_LENGTH / 2, end);
        const newline = window.lastIndexOf('\n');
        const sentence = Math.max(window.lastIndexOf('。'), window.lastIndexOf('；'));
        if (newline >= 0) end = start + TEXT_CHUNK_LENGTH / 2 + newline + 1;
        else if (sentence >= 0) end = start + TEXT_CHUNK_LENGTH / 2 + sentence + 1;
        while (!isClusterBoundary(text, end)) end--;
      }
      const chunk = text.slice(start, Math.min(text.length, end + TEXT_CHUNK_OVERLAP));
      const size = utf8Length(chunk);
      if (textBytes > 0 && textBytes + size > TEXT_FILE_BYTES) await flushTextFile();
      refs.push([textFiles, textChunks.length, start]);
      textChunks.push(chunk);
      textBytes += size;
      start = end;
    } while (start < text.length);
    return refs;
  }

  function newGram(code: number, kind: number, key: string): number {
    const id = gramCount++;
    if (id >= gramCode.length) {
      const grownCode = new Float64Array(gramCode.length * 2);
      grownCode.set(gramCode);
      gramCode = grownCode;
      const grownKind = new Uint8Array(gramKind.length * 2);
      grownKind.set(gramKind);
      gramKind = grownKind;
      gramShardOf = grownInt32(gramShardOf, gramCode.length);
      docTf = grownInt32(docTf, gramCode.length);
      docTitleTf = grownInt32(docTitleTf, gramCode.length);
      docStart = grownInt32(docStart, gramCode.length);
    }
    gramCode[id] = code;
    gramKind[id] = kind;
    gramShardOf[id] = gramShard(key, shards);
    return id;
  }

  /** Starts a record of gram `id` in document `doc`; returns the bucket log to append the rest to. */
  function record(id: number, doc: number): ByteWriter {
    const bucket = (gramShardOf[id] as number) % buckets;
    const log = logs[bucket] as ByteWriter;
    const before = log.length;
    log.varint(id);
    log.varint(doc - (logLastDoc[bucket] as number));
    logLastDoc[bucket] = doc;
    accumulated += log.length - before;
    return log;
  }

  function addFacet(name: FacetName, value: string, doc: number): void {
    const key = facetKey(name, value);
    let id = facetIds.get(key);
    if (id === undefined) {
      id = newGram(facetIds.size, GRAM_FACET, key);
      facetIds.set(key, id);
      facetKeysById.set(id, key);
    }
    if (docTf[id] === doc + 1) return; // the same region prefix twice
    docTf[id] = doc + 1;
    record(id, doc);
  }

  /** Copies the record just appended to `log` from `before` on (after its gram id and doc gap) into `keep`. */
  function keepRecord(keep: ByteWriter, code: number, log: ByteWriter, before: number): void {
    keep.varint(code);
    keep.varint(log.length - before);
    keep.appendRange(log.bytes, before, log.length);
  }

  function indexGrams(doc: number, title: string, body: string, keep?: ByteWriter): void {
    const titleLength = title.length;
    if (titleLength + body.length + 1 >= MAX_DOC_LENGTH) {
      throw new Error(`search index: a document of ${titleLength + body.length} characters is longer than the ${MAX_DOC_LENGTH - 1} the index supports; split it`);
    }
    // Unigrams: counts per code unit, title counts apart.
    for (let i = 0; i < titleLength; i++) {
      const c = title.charCodeAt(i);
      if (unigramTf[c] === 0) touched.push(c);
      unigramTf[c] = (unigramTf[c] as number) + 1;
      unigramTitleTf[c] = (unigramTitleTf[c] as number) + 1;
    }
    for (let i = 0; i < body.length; i++) {
      const c = body.charCodeAt(i);
      if (unigramTf[c] === 0) touched.push(c);
      unigramTf[c] = (unigramTf[c] as number) + 1;
    }
    keep?.varint(touched.length);
    for (const c of touched) {
      let id = unigramIds[c] as number;
      if (id < 0) {
        id = newGram(c, GRAM_UNIGRAM, String.fromCharCode(c));
        unigramIds[c] = id;
      }
      const tf = unigramTf[c] as number;
      const titleTf = unigramTitleTf[c] as number;
      const log = record(id, doc);
      const before = log.length;
      log.varint(tf * 2 + (titleTf > 0 ? 1 : 0));
      if (titleTf > 0) log.varint(titleTf - 1);
      accumulated += log.length - before;
      if (keep) keepRecord(keep, c, log, before);
      unigramTf[c] = 0;
      unigramTitleTf[c] = 0;
    }
    touched.length = 0;

    // Bigrams: gram id of every position (counting occurrences), then a counting sort groups the
    // positions per gram in ascending order.
    const total = titleLength + body.length + 1;
    positionIds = grownInt32(positionIds, total);
    grouped = grownInt32(grouped, total);
    positionIds.fill(-1, 0, total);
    const segments: Array<[string, number]> = [
      [title, 0],
      [body, titleLength + 1],
    ];
    for (const [segment, base] of segments) {
      for (let i = 0; i + 1 < segment.length; i++) {
        const code = segment.charCodeAt(i) * 65536 + segment.charCodeAt(i + 1);
        let id = bigramIds.get(code);
        if (id < 0) {
          id = newGram(code, GRAM_BIGRAM, segment.slice(i, i + 2));
          bigramIds.set(code, id);
        }
        if (docTf[id] === 0) docGrams.push(id);
        docTf[id] = (docTf[id] as number) + 1;
        if (base === 0) docTitleTf[id] = (docTitleTf[id] as number) + 1;
        positionIds[base + i] = id;
      }
    }
    let offset = 0;
    for (const id of docGrams) {
      docStart[id] = offset;
      offset += docTf[id] as number;
    }
    for (let position = 0; position < total; position++) {
      const id = positionIds[position] as number;
      if (id < 0) continue;
      grouped[docStart[id] as number] = position;
      docStart[id] = (docStart[id] as number) + 1;
    }
    keep?.varint(docGrams.length);
    for (const id of docGrams) {
      const tf = docTf[id] as number;
      const titleTf = docTitleTf[id] as number;
      const log = record(id, doc);
      const before = log.length;
      log.varint(tf * 2 + (titleTf > 0 ? 1 : 0));
      if (titleTf > 0) log.varint(titleTf - 1);
      const end = docStart[id] as number;
      let previous = 0;
      for (let k = end - tf; k < end; k++) {
        const position = grouped[k] as number;
        log.varint(position - previous);
        previous = position;
      }
      accumulated += log.length - before;
      if (keep) keepRecord(keep, gramCode[id] as number, log, before);
      docTf[id] = 0;
      docTitleTf[id] = 0;
    }
    docGrams.length = 0;
  }

  /** Records a kept document's postings (checked by `decodeKeptDoc`) as `indexGrams` recorded them. */
  function replayGrams(doc: number, postings: Uint8Array): void {
    const reader = new ByteReader(postings);
    for (let pass = 0; pass < 2; pass++) {
      for (let n = reader.varint(); n > 0; n--) {
        const code = reader.varint();
        const length = reader.varint();
        let id: number;
        if (pass === 0) {
          id = unigramIds[code] as number;
          if (id < 0) {
            id = newGram(code, GRAM_UNIGRAM, String.fromCharCode(code));
            unigramIds[code] = id;
          }
        } else {
          id = bigramIds.get(code);
          if (id < 0) {
            id = newGram(code, GRAM_BIGRAM, String.fromCharCode(Math.floor(code / 65536), code % 65536));
            bigramIds.set(code, id);
          }
        }
        record(id, doc).appendRange(postings, reader.offset, reader.offset + length);
        accumulated += length;
        reader.offset += length;
      }
    }
  }

  /** Moves every bucket log into the spill store and starts afresh. */
  async function spill(): Promise<void> {
    for (let b = 0; b < buckets; b++) {
      const log = logs[b] as ByteWriter;
      if (log.length === 0) continue;
      await spillStore.append(b, log.toBytes());
      logs[b] = new ByteWriter(1024);
    }
    accumulated = 0;
    stats.spills++;
  }

  function gramKey(id: number): string {
    const kind = gramKind[id] as number;
    const code = gramCode[id] as number;
    if (kind === GRAM_UNIGRAM) return String.fromCharCode(code);
    if (kind === GRAM_BIGRAM) return String.fromCharCode(Math.floor(code / 65536), code % 65536);
    return facetKeysById.get(id) ?? '';
  }

  /** Merges one bucket's records (all runs, in order) into final entries per shard, in key order. */
  function mergeRuns(runs: Uint8Array): Map<number, ShardEntry[]> {
    interface Merged {
      id: number;
      docCount: number;
      last: number;
      d: ByteWriter;
      p: ByteWriter;
    }
    const merged = new Map<number, Merged>();
    const reader = new ByteReader(runs);
    let doc = 0;
    while (!reader.done) {
      const id = reader.varint();
      doc += reader.varint();
      let entry = merged.get(id);
      if (!entry) {
        entry = { id, docCount: 0, last: -1, d: new ByteWriter(16), p: new ByteWriter(16) };
        merged.set(id, entry);
      }
      entry.d.varint(doc - entry.last - 1);
      entry.last = doc;
      entry.docCount++;
      const kind = gramKind[id] as number;
      if (kind === GRAM_FACET) continue;
      const v = reader.varint();
      entry.d.varint(v);
      if (v & 1) entry.d.varint(reader.varint());
      if (kind === GRAM_BIGRAM) {
        const start = reader.offset;
        for (let k = v >>> 1; k > 0; k--) reader.varint();
        entry.p.append(runs.subarray(start, reader.offset));
      }
    }
    const byShard = new Map<number, ShardEntry[]>();
    for (const m of merged.values()) {
      const shard = gramShardOf[m.id] as number;
      const entry = { key: gramKey(m.id), kind: gramKind[m.id] as number, docCount: m.docCount, d: m.d.toBytes(), p: m.p.toBytes() };
      const list = byShard.get(shard);
      if (list) list.push(entry);
      else byShard.set(shard, [entry]);
    }
    for (const list of byShard.values()) list.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return byShard;
  }

  async function writeShard(s: number, entries: ShardEntry[]): Promise<void> {
    const { bytes, external } = encodeShard(entries, inlineMax);
    stats.grams += entries.length;
    stats.externalGrams += external.length;
    await write(gramShardPath(s), bytes);
    for (const [ordinal, entry] of external.entries()) {
      if (entry.p.length > SPLIT_POSITIONS_BYTES) {
        await write(externalPath(s, ordinal, 'd'), entry.d);
        await write(externalPath(s, ordinal, 'p'), entry.p);
      } else {
        const both = new Uint8Array(entry.d.length + entry.p.length);
        both.set(entry.d);
        both.set(entry.p, entry.d.length);
        await write(externalPath(s, ordinal, 'dp'), both);
      }
    }
  }

  /** Everything of a document but its grams: facets, date, text and doc table entry. */
  async function addDocument(id: number, doc: SearchDoc): Promise<void> {
    const { meta } = doc;
    for (let depth = 1; depth <= meta.regionPath.length; depth++) {
      const path = meta.regionPath.slice(0, depth).join('/');
      addFacet('region', path, id);
      bump(facetCounts.region, path);
    }
    facetCounts.regionNames.set(meta.regionPath.join('/'), meta.regionName);
    addFacet('year', String(meta.year), id);
    bump(facetCounts.year, meta.year);
    addFacet('kind', meta.kind, id);
    bump(facetCounts.kind, meta.kind);
    for (const topic of new Set(meta.topics)) {
      addFacet('topic', topic, id);
      bump(facetCounts.topic, topic);
    }

    if (id >= dates.length) {
      const grown = new Uint16Array(dates.length * 2);
      grown.set(dates);
      dates = grown;
    }
    dates[id] = dayNumber(meta.date);

    const text = await storeText(doc.text);
    docTable.push({ id: doc.id, url: doc.url, title: doc.title, meta, text });
    if (docTable.length === DOC_TABLE_SIZE) {
      await writeJson(docTablePath(Math.floor(id / DOC_TABLE_SIZE)), { first: id + 1 - DOC_TABLE_SIZE, docs: docTable });
      docTable = [];
    }
    if (accumulated > spillBytes) await spill();
  }

  return {
    async add(doc) {
      const id = docCount++;
      indexGrams(id, normalise(doc.title), normalise(doc.text));
      await addDocument(id, doc);
    },

    async addAndKeep(doc) {
      const id = docCount++;
      const keep = new ByteWriter(4096);
      indexGrams(id, normalise(doc.title), normalise(doc.text), keep);
      await addDocument(id, doc);
      return encodeKeptDoc(doc, keep.view());
    },

    async addKept(kept) {
      const { doc, postings } = decodeKeptDoc(kept);
      const id = docCount++;
      replayGrams(id, postings);
      await addDocument(id, doc);
    },

    async finish() {
      if (docTable.length > 0) {
        await writeJson(docTablePath(Math.floor((docCount - 1) / DOC_TABLE_SIZE)), { first: docCount - docTable.length, docs: docTable });
        docTable = [];
      }
      await flushTextFile();
      for (let block = 0; block * DATE_BLOCK_SIZE < docCount; block++) {
        const slice = dates.slice(block * DATE_BLOCK_SIZE, Math.min(docCount, (block + 1) * DATE_BLOCK_SIZE));
        const bytes = new Uint8Array(slice.length * 2);
        const view = new DataView(bytes.buffer);
        slice.forEach((day, k) => view.setUint16(k * 2, day, true));
        await write(dateBlockPath(block), bytes);
      }

      await spill();
      for (let b = 0; b < buckets; b++) {
        const byShard = mergeRuns(await spillStore.read(b));
        await spillStore.release(b);
        for (let s = b; s < shards; s += buckets) await writeShard(s, byShard.get(s) ?? []);
      }

      const facetsFile: SearchFacets = {
        regions: [...facetCounts.region]
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([path, count]) => {
            const name = facetCounts.regionNames.get(path);
            return name ? { path, name, count } : { path, count };
          }),
        years: [...facetCounts.year].sort(([a], [b]) => b - a).map(([value, count]) => ({ value, count })),
        kinds: [...facetCounts.kind].sort(([a], [b]) => (a < b ? -1 : 1)).map(([value, count]) => ({ value, count })),
        topics: [...facetCounts.topic].sort(([a], [b]) => (a < b ? -1 : 1)).map(([value, count]) => ({ value, count })),
      };
      await writeJson('facets.json', facetsFile);

      const manifest: SearchManifest = {
        format: FORMAT_VERSION,
        version: hash.hex(),
        docCount,
        gramShards: shards,
        docTableSize: DOC_TABLE_SIZE,
        dateBlockSize: DATE_BLOCK_SIZE,
        textFiles,
        abbreviations: options.abbreviations ?? [],
      };
      await writeJson('manifest.json', manifest);
      return { manifest, ...stats };
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
