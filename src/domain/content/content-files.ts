/**
 * Which files under content/ are read as what: the one listing that validation (read-content.ts) and the search
 * index share, so both see the same documents in the same order. Every entry is accounted for: it is content, or
 * it is reported — an error when it looks meant as content but would not be read (a hidden `.name.md`, a
 * `.markdown` or `.txt` document, a folder inside content/metrics/), a warning when it is harmless clutter that is
 * skipped (`.DS_Store`, an editor's `name.md~` or `.name.md.swp`). A document must never go unpublished unreported.
 * Node only.
 */
import { readdirSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import type { ContentIssue } from './content-issue.ts';

/** The search abbreviations, relative to the folder holding content/. */
export const abbreviationsPath = 'content/search/abbreviations.yaml';

/** The tombstones of withdrawn documents (src/schemas/withdrawn.ts), relative to the folder holding content/. */
export const withdrawnPath = 'content/withdrawn.yaml';

/** The files of content/, each a path relative to the folder holding content/ with forward slashes, sorted. */
export interface ContentFiles {
  /** The Markdown files under content/documents/. */
  documents: string[];
  metrics: string[];
  topics: string[];
  abbreviations?: string;
  withdrawn?: string;
  /** Entries that look meant as content but would not be read: errors. */
  problems: ContentIssue[];
  /** Entries that are not content and are skipped (operating-system files, editor leftovers): warnings. */
  skipped: ContentIssue[];
}

/** The folders of content/ and what each holds. */
const contentFolders = ['documents', 'metrics', 'topics', 'search'] as const;
type ContentFolder = (typeof contentFolders)[number];
const knownFolders = contentFolders.map((name) => `${name}/`).join(', ');

/** Files an operating system writes into folders it shows (Finder, Explorer): never content. */
const systemFiles = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini', 'ehthumbs.db']);

/** Files an editor or a merge tool leaves beside the one being edited: `a.md~`, `.a.md.swp`, `#a.md#`, `.#a.md`, `a.md.orig`. */
function isLeftover(name: string): boolean {
  return /~$|\.sw[a-p]$|^#.*#$|^\.#|\.(orig|rej|bak|tmp)$/i.test(name);
}

/** The name of a document file an author meant: `a.markdown`, `a.MD`, `a.mdx` → `a.md`. */
function markdownNamed(name: string): string | undefined {
  const match = /^(.+)\.(markdown|mdown|mkd|mdx|md)$/i.exec(name);
  return match && !name.endsWith('.md') ? `${match[1]}.md` : undefined;
}

/** An entry that follows no rule of its folder, and the one that applies to every folder: clutter is skipped, a hidden file reported. */
function commonCase(path: string, entry: Dirent): { kind: 'skip' | 'problem'; issue: ContentIssue } | 'gitkeep' | undefined {
  const name = entry.name;
  if (name === '.gitkeep') return 'gitkeep';
  if (entry.isFile() && (systemFiles.has(name) || name.startsWith('._'))) {
    return { kind: 'skip', issue: { file: path, message: 'a file the operating system writes (Finder, Explorer), not content: skipped', hint: `delete it and add \`${name.startsWith('._') ? '._*' : name}\` to .gitignore` } };
  }
  if (entry.isFile() && isLeftover(name)) {
    return { kind: 'skip', issue: { file: path, message: 'an editor’s or merge tool’s leftover (backup, swap or conflict file), not content: skipped', hint: 'delete it once the editor is closed; if it holds changes you want, copy them into the file itself first' } };
  }
  if (!entry.isFile() && !entry.isDirectory()) {
    return { kind: 'problem', issue: { file: path, message: entry.isSymbolicLink() ? 'a symbolic link, which is not read' : 'not a regular file or folder, so it is not read', hint: 'put the file itself here (a copy, not a link), or remove it' } };
  }
  if (name.startsWith('.')) {
    const shown = name.slice(1);
    return {
      kind: 'problem',
      issue: entry.isDirectory()
        ? { file: `${path}/`, message: 'a hidden folder (its name starts with a dot): nothing in it is read or published', hint: `rename it to ${shown}/ if it holds content, or move it out of content/` }
        : { file: path, message: 'a hidden file (its name starts with a dot): it is not read or published', hint: `rename it to ${shown} if it is content, or delete it` },
    };
  }
  return undefined;
}

function entries(root: string, dir: string): Dirent[] | undefined {
  try {
    return readdirSync(join(root, dir), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}

/** The content files under `<root>/content`, every other entry reported. */
export function listContentFiles(root: string): ContentFiles {
  const files: ContentFiles = { documents: [], metrics: [], topics: [], problems: [], skipped: [] };
  const top = entries(root, 'content');
  if (!top) return files;
  for (const entry of top) {
    const path = `content/${entry.name}`;
    if ((contentFolders as readonly string[]).includes(entry.name)) {
      if (entry.isDirectory()) readFolder(root, entry.name as ContentFolder, files);
      else files.problems.push({ file: path, message: 'is a file, but content/ expects a folder of that name', hint: `make ${path}/ a folder holding the ${entry.name === 'search' ? 'abbreviations.yaml' : `${entry.name} files`}` });
      continue;
    }
    if (path === withdrawnPath && entry.isFile()) {
      files.withdrawn = path;
      continue;
    }
    const common = commonCase(path, entry);
    if (common === 'gitkeep') continue;
    if (common) {
      (common.kind === 'skip' ? files.skipped : files.problems).push(common.issue);
      continue;
    }
    files.problems.push(
      entry.isDirectory()
        ? { file: `${path}/`, message: 'a folder content/ does not read: nothing in it is published', hint: `content/ holds ${knownFolders}; move its files into one of them (documents go in content/documents/<region path>/), or out of content/` }
        : { file: path, message: 'a file content/ does not read', hint: `content/ holds only the folders ${knownFolders}; move it into one of them, or out of content/ (notes about the content belong in docs/)` },
    );
  }
  return files;
}

function readFolder(root: string, folder: ContentFolder, files: ContentFiles): void {
  const walk = (dir: string) => {
    for (const entry of entries(root, dir) ?? []) {
      const path = `${dir}/${entry.name}`;
      const common = commonCase(path, entry);
      if (common === 'gitkeep') continue;
      if (common) {
        (common.kind === 'skip' ? files.skipped : files.problems).push(common.issue);
        continue;
      }
      const problem = folder === 'documents' ? documentsEntry(path, entry) : definitionEntry(folder, path, entry);
      if (problem === 'walk') walk(path);
      else if (problem) files.problems.push(problem);
      else if (folder === 'search') files.abbreviations = path;
      else files[folder].push(path);
    }
  };
  walk(`content/${folder}`);
  // In the order of the whole paths, as one recursive listing sorted gives them: the search index numbers its
  // documents in this order, so a walk folder by folder must not reorder them (`a-b/` sorts before `a/`).
  files.documents.sort();
}

/** A folder under content/documents/ is walked, a `.md` file is a document; anything else is reported. */
function documentsEntry(path: string, entry: Dirent): ContentIssue | 'walk' | undefined {
  if (entry.isDirectory()) {
    if (entry.name.endsWith('.md')) return { file: `${path}/`, message: 'a folder named like a document, so it is not read as one', hint: `a document is a file: put its text in ${path} itself, not in a folder of that name` };
    return 'walk';
  }
  if (entry.name.endsWith('.md')) return undefined;
  const renamed = markdownNamed(entry.name);
  return renamed
    ? { file: path, message: 'a document must end in .md, so this file is not read', hint: `rename it to ${renamed}` }
    : {
        file: path,
        message: 'not a Markdown document (.md), so it is not read or published',
        hint: 'documents are Markdown files content/documents/<region path>/<year>-<h1|h2|year>-<kind>.md: draft one from a saved page with `npm run ingest`, or move this file out of content/',
      };
}

/** content/metrics/ and content/topics/ hold one YAML file per definition, content/search/ its abbreviations.yaml. */
function definitionEntry(folder: Exclude<ContentFolder, 'documents'>, path: string, entry: Dirent): ContentIssue | undefined {
  if (folder === 'search') {
    if (path === abbreviationsPath && entry.isFile()) return undefined;
    if (path === abbreviationsPath) return { file: `${path}/`, message: 'is a folder, but the search abbreviations are one file', hint: `make ${path} a YAML file (see docs/search.md)` };
    return { file: entry.isDirectory() ? `${path}/` : path, message: 'content/search/ holds only abbreviations.yaml, so this is not read', hint: `put search abbreviations in ${abbreviationsPath}, or move this out of content/` };
  }
  if (entry.isDirectory()) {
    return { file: `${path}/`, message: `a folder inside content/${folder}/, which is not read: each definition is one file directly in content/${folder}/`, hint: `move its files up into content/${folder}/` };
  }
  if (/\.ya?ml$/.test(entry.name)) return undefined;
  const stem = entry.name.replace(/\.[^.]*$/, '');
  return { file: path, message: `not a YAML file (.yaml), so this ${folder === 'metrics' ? 'metric' : 'topic'} definition is not read`, hint: `write it as YAML and name it ${stem}.yaml` };
}
