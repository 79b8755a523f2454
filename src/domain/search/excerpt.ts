/**
 * Excerpts and highlights in the *original* text: matching happens on the normalised text, and the mapping
 * from normaliseWithMap() carries each match back to the words the reader sees, white space and all.
 */
import { normaliseWithMap, queryParts, type NormalisedText } from './normalise.ts';

/** A half-open range `[start, end)` of UTF-16 offsets. */
export type Range = [start: number, end: number];

/** An excerpt: readable text around the first match, with the matches in it. */
export interface Excerpt {
  text: string;
  /** Ranges of `text` to highlight. */
  highlights: Range[];
}

/** The first match in a text, in the original text's offsets: what a page scrolls to. */
export interface TextMatch {
  /** Offset in the original text. */
  offset: number;
  /** Length in the original text (may include white space the match skipped over). */
  length: number;
  /** The original text of the match, e.g. `低保标\n准`. */
  text: string;
}

/** Sentence ends: an excerpt starts after one and stops at one when it can. */
const SENTENCE_END = new Set(['。', '！', '？', '；', '!', '?', ';', '\n']);
/** Clause breaks: the next best place to cut. */
const CLAUSE_BREAK = new Set(['，', '、', '：', ',', ':', '）', ')']);
const WHITE = /\s/u;
const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/u;

/** Longest line that counts as a heading or list item when it ends without punctuation. */
const SHORT_LINE = 30;

/**
 * Whether `text[i]` ends a sentence. A line break counts only after sentence punctuation or at the end of a
 * short line (a heading): government pages also break lines mid-sentence (低保标\n准), and an excerpt must
 * not start in the middle of a word.
 */
function endsSentence(text: string, i: number): boolean {
  const c = text[i] as string;
  if (c !== '\n') return SENTENCE_END.has(c);
  let j = i - 1;
  while (j >= 0 && WHITE.test(text[j] as string)) j--;
  if (j < 0 || SENTENCE_END.has(text[j] as string) || CLAUSE_BREAK.has(text[j] as string)) return true;
  const lineStart = text.lastIndexOf('\n', j) + 1;
  return j - lineStart < SHORT_LINE;
}

const EXCERPT_MIN = 80;
const EXCERPT_MAX = 120;
const LOOK_BACK = 50;

