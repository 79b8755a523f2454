/**
 * Which built files get precompressed siblings (`name.br`, `name.gz`) for a static host to send as they are
 * (Caddy's `precompressed`, nginx's `gzip_static`/`brotli_static`): the search index — thousands of small files a
 * first query fetches — and the data files (CSV, JSON, feeds). Pages are left to the host's on-the-fly
 * compression: there are 34,000 of them at 10,000 documents, each fetched alone. Pure: the integration
 * (src/integrations/precompress.ts) reads and writes the files.
 */
import { brotliCompress, constants, gzip } from 'node:zlib';
import { promisify } from 'node:util';

/** Files smaller than this are sent as they are: a compressed copy saves less than a packet. */
export const precompressMinBytes = 1024;

/** Endings of the files that compress (text and the index's varint postings); images and fonts are left alone. */
const compressibleEndings = ['.json', '.bin', '.csv', '.xml', '.xsl', '.css', '.js', '.svg', '.txt'];

/** Whether the file at `path` (relative to the output folder, `/`-separated) of `bytes` bytes is precompressed. */
export function isPrecompressed(path: string, bytes: number): boolean {
  if (bytes < precompressMinBytes) return false;
  if (path.endsWith('.html')) return false;
  return compressibleEndings.some((ending) => path.endsWith(ending));
}

/** Whether the environment turns precompression off: `GONGKAI_PRECOMPRESS=0` (a host that compresses itself). */
export function precompressDisabled(env: Readonly<Record<string, string | undefined>>): boolean {
  return env.GONGKAI_PRECOMPRESS === '0';
}

const brotli = promisify(brotliCompress);
/** Brotli's quality for the precompressed files (0–11). */
export const brotliQuality = 5;
const gzipAsync = promisify(gzip);

/** The compressed forms of `raw` worth keeping: each only when smaller than the file itself. */
export async function compressedForms(raw: Uint8Array): Promise<{ br?: Buffer; gz?: Buffer }> {
  const [br, gz] = await Promise.all([
    // Quality 5, not 11: on the bundled site's 347 files, 11 was 18× the time for 5.6 % fewer bytes (docs/deploy.md),
    // and at 10,000 documents the index alone is 18,000 files.
    brotli(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: brotliQuality, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
    gzipAsync(raw, { level: 9 }),
  ]);
  return { ...(br.length < raw.length ? { br } : {}), ...(gz.length < raw.length ? { gz } : {}) };
}
