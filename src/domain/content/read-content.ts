/** Reads content/ from disk into the sources validateContent checks. Node only. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import type { ContentSources, SourceFile } from './validate-content.ts';

function listFiles(dir: string, accept: (name: string) => boolean): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true, recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries
    .filter((entry) => entry.isFile() && accept(entry.name) && !entry.name.startsWith('.'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

function read(root: string, paths: string[]): SourceFile[] {
  return paths.map((path) => ({ path: relative(root, path).split(sep).join('/'), text: readFileSync(path, 'utf8') }));
}

/** The search abbreviations, relative to the folder holding content/. */
export const abbreviationsPath = 'content/search/abbreviations.yaml';

/** All content files under `<root>/content`, in a stable order. */
export function readContentSources(root: string): ContentSources {
  const content = join(root, 'content');
  const isYaml = (name: string) => /\.ya?ml$/.test(name);
  const abbreviations = join(root, abbreviationsPath);
  return {
    documents: read(root, listFiles(join(content, 'documents'), (name) => !name.endsWith('.gitkeep'))),
    metrics: read(root, listFiles(join(content, 'metrics'), isYaml)),
    topics: read(root, listFiles(join(content, 'topics'), isYaml)),
    ...(existsSync(abbreviations) ? { abbreviations: { path: abbreviationsPath, text: readFileSync(abbreviations, 'utf8') } } : {}),
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
  if (listFiles(join(content, 'documents'), (name) => name.endsWith('.md')).length === 0) {
    return `${join(content, 'documents')} holds no documents; expected Markdown files at content/documents/<region path>/<year>-<h1|h2|year>-<kind>.md`;
  }
  return undefined;
}
