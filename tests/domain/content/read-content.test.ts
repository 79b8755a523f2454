/** Reading content/ from disk, and refusing a folder that holds none: a mistyped path is not "0 documents, OK". */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentRootProblem, readContentSources } from '../../../src/domain/content/read-content.ts';

const work = mkdtempSync(join(tmpdir(), 'gongkai-read-content-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function folder(name: string, files: Record<string, string> = {}): string {
  const root = join(work, name);
  mkdirSync(root, { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('which folders npm run check accepts', () => {
  it('accepts a folder whose content/documents/ holds a document', () => {
    expect(contentRootProblem(folder('site', { 'content/documents/hunan/2023-year-plan.md': '---\n---\n' }))).toBeUndefined();
  });

  it('leaves a content/ with no documents to validation, which reports it with every other error', () => {
    expect(contentRootProblem(folder('definitions-only', { 'content/metrics/dibao-urban.yaml': 'name: x\n', 'content/documents/.gitkeep': '' }))).toBeUndefined();
  });

  it('words every refusal as pinned, each naming the path and what it expected', () => {
    const problems = {
      missing: contentRootProblem(join(work, 'nowhere')),
      file: contentRootProblem(join(folder('files', { 'notes.txt': '' }), 'notes.txt')),
      'no content/': contentRootProblem(folder('empty')),
      'content/ itself': contentRootProblem(join(folder('project', { 'content/documents/a.md': '' }), 'content')),
    };
    expect(JSON.stringify(problems, null, 2).replaceAll(work, '<tmp>')).toMatchSnapshot();
  });
});

describe('reading content/', () => {
  it('reads content/search/abbreviations.yaml with the documents and definitions', () => {
    const root = folder('with-abbreviations', { 'content/documents/hunan/2023-year-plan.md': '---\n---\n', 'content/search/abbreviations.yaml': '- forms: [低保, 最低生活保障]\n' });
    const sources = readContentSources(root);
    expect(sources.documents.map((d) => d.path)).toEqual(['content/documents/hunan/2023-year-plan.md']);
    expect(sources.abbreviations).toEqual({ path: 'content/search/abbreviations.yaml', text: '- forms: [低保, 最低生活保障]\n' });
  });

  it('leaves the abbreviations out where a content folder has none', () => {
    expect(readContentSources(folder('without-abbreviations', { 'content/documents/a.md': '' })).abbreviations).toBeUndefined();
  });
});
