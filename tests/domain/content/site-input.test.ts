import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/domain/content/load-content.ts';
import { readSiteInput } from '../../../src/domain/content/site-input.ts';
import { buildSiteModel } from '../../../src/domain/site-model.ts';
import { repoRoot } from '../../../tools/site-build.ts';

describe('the site model read straight from the content files', () => {
  // What the content loaders hand Astro's collections (src/lib/content-loaders.ts), and so what the pages render from.
  const { model: validated } = loadContent(repoRoot);
  const pages = buildSiteModel({
    documents: validated.documents.map(({ id, data }) => ({ id, data })),
    regions: validated.regions.all,
    metrics: validated.metrics,
    topics: validated.topics,
  });
  const read = buildSiteModel(readSiteInput(repoRoot, validated.regions.all));

  it('holds every document with the front matter validation gave the pages, in the same order', () => {
    expect(read.documents.map((doc) => doc.id)).toEqual(pages.documents.map((doc) => doc.id));
    expect(read.documents.map((doc) => doc.data)).toEqual(pages.documents.map((doc) => doc.data));
  });

  it('holds the same definitions in the same order, and so the same figures and published regions', () => {
    expect([...read.metrics]).toEqual([...pages.metrics]);
    expect([...read.topics]).toEqual([...pages.topics]);
    expect(read.figures.points).toEqual(pages.figures.points);
    expect(read.regions.published).toEqual(pages.regions.published);
  });

  describe('from a file changed after validation', () => {
    const root = mkdtempSync(join(tmpdir(), 'gongkai-site-input-'));
    afterAll(() => rmSync(root, { recursive: true, force: true }));
    cpSync(join(repoRoot, 'content'), join(root, 'content'), { recursive: true });

    it('fails naming the file and the field', () => {
      writeFileSync(join(root, 'content/metrics/dibao-urban.yaml'), 'name: 城市低保标准\n');
      expect(() => readSiteInput(root)).toThrow(/content\/metrics\/dibao-urban\.yaml is not a valid definition, though content validation passed before the build read it[\s\S]*unit/);
    });
  });
});
