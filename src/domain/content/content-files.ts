/**
 * Which files under content/ are read as what: the one listing that validation (read-content.ts) and the search
 * index share, so both see the same documents in the same order. Node only.
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** The search abbreviations, relative to the folder holding content/. */
export const abbreviationsPath = 'content/search/abbreviations.yaml';

/** The files of content/, each a path relative to the folder holding content/ with forward slashes, sorted. */
export interface ContentFiles {
  /** Every file under content/documents/ (a file that is not a Markdown document is reported by validation). */
  documents: string[];
  metrics: string[];
  topics: string[];
  abbreviations?: string;
}

function listFiles(root: string, dir: string, accept: (name: string) => boolean): string[] {
  let entries;
  try {
    entries = readdirSync(join(root, dir), { withFileTypes: true, recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries
    .filter((entry) => entry.isFile() && accept(entry.name) && !entry.name.startsWith('.'))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** The content files under `<root>/content`. */
export function listContentFiles(root: string): ContentFiles {
  const isYaml = (name: string) => /\.ya?ml$/.test(name);
  const abbreviations = listFiles(root, 'content/search', (name) => name === 'abbreviations.yaml');
  return {
    documents: listFiles(root, 'content/documents', (name) => !name.endsWith('.gitkeep')),
    metrics: listFiles(root, 'content/metrics', isYaml),
    topics: listFiles(root, 'content/topics', isYaml),
    ...(abbreviations.includes(abbreviationsPath) ? { abbreviations: abbreviationsPath } : {}),
  };
}
