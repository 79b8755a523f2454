/**
 * The search bench at a small N, so it cannot rot: it runs, its exact counts match plain substring search, and
 * its last line is the JSON the docs describe.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './corpus.ts';

describe('scripts/search-bench.ts', () => {
  it('builds, serves and queries 60 generated documents and ends with one JSON line', () => {
    const output = execFileSync(process.execPath, [join(repoRoot, 'scripts/search-bench.ts'), '--docs', '60', '--verify'], {
      cwd: repoRoot,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 240_000,
    });
    const lines = output.trim().split('\n');
    const result = JSON.parse(lines[lines.length - 1] as string) as Record<string, unknown>;
    expect(Object.keys(result)).toEqual([
      'docs', 'build_s', 'build_cpu_s', 'peak_rss_mb', 'index_mb', 'index_gzip_mb', 'index_files', 'query_p50_ms',
      'query_p95_ms', 'cached_p50_ms', 'cached_p95_ms', 'first_query_kb_p50', 'first_query_kb_p95',
      'first_query_kb_max', 'queries', 'load_avg', 'verified',
    ]);
    expect(result.docs).toBe(60);
    expect(result.verified).toBe(true);
    expect(result.queries).toBeGreaterThanOrEqual(60);
  }, 300_000);

  it('is documented with every flag in docs/search.md', () => {
    const docs = readFileSync(join(repoRoot, 'docs/search.md'), 'utf8');
    for (const flag of ['--docs', '--out', '--spill', '--keep', '--verify', '--queries']) expect(docs, flag).toContain(flag);
  });
});
