/** Reads content/ from disk into the sources validateContent checks. Node only. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { listContentFiles } from './content-files.ts';
import type { ContentSources, SourceFile } from './validate-content.ts';

function read(root: string, paths: string[]): SourceFile[] {
  return paths.map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') }));
}

/** All content files under `<root>/content`, in a stable order. */
export function readContentSources(root: string): ContentSources {
  const files = listContentFiles(root);
  return {
    documents: read(root, files.documents),
    metrics: read(root, files.metrics),
    topics: read(root, files.topics),
    ...(files.abbreviations ? { abbreviations: read(root, [files.abbreviations])[0]! } : {}),
  };
}

/**
 * Why `root` cannot be checked, or undefined when it is a folder holding `content/` with documents in it: a
 * mistyped path must not pass as "0 documents, OK". The message names the path and what was expected there.
 */
export function contentRootProblem(root: string): string | undefined {
  const expected = 'the folder that holds content/ (content/documents/, content/metrics/, content/topics/), such as the project folder';
  if (!existsSync(root)) return `${root} does not exist; expected ${expected}`;
  if (!statSync(root).isDirectory()) return `${root} is a file, not a folder; expected ${expected} (every file is checked at once)`;
  const content = join(root, 'content');
  if (!existsSync(content)) {
    if (existsSync(join(root, 'documents')) && basename(root) === 'content') return `${root} is the content folder itself; give the folder that holds it: ${dirname(root)}`;
    return `${root} holds no content/ folder; expected ${expected}`;
  }
  if (!listContentFiles(root).documents.some((path) => path.endsWith('.md'))) {
    return `${join(content, 'documents')} holds no documents; expected Markdown files at content/documents/<region path>/<year>-<h1|h2|year>-<kind>.md`;
  }
  return undefined;
}
