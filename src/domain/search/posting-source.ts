/**
 * A gram's postings for the client: finds the gram in its shard's directory (fetched and decoded once per
 * shard), fetches the section it needs — the doc section, and for a 3+ character part the positions — and
 * keeps the most recently used decoded postings.
 */
import { gramShard, gramShardPath } from './format.ts';
import type { IndexFiles } from './index-files.ts';
import { Lru } from './lru.ts';
import { decodeDocPosting, decodePositionPosting, type DocPosting, type PositionPosting } from './postings.ts';
import { decodeShard, sectionLocation, type ShardEntryRef } from './shards.ts';

/** Where query evaluation gets postings from (an index through `createPostingSource`, or a test's table). */
export interface PostingSource {
  /** The doc section of a gram or facet key, or null when no document has it. */
  docPosting(key: string): Promise<DocPosting | null>;
  /** The positions of a bigram whose doc section is `docs`. */
  positionPosting(key: string, docs: DocPosting): Promise<PositionPosting>;
  /**
   * What reading a gram's doc and position sections would add to the transfer, in bytes (0 when they sit
   * inline in the shard just read to find them), or null when no document has it. Optional: without it a
   * long part is covered at fixed offsets (`coverKeys`) instead of by the cheapest cover (`cheapestCover`).
   */
  sectionCost?(key: string): Promise<number | null>;
  /** What looking `keys` up would fetch, in bytes: their shards not fetched yet, at the mean size of those that were. */
  lookupCost?(keys: readonly string[]): number;
}

export function createPostingSource(files: IndexFiles, gramShards: number, postingCacheSize = 512): PostingSource {
  const shardDirs = new Map<number, Promise<Map<string, ShardEntryRef>>>();
  /** Shard files fetched and their bytes, for `lookupCost`'s estimate. */
  const shardBytes = { files: 0, bytes: 0 };
  const docPostings = new Lru<string, Promise<DocPosting | null>>(postingCacheSize);
  const positionPostings = new Lru<string, Promise<PositionPosting>>(Math.max(16, postingCacheSize >> 3));

  async function locate(key: string): Promise<{ shard: number; ref: ShardEntryRef } | null> {
    const shard = gramShard(key, gramShards);
    let dir = shardDirs.get(shard);
    if (!dir) {
      dir = files.file(gramShardPath(shard)).then((bytes) => {
        shardBytes.files++;
        shardBytes.bytes += bytes.length;
        return decodeShard(bytes);
      });
      dir.catch(() => shardDirs.delete(shard));
      shardDirs.set(shard, dir);
    }
    const ref = (await dir).get(key);
    return ref ? { shard, ref } : null;
  }

  async function section(shard: number, ref: ShardEntryRef, which: 'd' | 'p'): Promise<Uint8Array> {
    const { path, start, end } = sectionLocation(shard, ref, which);
    return (await files.file(path)).subarray(start, end);
  }

  return {
    docPosting(key) {
      return docPostings.getOrMake(key, async () => {
        const found = await locate(key);
        if (!found) return null;
        return decodeDocPosting(await section(found.shard, found.ref, 'd'), found.ref.docCount, found.ref.kind);
      });
    },
    lookupCost(keys) {
      const unfetched = new Set(keys.map((key) => gramShard(key, gramShards)).filter((shard) => !shardDirs.has(shard)));
      return unfetched.size * (shardBytes.files > 0 ? shardBytes.bytes / shardBytes.files : 0);
    },
    async sectionCost(key) {
      const found = await locate(key);
      if (!found) return null;
      // Inline sections came with the shard; an external gram costs its x/ file(s).
      return found.ref.external >= 0 ? found.ref.dLength + found.ref.pLength : 0;
    },
    positionPosting(key, docs) {
      return positionPostings.getOrMake(key, async () => {
        const found = await locate(key);
        if (!found) throw new Error(`search index: bigram ${key} has a doc list but no entry`);
        return decodePositionPosting(await section(found.shard, found.ref, 'p'), docs);
      });
    },
  };
}
