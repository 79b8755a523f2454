/**
 * Query evaluation over postings: which documents contain every part of a query, with occurrence counts and
 * whether each part is in the title; and which documents the filters allow.
 *
 * Exactness: a part of 1–2 characters is one gram whose postings list exactly the documents containing it; so
 * is a part of 3–4 that the index has as a phrase gram (phrase-indexer.ts: complete postings of the 3–4-grams
 * of common bigrams, and of those frequent in the build's sample). A longer part is checked with positions:
 * grams that cover every character of it — a phrase gram for each 4-character window the index has one for,
 * else that window's bigrams — must all occur at their offsets from one start position. That is the
 * substring test itself, so the doc set and the occurrence counts are exact without fetching any text. A
 * string of common bigrams without an entry is in no document (rule 1 makes every one that occurs).
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

/** The common bigrams of an index (`SearchManifest.commonBigrams`, concatenated), as a set. */
export function commonBigramSet(concatenated: string): ReadonlySet<string> {
  const set = new Set<string>();
  for (let i = 0; i + 1 < concatenated.length; i += 2) set.add(concatenated.slice(i, i + 2));
  return set;
}

/** Whether every bigram of `text` is common: then `text`, of 3–4 characters, is a phrase gram. */
export function allCommon(text: string, common: ReadonlySet<string>): boolean {
  for (let i = 0; i + 1 < text.length; i++) if (!common.has(text.slice(i, i + 2))) return false;
  return true;
}

/** A gram that must occur `offset` characters into a part. */
export interface CoverKey {
  offset: number;
  key: string;
}

/** Offsets of the 4-character windows that cover a part of `length` ≥ 4: 0, 4, 8 … and length − 4. */
export function coverWindows(length: number): number[] {
  const windows: number[] = [];
  for (let o = 0; o + 4 <= length; o += 4) windows.push(o);
  if (windows[windows.length - 1] !== length - 4) windows.push(length - 4);
  return windows;
}

/**
 * Grams whose occurrences at their offsets spell out the whole part (length ≥ 3): each window of
 * `coverWindows` is one phrase gram when the index has it (`isPhrase`), else its two bigrams; a part of 3,
 * its two bigrams. Every character is in some gram, so a start position where every gram occurs at its
 * offset is an occurrence of the part.
 */
