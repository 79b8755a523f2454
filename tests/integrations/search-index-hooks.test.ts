/**
 * The search integration's astro:build:done waits for an index that is not finished yet: the case of a rebuild,
 * whose pages (40 s at 10,000 documents) were done long before the index. Its worker thread is unref'd, so that
 * wait alone kept nothing alive and the process ended inside the hook with status 0: `npm run build` published a
 * site without its search index (or with the previous one), its bulk outputs, `_headers` and `.br`/`.gz`. The
 * fixture builds (tests/build/) never saw it: over a handful of documents the index is ready before the pages.
 * Here the hooks run in a process of their own, back to back, so the index is always the one still running.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { documentPathOf, listDocumentIds } from '../../src/domain/content/document-files.ts';
import { contentRootWithDefinitions, repoRoot } from '../../tools/site-build.ts';

describe('the search integration’s hooks in a process of their own', () => {
  const root = mkdtempSync(join(tmpdir(), 'gongkai-search-hooks-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const contentRoot = contentRootWithDefinitions(join(root, 'content-root'), undefined);
  for (const id of listDocumentIds(repoRoot).slice(0, 3)) {
    const target = join(contentRoot, documentPathOf(id));
    mkdirSync(dirname(target), { recursive: true });
    cpSync(join(repoRoot, documentPathOf(id)), target);
  }

  it('keeps the process alive while build:done waits for the index, and moves the index into the output', () => {
    const scratch = join(root, 'scratch');
    const run = spawnSync(process.execPath, [join(import.meta.dirname, 'fixtures/search-index-hooks.ts'), contentRoot, repoRoot, scratch], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^\[search\] indexed 3 documents in /);
    expect(run.stdout).toContain('[search] the pages waited');
    expect(run.stdout).toContain('build:done finished');
    expect(run.status).toBe(0);
    expect(existsSync(join(scratch, 'dist/search/manifest.json'))).toBe(true);
  });
});
