/**
 * Shared passages (相同段落): the sentences and runs of sentences that stand, after normalising, in two or more
 * documents — one bureau's report re-published as "xx市", a paragraph a county takes from its city's plan, the
 * same bureau's 年年提. Built once per build from every body (src/lib/reuse.ts); pages, /reuse/ and open data
 * read the result. Pure.
 *
 * The method is seed-and-extend over sentence hashes, near-linear in the text:
 * 1. every sentence of every body is hashed (src/domain/reuse/sentences.ts); a sentence shorter than
 *    `minChars` is never a seed — two bureaus write 现将有关情况报告如下 without copying each other;
 * 2. equal hashes meet in one bucket, which is split by the exact normalised text, so a hash collision can
 *    never become a claim;
 * 3. a text in too many documents is a formula (套话), learned by frequency and left out (`isFormula`);
 * 4. each pair of documents sharing a seed extends it forwards and backwards while the neighbouring sentences
 *    are equal too (short ones included, formulas not), and the runs become passages.
 * The cost is one pass over the sentences plus, per shared text, the pairs of its documents — at most
 * `formulaMaxDocuments`² / 2, since a text in more documents than that is a formula.
 *
 * Memory is what limits it at 100,000 documents, so neither the caller nor the index holds the bodies: they are
 * read through `readBody`, once to hash every sentence and once more, for the documents whose sentences' hashes
 * stand in another document, to keep those sentences' texts (each distinct text once) — the only ones ever
 * compared or shown. The index holds numbers, not objects: every sentence is a row of integer columns (where it
 * stands in its run, its weight, its hash), seeds and passages are rows of (pair, sentence, sentence). What pages read is built when they ask: a document's
 * marks and links (`byDocument`), and of the ranked passages and pairs only the slice /reuse/ shows. The results
 * are the same as building every object up front (tests/domain/reuse/; docs/scale.md has the figures).
 */
import { sharedSentenceAnchor } from '../anchors.ts';
import { normaliseSentence, sentenceHash, sentenceRows, type SentenceRows } from './sentences.ts';

export interface ReuseDocument {
  /** Document id (its path under content/documents, also its URL). */
  id: string;
  /** Region slug path: /reuse/ counts the regions a passage stands in. */
  region: string;
}

/**
 * What the detection reads of a body, asked for through `readBody` (once per document to hash its sentences,
 * once more for a document whose sentences stand elsewhere), so no caller need hold every body at once.
 */
export interface ReuseBody {
  /** The body's text runs (`bodyTextRuns`): sentences are cut from these so each can be marked. */
  runs: readonly string[];
  /** The quotes the page marks (figures', task evidence's): a shared sentence crossing one cannot be marked. */
  quotes: readonly string[];
}

/**
 * Where the detection gets the bodies from, in its two passes: `sentences` once per document, in order (its
 * sentence rows: `sentenceRows` of its runs), then `body` for each document whose sentences stand elsewhere. A
 * plain `readBody` serves both by parsing the body each time; the build keeps the rows and runs across builds
 * (src/domain/reuse/sentence-cache.ts), so an unchanged body is not parsed again.
 */
export interface ReuseSource {
  sentences(document: number): SentenceRows;
  body(document: number): ReuseBody;
}

/** A source that reads and parses the body for each pass. */
export function sourceOfBodies(readBody: (document: number) => ReuseBody): ReuseSource {
  return { sentences: (d) => sentenceRows(readBody(d).runs), body: readBody };
}

/**
 * When a sentence counts. A formula is a text in at least `formulaMinDocuments` documents that is in more than
 * `formulaMaxDocuments` of them, or in at least `formulaShare` of all. Why these three: two documents sharing
 * text is the very thing we look for, so a pair is never a formula; a text half the site uses says nothing about
 * any one bureau (this catches a formula on a small site, where counts are small); and a text in more than 50
 * documents is the language of a national document everyone quotes — a page listing 50 other documents for one
 * sentence is not reading anyone would do, so it is reported as a formula on /reuse/ instead of marked.
 */
export interface ReuseRule {
  /** A sentence with fewer letters, digits and ideographs is never a seed (it may still extend a passage). */
  minChars: number;
  formulaMinDocuments: number;
  formulaMaxDocuments: number;
  /** Share of all documents, 0–1. */
  formulaShare: number;
  /** The most other documents a passage's 相同段落亦见于 list names in full (`listedPartners`). */
  maxListedDocuments: number;
  /** Past that, how many it names: fewer, so that a cut list always leaves out enough to be worth the note. */
  listedWhenCut: number;
}

export const defaultReuseRule: ReuseRule = { minChars: 12, formulaMinDocuments: 3, formulaMaxDocuments: 50, formulaShare: 0.5, maxListedDocuments: 30, listedWhenCut: 20 };

/** Whether a text found in `documents` of `total` documents is a formula under `rule`. */
export function isFormula(documents: number, total: number, rule: ReuseRule = defaultReuseRule): boolean {
  return documents >= rule.formulaMinDocuments && (documents > rule.formulaMaxDocuments || documents >= rule.formulaShare * total);
}

/** Where a passage stands in another document: the anchor of its first sentence there. */
export interface PassageLink {
  document: string;
  anchor: string;
}