export function coverKeys(part: string, isPhrase: (gram: string) => boolean): CoverKey[] {
  const keys: CoverKey[] = [];
  const add = (offset: number, key: string) => {
    if (!keys.some((k) => k.offset === offset && k.key === key)) keys.push({ offset, key });
  };
  if (part.length === 3) {
    add(0, part.slice(0, 2));
    add(1, part.slice(1, 3));
    return keys;
  }
  for (const o of coverWindows(part.length)) {
    const window = part.slice(o, o + 4);
    if (isPhrase(window)) add(o, window);
    else {
      add(o, window.slice(0, 2));
      add(o + 2, window.slice(2, 4));
    }
  }
  // A bigram whose characters the other grams already pin is dropped: it would only add its positions, which
  // for a common bigram (服务 in 特困人员供养服务设施, under the phrase gram 服务设施) are the heaviest of all.
  for (let k = keys.length - 1; k >= 0; k--) {
    const key = keys[k] as CoverKey;
    if (key.key.length !== 2) continue;
    const others = keys.filter((_, j) => j !== k);
    const pinned = (i: number) => others.some((o) => o.offset <= i && i < o.offset + o.key.length);
    if (pinned(key.offset) && pinned(key.offset + 1)) keys.splice(k, 1);
  }
  return keys.sort((a, b) => a.offset - b.offset);
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

/**
 * Documents whose normalised title or body contains `part`, with occurrence counts. `common` is the index's
 * common bigrams (`commonBigramSet`); with an empty set, phrase grams are only found by looking them up.
 * `longGrams`: the index has long phrase grams (`SearchManifest.longPhraseGrams`), so a 5–8 part is looked up whole.
 */
export async function matchPart(source: PostingSource, part: string, common: ReadonlySet<string> = new Set(), longGrams = false): Promise<MatchSet> {
  const direct = (posting: DocPosting): MatchSet => ({ docs: posting.docs, counts: posting.tf, titleParts: posting.titleTf.map((t) => (t > 0 ? 1 : 0)) });
  if (part.length <= 2) {
    const posting = await source.docPosting(part);
    return posting ? direct(posting) : EMPTY;
  }
  // A 3–4 character part may be a phrase gram: then its doc section is the answer.
  if (part.length <= 4) {
    const posting = await source.docPosting(part);
    if (posting) return direct(posting);
    if (allCommon(part, common)) return EMPTY;
  }
  // A part of 5–8 characters may be a long phrase gram (frequent in the build's sample): its doc section is the
  // answer. No entry only means it was not chosen.
  if (longGrams && part.length >= 5 && part.length <= 8) {
    const posting = await source.docPosting(part);
    if (posting) return direct(posting);
  }
  const cover = await coverOf(source, part, common);
  if (!cover) return EMPTY;
  const offsets = cover.map((k) => k.offset);
  const keys = cover.map((k) => k.key);
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

/** The cover of `coverKeys` (windows at fixed offsets), or null when a window of common bigrams is in no document. */
async function fixedCoverOf(source: PostingSource, part: string, common: ReadonlySet<string>): Promise<CoverKey[] | null> {
  // Windows of common bigrams are phrase grams or in no document; others may be frequent phrase grams.
  const windows = part.length > 4 ? coverWindows(part.length).map((o) => part.slice(o, o + 4)) : [];
  const found = new Map<string, boolean>();
  const probes = await Promise.all(windows.map((w) => source.docPosting(w)));
  windows.forEach((w, i) => found.set(w, probes[i] !== null));
  if (windows.some((w) => !found.get(w) && allCommon(w, common))) return null;
  return coverKeys(part, (gram) => found.get(gram) === true);
}

/**
 * The grams to verify a part of 3+ characters with: those of `coverKeys` (windows at fixed offsets), unless
 * their sections are heavy enough that looking up every other gram of the part may find a lighter cover.
 * Which grams are light is a property of the corpus (违反本条例: the positions of 违反本条 and 反本条例, or of
 * 违反本条 and 条例 …), so it is read from the sizes the shard directories state, not guessed. Null when some
 * piece of the part is in no document: a covering gram without an entry, or a 3–4 string of common bigrams
 * without one (rule 1 of phrase-indexer.ts makes every one that occurs).
 */
async function coverOf(source: PostingSource, part: string, common: ReadonlySet<string>): Promise<CoverKey[] | null> {
  const fixed = await fixedCoverOf(source, part, common);
  if (!fixed || !source.sectionCost || !source.lookupCost) return fixed;
  const sectionCost = source.sectionCost.bind(source);
  const fixedCosts = await Promise.all(fixed.map((k) => sectionCost(k.key)));
  if (fixedCosts.some((cost) => cost === null)) return null;
  const fixedBytes = (fixedCosts as number[]).reduce((a, b) => a + b, 0);
  // Every bigram, 3- and 4-gram of the part (the part itself, 3–4 characters, was looked up already).
  const grams: CoverKey[] = [];
  for (let n = 2; n <= Math.min(4, part.length - 1); n++) for (let o = 0; o + n <= part.length; o++) grams.push({ offset: o, key: part.slice(o, o + n) });
  const keys = [...new Set(grams.map((g) => g.key))];
  // Looking the others up costs their shards: worth it only when the fixed cover is heavier than twice that.
  if (fixedBytes <= 2 * source.lookupCost(keys)) return fixed;
  const costs = new Map<string, number | null>();
  (await Promise.all(keys.map((key) => sectionCost(key)))).forEach((cost, i) => costs.set(keys[i] as string, cost));
  const priced: Array<CoverKey & { bytes: number }> = [];
  for (const gram of grams) {
    const bytes = costs.get(gram.key) ?? null;
    if (bytes === null) {
      if (gram.key.length === 2 || allCommon(gram.key, common)) return null;
      continue;
    }
    priced.push({ ...gram, bytes });
  }
  return cheapestCover(part.length, priced) ?? fixed;
}

/**
 * The set of grams covering every character of a part of `length` with the least total `bytes` (a gram is
 * `[offset, offset + key.length)`), ties going to fewer grams; sorted by offset, so the first is at 0. Null if
 * the grams leave a character uncovered. A shortest path over covered prefixes: from a prefix of c characters,
 * a gram starting at or before c extends it to its end.
 */
export function cheapestCover(length: number, grams: ReadonlyArray<CoverKey & { bytes: number }>): CoverKey[] | null {
  const best = new Float64Array(length + 1).fill(Infinity);
  const via = new Int32Array(length + 1).fill(-1);
  const from = new Int32Array(length + 1).fill(-1);
  best[0] = 0;
  for (let c = 0; c < length; c++) {
    const here = best[c] as number;
    if (here === Infinity) continue;
    grams.forEach((g, i) => {
      const end = g.offset + g.key.length;
      if (g.offset > c || end <= c) return;
      // One byte per gram breaks ties towards fewer grams (fewer files, fewer position lists to walk).
      const cost = here + g.bytes + 1;
      if (cost < (best[end] as number)) {
        best[end] = cost;
        via[end] = i;
        from[end] = c;
      }
    });
  }
  if (best[length] === Infinity) return null;
  const cover: CoverKey[] = [];
  for (let c = length; c > 0; c = from[c] as number) {
    const g = grams[via[c] as number] as CoverKey;
    cover.push({ offset: g.offset, key: g.key });
  }
  return cover.sort((a, b) => a.offset - b.offset);
}

/**
 * For each candidate, the start positions at which every covering gram `j` occurs at `offsets[j]` further
 * on (`offsets[0]` is 0): the occurrences of the part. An occurrence is in the title when its first gram's is
 * (the first titleTf positions of a document are its title's).
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
export async function matchAll(source: PostingSource, parts: readonly string[], common: ReadonlySet<string> = new Set(), longGrams = false): Promise<MatchSet> {
  const sets = await Promise.all(parts.map((part) => matchPart(source, part, common, longGrams)));
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
