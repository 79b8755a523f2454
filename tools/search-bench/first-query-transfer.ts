#!/usr/bin/env node
/**
 * What precompression saves on a first query: the bench's query set (tests/fixtures/search/queries.txt), each on
 * a fresh client (nothing cached), against one search index folder served three ways — as it is (a host
 * without compression), gzip on the fly (the bench's rule, what most hosts do), and the build's precompressed
 * brotli files with gzip for the rest (deploy/Caddyfile). Prints p50 / p95 / max KB on the wire per query and
 * the index's total for each way.
 *
 *   node_modules/.bin/node tools/search-bench/first-query-transfer.ts INDEX_DIR
 *
 * INDEX_DIR is a built site's `search/` folder, or the `--out` folder of `npm run bench:search -- --keep`.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createSearchClient } from '../../src/domain/search/index.ts';
import { repoRoot } from '../site-build.ts';
import { serveForBench, type BenchEncoding } from './gzip-server.ts';
import { percentile } from './relevance.ts';

const indexDir = process.argv[2];
if (!indexDir || process.argv.length > 3) {
  console.error('usage: node tools/search-bench/first-query-transfer.ts INDEX_DIR (a built site\'s search/ folder)');
  process.exit(2);
}
const root = resolve(indexDir);
const queries = readFileSync(join(repoRoot, 'tests/fixtures/search/queries.txt'), 'utf8')
  .split('\n')
  .map((line) => line.replace(/(^|\s)#.*$/u, '').trim())
  .filter((line) => line !== '');

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const rows: { encoding: BenchEncoding; p50: number; p95: number; max: number; total: number }[] = [];
for (const encoding of ['identity', 'gzip', 'precompressed'] as const) {
  const server = await serveForBench(root, encoding);
  const fetchFile = async (path: string) => {
    const response = await fetch(`${server.url}/${path}`);
    if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  };
  const perQuery: number[] = [];
  for (const query of queries) {
    const before = server.sentBytes();
    await createSearchClient({ fetchFile }).search(query, { limit: 10 });
    perQuery.push(server.sentBytes() - before);
  }
  await server.close();
  rows.push({ encoding, p50: kb(percentile(perQuery, 50)), p95: kb(percentile(perQuery, 95)), max: kb(Math.max(...perQuery)), total: perQuery.reduce((a, b) => a + b, 0) });
}
console.log(`${queries.length} first queries on ${root}, KB on the wire per query:`);
for (const row of rows) console.log(`  ${row.encoding.padEnd(13)} p50 ${row.p50}  p95 ${row.p95}  max ${row.max}  (all queries ${kb(row.total)} KB)`);
const [identity, gzip, precompressed] = rows as [typeof rows[number], typeof rows[number], typeof rows[number]];
console.log(`precompressed brotli against gzip on the fly: ${Math.round((1 - precompressed.total / gzip.total) * 1000) / 10} % fewer bytes over all queries; against no compression: ${Math.round((1 - precompressed.total / identity.total) * 1000) / 10} %`);
