/**
 * Turns the bytes of a copied page into text. Government pages are saved as UTF-8 (with or without BOM),
 * GB18030/GBK from older Windows tools, or UTF-16 from Notepad; the legacy encodings are detected with
 * chardet and decoded with iconv-lite. Binary and empty files are refused with the reason, never guessed at.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { damageMarker, describeDamage, gb18030Damage, utf8Damage, withLines, type ByteDamage } from './byte-damage.ts';

/**
 * `damage` lists invalid byte sequences: on a refusal, why; with `allowDamaged`, where the text carries a
 * visible marker (`〖无法解码的字节 81 20〗`) instead of them.
 */
export type Decoded = { ok: true; text: string; encoding: string; damage?: ByteDamage[] } | { ok: false; reason: string; damage?: ByteDamage[] };

export interface DecodeOptions {
  /** Decode a damaged file with each invalid span marked (`--allow-damaged`) instead of refusing it. */
  allowDamaged?: boolean;
  /**
   * The legacy encoding the file itself declares (a saved page's `<meta charset="gbk">`), as `GB2312`, `GBK`…:
   * it is used instead of detection, and decoded as strictly as a detected one.
   */
  declaredEncoding?: string;
}

/** Declared charsets that are GB18030 or a subset of it. */
const gbFamily = /^(gb2312|gbk|gb18030|x-gbk|cp936)$/i;

/** Encodings chardet may name that this project accepts for Chinese text, mapped to iconv-lite names. */
const acceptedLegacy: Record<string, string> = {
  GB18030: 'gb18030',
  Big5: 'big5',
  'UTF-16LE': 'utf-16le',
  'UTF-16BE': 'utf-16be',
};

export function decodeBytes(bytes: Uint8Array, options: DecodeOptions = {}): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'the file is empty' };

  const bom = byteOrderMark(bytes);
  let decoded: { text: string; encoding: string; damage?: ByteDamage[]; shiftedAt?: number } | undefined;
  if (bom) {
    const rest = bytes.subarray(bom.length);
    decoded = bom.iconv === 'utf-8' ? strictDecode(rest, 'utf-8', utf8Damage(rest), bom.name, bom.length) : utf16Strict(rest, bom.iconv, bom.name, bom.length);
  } else if (options.declaredEncoding && gbFamily.test(options.declaredEncoding)) {
    decoded = strictDecode(bytes, 'gb18030', gb18030Damage(bytes), `GB18030/GBK (declared ${options.declaredEncoding.toLowerCase()})`);
  } else {
    const utf8 = strictUtf8(bytes);
    // Valid UTF-8 holding a private-use character or a C1 control is read as damaged (see utf8Damage).
    if (utf8 !== undefined && !utf8.includes('\0') && !/[\u0080-\u009f\ue000-\uf8ff]/.test(utf8)) decoded = { text: utf8, encoding: 'UTF-8' };
    else decoded = damagedUtf8(bytes) ?? detectLegacy(bytes);
  }
  if (!decoded) return { ok: false, reason: 'binary file: the bytes are not text in UTF-8, UTF-16, GB18030/GBK or Big5' };
  const damage = decoded.damage ?? [];
  if (decoded.shiftedAt !== undefined && options.allowDamaged) {
    return {
      ok: false,
      damage,
      reason: `damaged ${decoded.encoding} text: the characters are shifted from ${describeDamage(damage.find((d) => d.offset === decoded.shiftedAt) ?? damage[0]!)} on — a byte was lost or added, so every character after it is wrong and cannot be marked, even with --allow-damaged. Copy or save the page again`,
    };
  }
  if (damage.length > 0 && !options.allowDamaged) {
    const shown = damage.slice(0, 5).map(describeDamage).join('; ');
    return {
      ok: false,
      damage,
      reason: `damaged ${decoded.encoding} text: ${damage.length} invalid byte sequence${damage.length === 1 ? '' : 's'} at ${shown}${damage.length > 5 ? ` and ${damage.length - 5} more` : ''}. Copy or save the page again, or ingest it with --allow-damaged to mark each damaged span 〖无法解码的字节 …〗 in the draft`,
    };
  }

  const binary = binaryReason(decoded.text);
  if (binary) return { ok: false, reason: binary };
  if (decoded.text.trim() === '') return { ok: false, reason: 'the file is empty (only whitespace)' };
  return { ok: true, text: decoded.text, encoding: decoded.encoding, ...(damage.length > 0 ? { damage } : {}) };
}

/**
 * Decodes `bytes` span by span around the damaged ones, so each valid run is decoded exactly and each damaged
 * one becomes a marker; `base` is the offset of `bytes` in the file (a BOM before it).
 */
function strictDecode(bytes: Uint8Array, codec: string, spans: { offset: number; length: number }[], encoding: string, base = 0): { text: string; encoding: string; damage?: ByteDamage[] } {
  if (spans.length === 0) return { text: iconv.decode(Buffer.from(bytes), codec), encoding };
  const damage = withLines(bytes, spans).map((d) => ({ ...d, offset: d.offset + base }));
  let text = '';
  let at = 0;
  spans.forEach((span, i) => {
    text += iconv.decode(Buffer.from(bytes.subarray(at, span.offset)), codec) + damageMarker(damage[i] as ByteDamage);
    at = span.offset + span.length;
  });
  text += iconv.decode(Buffer.from(bytes.subarray(at)), codec);
  return { text, encoding, damage };
}

/**
 * UTF-8 with a few bad bytes (a byte lost or flipped) rather than another encoding: GBK or Big5 text is nearly
 * all invalid as UTF-8, so a file whose non-ASCII bytes are at least 95% valid UTF-8 is UTF-8, damaged.
 */
