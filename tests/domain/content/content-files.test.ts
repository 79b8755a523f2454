/**
 * Every entry under content/ is accounted for: read as content, reported as an error (it looks meant as content
 * but would not be read), or skipped with a warning (clutter). Nothing is skipped unreported, and an empty
 * content/documents/ is an error unless asked for.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listContentFiles } from '../../../src/domain/content/content-files.ts';
import { formatContentIssues, formatContentWarnings } from '../../../src/domain/content/content-issue.ts';
import { allowEmptyContent, loadContent } from '../../../src/domain/content/load-content.ts';
import { listDocumentIds } from '../../../src/domain/content/document-files.ts';
import { documentText, metricText, validFrontmatter } from './fixtures.ts';

const work = mkdtempSync(join(tmpdir(), 'gongkai-content-files-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function site(name: string, files: Record<string, string>, folders: string[] = []): string {
  const root = join(work, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  for (const path of folders) mkdirSync(join(root, path), { recursive: true });
  return root;
}

const document = documentText(validFrontmatter());
const topicText = 'name: 社会救助\nname_en: Social assistance\ndescription: 低保、特困与临时救助。\n';
const valid = {
  'content/documents/hunan/chenzhou/zixing/2023-h1-summary.md': document,
  'content/metrics/dibao-urban.yaml': metricText,
  'content/topics/social-assistance.yaml': topicText,
};

describe('the files under content/', () => {
  const root = site(
    'every-kind',
    {
      ...valid,
      'content/documents/.gitkeep': '',
      // Clutter: skipped with a warning.
      'content/documents/.DS_Store': '\0',
      'content/documents/hunan/._2023-h1-summary.md': '\0',
      'content/documents/hunan/chenzhou/zixing/2023-h1-summary.md~': document,
      'content/documents/hunan/chenzhou/zixing/.2023-h1-summary.md.swp': '\0',
      'content/metrics/Thumbs.db': '\0',
      // Meant as content, not read: errors.
      'content/documents/hunan/chenzhou/zixing/.2023-h2-summary.md': document,
      'content/documents/hunan/chenzhou/zixing/2022-h2-summary.markdown': document,
      'content/documents/hunan/chenzhou/zixing/2022-h1-summary.MD': document,
      'content/documents/hunan/chenzhou/zixing/2022-year-plan.txt': '资兴市民政局2022年工作计划',
      'content/documents/.drafts/hunan/2021-year-plan.md': document,
      'content/metrics/dibao-rural.json': '{}',
      'content/metrics/old/dibao-urban.yaml': metricText,
      'content/topics/.elderly-care.yaml': topicText,
      'content/search/abbreviation.yaml': '- forms: [低保, 最低生活保障]\n',
      'content/document/hunan/2023-year-plan.md': document,
      'content/README.md': '# notes\n',
      'content/search/abbreviations.yaml/x': '',
    },
    ['content/documents/hunan/chenzhou/zixing/2024-year-plan.md'],
  );
  symlinkSync(join(root, 'content/documents/hunan/chenzhou/zixing/2023-h1-summary.md'), join(root, 'content/documents/hunan/chenzhou/zixing/2023-year-plan.md'));
  const files = listContentFiles(root);

  it('reads the documents and definitions, and only them', () => {
    expect(files.documents).toEqual(['content/documents/hunan/chenzhou/zixing/2023-h1-summary.md']);
    expect(files.metrics).toEqual(['content/metrics/dibao-urban.yaml']);
    expect(files.topics).toEqual(['content/topics/social-assistance.yaml']);
    expect(files.abbreviations).toBeUndefined();
  });

  it('reports, as errors naming the path and the fix, every entry that looks meant as content but would not be read', () => {
    expect(formatContentIssues(files.problems)).toMatchSnapshot();
    expect(files.problems).toHaveLength(14);
  });

  it('skips operating-system files and editor leftovers with a warning for each', () => {
    expect(formatContentWarnings(files.skipped)).toMatchSnapshot();
    expect(files.skipped.map((issue) => issue.file)).toEqual([
      'content/documents/.DS_Store',
      'content/documents/hunan/._2023-h1-summary.md',
      'content/documents/hunan/chenzhou/zixing/.2023-h1-summary.md.swp',
      'content/documents/hunan/chenzhou/zixing/2023-h1-summary.md~',
      'content/metrics/Thumbs.db',
    ]);
  });

  it('makes the errors content errors of validation, and the skipped files its warnings', () => {
    const result = loadContent(root);
    expect(result.issues.map((issue) => issue.file)).toEqual(expect.arrayContaining(files.problems.map((issue) => issue.file)));
    expect(result.warnings).toEqual(files.skipped);
  });

  it('gives the search index the same documents validation reads', () => {
    expect(listDocumentIds(root)).toEqual(['hunan/chenzhou/zixing/2023-h1-summary']);
  });
});

describe('a hidden document', () => {
  it('is an error, not a page silently never published', () => {
    const root = site('hidden', { ...valid, 'content/documents/hunan/chenzhou/zixing/.2023-h2-summary.md': document });
    expect(loadContent(root).issues).toEqual([
      expect.objectContaining({ file: 'content/documents/hunan/chenzhou/zixing/.2023-h2-summary.md', hint: 'rename it to 2023-h2-summary.md if it is content, or delete it' }),
    ]);
  });
});

describe('a document that is not valid UTF-8', () => {
  it('is an error naming the first bad bytes’ offset and line, not text garbled with U+FFFD', () => {
    const bytes = Buffer.concat([Buffer.from(document.replace('城市低保A类', '城市低保A类\n')), Buffer.from([0xe5, 0x9f]), Buffer.from('元。\n')]);
    const root = site('damaged', valid);
    writeFileSync(join(root, 'content/documents/hunan/chenzhou/zixing/2023-h1-summary.md'), bytes);
    expect(formatContentIssues(loadContent(root).issues)).toMatchSnapshot();
  });
});

describe('content/ that reads cleanly', () => {
  it('has no errors and no warnings', () => {
    const result = loadContent(site('clean', { ...valid, 'content/documents/.gitkeep': '', 'content/search/abbreviations.yaml': '- forms: [低保, 最低生活保障]\n' }));
    expect(result.issues).toEqual([]);
    expect(result.warnings).toEqual([]);
  });
});

describe('an empty content/documents/', () => {
  const empty = site('empty', { 'content/documents/.gitkeep': '', 'content/metrics/dibao-urban.yaml': metricText, 'content/topics/social-assistance.yaml': topicText });

  it('is an error naming the folder and both ways out', () => {
    expect(formatContentIssues(loadContent(empty).issues)).toMatchSnapshot();
  });

  it('is accepted when asked for, with GONGKAI_ALLOW_EMPTY_CONTENT=1', () => {
    expect(loadContent(empty, { allowEmpty: true }).issues).toEqual([]);
    expect(allowEmptyContent({ GONGKAI_ALLOW_EMPTY_CONTENT: '1' })).toBe(true);
    expect(allowEmptyContent({ GONGKAI_ALLOW_EMPTY_CONTENT: '0' })).toBe(false);
    expect(allowEmptyContent({})).toBe(false);
  });
});