/** A run of consecutive shared sentences of one document, as its page lists it. */
export interface DocumentPassage {
  /** From 1, in body order: `data-shared-passage` on its sentences. */
  number: number;
  text: string;
  chars: number;
  /** The anchor of its first sentence on this page. */
  anchor: string;
  /**
   * The other documents holding some of it, each once, in the order of the input: all of them, or, past
   * `maxListedDocuments`, the ones `listedPartners` picks.
   */
  alsoIn: PassageLink[];
  /** How many other documents hold some of it, listed or not. */
  otherDocuments: number;
}

export interface SentenceMark {
  text: string;
  passage: number;
  /** The passage's last sentence. */
  last: boolean;
}

export interface DocumentReuse {
  passages: DocumentPassage[];
  /** The sentences to mark, in body order. */
  marks: SentenceMark[];
  /** Letters, digits and ideographs of the shared sentences, and of the whole body. */
  sharedChars: number;
  totalChars: number;
  /** How many other documents share some of its text. */
  sharedWith: number;
}

/** A passage as it stands in several documents (one exact normalised text). */
export interface ReusedPassage {
  text: string;
  chars: number;
  /** Each document holding it, with the anchor of the passage there, in the order of the input. */
  occurrences: PassageLink[];
  regions: number;
}

/** Two documents sharing text: how much of each stands in the other. */
export interface DocumentPair {
  documents: readonly [string, string];
  sharedChars: readonly [number, number];
  totalChars: readonly [number, number];
}

export interface Formula {
  text: string;
  documents: number;
}

/**
 * What a document's entry takes from other documents, as numbers for its page's cache key: for each shared
 * sentence and each other document holding it, in body order, the sentence's place in this body, the other
 * document (an index into `partners`) and a hash of the exact text there (its anchor is made from it). With the
 * document's own body and the partners' titles and regions, that is everything its marks and its 相同段落亦见于
 * list show — and it is made without building them.
 */
export interface ReuseSources {
  /** [sentence of this body, partner, exact-text hash high, low] per row. */
  rows: Int32Array;
  /** The other documents, by id, in the order first named. */
  partners: string[];
}

export interface ReuseIndex {
  rule: ReuseRule;
  documentCount: number;
  /** Documents with at least one shared passage. */
  byDocument: ReadonlyMap<string, DocumentReuse>;
  /** What a document's entry in `byDocument` is made from besides its own body; `undefined` when it shares none. */
  sourcesOf(id: string): ReuseSources | undefined;
  /** Every document's share, shared or not, in the order of the input. */
  shares: { document: string; sharedChars: number; totalChars: number; passages: number; sharedWith: number }[];
  /** Passages by the regions they stand in, then documents, then length. */
  passages: RankedList<ReusedPassage>;
  /** Pairs by the larger of their two shares, then shared characters. */
  pairs: RankedList<DocumentPair>;
  /** Texts left out as formulas, by documents. */
  formulas: Formula[];
}

/**
 * A ranked list the index sorts only as far as it is read: /reuse/ shows the first 50 of hundreds of thousands
 * of passages and pairs, so the rest are kept as numbers and never become objects. `slice` gives exactly what
 * slicing the fully sorted list would.
 */
export interface RankedList<T> {
  readonly length: number;
  slice(start?: number, end?: number): T[];
}

