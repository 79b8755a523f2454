/**
 * The one normalisation shared by the index, the query and the quality test's truth: NFKC, lower case, and no
 * white space, control or format characters. A document that breaks 低保标准 across a line ("低保标\n准") or
 * writes ＩＰｖ６ in full-width letters still matches the query 低保标准 / ipv6.
 *
 * NFKC is applied per cluster (a code point and the combining marks after it) rather than to the whole string,
 * so that every normalised character can be traced back to the span of the original text it came from: that
 * is what lets an excerpt or a page highlight the original words. For Chinese, Latin and digits this equals
 * whole-string NFKC; it differs only for scripts that compose across clusters (Hangul conjoining jamo).
 */

/** Characters that never take part in matching: white space (incl. U+3000), controls, format characters. */
const droppedChar = /[\s\p{Cc}\p{Cf}]/u;
const combiningMark = /\p{M}/u;

/** Normalised form of one code point (no following marks); cached because a text repeats few characters. */
const singleCache = new Map<number, string>();

function normaliseCluster(cluster: string): string {
  let out = cluster.normalize('NFKC').toLowerCase();
  if (droppedChar.test(out)) out = out.replace(/[\s\p{Cc}\p{Cf}]/gu, '');
  return out;
}

function normaliseCodePoint(cp: number): string {
  // Fast paths: ASCII and the CJK Unified Ideographs block are fixed points of NFKC (except ASCII case).
  if (cp < 0x80) {
    if (cp >= 0x41 && cp <= 0x5a) return String.fromCharCode(cp + 32);
    if (cp <= 0x20 || cp === 0x7f) return '';
    return String.fromCharCode(cp);
  }
  if (cp >= 0x4e00 && cp <= 0x9fff) return String.fromCharCode(cp);
  let out = singleCache.get(cp);
  if (out === undefined) {
    out = normaliseCluster(String.fromCodePoint(cp));
    singleCache.set(cp, out);
  }
  return out;
}

function isMarkAt(text: string, index: number): boolean {
  const c = text.charCodeAt(index);
  // Combining marks live outside ASCII and CJK; test the cheap range first.
  if (c < 0x300 || (c >= 0x3400 && c <= 0x9fff)) return false;
  return combiningMark.test(String.fromCodePoint(text.codePointAt(index) ?? c));
}

/** Length in code units of the cluster starting at `index`: the code point and any combining marks after it. */
function clusterEnd(text: string, index: number): number {
  const cp = text.codePointAt(index) ?? 0;
  let end = index + (cp > 0xffff ? 2 : 1);
  while (end < text.length && isMarkAt(text, end)) {
    end += (text.codePointAt(end) ?? 0) > 0xffff ? 2 : 1;
  }
  return end;
}

function clusterAt(text: string, index: number, end: number): string {
  if (end - index === 1) return normaliseCodePoint(text.charCodeAt(index));
  const cp = text.codePointAt(index) ?? 0;
  if (end - index === 2 && cp > 0xffff) return normaliseCodePoint(cp);
  return normaliseCluster(text.slice(index, end));
}

/** The normalised text used for matching: NFKC, lower case, white space/control/format characters removed. */
export function normalise(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    // Hot path for CJK ideographs and ASCII not followed by a combining mark.
    const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
    if ((c < 0xd800 || c > 0xdfff) && (next < 0x300 || (next >= 0x3400 && next <= 0x9fff))) {
      out += normaliseCodePoint(c);
      i += 1;
      continue;
    }
    const end = clusterEnd(text, i);
    out += clusterAt(text, i, end);
    i = end;
  }
  return out;
}

/** A normalised text with, for each of its code units, the span of the original text it came from. */
export interface NormalisedText {
  /** The normalised text, as `normalise()` gives it. */
  text: string;
  /** `start[i]`: offset in the original text of the cluster normalised character `i` came from. */
  start: Uint32Array;
  /** `end[i]`: end offset (exclusive) in the original text of that cluster. */
  end: Uint32Array;
}

/** `normalise()` with the mapping back to the original text, for excerpts and highlights. */
export function normaliseWithMap(text: string): NormalisedText {
  const start = new Uint32Array(text.length * 2 + 4);
  const end = new Uint32Array(text.length * 2 + 4);
  let out = '';
  let i = 0;
  let n = 0;
  let startArr = start;
  let endArr = end;
  while (i < text.length) {
    const stop = clusterEnd(text, i);
    const piece = clusterAt(text, i, stop);
    if (n + piece.length > startArr.length) {
      // NFKC can expand a lot (e.g. ﷺ); grow the maps.
      const grownStart = new Uint32Array((n + piece.length) * 2);
      const grownEnd = new Uint32Array((n + piece.length) * 2);
      grownStart.set(startArr);
      grownEnd.set(endArr);
      startArr = grownStart;
      endArr = grownEnd;
    }
    for (let k = 0; k < piece.length; k++) {
      startArr[n] = i;
      endArr[n] = stop;
      n++;
    }
    out += piece;
    i = stop;
  }
  return { text: out, start: startArr.subarray(0, n), end: endArr.subarray(0, n) };
}

/**
 * The parts of a query: split on white space, each normalised; empty parts dropped, duplicates kept once.
 * "低保 标准" is two required parts; "低保标准" is one.
 */
export function queryParts(query: string): string[] {
  const parts: string[] = [];
  for (const raw of query.split(/[\s\u3000]+/u)) {
    const part = normalise(raw);
    if (part && !parts.includes(part)) parts.push(part);
  }
  return parts;
}

/**
 * Whether a code unit position is a safe place to cut a text so that normalising the pieces and joining them
 * equals normalising the whole: not inside a surrogate pair and not before a combining mark.
 */
export function isClusterBoundary(text: string, index: number): boolean {
  if (index <= 0 || index >= text.length) return true;
  const c = text.charCodeAt(index);
  if (c >= 0xdc00 && c <= 0xdfff) return false;
  return !isMarkAt(text, index);
}
