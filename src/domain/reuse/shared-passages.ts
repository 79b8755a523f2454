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
 */
import { sharedSentenceAnchor } from '../anchors.ts';
import { sentenceHash, sentencesOfRuns, type Sentence } from './sentences.ts';

export interface ReuseDocument {
  /** Document id (its path under content/documents, also its URL). */
  id: string;
  /** Region slug path: /reuse/ counts the regions a passage stands in. */
  region: string;
  /** The body's text runs (`bodyTextRuns`): sentences are cut from these so each can be marked. */
  runs: readonly string[];
  /** The quotes the page marks (figures', task evidence's): a shared sentence crossing one cannot be marked. */
  quotes: readonly string[];
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
}

export const defaultReuseRule: ReuseRule = { minChars: 12, formulaMinDocuments: 3, formulaMaxDocuments: 50, formulaShare: 0.5 };

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
  /** The other documents holding some of it, each once, in the order of the input. */
  alsoIn: PassageLink[];
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

export interface ReuseIndex {
  rule: ReuseRule;
  documentCount: number;
  /** Documents with at least one shared passage. */
  byDocument: ReadonlyMap<string, DocumentReuse>;
  /** Every document's share, shared or not, in the order of the input. */
  shares: { document: string; sharedChars: number; totalChars: number; passages: number; sharedWith: number }[];
  /** Passages by the regions they stand in, then documents, then length. */
  passages: ReusedPassage[];
  /** Pairs by the larger of their two shares, then shared characters. */
  pairs: DocumentPair[];
  /** Texts left out as formulas, by documents. */
  formulas: Formula[];
}

interface PairPassage {
  fromA: number;
  fromB: number;
  length: number;
}

const slots = 2 ** 20; // sentences per document in a packed posting: a 40,000-character body has ~1,500

/** Finds the shared passages of `documents` (see the module comment). */
export function findSharedPassages(documents: readonly ReuseDocument[], rule: ReuseRule = defaultReuseRule): ReuseIndex {
  const total = documents.length;
  const sentences = documents.map((doc) => sentencesOfRuns(doc.runs));

  // 1. Postings: hash → packed (document, sentence).
  const postings = new Map<number, number[]>();
  sentences.forEach((list, d) => {
    list.forEach((sentence, i) => {
      if (sentence.chars < rule.minChars || i >= slots) return;
      const hash = sentenceHash(sentence.key);
      const bucket = postings.get(hash);
      if (bucket) bucket.push(d * slots + i);
      else postings.set(hash, [d * slots + i]);
    });
  });

  const markable = markability(documents, sentences);
  const formulaKeys = new Set<string>();
  const formulas: Formula[] = [];
  // 2–3. Split each bucket by exact text; formulas out; seeds per pair of documents.
  const seeds = new Map<number, number[]>();
  for (const bucket of postings.values()) {
    if (bucket.length < 2) continue;
    const byKey = new Map<string, number[]>();
    for (const packed of bucket) {
      const key = sentences[Math.floor(packed / slots)]![packed % slots]!.key;
      const same = byKey.get(key);
      if (same) same.push(packed);
      else byKey.set(key, [packed]);
    }
    for (const [key, occurrences] of byKey) {
      const firstPerDocument = new Map<number, number>();
      for (const packed of occurrences) {
        const d = Math.floor(packed / slots);
        if (!firstPerDocument.has(d)) firstPerDocument.set(d, packed % slots);
      }
      if (firstPerDocument.size < 2) continue;
      if (isFormula(firstPerDocument.size, total, rule)) {
        formulaKeys.add(key);
        const [d, i] = firstPerDocument.entries().next().value!;
        formulas.push({ text: sentences[d]![i]!.text, documents: firstPerDocument.size });
        continue;
      }
      const usable = [...firstPerDocument].filter(([d, i]) => markable(d, i));
      for (let x = 0; x < usable.length; x++) {
        for (let y = x + 1; y < usable.length; y++) {
          const [dx, ix] = usable[x]!;
          const [dy, iy] = usable[y]!;
          const [a, ia, b, ib] = dx < dy ? [dx, ix, dy, iy] : [dy, iy, dx, ix];
          const pair = a * total + b;
          const list = seeds.get(pair);
          if (list) list.push(ia, ib);
          else seeds.set(pair, [ia, ib]);
        }
      }
    }
  }

  // 4. Extend each pair's seeds into passages.
  const pairPassages = new Map<number, PairPassage[]>();
  for (const [pair, flat] of seeds) {
    const a = Math.floor(pair / total);
    const b = pair % total;
    const [A, B] = [sentences[a]!, sentences[b]!];
    const joinable = (i: number, j: number) => i >= 0 && j >= 0 && i < A.length && j < B.length && A[i]!.key === B[j]!.key && !formulaKeys.has(A[i]!.key) && markable(a, i) && markable(b, j);
    const order = Array.from({ length: flat.length / 2 }, (_, k) => k).sort((p, q) => flat[2 * p]! - flat[2 * q]! || flat[2 * p + 1]! - flat[2 * q + 1]!);
    const found: PairPassage[] = [];
    const covered = new Set<number>();
    for (const k of order) {
      const [ia, ib] = [flat[2 * k]!, flat[2 * k + 1]!];
      if (covered.has(ia * slots + ib)) continue;
      let back = 0;
      while (joinable(ia - back - 1, ib - back - 1)) back++;
      let length = back + 1;
      while (joinable(ia - back + length, ib - back + length)) length++;
      const passage = { fromA: ia - back, fromB: ib - back, length };
      for (let n = 0; n < length; n++) covered.add((passage.fromA + n) * slots + passage.fromB + n);
      found.push(passage);
    }
    pairPassages.set(pair, found);
  }

  return assemble(documents, sentences, pairPassages, formulas, rule);
}