function damagedUtf8(bytes: Uint8Array): { text: string; encoding: string; damage: ByteDamage[] } | undefined {
  const spans = utf8Damage(bytes);
  let high = 0;
  for (const b of bytes) if (b >= 0x80) high += 1;
  const bad = spans.reduce((sum, span) => sum + span.length, 0);
  if (spans.length === 0 || high === 0 || bad > high * 0.05) return undefined;
  return strictDecode(bytes, 'utf-8', spans, 'UTF-8') as { text: string; encoding: string; damage: ByteDamage[] };
}

/**
 * UTF-16 is invalid where a surrogate is unpaired, or a last byte has no partner. A private-use or C1 control
 * code unit is damage too: no government text holds one, and they are what Chinese text turns into when a byte
 * is lost or added, which shifts every character after it (found by the bad-input suite). Such a shift cannot be
 * marked span by span — the characters between the marks are wrong too — so `shiftedAt` names where it starts.
 */
function utf16Strict(bytes: Uint8Array, codec: string, encoding: string, base: number): { text: string; encoding: string; damage?: ByteDamage[]; shiftedAt?: number } {
  const even = bytes.length - (bytes.length % 2);
  const units = iconv.decode(Buffer.from(bytes.subarray(0, even)), codec);
  const damage: ByteDamage[] = [];
  let shiftedAt: number | undefined;
  let text = '';
  let line = 1;
  for (let i = 0; i < units.length; i += 1) {
    const code = units.charCodeAt(i);
    const next = units.charCodeAt(i + 1);
    const shifted = (code >= 0xe000 && code <= 0xf8ff) || (code >= 0x80 && code <= 0x9f);
    if (shifted) shiftedAt ??= base + i * 2;
    if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      text += units.slice(i, i + 2);
      i += 1;
    } else if ((code >= 0xd800 && code <= 0xdfff) || shifted) {
      const d = { offset: base + i * 2, bytes: [...bytes.subarray(i * 2, i * 2 + 2)], line };
      damage.push(d);
      text += damageMarker(d);
    } else {
      if (code === 0x0a) line += 1;
      text += units[i];
    }
  }
  if (even < bytes.length) {
    const d = { offset: base + even, bytes: [bytes[even] as number], line };
    damage.push(d);
    text += damageMarker(d);
  }
  return { text, encoding, ...(damage.length > 0 ? { damage } : {}), ...(shiftedAt !== undefined ? { shiftedAt } : {}) };
}

function byteOrderMark(bytes: Uint8Array): { name: string; iconv: string; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { name: 'UTF-8 with BOM', iconv: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { name: 'UTF-16LE', iconv: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { name: 'UTF-16BE', iconv: 'utf-16be', length: 2 };
  return undefined;
}

function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * chardet recognises GB18030 and Big5 well but never UTF-16 without a BOM, so both byte orders are also tried
 * and kept when nearly every code unit is Chinese, ASCII or punctuation.
 */
function detectLegacy(bytes: Uint8Array): { text: string; encoding: string; damage?: ByteDamage[]; shiftedAt?: number } | undefined {
  const buffer = Buffer.from(bytes);
  const candidates: { text: string; encoding: string; score: number }[] = [];
  if (bytes.length % 2 === 0) {
    for (const [name, codec] of [['UTF-16LE', 'utf-16le'], ['UTF-16BE', 'utf-16be']] as const) {
      const text = iconv.decode(buffer, codec);
      candidates.push({ text, encoding: `${name} (no BOM)`, score: textLikeness(text) });
    }
  }
  for (const match of chardet.analyse(bytes)) {
    const codec = acceptedLegacy[match.name];
    if (!codec || match.confidence < 10) continue;
    const text = iconv.decode(buffer, codec);
    candidates.push({ text, encoding: match.name === 'GB18030' ? 'GB18030/GBK' : match.name, score: textLikeness(text) * (match.confidence / 100) });
  }
  const best = candidates.sort((a, b) => b.score - a.score)[0];
  if (!best || best.score < 0.85) return undefined;
  // The encoding is chosen on the lenient decoding; the text is then decoded strictly in it.
  if (best.encoding === 'GB18030/GBK') return strictDecode(bytes, 'gb18030', gb18030Damage(bytes), best.encoding);
  if (best.encoding.startsWith('UTF-16')) return utf16Strict(bytes, best.encoding.startsWith('UTF-16LE') ? 'utf-16le' : 'utf-16be', best.encoding, 0);
  return { text: best.text, encoding: best.encoding };
}

/** Share of characters that are CJK, printable ASCII, whitespace or common punctuation. */
function textLikeness(text: string): number {
  if (text.length === 0) return 0;
  let good = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (
      (code >= 0x20 && code < 0x7f) ||
      code === 0x0a ||
      code === 0x0d ||
      code === 0x09 ||
      (code >= 0x4e00 && code <= 0x9fff) ||
      (code >= 0x3000 && code <= 0x303f) ||
      (code >= 0xff00 && code <= 0xffef) ||
      (code >= 0x2000 && code <= 0x206f) ||
      code === 0xa9 ||
      code === 0xb7
    ) {
      good += 1;
    }
  }
  return good / [...text].length;
}

/** Why decoded text is really a binary file: NUL bytes, control characters or undecodable bytes. */
function binaryReason(text: string): string | undefined {
  if (text.includes('\0')) return 'binary file: it contains NUL bytes';
  const chars = [...text];
  const controls = chars.filter((char) => /[\u0001-\u0008\u000b\u000e-\u001f\u007f]/.test(char)).length;
  if (controls > 0 && controls / chars.length > 0.001) return `binary file: it contains ${controls} control characters`;
  const replacement = chars.filter((char) => char === '\ufffd').length;
  if (replacement / chars.length > 0.01) return `binary file: ${replacement} bytes cannot be decoded as text`;
  return undefined;
}
