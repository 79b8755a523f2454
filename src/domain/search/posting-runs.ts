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
import { GramPostingsWriter } from './postings.ts';
import type { GramRegistry } from './gram-registry.ts';

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

  /** Merges one bucket's runs (after the last `spill()`) into final entries per shard, each shard's in key order; frees the bucket. */
  async merge(bucket: number, grams: GramRegistry): Promise<Map<number, ShardEntry[]>> {
    const byShard = mergeRuns(await this.store.read(bucket), grams);
    await this.store.release(bucket);
    return byShard;
  }
}

/** Merges a bucket's records (all runs, in order) into final entries per shard, in key order. */
export function mergeRuns(runs: Uint8Array, grams: GramRegistry): Map<number, ShardEntry[]> {
  const merged = new Map<number, GramPostingsWriter>();
  const reader = new ByteReader(runs);
  let doc = 0;
  while (!reader.done) {
    const id = reader.varint();
    const gap = reader.varint();
    doc += gap & 1 ? -(gap + 1) / 2 : gap / 2;
    let entry = merged.get(id);
    if (!entry) {
      entry = new GramPostingsWriter(id, grams.kind[id] as number);
      merged.set(id, entry);
    }
    entry.copyDoc(doc, reader);
  }
  const byShard = new Map<number, ShardEntry[]>();
  for (const m of merged.values()) {
    const shard = grams.shard[m.id] as number;
    const entry = { key: grams.key(m.id), kind: m.kind, docCount: m.docCount, d: m.d.toBytes(), p: m.p.toBytes() };
    const list = byShard.get(shard);
    if (list) list.push(entry);
    else byShard.set(shard, [entry]);
  }
  for (const list of byShard.values()) list.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return byShard;
}
