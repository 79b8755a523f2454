/**
 * Writes drafts into a content folder. An existing file is never overwritten unless asked; a draft is never lost:
 * two drafts of one run that map to the same file get distinct names (`-2`, `-3` …), and a file-system error
 * becomes a status naming the path and the reason rather than a stack trace that stops the run. Node only.
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, parse, sep } from 'node:path';
import { destination, serializeDraft, type Destination } from './draft.ts';
import type { Draft } from './types.ts';

export interface WriteOptions {
  /** The folder that plays `content/`: drafts go to `<contentDir>/documents/…` or `<contentDir>/drafts/…`. */
  contentDir: string;
  force: boolean;
  dryRun: boolean;
  /**
   * Files already given to a draft of this run (absolute or contentDir-joined paths). `--force` replaces files
   * from before the run, never one this run wrote a moment earlier, so a later draft with the same destination
   * is renamed instead. Pass one set for the whole run; writeDraft adds each file it assigns.
   */
  claimed?: Set<string>;
}

export interface Written {
  draft: Draft;
  destination: Destination;
  /** Absolute or contentDir-relative path of the file. */
  file: string;
  status: 'written' | 'overwritten' | 'exists' | 'dry-run' | 'failed';
  /** Why the draft was renamed: another draft of the run has its first destination. */
  renamed?: string;
  /** With status `failed`: what went wrong, naming the path, e.g. `cannot create folder /x: permission denied`. */
  error?: string;
}

export function writeDraft(draft: Draft, options: WriteOptions): Written {
  const first = destination(draft);
  const claimed = options.claimed ?? new Set<string>();
  let where = first;
  let file = join(options.contentDir, where.path);
  // A name another draft of this run took, or (without --force) a file that exists, moves on to -2, -3 …; a file
  // from before the run is still offered to the first draft so that `exists` / `--force` keep their meaning.
  for (let n = 2; claimed.has(file) || (where !== first && !options.force && existsSync(file)); n += 1) {
    where = { ...first, path: first.path.replace(/\.md$/, `-${n}.md`) };
    file = join(options.contentDir, where.path);
  }
  claimed.add(file);
  const renamed = where === first ? undefined : `another draft of this run goes to ${first.path}`;
  const base = { draft, destination: where, file, ...(renamed ? { renamed } : {}) };
  if (options.dryRun) return { ...base, status: 'dry-run' };
  const exists = existsSync(file);
  if (exists && !options.force) return { ...base, status: 'exists' };
  try {
    makeFolders(dirname(file));
    writeFileSync(file, serializeDraft(draft));
  } catch (error) {
    return { ...base, status: 'failed', error: fileSystemError(error, file) };
  }
  return { ...base, status: exists ? 'overwritten' : 'written' };
}

/**
 * `mkdir -p` one folder at a time. Node's recursive mkdirSync loops forever (100% CPU) on a path under `/proc`,
 * where mkdir fails with ENOENT although the parent exists; creating each missing folder ourselves turns that
 * into an error naming the folder.
 */
function makeFolders(folder: string): void {
  const { root } = parse(folder);
  const parts = folder.slice(root.length).split(sep).filter(Boolean);
  let path = root;
  for (const part of parts) {
    path = join(path, part);
    let stat;
    try {
      stat = statSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw Object.assign(error as Error, { path });
    }
    if (stat && !stat.isDirectory()) throw Object.assign(new Error(`${path} is a file`), { code: 'ENOTDIR', path });
    if (stat) continue;
    try {
      mkdirSync(path);
    } catch (error) {
      throw Object.assign(error as Error, { path, creating: true });
    }
  }
}

/** `cannot create folder /proc/x: the system does not allow a folder there (ENOENT)` and the like. */
function fileSystemError(error: unknown, file: string): string {
  const { code, path = file, creating } = error as NodeJS.ErrnoException & { creating?: boolean };
  const what = path === file ? `cannot write ${file}` : creating ? `cannot create folder ${path}` : `cannot use folder ${path}`;
  const reasons: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'the file system is read-only',
    ENOTDIR: 'it is a file, not a folder (give --out a folder)',
    EISDIR: 'a folder of that name is in the way',
    ENOENT: 'the system does not allow a folder there',
    ENOSPC: 'no space left on the device',
    EEXIST: 'a file of that name is in the way',
  };
  const reason = (code && reasons[code]) ?? (error as Error).message;
  return `${what}: ${reason}${code ? ` (${code})` : ''}`;
}
