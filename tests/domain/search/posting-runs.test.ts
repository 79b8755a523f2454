/** The builder's grams and runs: ids in order of first use, and merged postings that do not depend on when runs spilled. */
import { describe, expect, it } from 'vitest';
import { ByteWriter } from '../../../src/domain/search/bytes.ts';
import { GRAM_BIGRAM, GRAM_FACET, GRAM_PHRASE, GRAM_UNIGRAM, gramShard } from '../../../src/domain/search/format.ts';
import { GramRegistry, GramTable } from '../../../src/domain/search/gram-registry.ts';
import { GramIndexer } from '../../../src/domain/search/gram-indexer.ts';
import { PhraseIndexer } from '../../../src/domain/search/phrase-indexer.ts';
import { PostingRuns, memorySpillStore } from '../../../src/domain/search/posting-runs.ts';
import type { ShardEntry } from '../../../src/domain/search/shards.ts';

describe('gram registry', () => {
  it('gives ids in order of first use and knows each gram\'s key, kind and shard', () => {
    const grams = new GramRegistry(64);
    expect([grams.unigram(0x4f4e), grams.bigram(0x4f4e * 65536 + 0x4fdd), grams.facet('\u0000year:2023'), grams.unigram(0x4f4e)]).toEqual([0, 1, 2, 0]);
    expect([0, 1, 2].map((id) => [grams.key(id), grams.kind[id], grams.shard[id]])).toEqual([
      ['低', GRAM_UNIGRAM, gramShard('低', 64)],
      ['低保', GRAM_BIGRAM, gramShard('低保', 64)],
      ['\u0000year:2023', GRAM_FACET, gramShard('\u0000year:2023', 64)],
    ]);
  });

  it('keys a phrase gram by its text, from the common bigrams it is made of', () => {
    const grams = new GramRegistry(64);
    const code = (text: string) => text.charCodeAt(0) * 65536 + text.charCodeAt(1);
    grams.phraseCodes = [code('人民'), code('政府'), code('民政')];
    expect(grams.trigram(0, 2, false)).toBe(-1);
    const tri = grams.trigram(0, 2);
    const quad = grams.quadgram(0, 1);
    expect([grams.trigram(0, 2, false), grams.quadgram(0, 1), grams.quadgram(1, 0)]).toEqual([tri, quad, quad + 1]);
    expect([tri, quad, quad + 1].map((id) => [grams.key(id), grams.kind[id], grams.shard[id]])).toEqual([
      ['人民政', GRAM_PHRASE, gramShard('人民政', 64)],
      ['人民政府', GRAM_PHRASE, gramShard('人民政府', 64)],
      ['政府人民', GRAM_PHRASE, gramShard('政府人民', 64)],
    ]);
  });

  it('keeps every id as its tables grow past their first size', () => {
    const grams = new GramRegistry(64);
    const table = new GramTable();
    const codes = Array.from({ length: 70_000 }, (_, i) => (0x4e00 + (i % 400)) * 65536 + 0x4e00 + Math.floor(i / 400));
    codes.forEach((code, i) => table.set(code, i));
    expect(codes.every((code, i) => table.get(code) === i)).toBe(true);
    expect(table.get(0x41 * 65536 + 0x42)).toBe(-1);
    expect(codes.map((code) => grams.bigram(code))).toEqual(codes.map((_, i) => i));
    expect(grams.key(69_999)).toBe(String.fromCharCode(0x4e00 + (69_999 % 400), 0x4e00 + Math.floor(69_999 / 400)));
  });
});

describe('posting runs', () => {
  const texts = Array.from({ length: 40 }, (_, i) => [`第${i}号`, `${'民政'.repeat(i % 5)}社会救助${i}。低保标准${'低保'.repeat(i % 3)}`] as const);

  /** Indexes `texts` with a spill after every `spillEvery` documents; the merged entries of every shard. */
  async function merged(spillEvery: number, shareBigramIds = true): Promise<{ entries: Map<number, ShardEntry[]>; spills: number }> {
    const grams = new GramRegistry(32);
    const runs = new PostingRuns(32, memorySpillStore());
    const indexer = new GramIndexer(grams, runs);
    // Phrases of the first 7 documents are recorded after them: doc gaps run backwards once, across spills.
    const phrases = new PhraseIndexer(grams, runs, { sampleDocs: 7, commonShare: 0.3 });
    for (const [doc, [title, body]] of texts.entries()) {
      indexer.index(doc, title, body);
      phrases.add(doc, title, body, shareBigramIds ? indexer.bigramIds : undefined);
      if ((doc + 1) % spillEvery === 0) await runs.spill();
    }
    phrases.finish();
    await runs.spill();
    const entries = new Map<number, ShardEntry[]>();
    for (let b = 0; b < runs.buckets; b++) for (const [shard, list] of await runs.merge(b, grams)) entries.set(shard, list);
    return { entries, spills: runs.spills };
  }

  it('records the same phrase postings whether the phrase indexer is given the bigram ids or looks them up', async () => {
    expect((await merged(Infinity, false)).entries).toEqual((await merged(Infinity, true)).entries);
  });

  it('merges the same postings however often the runs spilled', async () => {
    const once = await merged(Infinity);
    const often = await merged(3);
    expect(once.spills).toBe(1);
    expect(often.spills).toBe(14);
    expect(often.entries).toEqual(once.entries);
    const phrase = [...once.entries.values()].flat().find((e) => e.key === '低保标准');
    expect(phrase?.kind).toBe(GRAM_PHRASE);
    expect(phrase?.docCount).toBe(40);
  });

  it('lists each shard\'s grams in key order, every gram in the shard its key hashes to', async () => {
    const { entries } = await merged(Infinity);
    for (const [shard, list] of entries) {
      expect(list.map((e) => e.key)).toEqual(list.map((e) => e.key).sort());
      for (const e of list) expect(gramShard(e.key, 32)).toBe(shard);
    }
    const all = [...entries.values()].flat();
    expect(all.find((e) => e.key === '低保')?.docCount).toBe(40);
    expect(all.find((e) => e.key === '民政')?.docCount).toBe(32);
  });

  it('counts the bytes waiting for the next spill', async () => {
    const runs = new PostingRuns(8, memorySpillStore());
    expect(runs.pendingBytes()).toBe(0);
    const log: ByteWriter = runs.record(0, 3, 200);
    log.varint(5);
    expect(runs.pendingBytes()).toBe(1 + 2 + 1);
    await runs.spill();
    expect(runs.pendingBytes()).toBe(0);
  });
});