/** A growable column of 32-bit integers: the index keeps its sentences, seeds and links as these, not objects. */
class IntColumn {
  data: Int32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
  /** The filled part, trimmed so the spare capacity is freed. */
  done(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/** Fibonacci-style mix of two 32-bit integers into a table slot. */
const mix = (x: number, y: number) => Math.imul(x ^ Math.imul(y, 0x85ebca6b), 0x9e3779b1) ^ (y >>> 15);

/** Pairs of documents (a < b) numbered in the order they are first seen: an open-addressing table over Int32Arrays. */
class PairNumbers {
  private slotsA = new Int32Array(1 << 16).fill(-1);
  private slotsB = new Int32Array(1 << 16);
  private slotsN = new Int32Array(1 << 16);
  readonly a = new IntColumn();
  readonly b = new IntColumn();
  get count(): number {
    return this.a.length;
  }
  number(a: number, b: number): number {
    let mask = this.slotsA.length - 1;
    for (let slot = mix(a, b) & mask; ; slot = (slot + 1) & mask) {
      const at = this.slotsA[slot]!;
      if (at === a && this.slotsB[slot] === b) return this.slotsN[slot]!;
      if (at !== -1) continue;
      const n = this.count;
      this.a.push(a);
      this.b.push(b);
      this.slotsA[slot] = a;
      this.slotsB[slot] = b;
      this.slotsN[slot] = n;
      if (2 * this.count > this.slotsA.length) {
        const size = this.slotsA.length * 2;
        [this.slotsA, this.slotsB, this.slotsN] = [new Int32Array(size).fill(-1), new Int32Array(size), new Int32Array(size)];
        mask = size - 1;
        for (let k = 0; k < this.count; k++) {
          const [x, y] = [this.a.data[k]!, this.b.data[k]!];
          let s = mix(x, y) & mask;
          while (this.slotsA[s] !== -1) s = (s + 1) & mask;
          this.slotsA[s] = x;
          this.slotsB[s] = y;
          this.slotsN[s] = k;
        }
      }
      return n;
    }
  }
}

const slots = 2 ** 20; // sentences per document that can seed: a 40,000-character body has ~1,500

/**
 * Every sentence of every body as columns of integers (global index s): where its text stands in its run, its
 * length, weight and the two halves of its hash. Bodies are read twice and never held: the first pass hashes
 * every sentence; the second re-reads only the bodies holding a sentence whose hash stands in another document
 * too, keeps those sentences' texts (each distinct text once) and decides whether each can carry a mark. Every
 * other sentence is numbers only — at 100,000 documents the bodies would not fit in the heap beside the index.
 */
class SentenceTable {
  readonly first: Int32Array; // first sentence of document d; first[d + 1] ends it
  readonly doc: Int32Array;
  readonly run: Int32Array;
  readonly start: Int32Array;
  readonly size: Int32Array;
  readonly chars: Int32Array;
  readonly hashHigh: Int32Array;
  readonly hashLow: Int32Array;
  /** Letters, digits and ideographs of each whole body. */
  readonly docChars: Int32Array;
  /** The kept sentences' texts: `texts[textOf[s]]`, -1 for a sentence whose hash no other document has. */
  private readonly textOf: Int32Array;
  private readonly texts: string[] = [];
  private exactHashes: Float64Array | undefined;
  /** Whether a kept sentence can carry a mark (`markable`): 1 yes, 0 no. */
  private readonly markableFlags: Uint8Array;

  constructor(documents: readonly ReuseDocument[], source: ReuseSource) {
    const columns = Array.from({ length: 7 }, () => new IntColumn(1 << 16));
    const [doc, run, start, size, chars, high, low] = columns as [IntColumn, IntColumn, IntColumn, IntColumn, IntColumn, IntColumn, IntColumn];
    this.first = new Int32Array(documents.length + 1);
    this.docChars = new Int32Array(documents.length);
    documents.forEach((_, d) => {
      this.first[d] = doc.length;
      let sum = 0;
      const rows = source.sentences(d);
      for (let i = 0; i < rows.run.length; i++) {
        doc.push(d);
        run.push(rows.run[i]!);
        start.push(rows.start[i]!);
        size.push(rows.size[i]!);
        chars.push(rows.chars[i]!);
        high.push(rows.hashHigh[i]!);
        low.push(rows.hashLow[i]!);
        sum += rows.chars[i]!;
      }
      this.docChars[d] = sum;
    });
    this.first[documents.length] = doc.length;
    [this.doc, this.run, this.start, this.size, this.chars, this.hashHigh, this.hashLow] = columns.map((c) => c.done()) as [Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array];

    const kept = this.inSeveralDocuments();
    this.textOf = new Int32Array(this.count).fill(-1);
    this.markableFlags = new Uint8Array(this.count);
    const textNumbers = new Map<string, number>();
    for (let d = 0; d < documents.length; d++) {
      const [from, to] = [this.first[d]!, this.first[d + 1]!];
      let any = false;
      for (let s = from; s < to && !any; s++) any = kept[s] === 1;
      if (!any) continue;
      const body = source.body(d);
      const spans = quoteSpans(body);
      for (let s = from; s < to; s++) {
        if (kept[s] === 0) continue;
        const at = this.start[s]!;
        const text = body.runs[this.run[s]!]!.slice(at, at + this.size[s]!);
        let number = textNumbers.get(text);
        if (number === undefined) {
          number = this.texts.length;
          // A copy, not the slice: a slice of a long run can keep the whole run (the body) alive.
          this.texts.push(detached(text));
          textNumbers.set(this.texts.at(-1)!, number);
        }
        this.textOf[s] = number;
        this.markableFlags[s] = markable(body, spans, text, this.run[s]!, at) ? 1 : 0;
      }
    }
  }

  /** One byte per sentence: 1 when its hash stands in at least two documents (only those can be shared). */
  private inSeveralDocuments(): Uint8Array {
    const n = this.count;
    const capacity = 2 ** Math.ceil(Math.log2(2 * n + 2));
    const mask = capacity - 1;
    const firstWith = new Int32Array(capacity).fill(-1); // a sentence of each hash
    const several = new Uint8Array(capacity);
    const slotOf = new Int32Array(n);
    for (let s = 0; s < n; s++) {
      const [high, low] = [this.hashHigh[s]!, this.hashLow[s]!];
      let slot = mix(low, high) & mask;
      while (firstWith[slot] !== -1 && (this.hashHigh[firstWith[slot]!] !== high || this.hashLow[firstWith[slot]!] !== low)) slot = (slot + 1) & mask;
      if (firstWith[slot] === -1) firstWith[slot] = s;
      else if (this.doc[firstWith[slot]!] !== this.doc[s]) several[slot] = 1;
      slotOf[s] = slot;
    }
    const kept = new Uint8Array(n);
    for (let s = 0; s < n; s++) kept[s] = several[slotOf[s]!]!;
    return kept;
  }

  get count(): number {
    return this.doc.length;
  }

  /** A kept sentence's exact text; asking for another is a bug, since its hash stands in no other document. */
  text(s: number): string {
    const number = this.textOf[s]!;
    if (number === -1) throw new Error(`shared passages: sentence ${s} of document ${this.doc[s]} was not kept (src/domain/reuse/shared-passages.ts)`);
    return this.texts[number]!;
  }

  /** A hash of a kept sentence's exact text (not its normalised key), computed once per distinct text. */
  exactHash(s: number): number {
    const number = this.textOf[s]!;
    if (number === -1) this.text(s); // throws: not kept
    this.exactHashes ??= new Float64Array(this.texts.length).fill(-1);
    if (this.exactHashes[number] === -1) this.exactHashes[number] = sentenceHash(this.texts[number]!);
    return this.exactHashes[number]!;
  }

  markable(s: number): boolean {
    return this.markableFlags[s] === 1;
  }

  hash(s: number): number {
    return this.hashHigh[s]! * 4294967296 + (this.hashLow[s]! >>> 0);
  }

  /** Whether two sentences have the same normalised key: hashes first, then the exact text (never a hash alone). */
  sameKey(s: number, t: number): boolean {
    if (this.hashHigh[s] !== this.hashHigh[t] || this.hashLow[s] !== this.hashLow[t]) return false;
    const [x, y] = [this.textOf[s]!, this.textOf[t]!];
    return x === y || normaliseSentence(this.text(s)) === normaliseSentence(this.text(t));
  }
}

/** A flat copy of a string, so that it holds no reference to the run it was sliced from. */
function detached(text: string): string {
  const codes = new Array<number>(Math.min(text.length, 4096));
  let out = '';
  for (let at = 0; at < text.length; at += codes.length) {
    const end = Math.min(text.length, at + codes.length);
    codes.length = end - at;
    for (let i = at; i < end; i++) codes[i - at] = text.charCodeAt(i);
    out += String.fromCharCode(...codes);
  }
  return out;
}

/** Where each of the page's quotes stands in the runs (the first run holding it), as the renderer marks it. */
function quoteSpans(body: ReuseBody): { run: number; start: number; end: number }[] {
  const spans: { run: number; start: number; end: number }[] = [];
  for (const quote of body.quotes) {
    const run = body.runs.findIndex((text) => text.includes(quote));
    if (run >= 0) spans.push({ run, start: body.runs[run]!.indexOf(quote), end: body.runs[run]!.indexOf(quote) + quote.length });
  }
  return spans;
}

/**
 * Whether a sentence can carry a mark: it is the first place its text occurs in the body (the renderer marks the
 * first occurrence, and an anchor must be unique) and it does not cross the edge of a quote (marks nest or stand
 * apart).
 */
function markable(body: ReuseBody, spans: readonly { run: number; start: number; end: number }[], text: string, run: number, start: number): boolean {
  const end = start + text.length;
  const firstRun = body.runs.findIndex((t) => t.includes(text));
  const first = firstRun === run && body.runs[firstRun]!.indexOf(text) === start;
  const crosses = spans.some((q) => q.run === run && q.start < end && start < q.end && !(q.start <= start && end <= q.end) && !(start <= q.start && q.end <= end));
  return first && !crosses;
}

/**
 * Finds the shared passages of `documents` (see the module comment), their bodies read through `readBody` (parsed
 * in each pass) or a `ReuseSource`.
 */
export function findSharedPassages(documents: readonly ReuseDocument[], readBody: ((document: number) => ReuseBody) | ReuseSource, rule: ReuseRule = defaultReuseRule): ReuseIndex {
  const total = documents.length;
  const table = new SentenceTable(documents, typeof readBody === 'function' ? sourceOfBodies(readBody) : readBody);
  const n = table.count;
  const seedable = (s: number) => table.chars[s]! >= rule.minChars && s - table.first[table.doc[s]!]! < slots;

  // 1. Postings: sentences of one 53-bit hash chained in body order (head per hash in an open-addressing table).
  let seeds = 0;
  for (let s = 0; s < n; s++) if (seedable(s)) seeds++;
  const capacity = 2 ** Math.ceil(Math.log2(2 * seeds + 2));
  const mask = capacity - 1;
  const head = new Int32Array(capacity).fill(-1);
  const tail = new Int32Array(capacity);
  const next = new Int32Array(n).fill(-1);
  const isHead = new Uint8Array(n);
  for (let s = 0; s < n; s++) {
    if (!seedable(s)) continue;
    const [high, low] = [table.hashHigh[s]!, table.hashLow[s]!];
    let slot = mix(low, high) & mask;
    while (head[slot] !== -1 && (table.hashHigh[head[slot]!] !== high || table.hashLow[head[slot]!] !== low)) slot = (slot + 1) & mask;
    if (head[slot] === -1) {
      head[slot] = s;
      isHead[s] = 1;
    } else next[tail[slot]!] = s;
    tail[slot] = s;
  }

  const markable = (s: number) => table.markable(s);
  const formulaHashes = new Set<number>();
  const formulaKeys = new Set<string>();
  const isFormulaSentence = (s: number) => formulaHashes.has(table.hash(s)) && formulaKeys.has(normaliseSentence(table.text(s)));
  const formulas: Formula[] = [];
  // 2–3. Split each chain by exact text; formulas out; seeds per pair of documents (pair number, sentence in a, in b).
  const pairs = new PairNumbers();
  const seedPair = new IntColumn();
  const seedA = new IntColumn();
  const seedB = new IntColumn();
  for (let s = 0; s < n; s++) {
    if (isHead[s] === 0 || next[s] === -1) continue;
    const chain: number[] = [];
    for (let t = s; t !== -1; t = next[t]!) chain.push(t);
    // Equal hashes are almost always equal texts; the groups are kept in the order of their first sentence.
    const groups: number[][] = [];
    for (const t of chain) {
      const group = groups.find((g) => table.sameKey(g[0]!, t));
      if (group) group.push(t);
      else groups.push([t]);
    }
    for (const group of groups) {
      const firstPerDocument: number[] = [];
      for (const t of group) if (firstPerDocument.length === 0 || table.doc[firstPerDocument.at(-1)!] !== table.doc[t]) firstPerDocument.push(t);
      if (firstPerDocument.length < 2) continue;
      if (isFormula(firstPerDocument.length, total, rule)) {
        const text = table.text(firstPerDocument[0]!);
        formulaHashes.add(table.hash(firstPerDocument[0]!));
        formulaKeys.add(normaliseSentence(text));
        formulas.push({ text, documents: firstPerDocument.length });
        continue;
      }
      const usable = firstPerDocument.filter(markable);
      for (let x = 0; x < usable.length; x++) {
        for (let y = x + 1; y < usable.length; y++) {
          const [sx, sy] = [usable[x]!, usable[y]!];
          seedPair.push(pairs.number(table.doc[sx]!, table.doc[sy]!));
          seedA.push(sx);
          seedB.push(sy);
        }
      }
    }
  }
  const pairCount = pairs.count;
  const pairA = pairs.a.done();
  const pairB = pairs.b.done();

  // Seeds grouped by pair (a stable counting sort), pairs in the order they were first seen.
  const seedStart = new Int32Array(pairCount + 1);
  for (let k = 0; k < seedPair.length; k++) seedStart[seedPair.data[k]! + 1]!++;
  for (let p = 0; p < pairCount; p++) seedStart[p + 1]! += seedStart[p]!;
  const seedOrder = new Int32Array(seedPair.length);
  {
    const at = seedStart.slice(0, pairCount);
    for (let k = 0; k < seedPair.length; k++) seedOrder[at[seedPair.data[k]!]!++] = k;
  }

  // 4. Extend each pair's seeds into passages: (pair, first sentence in a, first in b, length).
  const passagePair = new IntColumn();
  const passageA = new IntColumn();
  const passageB = new IntColumn();
  const passageLength = new IntColumn();
  for (let p = 0; p < pairCount; p++) {
    const [a, b] = [pairA[p]!, pairB[p]!];
    const [a0, a1, b0, b1] = [table.first[a]!, table.first[a + 1]!, table.first[b]!, table.first[b + 1]!];
    const joinable = (i: number, j: number) => i >= a0 && j >= b0 && i < a1 && j < b1 && table.sameKey(i, j) && !isFormulaSentence(i) && markable(i) && markable(j);
    const order = Array.from(seedOrder.subarray(seedStart[p]!, seedStart[p + 1]!)).sort((x, y) => seedA.data[x]! - seedA.data[y]! || seedB.data[x]! - seedB.data[y]!);
    const covered = new Set<number>();
    for (const k of order) {
      const [ia, ib] = [seedA.data[k]!, seedB.data[k]!];
      if (covered.has(ia * n + ib)) continue;
      let back = 0;
      while (joinable(ia - back - 1, ib - back - 1)) back++;
      let length = back + 1;
      while (joinable(ia - back + length, ib - back + length)) length++;
      for (let m = 0; m < length; m++) covered.add((ia - back + m) * n + ib - back + m);
      passagePair.push(p);
      passageA.push(ia - back);
      passageB.push(ib - back);
      passageLength.push(length);
    }
  }

  return assemble(documents, table, { pair: passagePair.done(), fromA: passageA.done(), fromB: passageB.done(), length: passageLength.done() }, { a: pairA, b: pairB }, formulas, rule);
}

interface PassageColumns {
  pair: Int32Array;
  fromA: Int32Array;
  fromB: Int32Array;
  length: Int32Array;
}

/** Mixes a passage's sentence hashes (and its length) into one number: passages are keyed by it, then verified. */
function passageHash(table: SentenceTable, from: number, length: number): number {
  let h1 = 0x9e3779b9 ^ length;
  let h2 = 0x7f4a7c15;
  for (let m = 0; m < length; m++) {
    h1 = Math.imul(h1 ^ table.hashLow[from + m]!, 2654435761);
    h2 = Math.imul(h2 ^ table.hashHigh[from + m]!, 1597334677);
    h1 ^= h2 >>> 15;
  }
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** A document's shared sentences with their partners, one row per (sentence, other document), in sentence order. */
interface Partners {
  length: number;
  /** The sentence of the document (an index of the sentence table). */
  sentence: Int32Array;
  /** The other document. */
  other: Int32Array;
  /** The same sentence's index in the other document. */
  at: Int32Array;
}

function assemble(documents: readonly ReuseDocument[], table: SentenceTable, found: PassageColumns, pairDocuments: { a: Int32Array; b: Int32Array }, formulas: Formula[], rule: ReuseRule): ReuseIndex {
  const total = documents.length;
  const anchorOf = (s: number) => sharedSentenceAnchor(table.text(s));
  const passageCount = found.pair.length;
  const pairCount = pairDocuments.a.length;
  const sharedA = new Int32Array(pairCount);
  const sharedB = new Int32Array(pairCount);

  // Passages as they stand in several documents: one entry per exact sequence of keys, in the order first met.
  const entryByHash = new Map<number, number>();
  const entryNext = new IntColumn();
  const entryFrom = new IntColumn(); // the first occurrence's sentences: its text and weight
  const entryLength = new IntColumn();
  const entryChars = new IntColumn();
  const entryOccurrences: number[][] = []; // [document, first sentence there, …], first per document
  const sameSequence = (x: number, y: number, length: number) => {
    for (let m = 0; m < length; m++) if (!table.sameKey(x + m, y + m)) return false;
    return true;
  };
  for (let start = 0; start < passageCount; ) {
    const p = found.pair[start]!;
    let end = start;
    while (end < passageCount && found.pair[end] === p) end++;
    const inA = new Set<number>();
    const inB = new Set<number>();
    for (let k = start; k < end; k++) {
      const [fromA, fromB, length] = [found.fromA[k]!, found.fromB[k]!, found.length[k]!];
      for (let m = 0; m < length; m++) {
        inA.add(fromA + m);
        inB.add(fromB + m);
      }
      const hash = passageHash(table, fromA, length);
      let entry = entryByHash.get(hash) ?? -1;
      let last = -1;
      while (entry !== -1 && !(entryLength.data[entry] === length && sameSequence(entryFrom.data[entry]!, fromA, length))) [last, entry] = [entry, entryNext.data[entry]!];
      if (entry === -1) {
        entry = entryFrom.length;
        let chars = 0;
        for (let m = 0; m < length; m++) chars += table.chars[fromA + m]!;
        entryFrom.push(fromA);
        entryLength.push(length);
        entryChars.push(chars);
        entryNext.push(-1);
        entryOccurrences.push([]);
        if (last === -1) entryByHash.set(hash, entry);
        else entryNext.data[last] = entry;
      }
      const occurrences = entryOccurrences[entry]!;
      for (const [d, s] of [[pairDocuments.a[p]!, fromA], [pairDocuments.b[p]!, fromB]] as const) {
        let has = false;
        for (let o = 0; o < occurrences.length && !has; o += 2) has = occurrences[o] === d;
        if (!has) occurrences.push(d, s);
      }
    }
    for (const s of inA) sharedA[p]! += table.chars[s]!;
    for (const s of inB) sharedB[p]! += table.chars[s]!;
    start = end;
  }
  entryByHash.clear();

  // The passages each document stands in, in the order found (side 0: as a, 1: as b): a stable counting sort.
  const linkStart = new Int32Array(total + 1);
  for (let k = 0; k < passageCount; k++) {
    linkStart[pairDocuments.a[found.pair[k]!]! + 1]!++;
    linkStart[pairDocuments.b[found.pair[k]!]! + 1]!++;
  }
  for (let d = 0; d < total; d++) linkStart[d + 1]! += linkStart[d]!;
  const links = new Int32Array(2 * passageCount);
  {
    const at = linkStart.slice(0, total);
    for (let k = 0; k < passageCount; k++) {
      links[at[pairDocuments.a[found.pair[k]!]!]!++] = 2 * k;
      links[at[pairDocuments.b[found.pair[k]!]!]!++] = 2 * k + 1;
    }
  }

  /**
   * Document d's shared sentences in body order, each with its partners (other document, its sentence) in the
   * order found. Columns and a counting sort by sentence (stable, as the sort of objects it replaces): a
   * document's partners grow with the site (hundreds at 10,000 generated documents), and each document's key
   * and page read them, so an object per partner and sentence made the pages cost in proportion to the square
   * of the documents.
   */
  const partnersOf = (d: number): Partners => {
    let count = 0;
    for (let l = linkStart[d]!; l < linkStart[d + 1]!; l++) count += found.length[links[l]! >> 1]!;
    const first = table.first[d]!;
    const sentences = table.first[d + 1]! - first;
    const bucket = new Int32Array(sentences + 1);
    const cols = { sentence: new Int32Array(count), other: new Int32Array(count), at: new Int32Array(count) };
    let t = 0;
    for (let l = linkStart[d]!; l < linkStart[d + 1]!; l++) {
      const k = links[l]! >> 1;
      const asB = (links[l]! & 1) === 1;
      const p = found.pair[k]!;
      const other = asB ? pairDocuments.a[p]! : pairDocuments.b[p]!;
      const from = asB ? found.fromB[k]! : found.fromA[k]!;
      const at = asB ? found.fromA[k]! : found.fromB[k]!;
      for (let m = 0; m < found.length[k]!; m++, t++) {
        cols.sentence[t] = from + m;
        cols.other[t] = other;
        cols.at[t] = at + m;
        bucket[from + m - first + 1]!++;
      }
    }
    for (let b = 0; b < sentences; b++) bucket[b + 1]! += bucket[b]!;
    const sorted: Partners = { length: count, sentence: new Int32Array(count), other: new Int32Array(count), at: new Int32Array(count) };
    for (let u = 0; u < count; u++) {
      const v = bucket[cols.sentence[u]! - first]!++;
      sorted.sentence[v] = cols.sentence[u]!;
      sorted.other[v] = cols.other[u]!;
      sorted.at[v] = cols.at[u]!;
    }
    return sorted;
  };

  const reuseOf = (d: number): DocumentReuse => {
    const triples = partnersOf(d);
    const passages: DocumentPassage[] = [];
    const marks: SentenceMark[] = [];
    let sharedChars = 0;
    for (let t = 0; t < triples.length; ) {
      // One passage: a run of consecutive shared sentences, each with all its partners.
      const number = passages.length + 1;
      const first = triples.sentence[t]!;
      const passageFrom = t;
      // Each other document's first sentence there; only the listed ones' anchors are made (hashing every
      // partner's sentence cost a page time in proportion to the site: a passage stood in 407 others at 10,000).
      const alsoIn = new Map<number, number>();
      let text = '';
      let chars = 0;
      for (let sentence = first; ; sentence++) {
        const sentenceText = table.text(sentence);
        text += sentenceText;
        chars += table.chars[sentence]!;
        for (; t < triples.length && triples.sentence[t] === sentence; t++) {
          const other = triples.other[t]!;
          if (!alsoIn.has(other)) alsoIn.set(other, triples.at[t]!);
        }
        const last = t === triples.length || triples.sentence[t] !== sentence + 1;
        marks.push({ text: sentenceText, passage: number, last });
        if (last) break;
      }
      sharedChars += chars;
      const listed = listedPartners(triples, passageFrom, t, rule);
      const linked = [...alsoIn].filter(([other]) => listed.has(other)).sort(([x], [y]) => x - y).map(([other, at]) => ({ document: documents[other]!.id, anchor: anchorOf(at) }));
      passages.push({ number, text, chars, anchor: anchorOf(first), alsoIn: linked, otherDocuments: alsoIn.size });
    }
    return { passages, marks, sharedChars, totalChars: table.docChars[d]!, sharedWith: new Set(triples.other).size };
  };

  const idToIndex = new Map<string, number>();
  const shares: ReuseIndex['shares'] = documents.map((doc, d) => {
    idToIndex.set(doc.id, d);
    const all = table.docChars[d]!;
    if (linkStart[d] === linkStart[d + 1]) return { document: doc.id, sharedChars: 0, totalChars: all, passages: 0, sharedWith: 0 };
    const triples = partnersOf(d);
    let sharedChars = 0;
    let passages = 0;
    const others = new Set<number>();
    for (let t = 0; t < triples.length; t++) {
      const sentence = triples.sentence[t]!;
      others.add(triples.other[t]!);
      if (t > 0 && triples.sentence[t - 1] === sentence) continue;
      sharedChars += table.chars[sentence]!;
      if (t === 0 || triples.sentence[t - 1] !== sentence - 1) passages++;
    }
    return { document: doc.id, sharedChars, totalChars: all, passages, sharedWith: others.size };
  });
  const sharing = documents.map((_, d) => d).filter((d) => linkStart[d] !== linkStart[d + 1]);
  const byDocument: ReadonlyMap<string, DocumentReuse> = new LazyMap(
    sharing.map((d) => documents[d]!.id),
    (id) => {
      const d = idToIndex.get(id);
      return d === undefined || linkStart[d] === linkStart[d + 1] ? undefined : reuseOf(d);
    },
  );

  const entryCount = entryFrom.length;
  const entryRegions = new Int32Array(entryCount);
  for (let e = 0; e < entryCount; e++) {
    const occurrences = entryOccurrences[e]!;
    const regions = new Set<string>();
    for (let o = 0; o < occurrences.length; o += 2) regions.add(documents[occurrences[o]!]!.region);
    entryRegions[e] = regions.size;
  }
  const entryText = (e: number) => {
    let text = '';
    for (let m = 0; m < entryLength.data[e]!; m++) text += table.text(entryFrom.data[e]! + m);
    return text;
  };
  const passages = rankedList<ReusedPassage, string>(
    entryCount,
    (x, y) => entryRegions[y]! - entryRegions[x]! || entryOccurrences[y]!.length - entryOccurrences[x]!.length || entryChars.data[y]! - entryChars.data[x]!,
    entryText,
    (x, y) => x.localeCompare(y),
    (e) => {
      const occurrences: [number, number][] = [];
      for (let o = 0; o < entryOccurrences[e]!.length; o += 2) occurrences.push([entryOccurrences[e]![o]!, entryOccurrences[e]![o + 1]!]);
      occurrences.sort(([x], [y]) => x - y);
      return { text: entryText(e), chars: entryChars.data[e]!, occurrences: occurrences.map(([d, s]) => ({ document: documents[d]!.id, anchor: anchorOf(s) })), regions: entryRegions[e]! };
    },
  );

  const larger = (p: number) => Math.max(sharedA[p]! / Math.max(1, table.docChars[pairDocuments.a[p]!]!), sharedB[p]! / Math.max(1, table.docChars[pairDocuments.b[p]!]!));
  const pairShares = Float64Array.from({ length: pairCount }, (_, p) => larger(p));
  const pairList = rankedList<DocumentPair, string>(
    pairCount,
    (x, y) => pairShares[y]! - pairShares[x]! || sharedA[y]! - sharedA[x]!,
    (p) => [documents[pairDocuments.a[p]!]!.id, documents[pairDocuments.b[p]!]!.id].join(),
    (x, y) => x.localeCompare(y),
    (p) => {
      const [a, b] = [pairDocuments.a[p]!, pairDocuments.b[p]!];
      return { documents: [documents[a]!.id, documents[b]!.id], sharedChars: [sharedA[p]!, sharedB[p]!], totalChars: [table.docChars[a]!, table.docChars[b]!] };
    },
  );
  formulas.sort((x, y) => y.documents - x.documents || x.text.localeCompare(y.text));
  const sourcesOf = (id: string): ReuseSources | undefined => {
    const d = idToIndex.get(id);
    if (d === undefined || linkStart[d] === linkStart[d + 1]) return undefined;
    const triples = partnersOf(d);
    const partnerNumbers = new Map<number, number>();
    const rows = new Int32Array(4 * triples.length);
    for (let t = 0; t < triples.length; t++) {
      const other = triples.other[t]!;
      let partner = partnerNumbers.get(other);
      if (partner === undefined) partnerNumbers.set(other, (partner = partnerNumbers.size));
      const hash = table.exactHash(triples.at[t]!);
      rows[4 * t] = triples.sentence[t]! - table.first[d]!;
      rows[4 * t + 1] = partner;
      rows[4 * t + 2] = Math.floor(hash / 4294967296);
      rows[4 * t + 3] = hash % 4294967296 | 0;
    }
    return { rows, partners: [...partnerNumbers.keys()].map((other) => documents[other]!.id) };
  };
  return { rule, documentCount: total, byDocument, sourcesOf, shares, passages, pairs: pairList, formulas };
}

/**
 * The other documents a passage's 相同段落亦见于 list names: all of them up to `maxListedDocuments`; past that,
 * `listedWhenCut` of them, those holding most of its sentences first (ties in the order of the input), and then,
 * for every sentence none of those holds, the document holding most of the passage that does — so each marked
 * sentence still links to a document where it stands, and the claim can be checked from the page. At 10,000
 * generated documents one passage stood in 407 others; a list that long helps no reader, and the page says how
 * many it leaves out.
 */
function listedPartners(triples: Partners, from: number, to: number, rule: Pick<ReuseRule, 'maxListedDocuments' | 'listedWhenCut'>): Set<number> {
  const held = new Map<number, number>();
  for (let t = from; t < to; t++) held.set(triples.other[t]!, (held.get(triples.other[t]!) ?? 0) + 1);
  if (held.size <= rule.maxListedDocuments) return new Set(held.keys());
  const ranked = [...held].sort(([x, a], [y, b]) => b - a || x - y).map(([other]) => other);
  const listed = new Set(ranked.slice(0, rule.listedWhenCut));
  // The range is in sentence order: each sentence's partners are one run of it.
  for (let start = from; start < to; ) {
    let end = start;
    while (end < to && triples.sentence[end] === triples.sentence[start]) end++;
    let has = false;
    let best = -1;
    for (let t = start; t < end && !has; t++) {
      const other = triples.other[t]!;
      has = listed.has(other);
      if (best === -1 || held.get(other)! > held.get(best)! || (held.get(other) === held.get(best) && other < best)) best = other;
    }
    if (!has) listed.add(best);
    start = end;
  }
  return listed;
}

/**
 * A list of `count` items ranked by `byNumbers`, then `byText` of `textOf`, then the order they were found —
 * the order `Array.prototype.sort` (stable) gives the built list. Only the items up to the end of a slice, and
 * those tied with the last of them, have their text made and their object built.
 */
function rankedList<T, K>(count: number, byNumbers: (x: number, y: number) => number, textOf: (i: number) => K, byText: (x: K, y: K) => number, build: (i: number) => T): RankedList<T> {
  let order: Int32Array | undefined;
  return {
    length: count,
    slice(start = 0, end = count) {
      const upTo = Math.min(Math.max(end, 0), count);
      if (upTo <= start) return [];
      order ??= Int32Array.from({ length: count }, (_, i) => i).sort((x, y) => byNumbers(x, y) || x - y);
      let cut = upTo;
      while (cut < count && byNumbers(order[upTo - 1]!, order[cut]!) === 0) cut++;
      const candidates = Array.from(order.subarray(0, cut)).sort((x, y) => x - y);
      const texts = new Map(candidates.map((i) => [i, textOf(i)]));
      candidates.sort((x, y) => byNumbers(x, y) || byText(texts.get(x)!, texts.get(y)!));
      return candidates.slice(start, upTo).map(build);
    },
  };
}

/** A read-only map whose values are built when read, from the index's integer columns, and not kept. */
class LazyMap<V> implements ReadonlyMap<string, V> {
  private readonly ids: readonly string[];
  private readonly make: (id: string) => V | undefined;

  constructor(ids: readonly string[], make: (id: string) => V | undefined) {
    this.ids = ids;
    this.make = make;
  }
  get size(): number {
    return this.ids.length;
  }
  get(id: string): V | undefined {
    return this.make(id);
  }
  has(id: string): boolean {
    return this.make(id) !== undefined;
  }
  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void): void {
    for (const [key, value] of this) callback(value, key, this);
  }
  *entries(): MapIterator<[string, V]> {
    for (const id of this.ids) yield [id, this.make(id)!];
  }
  *keys(): MapIterator<string> {
    yield* this.ids;
  }
  *values(): MapIterator<V> {
    for (const id of this.ids) yield this.make(id)!;
  }
  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }
}
