/**
 * A shard's entries come back from its files: inline in `g/`, external in one `x/` file, or split into a doc
 * file and a position file when the positions are large.
 */
import { describe, expect, it } from 'vitest';
import { GRAM_BIGRAM, GRAM_FACET, GRAM_UNIGRAM, SPLIT_POSITIONS_BYTES } from '../../../src/domain/search/format.ts';
import { decodeShard, sectionLocation, shardFiles, type ShardEntry } from '../../../src/domain/search/shards.ts';

const bytes = (length: number, fill: number) => new Uint8Array(length).fill(fill);

const entries: ShardEntry[] = [
  { key: '\u0000year:2023', kind: GRAM_FACET, docCount: 3, d: bytes(3, 1), p: bytes(0, 0) },
  { key: '低', kind: GRAM_UNIGRAM, docCount: 2, d: bytes(4, 2), p: bytes(0, 0) },
  { key: '低保', kind: GRAM_BIGRAM, docCount: 2, d: bytes(4, 3), p: bytes(6, 4) },
  { key: '保标', kind: GRAM_BIGRAM, docCount: 40, d: bytes(80, 5), p: bytes(100, 6) },
  { key: '标准', kind: GRAM_BIGRAM, docCount: 900, d: bytes(1800, 7), p: bytes(SPLIT_POSITIONS_BYTES + 1, 8) },
];

/** The shard's files as a map, and a reader of one entry's section from them. */
function files(shard: number, inlineMax: number) {
  const written = shardFiles(shard, entries, inlineMax);
  const byPath = new Map(written.files);
  const directory = decodeShard(byPath.get(written.files[0]![0])!);
  const section = (key: string, which: 'd' | 'p') => {
    const { path, start, end } = sectionLocation(shard, directory.get(key)!, which);
    return byPath.get(path)!.subarray(start, end);
  };
  return { written, byPath, directory, section };
}

describe('gram shards', () => {
  it('gives back every entry\'s sections, kind and doc count, inline or external', () => {
    const { directory, section } = files(0x2a, 64);
    expect([...directory.keys()]).toEqual(entries.map((e) => e.key));
    for (const entry of entries) {
      expect(directory.get(entry.key)).toMatchObject({ kind: entry.kind, docCount: entry.docCount });
      expect(section(entry.key, 'd'), entry.key).toEqual(entry.d);
      expect(section(entry.key, 'p'), entry.key).toEqual(entry.p);
    }
  });

  it('keeps small entries in the shard file and gives each large one its own file, its positions apart when large', () => {
    const { written, directory } = files(0x2a, 64);
    expect(written.files.map(([path]) => path)).toEqual(['g/002a.bin', 'x/002a-0.bin', 'x/002a-1.d.bin', 'x/002a-1.p.bin']);
    expect(written.external).toBe(2);
    expect(directory.get('低保')).toMatchObject({ external: -1, split: false });
    expect(directory.get('保标')).toMatchObject({ external: 0, split: false });
    expect(directory.get('标准')).toMatchObject({ external: 1, split: true });
  });

  it('writes one file for a shard whose entries are all small, and an empty shard too', () => {
    expect(files(3, 1 << 20).written.files.map(([path]) => path)).toEqual(['g/0003.bin']);
    const empty = shardFiles(4, [], 64);
    expect(empty.files.map(([path]) => path)).toEqual(['g/0004.bin']);
    expect(decodeShard(empty.files[0]![1]).size).toBe(0);
  });
});
