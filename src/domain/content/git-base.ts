/**
 * The documents that changed since a git ref, as `npm run check -- --since <ref>` compares them
 * (corrections.ts): `git diff --name-status` against the working tree (edits not yet committed count), and each
 * changed file's text at the ref with `git show`. Node only; git must be on PATH.
 */
import { spawnSync } from 'node:child_process';
import type { DocumentVersions } from './corrections.ts';
import { documentsFolder } from './document-files.ts';

/** Thrown when the comparison cannot be made: git missing, not a repository, an unknown ref. */
export class GitBaseError extends Error {
  override name = 'GitBaseError';
}

function git(root: string, args: string[]): string {
  const result = spawnSync('git', ['-C', root, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    throw new GitBaseError(code === 'ENOENT' ? '--since needs git, which is not installed or not on PATH' : `git could not be run: ${result.error.message}`, { cause: result.error });
  }
  if (result.status !== 0) throw new GitBaseError(`git ${args.join(' ')} failed: ${result.stderr.trim()}`);
  return result.stdout;
}

/** The documents of `root` (the folder holding content/) that differ from their version at `ref`. */
export function changedDocuments(root: string, ref: string, readCurrent: (path: string) => string): DocumentVersions[] {
  const inside = spawnSync('git', ['-C', root, 'rev-parse', '--is-inside-work-tree'], { encoding: 'utf8' });
  if (inside.error) git(root, ['--version']);
  if (inside.status !== 0) throw new GitBaseError(`${root} is not in a git repository, so there is no version to compare with: run --since inside the repository's working copy`);
  const verified = spawnSync('git', ['-C', root, 'rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { encoding: 'utf8' });
  if (verified.status !== 0) {
    throw new GitBaseError(`--since ${ref}: no such commit, branch or tag in this repository (give a ref \`git log\` shows, e.g. origin/main or HEAD~1; in CI fetch the base branch first)`);
  }
  // -z: paths as git stores them (Chinese names unquoted); --relative: relative to root, which may be a subfolder.
  const fields = git(root, ['diff', '--name-status', '-z', '-M', '--relative', ref, '--', documentsFolder]).split('\0').filter(Boolean);
  const versions: DocumentVersions[] = [];
  for (let i = 0; i < fields.length; ) {
    const status = fields[i++] ?? '';
    const path = fields[i++] ?? '';
    const renamedTo = status.startsWith('R') || status.startsWith('C') ? fields[i++] : undefined;
    if (!path.endsWith('.md') || status.startsWith('A') || status.startsWith('C')) continue;
    const base = git(root, ['show', `${ref}:./${path}`]);
    if (status.startsWith('D')) versions.push({ path, base });
    else if (renamedTo !== undefined) versions.push({ path, base, renamedTo });
    else versions.push({ path, base, current: readCurrent(path) });
  }
  return versions;
}
