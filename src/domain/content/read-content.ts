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
    unread: { problems: files.problems, skipped: files.skipped },
  };
}

/**
 * Why `root` cannot be checked, or undefined when it is a folder holding `content/`: a mistyped path must not
 * pass as "0 documents, OK". The message names the path and what was expected there. A content/ with no
 * documents is a content error (load-content.ts), reported with the rest.
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
  return undefined;
}
