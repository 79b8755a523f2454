/** Reads content/ from disk into the sources validateContent checks. Node only. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describeDamage, utf8Damage, withLines } from '../ingest/byte-damage.ts';
import { listContentFiles } from './content-files.ts';
import type { ContentIssue } from './content-issue.ts';
import type { ContentSources, SourceFile } from './validate-content.ts';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The files' texts; a file that cannot be read, or is not valid UTF-8, is a problem naming the path and the reason
 * (the first bad bytes' offset and line) instead of a crash, or text silently garbled with U+FFFD.
 */
function read(root: string, paths: string[], problems: ContentIssue[]): SourceFile[] {
  const files: SourceFile[] = [];
  for (const path of paths) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(root, path));
    } catch (error) {
      const { code, message } = error as NodeJS.ErrnoException;
      problems.push({ file: path, message: `cannot be read (${code ?? message})`, hint: code === 'EACCES' ? 'make the file readable by the user that builds the site (chmod a+r)' : 'check that the file exists and is a regular, readable file' });
      continue;
    }
    try {
      files.push({ path, text: strictUtf8.decode(bytes) });
    } catch {
      const damage = withLines(bytes, utf8Damage(bytes));
      const shown = damage.slice(0, 3).map(describeDamage).join('; ');
      problems.push({
        file: path,
        message: damage.length === 1 ? `is not valid UTF-8: an invalid byte sequence at ${shown}` : `is not valid UTF-8: ${damage.length} invalid byte sequences, at ${shown}${damage.length > 3 ? '; …' : ''}`,
        hint: 'save the file as UTF-8; if it was copied from a page in GBK or GB18030, draft it again with `npm run ingest`, which reads those encodings strictly',
      });
    }
  }
  return files;
}

/** All content files under `<root>/content`, in a stable order. */
export function readContentSources(root: string): ContentSources {
  const files = listContentFiles(root);
  const problems = [...files.problems];
  const abbreviations = files.abbreviations ? read(root, [files.abbreviations], problems)[0] : undefined;
  const withdrawn = files.withdrawn ? read(root, [files.withdrawn], problems)[0] : undefined;
  return {
    documents: read(root, files.documents, problems),
    metrics: read(root, files.metrics, problems),
    topics: read(root, files.topics, problems),
    ...(abbreviations ? { abbreviations } : {}),
    ...(withdrawn ? { withdrawn } : {}),
    unread: { problems, skipped: files.skipped },
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
