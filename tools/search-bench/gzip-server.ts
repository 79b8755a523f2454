/**
 * A loopback static server for the search bench that sends what a static host with compression sends: a
 * file gzipped when that makes it smaller, as it is otherwise (Pagefind's index files are gzip already, and
 * gzipping them again would only add a header). It counts the bytes of every response body, per path.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

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

export async function serveForBench(root: string): Promise<BenchServer> {
  const bodies = new Map<string, { body: Buffer; gzip: boolean }>();
  const sentByPath = new Map<string, number>();
  let sent = 0;
  const bodyOf = (path: string) => {
    let entry = bodies.get(path);
    if (!entry) {
      const raw = readFileSync(join(root, path));
      const gzipped = gzipSync(raw);
      entry = gzipped.length < raw.length ? { body: gzipped, gzip: true } : { body: raw, gzip: false };
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
      ...(entry.gzip ? { 'content-encoding': 'gzip' } : {}),
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
    wireSize: (path) => bodyOf(path).body.length,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
