/** The one road for a document file: its id, its front matter checked apart from its body, and its listing. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { documentBody, documentIdOf, documentPathOf, listDocumentIds, readDocument, readValidDocument } from '../../../src/domain/content/document-files.ts';
import { searchDocument } from '../../../src/integrations/search-index.ts';
import { loadRegions, RegionIndex } from '../../../src/domain/regions.ts';
import { documentPath, documentText, validFrontmatter } from './fixtures.ts';

describe('a document’s id', () => {
  it('is its path under content/documents without .md, and back', () => {
    expect(documentIdOf('content/documents/anhui/xuancheng/xuanzhou/2023-h2-summary.md')).toBe('anhui/xuancheng/xuanzhou/2023-h2-summary');
    expect(documentPathOf('anhui/xuancheng/xuanzhou/2023-h2-summary')).toBe('content/documents/anhui/xuancheng/xuanzhou/2023-h2-summary.md');
  });

  it('is undefined for a file that is not a Markdown file under content/documents/', () => {
    for (const path of ['content/documents/anhui/2023-year-plan.txt', 'content/metrics/dibao-urban.yaml', 'documents/a.md', 'content/documents/.md']) {
      expect(documentIdOf(path), path).toBeUndefined();
    }
  });
});

describe('reading a document file', () => {
  it('gives the checked front matter and the body of a valid file', () => {
    const read = readDocument({ path: documentPath, text: documentText(validFrontmatter()) });
    expect(read.status).toBe('valid');
    if (read.status !== 'valid') return;
    expect(read.id).toBe('hunan/chenzhou/zixing/2023-h1-summary');
    expect(read.data.period).toEqual({ year: 2023, half: 'H1' });
    expect(read.body).toContain('城市低保A类');
  });

  it('keeps what the YAML said beside the schema’s issues when the front matter is invalid', () => {
    const read = readDocument({ path: documentPath, text: documentText({ ...validFrontmatter(), published: '2023-02-30' }) });
    expect(read.status).toBe('invalid');
    if (read.status !== 'invalid') return;
    expect(read.raw).toMatchObject({ title: '资兴市民政局2023年上半年工作总结' });
    expect(read.issues.map((issue) => [issue.file, issue.field])).toEqual([[documentPath, 'published']]);
  });

  it('reports a file whose front matter cannot be split, naming the line', () => {
    const read = readDocument({ path: documentPath, text: '---\ntitle: x\n正文\n' });
    expect(read.status).toBe('unreadable');
    expect(read.status === 'unreadable' && read.issues[0]?.message).toContain('never closed');
  });

  it('refuses, naming the file and field, a document that became invalid after validation', () => {
    expect(() => readValidDocument({ path: documentPath, text: documentText({ ...validFrontmatter(), region: 42 }) })).toThrow(
      /content\/documents\/hunan\/chenzhou\/zixing\/2023-h1-summary\.md is not a valid document[\s\S]*region/,
    );
  });
});

describe('the search index reads a document as validation does', () => {
  const regions = new RegionIndex(loadRegions());

  it('checks the front matter instead of casting it: a bad field is an error naming file and field, not a crash or a wrong facet', () => {
    const text = documentText({ ...validFrontmatter(), period: { year: '2023', half: 'H1' } });
    expect(() => searchDocument('hunan/chenzhou/zixing/2023-h1-summary', text, regions)).toThrow(/2023-h1-summary\.md is not a valid document[\s\S]*period\.year/);
  });

  it('gives the facets validation parsed (an omitted topics list is the schema’s default)', () => {
    const { topics: _omitted, ...rest } = validFrontmatter();
    const doc = searchDocument('hunan/chenzhou/zixing/2023-h1-summary', documentText(rest), regions);
    expect(doc.meta.topics).toEqual([]);
    expect(doc.meta.regionName).toBe('资兴市');
  });
});

describe('listing and reading documents on disk', () => {
  const root = mkdtempSync(join(tmpdir(), 'gongkai-document-files-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write(documentPath, documentText(validFrontmatter()));
  write('content/documents/anhui/xuancheng/xuanzhou/2023-h2-summary.md', documentText(validFrontmatter()));
  write('content/documents/.gitkeep', '');

  it('lists the ids validation reads, in its order', () => {
    expect(listDocumentIds(root)).toEqual(['anhui/xuancheng/xuanzhou/2023-h2-summary', 'hunan/chenzhou/zixing/2023-h1-summary']);
  });

  it('reads a document’s body from its file', () => {
    expect(documentBody(root, 'hunan/chenzhou/zixing/2023-h1-summary')).toBe('## 一、社会救助\n\n城市低保A类由500元/月.人提高至550元/月.人。\n');
  });
});
