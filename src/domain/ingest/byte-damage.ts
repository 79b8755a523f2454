/**
 * Finds the invalid byte sequences of a file in the encoding it was read in, so that decoding is strict: a
 * damaged copy (a truncated download, a GB18030 page with bytes lost in transit) is reported with each bad span's
 * byte offset and line, never silently turned into U+FFFD, private-use characters or mojibake.
 */
import iconv from 'iconv-lite';

/** One invalid byte sequence: where it starts (0-based byte offset), its bytes, and its 1-based line. */
export interface ByteDamage {
  offset: number;
  bytes: number[];
  line: number;
}

/**
 * Invalid spans of UTF-8 (overlong forms, surrogates and code points past U+10FFFF count as invalid), and the
 * valid sequences of C1 controls (U+0080–U+009F) and private-use characters (U+E000–U+F8FF): no government text
 * holds them, and a flipped bit turns a Chinese character into one (E5 → EE), as the bad-input suite found.
 */
export function utf8Damage(bytes: Uint8Array): { offset: number; length: number }[] {
  const spans: { offset: number; length: number }[] = [];
  let i = 0;
  while (i < bytes.length) {
    const length = utf8SequenceLength(bytes, i);
    if (length > 0) {
      if (unlikelyInText(bytes, i, length)) spans.push({ offset: i, length });
      i += length;
      continue;
    }
    // One bad byte, or a lead byte whose continuation is cut short: consume the lead and its valid continuations.
    let end = i + 1;
    while (end < bytes.length && end - i < 4 && ((bytes[end] as number) & 0xc0) === 0x80 && utf8SequenceLength(bytes, end) === 0) end += 1;
    spans.push({ offset: i, length: end - i });
    i = end;
  }
  return spans;
}

/** A C1 control (C2 80–C2 9F) or a private-use character (EE 80 80–EF A3 BF). */
function unlikelyInText(bytes: Uint8Array, i: number, length: number): boolean {
  const b0 = bytes[i] as number;
  const b1 = bytes[i + 1] as number;
  if (length === 2) return b0 === 0xc2 && b1 <= 0x9f;
  return length === 3 && (b0 === 0xee || (b0 === 0xef && b1 <= 0xa3));
}

function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i] as number;
  if (b0 < 0x80) return 1;
  const cont = (k: number, low = 0x80, high = 0xbf) => {
    const b = bytes[i + k];
    return b !== undefined && b >= low && b <= high;
  };
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if (b0 === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (b0 >= 0xe1 && b0 <= 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (b0 === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (b0 >= 0xf1 && b0 <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (b0 === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

/**
 * Invalid spans of GB18030 (which contains GBK): a byte 0x80/0xFF, a lead byte 0x81–0xFE without a valid
 * trail (0x40–0x7E, 0x80–0xFE, or the 0x30–0x39 0x81–0xFE 0x30–0x39 of a four-byte form), and a two-byte
 * code of the user-defined areas (AAA1–AFFE, F8A1–FEFE, A140–A7A0), which iconv decodes to private-use
 * characters: no Chinese government text uses them, and they are what damaged pairs most often turn into.
 */
export function gb18030Damage(bytes: Uint8Array): { offset: number; length: number }[] {
  const spans: { offset: number; length: number }[] = [];
  let i = 0;
  while (i < bytes.length) {
    const b0 = bytes[i] as number;
    if (b0 < 0x80) {
      i += 1;
      continue;
    }
    const b1 = bytes[i + 1];
    if (b0 >= 0x81 && b0 <= 0xfe && b1 !== undefined) {
      if ((b1 >= 0x40 && b1 <= 0x7e) || (b1 >= 0x80 && b1 <= 0xfe)) {
        if (!userDefined(b0, b1)) {
          i += 2;
          continue;
        }
        spans.push({ offset: i, length: 2 });
        i += 2;
        continue;
      }
      const b2 = bytes[i + 2];
      const b3 = bytes[i + 3];
      if (b1 >= 0x30 && b1 <= 0x39 && b2 !== undefined && b2 >= 0x81 && b2 <= 0xfe && b3 !== undefined && b3 >= 0x30 && b3 <= 0x39) {
        i += 4;
        continue;
      }
    }
    // A lead byte with a non-ASCII trail that fits no form is one damaged pair; a lone lead byte keeps the
    // ASCII byte after it (a digit, a line break), so one lost byte damages one character only.
    const pair = b0 >= 0x81 && b0 <= 0xfe && b1 !== undefined && b1 >= 0x80;
    spans.push({ offset: i, length: pair ? 2 : 1 });
    i += pair ? 2 : 1;
  }
  return spans;
}

function userDefined(b0: number, b1: number): boolean {
  if (b0 >= 0xaa && b0 <= 0xaf && b1 >= 0xa1) return true;
  if (b0 >= 0xf8 && b1 >= 0xa1) return true;
  if (b0 >= 0xa1 && b0 <= 0xa7 && b1 >= 0x40 && b1 <= 0xa0) return true;
  return privateUsePairs().has((b0 << 8) | b1);
}

let privateUse: Set<number> | undefined;
/**
 * The other two-byte codes iconv decodes to private-use characters (A6D9, A8BC, FE51 … — codes GB18030-2000 left
 * unassigned): a lost byte pairs two halves into one of them (U+E7FE from ingest/pages/024.txt, found by the
 * bad-input suite). Computed once by decoding every pair.
 */
function privateUsePairs(): Set<number> {
  if (privateUse) return privateUse;
  const codes: number[] = [];
  for (let b0 = 0x81; b0 <= 0xfe; b0 += 1) for (let b1 = 0x40; b1 <= 0xfe; b1 += 1) if (b1 !== 0x7f) codes.push((b0 << 8) | b1);
  const bytes = Buffer.alloc(codes.length * 2);
  codes.forEach((code, i) => bytes.writeUInt16BE(code, i * 2));
  const chars = [...iconv.decode(bytes, 'gb18030')];
  privateUse = new Set(codes.filter((_, i) => /[\ue000-\uf8ff]/.test(chars[i] ?? '')));
  return privateUse;
}

/** Lines are counted by LF bytes before the offset (CRLF and LF files alike), 1-based. */
export function withLines(bytes: Uint8Array, spans: { offset: number; length: number }[], newline: (bytes: Uint8Array, i: number) => boolean = (b, i) => b[i] === 0x0a): ByteDamage[] {
  const out: ByteDamage[] = [];
  let line = 1;
  let at = 0;
  for (const span of spans) {
    for (; at < span.offset; at += 1) if (newline(bytes, at)) line += 1;
    out.push({ offset: span.offset, bytes: [...bytes.subarray(span.offset, span.offset + span.length)], line });
  }
  return out;
}

/** `byte 1234 (line 17): 0x81 0x20`. */
export function describeDamage(damage: ByteDamage): string {
  return `byte ${damage.offset} (line ${damage.line}): ${damage.bytes.map((b) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`).join(' ')}`;
}

/** What `--allow-damaged` puts where a damaged span was: visible on the page and in search, never mistaken for text. */
export function damageMarker(damage: ByteDamage): string {
  return `〖无法解码的字节 ${damage.bytes.map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ')}〗`;
}
