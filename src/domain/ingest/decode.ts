/**
 * Turns the bytes of a copied page into text. Government pages are saved as UTF-8 (with or without BOM),
 * GB18030/GBK from older Windows tools, or UTF-16 from Notepad; the legacy encodings are detected with
 * chardet and decoded with iconv-lite. Binary and empty files are refused with the reason, never guessed at.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';

export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; reason: string };

/** Encodings chardet may name that this project accepts for Chinese text, mapped to iconv-lite names. */
const acceptedLegacy: Record<string, string> = {
  GB18030: 'gb18030',
  Big5: 'big5',
  'UTF-16LE': 'utf-16le',
  'UTF-16BE': 'utf-16be',
};

export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'the file is empty' };

  const bom = byteOrderMark(bytes);
  let decoded: { text: string; encoding: string } | undefined;
  if (bom) {
    decoded = { text: iconv.decode(Buffer.from(bytes.subarray(bom.length)), bom.iconv), encoding: bom.name };
  } else {
    const utf8 = strictUtf8(bytes);
    if (utf8 !== undefined && !utf8.includes('\0')) decoded = { text: utf8, encoding: 'UTF-8' };
    else decoded = detectLegacy(bytes);
  }
  if (!decoded) return { ok: false, reason: 'binary file: the bytes are not text in UTF-8, UTF-16, GB18030/GBK or Big5' };

  const binary = binaryReason(decoded.text);
  if (binary) return { ok: false, reason: binary };
  if (decoded.text.trim() === '') return { ok: false, reason: 'the file is empty (only whitespace)' };
  return { ok: true, text: decoded.text, encoding: decoded.encoding };
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
function detectLegacy(bytes: Uint8Array): { text: string; encoding: string } | undefined {
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
  return best && best.score >= 0.85 ? { text: best.text, encoding: best.encoding } : undefined;
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
