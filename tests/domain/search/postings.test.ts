/**
 * A gram's postings survive the road the builder sends them on — a record (writeCounts, writePositions), the
 * merge into sections (posting-runs.ts) — and come back from the client's decoders as they went in. The
 * encoding is a sequence of varints whose only edges are the 7-bit boundaries, so the cases are a table of
 * those boundaries rather than random postings.
 */
import { describe, expect, it } from 'vitest';
import { GRAM_BIGRAM, GRAM_FACET, GRAM_UNIGRAM } from '../../../src/domain/search/format.ts';
import { GramRegistry } from '../../../src/domain/search/gram-registry.ts';
import { PostingRuns, memorySpillStore } from '../../../src/domain/search/posting-runs.ts';
import { decodeDocPosting, decodePositionPosting, writeCounts, writePositions } from '../../../src/domain/search/postings.ts';

interface DocOccurrences {
  doc: number;
  /** Ascending positions; the first `titleTf` are in the title. */
  positions: number[];
  titleTf: number;
}

/** Numbers on both sides of every varint length change up to 2^28 (the longest document's positions). */
const edges = [0, 1, 2, 126, 127, 128, 129, 16_383, 16_384, 16_385, 2_097_151, 2_097_152, 268_435_455];

/** Writes `docs` as the builder does (one record per document, in a bucket log), merges them and decodes both sections. */
async function roundTrip(kind: number, docs: DocOccurrences[]) {
  const grams = new GramRegistry(1);
  const id = kind === GRAM_FACET ? grams.facet('\0year:2023') : kind === GRAM_BIGRAM ? grams.bigram(0x4e00 * 65536 + 0x4e01) : grams.unigram(0x4e00);
  const runs = new PostingRuns(1, memorySpillStore());
  for (const d of docs) {
    const log = runs.record(id, 0, d.doc);
    if (kind === GRAM_FACET) continue;
    writeCounts(log, d.positions.length, d.titleTf);
    if (kind === GRAM_BIGRAM) writePositions(log, Int32Array.from(d.positions), 0, d.positions.length);
  }
  await runs.spill();
  const [entry] = (await runs.merge(0, grams)).get(0) ?? [];
  if (!entry) throw new Error('the merge gave no entry');
  const decoded = decodeDocPosting(entry.d, entry.docCount, kind);
  const positions = kind === GRAM_BIGRAM ? decodePositionPosting(entry.p, decoded) : undefined;
  return { entry, decoded, positions };
}

async function expectSame(kind: number, docs: DocOccurrences[]): Promise<void> {
  const { entry, decoded, positions } = await roundTrip(kind, docs);
  expect(entry.docCount).toBe(docs.length);
  expect([...decoded.docs]).toEqual(docs.map((d) => d.doc));
  if (kind === GRAM_FACET) {
    expect(entry.p.length).toBe(0);
    return;
  }
  expect([...decoded.tf]).toEqual(docs.map((d) => d.positions.length));
  expect([...decoded.titleTf]).toEqual(docs.map((d) => d.titleTf));
  if (!positions) return;
  docs.forEach((d, i) => expect([...positions.pos.subarray(positions.start[i], positions.start[i + 1])]).toEqual(d.positions));
}

/** Ascending positions whose gaps are `gaps` (the first is absolute). */
const fromGaps = (gaps: number[]) => gaps.reduce<number[]>((out, gap) => [...out, (out[out.length - 1] ?? 0) + gap], []);

describe('postings: encode, merge and decode', () => {
  it('gives back a bigram\'s documents, counts, title counts and positions at every varint boundary', async () => {
    for (const gap of edges) {
      const docs: DocOccurrences[] = [
        { doc: gap, positions: fromGaps([gap, 1]), titleTf: 1 },
        { doc: gap + 1, positions: [gap + 5], titleTf: 0 },
        { doc: gap + 2 + Math.min(gap, 1_000_000), positions: fromGaps([0, gap, 3]), titleTf: 3 },
      ];
      await expectSame(GRAM_BIGRAM, docs);
    }
  });

  it('gives back counts at the boundaries of tf·2 + inTitle and titleTf − 1', async () => {
    for (const tf of [1, 2, 63, 64, 65, 8191, 8192, 8193]) {
      for (const titleTf of [0, 1, Math.min(tf, 128), Math.min(tf, 129), tf]) {
        const positions = Array.from({ length: tf }, (_, k) => k * 3);
        await expectSame(GRAM_UNIGRAM, [{ doc: 0, positions, titleTf }]);
        await expectSame(GRAM_BIGRAM, [{ doc: 5, positions, titleTf }]);
      }
    }
  });

  it('keeps a unigram\'s sections to counts: it has no positions', async () => {
    const { entry } = await roundTrip(GRAM_UNIGRAM, [{ doc: 3, positions: [1, 9], titleTf: 0 }]);
    expect(entry.p.length).toBe(0);
    expect([...entry.d]).toEqual([3, 4]);
  });

  it('stores a facet as doc gaps alone', async () => {
    const docs = edges.map((doc, i) => ({ doc: doc + i, positions: [], titleTf: 0 }));
    await expectSame(GRAM_FACET, docs);
    const { entry } = await roundTrip(GRAM_FACET, [{ doc: 0, positions: [], titleTf: 0 }, { doc: 1, positions: [], titleTf: 0 }, { doc: 5, positions: [], titleTf: 0 }]);
    expect([...entry.d]).toEqual([0, 0, 3]);
  });

  it('writes the layout format.ts describes: doc gap − 1, tf·2 + inTitle, titleTf − 1, then position gaps', async () => {
    const { entry } = await roundTrip(GRAM_BIGRAM, [
      { doc: 2, positions: [0, 4, 10], titleTf: 2 },
      { doc: 3, positions: [200], titleTf: 0 },
    ]);
    expect([...entry.d]).toEqual([2, 7, 1, 0, 2]);
    expect([...entry.p]).toEqual([0, 4, 6, 0xc8, 0x01]);
  });
});
