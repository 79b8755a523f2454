/** Reads content/ from disk into the sources validateContent checks. Node only. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
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

/** All content files under `<root>/content`, in a stable order. */
export function readContentSources(root: string): ContentSources {
  const content = join(root, 'content');
  const isYaml = (name: string) => /\.ya?ml$/.test(name);
  return {
    documents: read(root, listFiles(join(content, 'documents'), (name) => !name.endsWith('.gitkeep'))),
    metrics: read(root, listFiles(join(content, 'metrics'), isYaml)),
    topics: read(root, listFiles(join(content, 'topics'), isYaml)),
  };
}