/** Normalised-text ranges of every occurrence of every part, sorted and merged where they overlap. */
export function matchRanges(normalised: string, parts: readonly string[]): Range[] {
  const ranges: Range[] = [];
  for (const part of parts) {
    if (!part) continue;
    for (let at = normalised.indexOf(part); at >= 0; at = normalised.indexOf(part, at + 1)) {
      ranges.push([at, at + part.length]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Range[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/** Maps a normalised range to the original text it came from. */
function toOriginal(mapped: NormalisedText, range: Range): Range {
  return [mapped.start[range[0]] as number, mapped.end[range[1] - 1] as number];
}

function asParts(query: string | readonly string[]): string[] {
  return typeof query === 'string' ? queryParts(query) : query.flatMap((q) => queryParts(q));
}

/**
 * Ranges of the original `text` to highlight for a query (or its parts): every occurrence, ignoring white
 * space, case and full-width forms. A page uses it to mark the matches in a title or a whole document.
 */
export function highlightRanges(text: string, query: string | readonly string[]): Range[] {
  const mapped = normaliseWithMap(text);
  return matchRanges(mapped.text, asParts(query)).map((r) => toOriginal(mapped, r));
}

/** The first match of any part of the query in `text`, in original offsets; `null` when there is none. */
export function firstMatch(text: string, query: string | readonly string[]): TextMatch | null {
  const mapped = normaliseWithMap(text);
  const first = matchRanges(mapped.text, asParts(query))[0];
  if (!first) return null;
  const [offset, end] = toOriginal(mapped, first);
  return { offset, length: end - offset, text: text.slice(offset, end) };
}

/**
 * Text from `start` to `end` with white space tidied for reading: runs of white space between two Chinese
 * characters disappear (a line break inside 低保标准 is an artefact of the source page), other runs become one
 * space. Returns the text and, for each original offset in the range, its offset in the result.
 */
function tidy(text: string, start: number, end: number): { out: string; at: Int32Array } {
  const at = new Int32Array(end - start + 1);
  let out = '';
  let i = start;
  while (i < end) {
    const c = text[i] as string;
    if (WHITE.test(c)) {
      let j = i;
      while (j < end && WHITE.test(text[j] as string)) j++;
      const before = out[out.length - 1];
      const after = text[j];
      // Spaces and real line breaks (a heading's end) show as one space; a line wrapped mid-sentence between
      // Chinese characters (低保标\n准) and white space after Chinese punctuation disappear.
      let wrapOnly = false;
      for (let k = i; k < j; k++) {
        if (text[k] !== '\n') continue;
        if (endsSentence(text, k)) {
          wrapOnly = false;
          break;
        }
        wrapOnly = true;
      }
      const wide = before !== undefined && after !== undefined && WIDE.test(before) && WIDE.test(after);
      const afterPunctuation = before !== undefined && WIDE.test(before) && (SENTENCE_END.has(before) || CLAUSE_BREAK.has(before));
      const keepSpace = before !== undefined && after !== undefined && j < end && !afterPunctuation && !(wrapOnly && wide);
      for (let k = i; k < j; k++) at[k - start] = out.length;
      if (keepSpace) out += ' ';
      i = j;
      continue;
    }
    at[i - start] = out.length;
    out += c;
    i++;
  }
  at[end - start] = out.length;
  return { out, at };
}

/**
 * A readable excerpt of ~80–120 characters around the match `[matchStart, matchEnd)` (original offsets): it
 * starts after the sentence end before the match where one is near, ends at a sentence end where it can, and
 * marks a cut mid-sentence with "…". `highlightsIn` are the original-offset ranges to mark.
 */
export function excerptAround(text: string, matchStart: number, matchEnd: number, highlightsIn: readonly Range[]): Excerpt {
  let start = matchStart;
  let cutLeft = false;
  const backLimit = Math.max(0, matchStart - LOOK_BACK);
  let found = false;
  for (let i = matchStart - 1; i >= backLimit; i--) {
    if (endsSentence(text, i)) {
      start = i + 1;
      found = true;
      break;
    }
  }
  if (!found) {
    if (backLimit === 0) start = 0;
    else {
      start = matchStart - 30;
      for (let i = matchStart - 1; i >= backLimit; i--) {
        if (CLAUSE_BREAK.has(text[i] as string)) {
          start = i + 1;
          break;
        }
      }
      cutLeft = true;
    }
  }
  while (start > 0 && start < text.length && /[\udc00-\udfff]/u.test(text[start] as string)) start--;

  const limit = Math.min(text.length, Math.max(start + EXCERPT_MAX, matchEnd + 20));
  let end = -1;
  for (let j = matchEnd; j < limit; j++) {
    const c = text[j] as string;
    if (endsSentence(text, j)) {
      const candidate = c === '\n' ? j : j + 1;
      end = candidate;
      if (candidate - start >= EXCERPT_MIN) break;
    }
  }
  let cutRight = false;
  if (end < 0 || (end - start < EXCERPT_MIN && limit < text.length)) {
    if (limit >= text.length) end = text.length;
    else {
      let clause = -1;
      for (let j = limit - 1; j >= Math.max(matchEnd, end); j--) {
        if (CLAUSE_BREAK.has(text[j] as string)) {
          clause = j + 1;
          break;
        }
      }
      if (clause > 0 && clause - start >= EXCERPT_MIN / 2) end = clause;
      else end = limit;
      cutRight = true;
    }
  }
  end = Math.max(end, matchEnd);
  // Never cut through a highlighted match: extend the excerpt to its end.
  for (const [hs, he] of highlightsIn) if (hs < end && he > end) end = he;
  while (end < text.length && /[\udc00-\udfff]/u.test(text[end] as string)) end++;

  const { out, at } = tidy(text, start, end);
  let body = out;
  let shift = 0;
  // Leading white space removed by tidy may leave the text starting mid-run; trim and mark cuts.
  const trimmedStart = body.length - body.trimStart().length;
  body = body.trim();
  shift -= trimmedStart;
  if (cutLeft) {
    body = `…${body}`;
    shift += 1;
  }
  if (cutRight) body = `${body}…`;
  const highlights: Range[] = [];
  for (const [hs, he] of highlightsIn) {
    const s = Math.max(hs, start);
    const e = Math.min(he, end);
    if (s >= e) continue;
    const from = (at[s - start] as number) + shift;
    const to = (at[e - start] as number) + shift;
    if (to > from && from >= 0) highlights.push([from, Math.min(to, body.length)]);
  }
  return { text: body, highlights };
}

/**
 * The excerpt of a text for a query's parts, around the first match; `null` when the text does not contain
 * any part. `offsetBase` is added to `match.offset` (a chunk's place in the whole body).
 */
export function excerptForParts(
  text: string,
  parts: readonly string[],
  offsetBase = 0,
): { excerpt: Excerpt; match: TextMatch } | null {
  const mapped = normaliseWithMap(text);
  const ranges = matchRanges(mapped.text, parts);
  const first = ranges[0];
  if (!first) return null;
  const original = ranges.map((r) => toOriginal(mapped, r));
  const [ms, me] = original[0] as Range;
  return {
    excerpt: excerptAround(text, ms, me, original),
    match: { offset: offsetBase + ms, length: me - ms, text: text.slice(ms, me) },
  };
}

/** The opening of a text as an excerpt without highlights (a match only in the title). */
export function openingExcerpt(text: string): Excerpt {
  let end = Math.min(text.length, EXCERPT_MAX);
  for (let j = EXCERPT_MIN; j < end; j++) {
    if (endsSentence(text, j)) {
      end = j + 1;
      break;
    }
  }
  const { out } = tidy(text, 0, end);
  return { text: out.trim() + (end < text.length ? '…' : ''), highlights: [] };
}
