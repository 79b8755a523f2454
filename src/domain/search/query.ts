/**
 * Query evaluation over postings: which documents contain every part of a query, with occurrence counts and
 * whether each part is in the title; and which documents the filters allow.
 *
 * Exactness: a part of 1–2 characters is one gram whose postings list exactly the documents containing it. A
 * longer part is checked with positions: the bigrams at offsets 0, 2, 4 … (and length − 2) must all occur at
 * those offsets from one start position. That is the substring test itself, so the doc set and the
 * occurrence counts are exact without fetching any text.
 */
import type { PostingSource } from './posting-source.ts';
import type { DocPosting, PositionPosting } from './postings.ts';

/** Documents matching a part (or the whole query), with counts. */
export interface MatchSet {
  /** Ascending doc numbers. */
  docs: Int32Array;
  /** Occurrences of the parts, per document. */
  counts: Int32Array;
  /** Number of parts that occur in the title. */
  titleParts: Int32Array;
}

export const EMPTY: MatchSet = { docs: new Int32Array(0), counts: new Int32Array(0), titleParts: new Int32Array(0) };

/** A doc list as a match set without counts. */
const docsOnly = (docs: Int32Array): MatchSet => ({ docs, counts: new Int32Array(docs.length), titleParts: new Int32Array(docs.length) });

/** Offsets of the bigrams that cover a part of `length` ≥ 3: 0, 2, 4 … and length − 2. */
export function coverOffsets(length: number): number[] {
  const offsets: number[] = [];
  for (let o = 0; o + 2 <= length; o += 2) offsets.push(o);
  if (offsets[offsets.length - 1] !== length - 2) offsets.push(length - 2);
  return offsets;
}

/** Sorted-set intersection of match sets: counts add up, title parts add up. */
export function intersect(a: MatchSet, b: MatchSet): MatchSet {
  const n = Math.min(a.docs.length, b.docs.length);
  const docs = new Int32Array(n);
  const counts = new Int32Array(n);
  const titleParts = new Int32Array(n);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.docs.length && j < b.docs.length) {
    const x = a.docs[i] as number;
    const y = b.docs[j] as number;
    if (x < y) i++;
    else if (x > y) j++;
    else {
      docs[k] = x;
      counts[k] = (a.counts[i] as number) + (b.counts[j] as number);
      titleParts[k] = (a.titleParts[i] as number) + (b.titleParts[j] as number);
      k++;
      i++;
      j++;
    }
  }
  return { docs: docs.subarray(0, k), counts: counts.subarray(0, k), titleParts: titleParts.subarray(0, k) };
}

/** Keeps the docs of `set` that are in the ascending list `allowed`. */
export function keepOnly(set: MatchSet, allowed: Int32Array): MatchSet {
  return intersect(set, docsOnly(allowed));
}

/** Union of ascending doc lists, ascending. */
export function unionDocs(lists: Int32Array[]): Int32Array {
  if (lists.length === 1) return lists[0] as Int32Array;
  const all = new Set<number>();
  for (const list of lists) for (const doc of list) all.add(doc);
  return Int32Array.from([...all].sort((a, b) => a - b));
}

/** Documents whose normalised title or body contains `part`, with occurrence counts. */
export async function matchPart(source: PostingSource, part: string): Promise<MatchSet> {
  if (part.length <= 2) {
    const posting = await source.docPosting(part);
    if (!posting) return EMPTY;
    return { docs: posting.docs, counts: posting.tf, titleParts: posting.titleTf.map((t) => (t > 0 ? 1 : 0)) };
  }
  const offsets = coverOffsets(part.length);
  const keys = offsets.map((o) => part.slice(o, o + 2));
  const postings = await Promise.all(keys.map((key) => source.docPosting(key)));
  if (postings.some((p) => p === null)) return EMPTY;
  const lists = postings as DocPosting[];
  // Candidates: documents that have every covering bigram somewhere.
  let candidates = lists[0]?.docs ?? new Int32Array(0);
  for (const list of lists.slice(1)) candidates = intersect(docsOnly(candidates), docsOnly(list.docs)).docs;
  if (candidates.length === 0) return EMPTY;
  const positions = await Promise.all(keys.map((key, j) => source.positionPosting(key, lists[j] as DocPosting)));
  return verifyPositions(candidates, offsets, lists, positions);
}

