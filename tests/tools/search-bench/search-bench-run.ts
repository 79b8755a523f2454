/** Runs tools/search-bench/cli.ts at 60 documents with `--verify` and checks its JSON line. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect } from 'vitest';
import { repoRoot } from '../../../tools/site-build.ts';

export function runSearchBench(env: NodeJS.ProcessEnv): void {
  const output = execFileSync(process.execPath, [join(repoRoot, 'tools/search-bench/cli.ts'), '--docs', '60', '--verify'], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 240_000,
  });
  const lines = output.trim().split('\n');
  const result = JSON.parse(lines[lines.length - 1] as string) as Record<string, unknown>;
  expect(Object.keys(result)).toEqual([
    'docs', 'build_s', 'build_cpu_s', 'generate_s', 'peak_rss_mb', 'index_mb', 'index_gzip_mb', 'index_files', 'query_p50_ms',
    'query_p95_ms', 'cached_p50_ms', 'cached_p95_ms', 'first_query_kb_p50', 'first_query_kb_p95',
    'first_query_kb_max', 'with_related_kb_p50', 'with_related_kb_p95', 'with_related_kb_max', 'with_related_p95_ms', 'queries', 'load_avg', 'verified',
  ]);
  expect(result.docs).toBe(60);
  expect(result.verified).toBe(true);
  expect(result.queries).toBeGreaterThanOrEqual(60);
}
