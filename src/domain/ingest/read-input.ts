/**
 * Reads one input file from disk for ingestion; every failure becomes a reason naming what went wrong. Node only.
 * A saved web page (`.html`/`.htm`, or text that starts as HTML) is turned into the article's line text, and what
 * the page says about itself (meta tags, its address) comes back as ingestion options.
 */
import { readFileSync, statSync } from 'node:fs';
import { decodeBytes, type DecodeOptions, type Decoded } from './decode.ts';
import { decodeHtml, isHtmlInput, readHtml } from './html.ts';
import type { IngestOptions } from './ingest.ts';

export function readInput(path: string): Decoded {
  const bytes = readBytes(path);
  return bytes instanceof Uint8Array ? decodeBytes(bytes) : bytes;
}

export interface IngestInput {
  decoded: Decoded;
  options: IngestOptions;
  /** How the input was read, for the progress line: `text`, or `HTML, article in div.TRS_Editor`. */
  format: string;
}

/**
 * `url` (from `--url`) is the page's address; it wins over the one a saved page names. `decode.allowDamaged`
 * (`--allow-damaged`) reads a text file with invalid bytes, marked, instead of refusing it.
 */
export function readIngestInput(path: string, url?: string, decode: DecodeOptions = {}): IngestInput {
  const bytes = readBytes(path);
  const given: IngestOptions = url ? { url, urlFrom: 'the page address given with --url' } : {};
  if (!(bytes instanceof Uint8Array)) return { decoded: bytes, options: given, format: 'text' };
  if (!isHtmlInput(path, bytes)) return { decoded: decodeBytes(bytes, decode), options: given, format: 'text' };
  const decoded = decodeHtml(bytes, decode);
  if (!decoded.ok) return { decoded, options: given, format: 'HTML' };
  const page = readHtml(decoded.text);
  const { contentSource, url: pageUrl, urlFrom, ...known } = page.metadata;
  const options: IngestOptions = {
    ...(contentSource ? { contentSource } : {}),
    ...(pageUrl ? { url: pageUrl, urlFrom: urlFrom ?? 'the saved page' } : {}),
    ...given,
    ...(Object.keys(known).length > 0 ? { known } : {}),
  };
  return { decoded: { ok: true, text: page.text, encoding: decoded.encoding }, options, format: `HTML, article in ${page.article}` };
}

function readBytes(path: string): Uint8Array | Extract<Decoded, { ok: false }> {
  try {
    if (statSync(path).isDirectory()) return { ok: false, reason: 'it is a directory, not a file' };
    return readFileSync(path);
  } catch (error) {
    return { ok: false, reason: unreadableReason(error) };
  }
}

function unreadableReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'cannot read it: no such file';
    case 'EACCES':
    case 'EPERM':
      return 'cannot read it: permission denied';
    case 'EISDIR':
      return 'it is a directory, not a file';
    default:
      return `cannot read it: ${(error as Error).message}`;
  }
}