/**
 * For each candidate, the start positions at which every covering bigram `j` occurs at `offsets[j]` further
 * on: the occurrences of the part. An occurrence is in the title when its first bigram's is (the first
 * titleTf positions of a document are its title's).
 */
function verifyPositions(candidates: Int32Array, offsets: readonly number[], lists: readonly DocPosting[], positions: readonly PositionPosting[]): MatchSet {
  const keys = offsets.length;
  const docs = new Int32Array(candidates.length);
  const counts = new Int32Array(candidates.length);
  const titleParts = new Int32Array(candidates.length);
  const cursor = new Int32Array(keys);
  const from = new Int32Array(keys);
  const to = new Int32Array(keys);
  let n = 0;
  for (const doc of candidates) {
    for (let j = 0; j < keys; j++) {
      const list = lists[j] as DocPosting;
      let c = cursor[j] as number;
      while ((list.docs[c] as number) < doc) c++;
      cursor[j] = c;
      const pp = positions[j] as PositionPosting;
      from[j] = pp.start[c] as number;
      to[j] = pp.start[c + 1] as number;
    }
    const first = positions[0] as PositionPosting;
    const titleTf = (lists[0] as DocPosting).titleTf[cursor[0] as number] as number;
    let count = 0;
    let inTitle = 0;
    for (let k = from[0] as number; k < (to[0] as number); k++) {
      const p = first.pos[k] as number;
      let ok = true;
      for (let j = 1; j < keys && ok; j++) {
        const want = p + (offsets[j] as number);
        const pj = (positions[j] as PositionPosting).pos;
        let f = from[j] as number;
        while (f < (to[j] as number) && (pj[f] as number) < want) f++;
        from[j] = f;
        ok = f < (to[j] as number) && pj[f] === want;
      }
      if (ok) {
        count++;
        // from[0] is not advanced, so `k - from[0]` is the occurrence's rank within this doc.
        if (k - (from[0] as number) < titleTf) inTitle = 1;
      }
    }
    if (count > 0) {
      docs[n] = doc;
      counts[n] = count;
      titleParts[n] = inTitle;
      n++;
    }
  }
  return { docs: docs.subarray(0, n), counts: counts.subarray(0, n), titleParts: titleParts.subarray(0, n) };
}

/** Documents that contain every part, smallest sets intersected first. */
export async function matchAll(source: PostingSource, parts: readonly string[]): Promise<MatchSet> {
  const sets = await Promise.all(parts.map((part) => matchPart(source, part)));
  sets.sort((a, b) => a.docs.length - b.docs.length);
  let result = sets[0] ?? EMPTY;
  for (const set of sets.slice(1)) result = intersect(result, set);
  return result;
}

/**
 * Documents the filters allow — `keys` from `filterKeys()`: one list of facet keys per facet, alternatives
 * within a list (union), every list must hold (intersection) — or null when nothing is filtered.
 */
export async function allowedDocs(source: PostingSource, keys: readonly (readonly string[])[]): Promise<Int32Array | null> {
  if (keys.length === 0) return null;
  const lists = await Promise.all(
    keys.map(async (alternatives) => {
      const postings = await Promise.all(alternatives.map((key) => source.docPosting(key)));
      return unionDocs(postings.map((p) => p?.docs ?? new Int32Array(0)));
    }),
  );
  lists.sort((a, b) => a.length - b.length);
  let allowed = lists[0] as Int32Array;
  for (const list of lists.slice(1)) allowed = intersect(docsOnly(allowed), docsOnly(list)).docs;
  return allowed;
}