/**
 * Whether sentence `i` of document `d` can carry a mark: it is the first place its text occurs in the body (the
 * renderer marks the first occurrence, and an anchor must be unique) and it does not cross the edge of a quote
 * (marks nest or stand apart). Computed only for the sentences that are shared, and memoised.
 */
function markability(documents: readonly ReuseDocument[], sentences: readonly Sentence[][]): (d: number, i: number) => boolean {
  const quoteSpans = new Map<number, { run: number; start: number; end: number }[]>();
  const memo = new Map<number, boolean>();
  const spansOf = (d: number) => {
    let spans = quoteSpans.get(d);
    if (!spans) {
      const runs = documents[d]!.runs;
      spans = [];
      for (const quote of documents[d]!.quotes) {
        const run = runs.findIndex((text) => text.includes(quote));
        if (run >= 0) spans.push({ run, start: runs[run]!.indexOf(quote), end: runs[run]!.indexOf(quote) + quote.length });
      }
      quoteSpans.set(d, spans);
    }
    return spans;
  };
  return (d, i) => {
    const packed = d * slots + i;
    let ok = memo.get(packed);
    if (ok === undefined) {
      const sentence = sentences[d]![i]!;
      const runs = documents[d]!.runs;
      const end = sentence.start + sentence.text.length;
      const firstRun = runs.findIndex((text) => text.includes(sentence.text));
      const first = firstRun === sentence.run && runs[firstRun]!.indexOf(sentence.text) === sentence.start;
      const crosses = spansOf(d).some((q) => q.run === sentence.run && q.start < end && sentence.start < q.end && !(q.start <= sentence.start && end <= q.end) && !(sentence.start <= q.start && q.end <= end));
      ok = first && !crosses;
      memo.set(packed, ok);
    }
    return ok;
  };
}

