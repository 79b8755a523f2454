#!/usr/bin/env node
/**
 * Where a first query's bytes go: runs queries on a fresh client each against a search index folder served as
 * the bench serves it (gzip when smaller), and prints per query the KB on the wire by kind of file — manifest,
 * gram shards (`g/`), large grams' doc lists and positions (`x/`), dates (`c/`), doc table (`d/`), texts (`t/`)
 * — and the heaviest `x/` files with the gram each holds. It is how to choose what to make lighter: measure
 * what a heavy query fetches before changing the format.
 *
 *   node_modules/.bin/node tools/search-bench/profile.ts INDEX_DIR [QUERY …]
 *
 * INDEX_DIR is the `--out` folder of `npm run bench:search` or a built site's `search/` folder. Without
 * queries, the bench's query set (tests/fixtures/search/queries.txt) is profiled and the 12 heaviest printed.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createSearchClient } from '../../src/domain/search/index.ts';
import { decodeShard } from '../../src/domain/search/shards.ts';
import { repoRoot } from '../site-build.ts';
import { serveForBench } from './gzip-server.ts';
import { percentile } from './relevance.ts';

/** The kind of an index file, by its path: what the profile adds up. */
export function fileKind(path: string): string {
  if (path === 'manifest.json') return 'manifest';
  const folder = path.slice(0, path.indexOf('/'));
  if (folder !== 'x') return folder || path;
  if (path.endsWith('.d.bin')) return 'x doc lists';
  if (path.endsWith('.p.bin')) return 'x positions';
  return 'x doc+positions';
}

/** The gram an `x/<shard>-<ordinal>…` file holds, read from its shard's directory (`''` for other files). */
export function externalGram(root: string, path: string): string {
  const m = /^x\/([0-9a-f]+)-(\d+)/.exec(path);
  if (!m) return '';
  const dir = decodeShard(new Uint8Array(readFileSync(join(root, `g/${m[1]}.bin`))));
  for (const [key, ref] of dir) if (ref.external === Number(m[2])) return key;
  return '?';
}

export interface QueryProfile {
  query: string;
  /** KB of the first query (exact results, as the search page shows them first). */
  kb: number;
  /** KB the page's second search, for the related forms, adds. */
  relatedKb: number;
  files: number;
  byKind: Map<string, number>;
  byPath: Map<string, number>;
  exact: number;
  related: number;
}

/** Profiles `queries` against the index at `root`, each on a fresh client. */
export async function profileQueries(root: string, queries: readonly string[]): Promise<QueryProfile[]> {
  const server = await serveForBench(root);
  const profiles: QueryProfile[] = [];
  try {
    for (const query of queries) {
      // Requests overlap, so each path's bytes are read from the server's per-path count, not its total.
      const byPath = new Map<string, number>();
      const fetchFile = async (path: string) => {
        const before = server.sentByPath.get(path) ?? 0;
        const response = await fetch(`${server.url}/${path}`);
        if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
        const bytes = new Uint8Array(await response.arrayBuffer());
        byPath.set(path, (server.sentByPath.get(path) ?? 0) - before);
        return bytes;
      };
      // As the search page asks: exact results first; the related forms' bytes are counted apart (`relatedKb`).
      const client = createSearchClient({ fetchFile });
      const response = await client.search(query, { limit: 10, related: false });
      const exactPaths = new Map(byPath);
      const sum = (m: ReadonlyMap<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
      const full = response.relatedPending ? await client.search(query, { limit: 10 }) : response;
      const relatedKb = (sum(byPath) - sum(exactPaths)) / 1024;
      const byKind = new Map<string, number>();
      let total = 0;
      for (const [path, bytes] of exactPaths) {
        byKind.set(fileKind(path), (byKind.get(fileKind(path)) ?? 0) + bytes);
        total += bytes;
      }
      profiles.push({ query, kb: total / 1024, relatedKb, files: exactPaths.size, byKind, byPath: exactPaths, exact: response.exactCount, related: full.relatedCount });
    }
  } finally {
    await server.close();
  }
  return profiles;
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const [indexDir, ...asked] = process.argv.slice(2);
  if (!indexDir) {
    console.error('usage: node tools/search-bench/profile.ts INDEX_DIR [QUERY …]');
    process.exit(2);
  }
  const root = resolve(indexDir);
  const queries =
    asked.length > 0
      ? asked
      : readFileSync(join(repoRoot, 'tests/fixtures/search/queries.txt'), 'utf8')
          .split('\n')
          .map((line) => line.replace(/(^|\s)#.*$/u, '').trim())
          .filter((line) => line !== '');
  const profiles = await profileQueries(root, queries);
  const firsts = profiles.map((p) => p.kb);
  const withRelated = profiles.map((p) => p.kb + p.relatedKb);
  const spreadOf = (values: number[]) => `p50 ${percentile(values, 50).toFixed(1)}, p95 ${percentile(values, 95).toFixed(1)}, max ${Math.max(...values).toFixed(1)} KB`;
  console.log(`${profiles.length} first queries on ${root}, on the wire (gzip): exact results ${spreadOf(firsts)}; with the related forms after them ${spreadOf(withRelated)}`);
  const shown = asked.length > 0 ? profiles : [...profiles].sort((a, b) => b.kb - a.kb).slice(0, 12);
  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  for (const p of shown) {
    console.log(`${p.query}: ${p.kb.toFixed(1)} KB in ${p.files} files, ${p.exact} exact; then ${p.relatedKb.toFixed(1)} KB more for ${p.related} related`);
    console.log(`  by kind: ${[...p.byKind].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${kb(v)}`).join(', ')}`);
    const heavy = [...p.byPath].filter(([path]) => path.startsWith('x/')).sort((a, b) => b[1] - a[1]).slice(0, 8);
    if (heavy.length > 0) console.log(`  heaviest x/: ${heavy.map(([path, v]) => `${externalGram(root, path)} ${path.endsWith('.p.bin') ? 'pos' : path.endsWith('.d.bin') ? 'docs' : 'd+p'} ${kb(v)}`).join(', ')}`);
  }
}
