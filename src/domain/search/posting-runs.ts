/**
 * Postings on their way from the tokeniser to the shards. Each (gram, document) pair becomes a record appended
 * to one of a few hundred bucket logs; past a byte budget the logs are spilled as runs to a `SpillStore` (memory,
 * or disk with `fileSpillStore` from node.ts). At the end each bucket's runs are merged — one bucket in memory
 * at a time — into each gram's sections (postings.ts), grouped per shard in key order.
 *
 * A record: varint(gram id), zigzag varint(doc − the bucket's previous record's doc) — negative once, when the
 * phrase grams of the first documents are recorded after the sample that chose them (phrase-indexer.ts) —, then the gram's counts and
 * positions in that document as postings.ts writes them (a facet's record ends after the doc gap). Grouping
 * per gram waits for the merge, so the hot loop only appends bytes — no per-gram buffers, no per-gram objects.
 */
import { ByteReader, ByteWriter } from './bytes.ts';
import type { ShardEntry } from './shards.ts';
import { GRAM_BIGRAM, GRAM_FACET, GRAM_PHRASE } from './format.ts';
import { grownInt32, type GramRegistry } from './gram-registry.ts';

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
 * Postings are gathered in at most this many bucket logs while indexing, not one per shard: appending to a
 * few hundred logs stays in the CPU caches, appending to thousands does not (it was a fifth of build time).
 */
const BUILD_BUCKETS = 256;

export class PostingRuns {
  /** Number of bucket logs: min(shards, 256). */
  readonly buckets: number;
  /** Runs spilled so far (the final one included, once `spill()` ran at the end). */
  spills = 0;
  private logs: ByteWriter[];
  private readonly lastDoc: Int32Array;
  private readonly store: SpillStore;
  private readonly merger = new BucketMerger();

  constructor(shards: number, store: SpillStore) {
    this.buckets = Math.min(shards, BUILD_BUCKETS);
    this.logs = Array.from({ length: this.buckets }, () => new ByteWriter(1024));
    this.lastDoc = new Int32Array(this.buckets);
    this.store = store;
  }

  /** Starts a record of gram `id` (of shard `shard`) in document `doc`; returns the log to append the rest to. */
  record(id: number, shard: number, doc: number): ByteWriter {
    const bucket = shard % this.buckets;
    const log = this.logs[bucket] as ByteWriter;
    log.varint(id);
    const gap = doc - (this.lastDoc[bucket] as number);
    log.varint(gap >= 0 ? gap * 2 : -gap * 2 - 1);
    this.lastDoc[bucket] = doc;
    return log;
  }

  /** Bytes of records since the last spill. */
  pendingBytes(): number {
    let n = 0;
    for (const log of this.logs) n += log.length;
    return n;
  }

  /** Moves every bucket log into the spill store and starts afresh. */
  async spill(): Promise<void> {
    for (let b = 0; b < this.buckets; b++) {
      const log = this.logs[b] as ByteWriter;
      if (log.length === 0) continue;
      await this.store.append(b, log.toBytes());
      this.logs[b] = new ByteWriter(1024);
    }
    this.spills++;
  }

  /**
   * Drops the records not spilled yet and starts every bucket's doc gaps from 0 again, as if none had been
   * recorded: the update of a previous index (index-update.ts) feeds the phrase sample through the indexer only
   * for the choice it makes, not for its records.
   */
  discard(): void {
    this.logs = Array.from({ length: this.buckets }, () => new ByteWriter(1024));
    this.lastDoc.fill(0);
  }

  /** Merges one bucket's runs (after the last `spill()`) into final entries per shard, each shard's in key order; frees the bucket. */
  async merge(bucket: number, grams: GramRegistry): Promise<Map<number, ShardEntry[]>> {
    const byShard = this.merger.merge(await this.store.read(bucket), grams);
    await this.store.release(bucket);
    return byShard;
  }
}

/** Bytes of `value` (0 ≤ value < 2^31) as a varint. */
function varintLength(value: number): number {
  return value < 0x80 ? 1 : value < 0x4000 ? 2 : value < 0x200000 ? 3 : value < 0x10000000 ? 4 : 5;
}

/**
 * The merge of one bucket, in two passes over its records and typed arrays reused from one bucket to the next:
 * the first walks the records, noting each one's gram, document and where its counts and positions are, and
 * adds up the bytes of each gram's two sections; the second writes every gram's doc section (the doc gap
 * re-encoded, the counts copied) and position section (copied: positions are never decoded) into one buffer,
 * each gram's doc section followed by its positions. A gram's records come in document order in its bucket,
 * so writing them in record order is writing each gram's documents in order. The merge was a Map of gram
 * objects with two growing buffers each, which re-encoded every count: 23 % of the index build's CPU profile
 * at 3,000 documents.
 */
export class BucketMerger {
  /** Bucket-local gram number by gram id, or -1 (reset after each bucket for the grams it touched). */
  private localOf = new Int32Array(0);
  // By bucket-local gram: its id, documents, bytes of its doc and position sections, then where they start, and the last document written.
  private gramId = new Int32Array(1024);
  private docCount = new Int32Array(1024);
  private dLength = new Int32Array(1024);
  private pLength = new Int32Array(1024);
  private dAt = new Int32Array(1024);
  private pAt = new Int32Array(1024);
  private lastDoc = new Int32Array(1024);
  // By record: its bucket-local gram, its document, and where its counts, its positions and the record end.
  private recordGram = new Int32Array(4096);
  private recordDoc = new Int32Array(4096);
  private countsStart = new Int32Array(4096);
  private positionsStart = new Int32Array(4096);
  private recordEnd = new Int32Array(4096);

