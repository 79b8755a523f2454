/** The baseline project is a bare Astro site: glob loader over the corpus, default Markdown, one page per document. */
import { lstatSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baselineFiles, writeBaselineProject } from '../../../tools/bench/baseline.ts';

describe('the baseline project', () => {
  const files = baselineFiles('/tmp/corpus/content/documents');

  it('loads the corpus’s documents with glob() and renders each with render(entry)', () => {
    expect(files['src/content.config.ts']).toContain(`glob({ pattern: '**/*.md', base: "/tmp/corpus/content/documents" })`);
    expect(files['src/pages/documents/[...id].astro']).toContain('await render(entry)');
    expect(Object.keys(files).filter((path) => path.startsWith('src/pages/'))).toEqual(['src/pages/documents/[...id].astro']);
  });

  it('keeps Astro’s default Markdown processor and adds no integration', () => {
    const config = files['astro.config.mjs'] ?? '';
    expect(config).not.toMatch(/markdown\s*:|integrations\s*:|processor\s*:/);
  });

  it('is written with node_modules linked to the repository’s', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-baseline-test-'));
    try {
      writeBaselineProject(join(dir, 'project'), '/tmp/corpus/content/documents');
      expect(lstatSync(join(dir, 'project/node_modules')).isSymbolicLink()).toBe(true);
      expect(JSON.parse(readFileSync(join(dir, 'project/package.json'), 'utf8'))).toMatchObject({ type: 'module' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
