/**
 * Which built files get precompressed siblings (`name.br`, `name.gz`) for a static host to send as they are
 * (Caddy's `precompressed`, nginx's `gzip_static`/`brotli_static`): the search index — thousands of small files a
 * first query fetches — and the data files (CSV, JSON, feeds). Pages are left to the host's on-the-fly
 * compression: there are 34,000 of them at 10,000 documents, each fetched alone. Pure: the integration
 * (src/integrations/precompress.ts) reads and writes the files.
 */
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync, type BrotliOptions } from 'node:zlib';
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
const gzipAsync = promisify(gzip);

/**
 * How hard each kind of file is compressed. Measured on 1,200–1,600 sampled files of each folder of a
 * 100,000-document index (docs/deploy.md, "How hard"): the binary postings (`.bin`) come out the same size at
 * brotli 4 as at 5 (68.3 % vs 68.2 % of the raw bytes) in half the time, while text loses at 4 (42.2 % vs
 * 36.9 %); gzip 9 gave the same bytes as 6 on every folder and took twice as long on the postings.
 */
export function compressionLevels(path: string): { brotliQuality: number; gzipLevel: number } {
  return { brotliQuality: path.endsWith('.bin') ? 4 : 5, gzipLevel: 6 };
}

/** Brotli's options for `raw` at `quality`. Not 11: on the bundled site's 347 files, 11 was 18× the time of 5 for 5.6 % fewer bytes (docs/deploy.md), and at 10,000 documents the index alone is 28,000 files. */
function brotliOptions(raw: Uint8Array, quality: number): BrotliOptions {
  return { params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } };
}

/** Of the two forms of `raw`, those smaller than the file itself. */
function smallerForms(raw: Uint8Array, br: Buffer, gz: Buffer): { br?: Buffer; gz?: Buffer } {
  return { ...(br.length < raw.length ? { br } : {}), ...(gz.length < raw.length ? { gz } : {}) };
}

/** The compressed forms of `raw` (the file at `path`, for its levels) worth keeping: each only when smaller than the file itself. */
export async function compressedForms(raw: Uint8Array, path: string): Promise<{ br?: Buffer; gz?: Buffer }> {
  const { brotliQuality, gzipLevel } = compressionLevels(path);
  const [br, gz] = await Promise.all([brotli(raw, brotliOptions(raw, brotliQuality)), gzipAsync(raw, { level: gzipLevel })]);
  return smallerForms(raw, br, gz);
}

/**
 * `compressedForms` on the calling thread: the same bytes (the same zlib calls, made synchronously). For a caller
 * that is itself off the main thread and hands over tens of thousands of small files (the search index's worker):
 * there one async pair of calls per file — a stream each, a hand-off to libuv's pool and back, a native handle for
 * the collector — cost ~30 % more CPU than the compression itself, ~2× inside the worker (docs/scale.md, 2026-12-06).
 */
export function compressedFormsSync(raw: Uint8Array, path: string): { br?: Buffer; gz?: Buffer } {
  const { brotliQuality, gzipLevel } = compressionLevels(path);
  return smallerForms(raw, brotliCompressSync(raw, brotliOptions(raw, brotliQuality)), gzipSync(raw, { level: gzipLevel }));
}

/** What a precompressor wrote: files considered, their bytes, and the kept forms of each kind. */
export interface PrecompressTotals {
  files: number;
  raw: number;
  br: number;
  gz: number;
  brFiles: number;
  gzFiles: number;
}

/**
 * Compresses files as they are handed over — a few at a time on libuv's thread pool, or with `onThisThread` one
 * by one on the caller's — and writes each kept form beside its file through `writeSibling(path + '.br' | '.gz',
 * bytes)`. The search index hands over every file it writes, in its worker thread (on that thread) while the
 * pages are generated, so its ~30,000 files at 10,000 documents cost no wall time after the pages; the build's
 * last hook hands over the data files (on the pool). One rule, one count, one error.
 */
export class Precompressor {
  readonly totals: PrecompressTotals = { files: 0, raw: 0, br: 0, gz: 0, brFiles: 0, gzFiles: 0 };
  private readonly inFlight = new Set<Promise<void>>();
  private failure: Error | undefined;
  private readonly writeSibling: (path: string, bytes: Uint8Array) => void;
  private readonly outputPrefix: string;
  private readonly limit: number;

  private readonly onThisThread: boolean;

  /**
   * `outputPrefix` places the handed paths in the output folder for the rule (`search/` for the index's
   * `g/12.bin`); `limit` is how many files compress at once (the thread pool has four threads). `onThisThread`:
   * each file is compressed in `add()` on the caller's thread (`compressedFormsSync`), its forms written before
   * `add()` returns — for a caller that is a worker thread of its own, where the pool's threads would only
   * compete for the same cores at a higher CPU cost per file.
   */
  constructor(writeSibling: (path: string, bytes: Uint8Array) => void, options: { outputPrefix?: string; limit?: number; onThisThread?: boolean } = {}) {
    this.writeSibling = writeSibling;
    this.outputPrefix = options.outputPrefix ?? '';
    this.limit = options.limit ?? 4;
    this.onThisThread = options.onThisThread ?? false;
  }

  /** Queues the file at `path` with bytes `raw` when the rule takes it; waits only while `limit` files are compressing. */
  async add(path: string, raw: Uint8Array): Promise<void> {
    if (this.failure) throw this.failure;
    if (!isPrecompressed(this.outputPrefix + path, raw.length)) return;
    if (this.onThisThread) {
      try {
        this.written(path, raw.length, compressedFormsSync(raw, path));
      } catch (error) {
        this.failure ??= this.failed(path, error);
      }
      return;
    }
    while (this.inFlight.size >= this.limit) await Promise.race(this.inFlight);
    // A copy: the caller may reuse its buffer once its own write has returned, while zlib still reads this one.
    const bytes = Uint8Array.from(raw);
    const job: Promise<void> = compressedForms(bytes, path)
      .then((forms) => this.written(path, bytes.length, forms))
      .catch((error: unknown) => {
        this.failure ??= this.failed(path, error);
      })
      .finally(() => this.inFlight.delete(job));
    this.inFlight.add(job);
  }

  /** Writes a file's kept forms beside it and counts them. */
  private written(path: string, rawLength: number, { br, gz }: { br?: Buffer; gz?: Buffer }): void {
    this.totals.files++;
    this.totals.raw += rawLength;
    if (br) {
      this.writeSibling(`${path}.br`, br);
      this.totals.br += br.length;
      this.totals.brFiles++;
    }
    if (gz) {
      this.writeSibling(`${path}.gz`, gz);
      this.totals.gz += gz.length;
      this.totals.gzFiles++;
    }
  }

  private failed(path: string, error: unknown): Error {
    return new Error(`precompressing ${this.outputPrefix + path}: ${(error as Error).message}`, { cause: error });
  }

  /** Waits for every queued file; throws the first failure, naming its file. */
  async drain(): Promise<PrecompressTotals> {
    while (this.inFlight.size > 0) await Promise.all(this.inFlight);
    if (this.failure) throw this.failure;
    return this.totals;
  }
}

/** The log's account of a precompressor's work, e.g. `33012 files precompressed (415126 KB): 33012 .br (213479 KB), …`. */
export function precompressSummary(totals: PrecompressTotals): string {
  const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;
  return `${totals.files} files precompressed (${kb(totals.raw)}): ${totals.brFiles} .br (${kb(totals.br)}), ${totals.gzFiles} .gz (${kb(totals.gz)})`;
}
