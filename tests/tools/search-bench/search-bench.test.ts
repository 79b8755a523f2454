/**
 * The search bench at a small N, so it cannot rot: it runs, its exact counts match plain substring search, and
 * its last line is the JSON the docs describe. It draws its documents from a laws folder; here that folder is
 * made from the repository's 60 real pages, so `npm test` reads nothing outside the repository (the run on
 * the laws corpus itself is search-bench-laws.corpus.ts, `npm run test:corpus`).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../../tools/site-build.ts';
import { writePagesAsLawsFolder } from '../../domain/search/corpus.ts';
import { runSearchBench } from './search-bench-run.ts';

describe('the search bench (tools/search-bench/cli.ts)', () => {
  const lawsFolder = mkdtempSync(join(tmpdir(), 'gongkai-pages-as-laws-'));
  afterAll(() => rmSync(lawsFolder, { recursive: true, force: true }));

  it('builds, serves and queries 60 documents generated from the real pages and ends with one JSON line', () => {
    expect(writePagesAsLawsFolder(lawsFolder)).toBe(60);
    runSearchBench({ GONGKAI_LAWS_DIR: lawsFolder });
  }, 300_000);

  it('is documented with every flag in docs/search.md', () => {
    const docs = readFileSync(join(repoRoot, 'docs/search.md'), 'utf8');
    for (const flag of ['--docs', '--out', '--index', '--spill', '--keep', '--verify', '--queries', '--pagefind', '--pagefind-docs']) expect(docs, flag).toContain(flag);
  });
});
