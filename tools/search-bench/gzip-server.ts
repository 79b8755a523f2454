/**
 * A loopback static server for the search bench that sends what a static host with compression sends: a
 * file gzipped when that makes it smaller, as it is otherwise (Pagefind's index files are gzip already, and
 * gzipping them again would only add a header). It counts the bytes of every response body, per path.
 * `encoding` sets what the host does instead: send every file as it is (`identity`, a host without compression),
 * or send the brotli form the build writes beside the files it precompresses (`precompressed`,
 * src/domain/precompress.ts; Caddy's `precompressed br`) and gzip the rest.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { compressedForms, isPrecompressed } from '../../src/domain/precompress.ts';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
};

export interface BenchServer {
  url: string;
  /** Bytes of response bodies sent since the server started, in total and per path (query strings dropped). */
  sentBytes(): number;
  sentByPath: Map<string, number>;
  /** What the file at `path` costs on the wire, sent or not. */
  wireSize(path: string): number;
  close(): Promise<void>;
}

/** What the bench's host does with a file: gzip it when smaller (default), send it as it is, or prefer the build's brotli form. */
export type BenchEncoding = 'gzip' | 'identity' | 'precompressed';

export async function serveForBench(root: string, encoding: BenchEncoding = 'gzip'): Promise<BenchServer> {
  const bodies = new Map<string, { body: Buffer; encoding: 'gzip' | 'br' | undefined }>();
  const sentByPath = new Map<string, number>();
  let sent = 0;
  // The brotli forms are made up front (they take a thread-pool round each), so serving stays synchronous.
  const brotliForms = new Map<string, Buffer>();
  if (encoding === 'precompressed') {
    for (const name of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
      const path = name.split('\\').join('/');
      const size = statSync(join(root, path)).size;
      if (!statSync(join(root, path)).isFile() || !isPrecompressed(path, size)) continue;
      const { br } = await compressedForms(readFileSync(join(root, path)), path);
      if (br) brotliForms.set(path, br);
    }
  }
  const encode = (path: string): { body: Buffer; encoding: 'gzip' | 'br' | undefined } => {
    const raw = readFileSync(join(root, path));
    const br = brotliForms.get(path);
    const gzipped = encoding === 'identity' ? raw : gzipSync(raw);
    if (br) return { body: br, encoding: 'br' };
    return gzipped.length < raw.length ? { body: gzipped, encoding: 'gzip' } : { body: raw, encoding: undefined };
  };
  const bodyOf = (path: string) => {
    let entry = bodies.get(path);
    if (!entry) {
      entry = encode(path);
      bodies.set(path, entry);
    }
    return entry;
  };
  const server = createServer((request, response) => {
    let path = decodeURIComponent((request.url ?? '/').split('?')[0] ?? '/').replace(/^\/+/u, '');
    if (path === '' || path.endsWith('/')) path += 'index.html';
    if (relative(root, join(root, path)).startsWith('..')) {
      response.writeHead(403).end();
      return;
    }
    let entry;
    try {
      entry = bodyOf(path);
    } catch {
      response.writeHead(404).end();
      return;
    }
    sent += entry.body.length;
    sentByPath.set(path, (sentByPath.get(path) ?? 0) + entry.body.length);
    response.writeHead(200, {
      'content-type': contentTypes[extname(path)] ?? 'application/octet-stream',
      'content-length': entry.body.length,
      ...(entry.encoding ? { 'content-encoding': entry.encoding } : {}),
    });
    response.end(entry.body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the bench server has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    sentBytes: () => sent,
    sentByPath,
    // Not kept: the bench sizes every file of the index (327,754 at 100,000 documents), and keeping each gzip
    // output (a buffer of zlib's chunk size or more, even for a 300-byte shard) took the process past 10 GB.
    wireSize: (path) => (bodies.get(path) ?? encode(path)).body.length,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
