/**
 * Sentences as the shared-passage detection compares them: cut from the body's text runs (the runs the quote
 * marking sees, src/domain/markdown/render-document.ts `bodyTextRuns`, so each can be marked on its page),
 * normalised so that a copy re-typed with other spaces or full-width punctuation still compares equal, and
 * hashed so that equal sentences meet in one bucket. Pure.
 */
import { sentenceEnd } from '../task-matching.ts';

export interface Sentence {
  /** The exact text in the body (one text run): what the page marks and its anchor is made from. */
  text: string;
  /** The comparison key (`normaliseSentence`). */
  key: string;
  /** Letters, digits and ideographs in the sentence: its weight in a document's share. */
  chars: number;
  /** Which text run it was cut from, and where in it (UTF-16 offset). */
  run: number;
  start: number;
}

const quotes: Record<string, string> = { '“': '"', '”': '"', '„': '"', '‘': "'", '’': "'", '「': '"', '」': '"', '『': '"', '』': '"', '〔': '[', '〕': ']', '【': '[', '】': ']' };

/**
 * The comparison key: NFKC (full-width ，；：（）１２３ become , ; : ( ) 123), no white space, curly and corner
 * quotes and brackets in one form, and the closing mark dropped (a sentence ends in 。 in one copy and ； in
 * another). Every other character stays: dropping all punctuation would make 3.5万元 equal 35万元, a false
 * "copied" claim.
 */
export function normaliseSentence(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/gu, '')
    .replace(/[“”„‘’「」『』〔〕【】]/gu, (c) => quotes[c] ?? c)
    .replace(/[。.;!?]+$/u, '');
}

const letterOrDigit = /^[\p{L}\p{N}]$/u;
/**
 * Whether each UTF-16 code unit outside the surrogates is a letter, digit or ideograph, tested once per build:
 * counting a body's characters with `match(/[\p{L}\p{N}]/gu)` made an array of one string per character:
 * 1.2 s CPU over the 988,539 sentences of 10,000 generated documents, the table 0.25 s.
 */
let basicPlane: Uint8Array | undefined;
function isLetterOrDigitUnit(code: number): boolean {
  if (!basicPlane) {
    basicPlane = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++) if ((c < 0xd800 || c > 0xdfff) && letterOrDigit.test(String.fromCharCode(c))) basicPlane[c] = 1;
  }
  return basicPlane[code] === 1;
}

/** Letters, digits and ideographs: what a reader counts as the text, not its punctuation. */
export function contentChars(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0xd800 || code > 0xdfff) {
      if (isLetterOrDigitUnit(code)) count++;
    } else {
      // A surrogate pair is one character beyond the basic plane (CJK extension B …); a lone surrogate is none.
      const point = text.codePointAt(i)!;
      if (point > 0xffff) {
        if (letterOrDigit.test(String.fromCodePoint(point))) count++;
        i++;
      }
    }
  }
  return count;
}

/** The sentences of the body's text runs, in order: each run cut after 。！？； (src/domain/task-matching.ts). */
export function sentencesOfRuns(runs: readonly string[]): Sentence[] {
  const out: Sentence[] = [];
  runs.forEach((run, r) => {
    let at = 0;
    for (const piece of run.split(sentenceEnd)) {
      const text = piece.trim();
      const start = at + (piece.length - piece.trimStart().length);
      at += piece.length;
      const chars = contentChars(text);
      if (chars > 0) out.push({ text, key: normaliseSentence(text), chars, run: r, start });
    }
  });
  return out;
}

/**
 * A 53-bit hash of a key (cyrb53: two 32-bit multiply-xor lanes), a plain number so a Map keys it without
 * strings. 64-bit-ish is plenty: at 10 million sentences the chance of any collision is under 1 %, and a
 * collision costs one extra text comparison, never a claim — buckets are split by exact key before anything
 * is said.
 */
export function sentenceHash(key: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * A body's sentences as the detection keeps them: one row per sentence of `sentencesOfRuns`, as integer columns
 * — where its text stands (run, UTF-16 offset and length), its weight and the two 32-bit halves of its hash.
 * What the detection needs of a body before it pairs documents, and what the build keeps across builds
 * (src/domain/reuse/sentence-cache.ts), so that an unchanged body is neither parsed nor hashed again.
 */
export interface SentenceRows {
  run: Int32Array;
  start: Int32Array;
  size: Int32Array;
  chars: Int32Array;
  hashHigh: Int32Array;
  hashLow: Int32Array;
}

export function sentenceRows(runs: readonly string[]): SentenceRows {
  const sentences = sentencesOfRuns(runs);
  const rows: SentenceRows = {
    run: new Int32Array(sentences.length),
    start: new Int32Array(sentences.length),
    size: new Int32Array(sentences.length),
    chars: new Int32Array(sentences.length),
    hashHigh: new Int32Array(sentences.length),
    hashLow: new Int32Array(sentences.length),
  };
  sentences.forEach((sentence, i) => {
    const hash = sentenceHash(sentence.key);
    rows.run[i] = sentence.run;
    rows.start[i] = sentence.start;
    rows.size[i] = sentence.text.length;
    rows.chars[i] = sentence.chars;
    rows.hashHigh[i] = Math.floor(hash / 4294967296);
    rows.hashLow[i] = hash % 4294967296 | 0;
  });
  return rows;
}
