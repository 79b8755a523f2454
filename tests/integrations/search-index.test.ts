/**
 * The kept search documents (the cache of tokenised documents) are keyed by the code that indexes a file:
 * that code is listed in `indexingCode`, so an edit to it starts afresh and an edit elsewhere — the tooling,
 * ingestion, pages — keeps every kept document.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { indexingCode, indexingCodeVersion, searchDocument } from '../../src/integrations/search-index.ts';
import { documentDate } from '../../src/domain/periods.ts';
import { loadRegions, RegionIndex } from '../../src/domain/regions.ts';
import { importClosure, repoRoot } from '../import-graph.ts';

const listed = (file: string) => indexingCode.some((entry) => (entry.endsWith('/') ? file.startsWith(entry) : file === entry));

describe('the search cache key', () => {
  it('covers every module the search integration imports, directly or not', () => {
    const closure = importClosure('src/integrations/search-index.ts');
    expect(closure).toContain('src/domain/search/normalise.ts');
    expect(closure.filter((file) => !listed(file))).toEqual([]);
  });

  it('does not name the tooling, ingestion or the pages', () => {
    for (const file of ['tools/bench/benchmark.ts', 'src/domain/ingest/ingest.ts', 'src/domain/figures.ts', 'src/lib/format.ts', 'src/pages/index.astro']) {
      expect(listed(file), file).toBe(false);
    }
  });

  describe('over a copy of the project', () => {
    const root = mkdtempSync(join(tmpdir(), 'gongkai-search-key-'));
    afterAll(() => rmSync(root, { recursive: true, force: true }));
    for (const folder of ['src', 'tools']) cpSync(join(repoRoot, folder), join(root, folder), { recursive: true });
    cpSync(join(repoRoot, 'package-lock.json'), join(root, 'package-lock.json'));
    const append = (file: string) => {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), '\n// an edit\n', { flag: 'a' });
    };

    it('stays the same when the bench, the ingester or a page changes', () => {
      const before = indexingCodeVersion(root);
      append('tools/bench/benchmark.ts');
      append('src/domain/ingest/ingest.ts');
      append('src/domain/figures.ts');
      append('src/pages/index.astro');
      expect(indexingCodeVersion(root)).toBe(before);
    });

    it('changes when the normaliser, the document reader or the plain-text rendering changes', () => {
      for (const file of ['src/domain/search/normalise.ts', 'src/domain/content/document-files.ts', 'src/domain/content/frontmatter.ts', 'src/domain/markdown/render-document.ts']) {
        const before = indexingCodeVersion(root);
        append(file);
        expect(indexingCodeVersion(root), file).not.toBe(before);
      }
    });
  });
});

describe('the date a search result is sorted by', () => {
  const regions = new RegionIndex(loadRegions());
  const file = (dates: string) =>
    `---\ntitle: 宣州区民政局2023年上半年工作总结\nregion: anhui/xuancheng/xuanzhou\nperiod: { year: 2023, half: H1 }\nkind: summary\n${dates}topics: []\n---\n正文。\n`;

  it('is the end of the period for an undated document, as in the lists', () => {
    const doc = searchDocument('anhui/xuancheng/xuanzhou/2023-h1-summary', file(''), regions);
    expect(doc.meta.date).toBe('2023-06-30');
    expect(doc.meta.date).toBe(documentDate({ period: { year: 2023, half: 'H1' } }));
  });

  it('is the publication date where the document gives one', () => {
    const doc = searchDocument('anhui/xuancheng/xuanzhou/2023-h1-summary', file("published: '2023-07-10'\nwritten: '2023-07-01'\n"), regions);
    expect(doc.meta.date).toBe('2023-07-10');
  });
});
