/**
 * The search bench's Pagefind run at a small N: Pagefind indexes the same 60 documents (made from the
 * repository's real pages, so nothing outside the repository is read), is queried in Chromium, and the JSON
 * line carries its figures next to ours. Ours must be exact; Pagefind's figures are only checked for shape and
 * for what it cannot do by design (punctuation is not indexed).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../../tools/site-build.ts';
import { writePagesAsLawsFolder } from '../../domain/search/corpus.ts';

const bench = join(repoRoot, 'tools/search-bench/cli.ts');
const queries = join(import.meta.dirname, 'fixtures/pagefind-queries.txt');

describe('the search bench beside Pagefind (--pagefind)', () => {
  const lawsFolder = mkdtempSync(join(tmpdir(), 'gongkai-pages-as-laws-'));
  afterAll(() => rmSync(lawsFolder, { recursive: true, force: true }));

  it('indexes the same 60 documents with Pagefind, queries it in the browser and reports both side by side', () => {
    expect(writePagesAsLawsFolder(lawsFolder)).toBe(60);
    const output = execFileSync(process.execPath, [bench, '--docs', '60', '--pagefind', '--queries', queries], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, GONGKAI_LAWS_DIR: lawsFolder },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 400_000,
    });
    const lines = output.trim().split('\n');
    const result = JSON.parse(lines[lines.length - 1] as string) as Record<string, unknown>;
    expect(result.verified).toBe(true);
    const pagefind = result.pagefind as Record<string, unknown> & Record<'ours' | 'default' | 'quoted', Record<string, number | null>>;
    expect(pagefind.docs).toBe(60);
    for (const key of ['index_s', 'peak_rss_mb', 'index_files', 'index_mb', 'index_gzip_mb', 'first_query_kb_p50', 'first_query_kb_max', 'code_kb'] as const) {
      expect(pagefind[key], key).toBeGreaterThan(0);
    }
    expect(pagefind.first_query_kb_max).toBeGreaterThanOrEqual(pagefind.first_query_kb_p95 as number);
    expect(pagefind.ours).toEqual({ mean_precision: 1, mean_recall: 1, exact_queries: 5, absent_queries: 1, absent_with_results: 0, present_queries: 4, present_with_no_hit: 0 });
    for (const mode of ['default', 'quoted'] as const) {
      expect(pagefind[mode].absent_queries, mode).toBe(1);
      expect(pagefind[mode].present_queries, mode).toBe(4);
      // 、 is in every page but Pagefind indexes words, not punctuation.
      expect(pagefind[mode].present_with_no_hit, mode).toBeGreaterThanOrEqual(1);
      expect(pagefind[mode].mean_precision, mode).toBeLessThanOrEqual(1);
    }
  }, 420_000);

  it('refuses a Pagefind size the machine cannot hold, before generating anything, and says which flag to lower', () => {
    const run = spawnSync(process.execPath, [bench, '--docs', '10000000', '--pagefind', '--pagefind-docs', '10000000'], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--pagefind refused');
    expect(run.stderr).toContain('Lower --pagefind-docs to at most');
  });
});