  /** Merges a bucket's records (all runs, in order) into final entries per shard, in key order. */
  merge(runs: Uint8Array, grams: GramRegistry): Map<number, ShardEntry[]> {
    if (this.localOf.length < grams.size) this.localOf = new Int32Array(Math.max(grams.size, this.localOf.length * 2)).fill(-1);
    const localOf = this.localOf;
    const kinds = grams.kind;
    const reader = new ByteReader(runs);
    let gramCount = 0;
    let records = 0;
    let doc = 0;
    while (!reader.done) {
      const id = reader.varint();
      const gap = reader.varint();
      doc += gap & 1 ? -(gap + 1) / 2 : gap / 2;
      let local = localOf[id] as number;
      if (local < 0) {
        local = localOf[id] = gramCount++;
        if (local >= this.gramId.length) this.growGrams();
        this.gramId[local] = id;
        this.docCount[local] = 0;
        this.dLength[local] = 0;
        this.pLength[local] = 0;
        this.lastDoc[local] = -1;
      }
      if (records >= this.recordGram.length) this.growRecords();
      const countsStart = reader.offset;
      const kind = kinds[id] as number;
      let positionsStart = countsStart;
      if (kind !== GRAM_FACET) {
        const counts = reader.varint();
        if (counts & 1) reader.varint();
        positionsStart = reader.offset;
        if (kind === GRAM_BIGRAM || kind === GRAM_PHRASE) reader.skipVarints(counts >>> 1);
      }
      this.recordGram[records] = local;
      this.recordDoc[records] = doc;
      this.countsStart[records] = countsStart;
      this.positionsStart[records] = positionsStart;
      this.recordEnd[records] = reader.offset;
      records++;
      this.docCount[local] = (this.docCount[local] as number) + 1;
      this.dLength[local] = (this.dLength[local] as number) + varintLength(doc - (this.lastDoc[local] as number) - 1) + positionsStart - countsStart;
      this.pLength[local] = (this.pLength[local] as number) + reader.offset - positionsStart;
      this.lastDoc[local] = doc;
    }

    let total = 0;
    for (let local = 0; local < gramCount; local++) {
      this.dAt[local] = total;
      this.pAt[local] = total + (this.dLength[local] as number);
      total += (this.dLength[local] as number) + (this.pLength[local] as number);
      this.lastDoc[local] = -1;
    }
    const sections = new Uint8Array(total);
    for (let r = 0; r < records; r++) {
      const local = this.recordGram[r] as number;
      const recordDoc = this.recordDoc[r] as number;
      let at = writeVarint(sections, this.dAt[local] as number, recordDoc - (this.lastDoc[local] as number) - 1);
      this.lastDoc[local] = recordDoc;
      at = copyBytes(runs, this.countsStart[r] as number, this.positionsStart[r] as number, sections, at);
      this.dAt[local] = at;
      this.pAt[local] = copyBytes(runs, this.positionsStart[r] as number, this.recordEnd[r] as number, sections, this.pAt[local] as number);
    }

    const byShard = new Map<number, ShardEntry[]>();
    for (let local = 0; local < gramCount; local++) {
      const id = this.gramId[local] as number;
      localOf[id] = -1;
      const pEnd = this.pAt[local] as number;
      const pStart = pEnd - (this.pLength[local] as number);
      const dStart = pStart - (this.dLength[local] as number);
      const entry: ShardEntry = { key: grams.key(id), kind: kinds[id] as number, docCount: this.docCount[local] as number, d: sections.subarray(dStart, pStart), p: sections.subarray(pStart, pEnd) };
      const shard = grams.shard[id] as number;
      const list = byShard.get(shard);
      if (list) list.push(entry);
      else byShard.set(shard, [entry]);
    }
    for (const list of byShard.values()) list.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return byShard;
  }

  private growGrams(): void {
    const grow = (array: Int32Array<ArrayBuffer>) => grownInt32(array, array.length * 2);
    this.gramId = grow(this.gramId);
    this.docCount = grow(this.docCount);
    this.dLength = grow(this.dLength);
    this.pLength = grow(this.pLength);
    this.dAt = grow(this.dAt);
    this.pAt = grow(this.pAt);
    this.lastDoc = grow(this.lastDoc);
  }

  private growRecords(): void {
    const grow = (array: Int32Array<ArrayBuffer>) => grownInt32(array, array.length * 2);
    this.recordGram = grow(this.recordGram);
    this.recordDoc = grow(this.recordDoc);
    this.countsStart = grow(this.countsStart);
    this.positionsStart = grow(this.positionsStart);
    this.recordEnd = grow(this.recordEnd);
  }
}

/** Writes `value` (0 ≤ value < 2^31) as a varint into `out` at `at`; returns the offset after it. */
function writeVarint(out: Uint8Array, at: number, value: number): number {
  while (value >= 0x80) {
    out[at++] = (value & 0x7f) | 0x80;
    value >>>= 7;
  }
  out[at++] = value;
  return at;
}

/** Copies `source[start, end)` into `out` at `at`; returns the offset after it. A loop for the few bytes most records have. */
function copyBytes(source: Uint8Array, start: number, end: number, out: Uint8Array, at: number): number {
  if (end - start > 64) {
    out.set(source.subarray(start, end), at);
    return at + end - start;
  }
  for (let i = start; i < end; i++) out[at++] = source[i] as number;
  return at;
}
