/**
 * Kept sentences (src/domain/reuse/sentence-cache.ts) are keyed by the code that turns a body into sentence rows:
 * that code is listed in `sentenceCode`, so an edit to it parses every body afresh, and an edit to the detection
 * or anywhere else keeps them.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sentenceCode, sentenceCodeVersion } from '../../src/integrations/reuse-cache.ts';
import { importClosure, repoRoot } from '../import-graph.ts';

const listed = (file: string) => sentenceCode.some((entry) => (entry.endsWith('/') ? file.startsWith(entry) : file === entry));
// The detection pairs documents and decides marks from the kept rows on every build: not part of a kept record.
const detection = 'src/domain/reuse/shared-passages.ts';

describe('the shared-passage cache key', () => {
  it('covers every module the reading of a body into sentence rows imports, directly or not', () => {
    const closure = importClosure('src/domain/reuse/site-passages.ts');
    expect(closure).toContain('src/domain/markdown/render-document.ts');
    expect(closure.filter((file) => file !== detection && !listed(file))).toEqual([]);
  });

  describe('over a copy of the project', () => {
    const root = mkdtempSync(join(tmpdir(), 'gongkai-reuse-key-'));
    afterAll(() => rmSync(root, { recursive: true, force: true }));
    cpSync(join(repoRoot, 'src'), join(root, 'src'), { recursive: true });
    cpSync(join(repoRoot, 'package-lock.json'), join(root, 'package-lock.json'));
    const append = (file: string) => writeFileSync(join(root, file), '\n// an edit\n', { flag: 'a' });

    it('stays the same when the detection or a page changes', () => {
      const before = sentenceCodeVersion(root);
      append(detection);
      append('src/domain/reuse/reuse-views.ts');
      append('src/pages/index.astro');
      expect(sentenceCodeVersion(root)).toBe(before);
    });

    it('changes when the Markdown runs, the sentence cutting or the lockfile change', () => {
      for (const file of ['src/domain/markdown/render-document.ts', 'src/domain/reuse/sentences.ts', 'src/domain/task-matching.ts', 'src/domain/reuse/sentence-cache.ts', 'package-lock.json']) {
        const before = sentenceCodeVersion(root);
        append(file);
        expect(sentenceCodeVersion(root), file).not.toBe(before);
      }
    });
  });
});