function assemble(documents: readonly ReuseDocument[], sentences: readonly Sentence[][], pairPassages: ReadonlyMap<number, PairPassage[]>, formulas: Formula[], rule: ReuseRule): ReuseIndex {
  const total = documents.length;
  const anchorOf = (d: number, i: number) => sharedSentenceAnchor(sentences[d]![i]!.text);
  const charsOf = (d: number, from: number, length: number) => {
    let sum = 0;
    for (let n = 0; n < length; n++) sum += sentences[d]![from + n]!.chars;
    return sum;
  };

  // Per document: which sentences are shared, and with whom (other document, its sentence) per sentence.
  const partners = new Map<number, Map<number, { other: number; at: number }[]>>();
  const addPartner = (d: number, i: number, other: number, at: number) => {
    let bySentence = partners.get(d);
    if (!bySentence) partners.set(d, (bySentence = new Map()));
    const list = bySentence.get(i);
    if (list) list.push({ other, at });
    else bySentence.set(i, [{ other, at }]);
  };
  const pairs: DocumentPair[] = [];
  const reused = new Map<string, { text: string; chars: number; occurrences: Map<number, string> }>();
  for (const [pair, found] of pairPassages) {
    const a = Math.floor(pair / total);
    const b = pair % total;
    const sharedA = new Set<number>();
    const sharedB = new Set<number>();
    for (const passage of found) {
      for (let n = 0; n < passage.length; n++) {
        addPartner(a, passage.fromA + n, b, passage.fromB + n);
        addPartner(b, passage.fromB + n, a, passage.fromA + n);
        sharedA.add(passage.fromA + n);
        sharedB.add(passage.fromB + n);
      }
      const key = sentences[a]!.slice(passage.fromA, passage.fromA + passage.length).map((s) => s.key).join('\n');
      let entry = reused.get(key);
      if (!entry) {
        const text = sentences[a]!.slice(passage.fromA, passage.fromA + passage.length).map((s) => s.text).join('');
        reused.set(key, (entry = { text, chars: charsOf(a, passage.fromA, passage.length), occurrences: new Map() }));
      }
      if (!entry.occurrences.has(a)) entry.occurrences.set(a, anchorOf(a, passage.fromA));
      if (!entry.occurrences.has(b)) entry.occurrences.set(b, anchorOf(b, passage.fromB));
    }
    const sum = (d: number, set: Set<number>) => [...set].reduce((s, i) => s + sentences[d]![i]!.chars, 0);
    pairs.push({ documents: [documents[a]!.id, documents[b]!.id], sharedChars: [sum(a, sharedA), sum(b, sharedB)], totalChars: [totalChars(sentences[a]!), totalChars(sentences[b]!)] });
  }

  const byDocument = new Map<string, DocumentReuse>();
  const shares: ReuseIndex['shares'] = [];
  documents.forEach((doc, d) => {
    const bySentence = partners.get(d);
    const all = totalChars(sentences[d]!);
    if (!bySentence) {
      shares.push({ document: doc.id, sharedChars: 0, totalChars: all, passages: 0, sharedWith: 0 });
      return;
    }
    const indexes = [...bySentence.keys()].sort((x, y) => x - y);
    const passages: DocumentPassage[] = [];
    const marks: SentenceMark[] = [];
    let sharedChars = 0;
    const others = new Set<number>();
    for (let k = 0; k < indexes.length; ) {
      let end = k;
      while (end + 1 < indexes.length && indexes[end + 1] === indexes[end]! + 1) end++;
      const number = passages.length + 1;
      const links = new Map<number, string>();
      let text = '';
      let chars = 0;
      for (let n = k; n <= end; n++) {
        const i = indexes[n]!;
        const sentence = sentences[d]![i]!;
        text += sentence.text;
        chars += sentence.chars;
        marks.push({ text: sentence.text, passage: number, last: n === end });
        for (const { other, at } of bySentence.get(i)!) {
          if (!links.has(other)) links.set(other, anchorOf(other, at));
          others.add(other);
        }
      }
      sharedChars += chars;
      const alsoIn = [...links].sort(([x], [y]) => x - y).map(([other, anchor]) => ({ document: documents[other]!.id, anchor }));
      passages.push({ number, text, chars, anchor: anchorOf(d, indexes[k]!), alsoIn });
      k = end + 1;
    }
    byDocument.set(doc.id, { passages, marks, sharedChars, totalChars: all });
    shares.push({ document: doc.id, sharedChars, totalChars: all, passages: passages.length, sharedWith: others.size });
  });

  const passages = [...reused.values()]
    .map(({ text, chars, occurrences }) => {
      const ordered = [...occurrences].sort(([x], [y]) => x - y);
      return { text, chars, occurrences: ordered.map(([d, anchor]) => ({ document: documents[d]!.id, anchor })), regions: new Set(ordered.map(([d]) => documents[d]!.region)).size };
    })
    .sort((x, y) => y.regions - x.regions || y.occurrences.length - x.occurrences.length || y.chars - x.chars || x.text.localeCompare(y.text));
  const larger = (p: DocumentPair) => Math.max(p.sharedChars[0] / Math.max(1, p.totalChars[0]), p.sharedChars[1] / Math.max(1, p.totalChars[1]));
  pairs.sort((x, y) => larger(y) - larger(x) || y.sharedChars[0] - x.sharedChars[0] || x.documents.join().localeCompare(y.documents.join()));
  formulas.sort((x, y) => y.documents - x.documents || x.text.localeCompare(y.text));
  return { rule, documentCount: total, byDocument, shares, passages, pairs, formulas };
}

function totalChars(list: readonly Sentence[]): number {
  return list.reduce((sum, sentence) => sum + sentence.chars, 0);
}
