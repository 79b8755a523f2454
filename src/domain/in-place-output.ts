/**
 * Updating the previous site in place (`npm run build -- --in-place`, docs/scale.md "Publishing one change").
 *
 * A rebuild after one changed document re-renders a few hundred pages of 37,000 and leaves the search index's
 * bytes mostly unchanged, yet into a fresh output folder Astro copies every unchanged page back from its cache
 * (0.7 ms each) and the index writes all its files again. Here the staging folder starts as a hard-linked
 * image of the published one — one `link()` per file, no bytes copied — and the build changes only what
 * changed. The staging folder is still swapped in whole (src/domain/staged-output.ts), so a failed rebuild
 * leaves the previous site as it was.
 *
 * The one danger of hard links: a write to a linked file through the staging folder would change the
 * published file too, in place, mid-build. So nothing may write into a linked file: every writer in the
 * build goes through `replaceFile` (a new file renamed over the old name) or has the link broken first
 * (`breakLinkBeforeWrite`, installed for Astro's and Vite's own writes by src/integrations/in-place-output.ts).
 * A file still linked after the build is then exactly a file this build left as it was: its inode count says
 * so (`keptFromPrevious`), which is what the stale-file sweep and precompression read.
 *
 * Node only (file system), no Astro imports.
 */
import { existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join, relative, sep } from 'node:path';

/**
 * Folders of the output that are not linked: Vite writes `_astro/` (the bundled scripts and styles, named by
 * their content) with its native bundler, which no JavaScript guard can intercept, and it is a handful of files.
 */
export const unlinkedFolders: readonly string[] = ['_astro'];

/** What `linkPreviousOutput` did. */
export interface LinkedOutput {
  files: number;
  seconds: number;
}

/**
 * Fills `staging` (which must not exist) with hard links to every file of `previous`, except the folders of
 * `unlinkedFolders` at its top. Both lie on one file system (the staging folder is the output's sibling).
 */
export function linkPreviousOutput(previous: string, staging: string, skip: readonly string[] = unlinkedFolders): LinkedOutput {
  const started = performance.now();
  let files = 0;
  const walk = (from: string, to: string, top: boolean) => {
    mkdirSync(to);
    for (const entry of readdirSync(from, { withFileTypes: true })) {
      if (top && skip.includes(entry.name)) continue;
      const source = join(from, entry.name);
      const target = join(to, entry.name);
      if (entry.isDirectory()) walk(source, target, false);
      else if (entry.isFile()) {
        linkSync(source, target);
        files++;
      }
      // Symbolic links and other kinds are left out: a build writes none, so one there is not the build's.
    }
  };
  walk(previous, staging, true);
  return { files, seconds: (performance.now() - started) / 1000 };
}

/**
 * Whether the file at `path` is still the previous build's: linked from the published folder, so this build
 * neither wrote it nor replaced it. (A file written by this build is a new inode with one link.)
 */
export function keptFromPrevious(path: string): boolean {
  const stat = lstatSync(path, { throwIfNoEntry: false });
  return stat !== undefined && stat.isFile() && stat.nlink > 1;
}

/** Removes `path` when it is a file linked elsewhere, so the write that follows makes a new file. */
export function breakLinkBeforeWrite(path: string): void {
  if (keptFromPrevious(path)) unlinkSync(path);
}

/**
 * Writes `bytes` to `path` as a new file (a temporary sibling renamed over it): never into the old file, which
 * may be linked to the published site.
 */
export function replaceFile(path: string, bytes: Uint8Array | string): void {
  const temporary = join(dirname(path), `.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  writeFileSync(temporary, bytes);
  renameSync(temporary, path);
}

/** `/`-separated path of `file` relative to `root`. */
export function outputPath(root: string, file: string): string {
  return relative(root, file).split(sep).join('/');
}

/** Every file under `root`, as `/`-separated relative paths. */
export function listOutputFiles(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => outputPath(root, join(entry.parentPath, entry.name)));
}

/** The compressed siblings precompression writes (src/domain/precompress.ts): `name.br`, `name.gz`. */
const compressedSuffixes = ['.br', '.gz'];

/** The file `path` is a compressed sibling of, if it is one. */
export function compressedBase(path: string): string | undefined {
  const suffix = compressedSuffixes.find((ending) => path.endsWith(ending));
  return suffix ? path.slice(0, -suffix.length) : undefined;
}

/** What a sweep removed. */
export interface SweptOutput {
  removed: string[];
  seconds: number;
}

/**
 * Removes from `root` every file kept from the previous build that this build does not publish: a page whose
 * document was removed, a region page no document reaches any more. A file this build wrote is its own; a
 * kept one stays when `published(path)` says the build still publishes it (Astro's cached pages), when it lies
 * in a folder another writer owns and sweeps (`ownedFolders`, e.g. the search index), or when it is the
 * compressed sibling of a file that stays (precompression keeps those it need not redo). Empty folders left
 * behind go too, so the tree is the one a cold build makes.
 */
export function sweepStaleOutput(root: string, published: (path: string) => boolean, ownedFolders: readonly string[] = []): SweptOutput {
  const started = performance.now();
  const files = listOutputFiles(root);
  const present = new Set(files);
  const owned = (path: string) => ownedFolders.some((folder) => path.startsWith(`${folder}/`));
  // Set lookups first: the inode is read only for the few files neither list claims.
  const stays = (path: string): boolean => {
    if (published(path) || owned(path)) return true;
    if (!keptFromPrevious(join(root, path))) return true;
    const base = compressedBase(path);
    return base !== undefined && present.has(base) && stays(base);
  };
  const removed = files.filter((path) => !stays(path));
  for (const path of removed) {
    unlinkSync(join(root, path));
    removeEmptyParents(root, dirname(join(root, path)));
  }
  return { removed, seconds: (performance.now() - started) / 1000 };
}

/** Removes `dir` and its parents up to (not including) `root` while they are empty. */
function removeEmptyParents(root: string, dir: string): void {
  for (let current = dir; current !== root && current.startsWith(root) && readdirSync(current).length === 0; current = dirname(current)) rmdirSync(current);
}

/** What `syncFolder` did. */
export interface SyncedFolder {
  /** Files whose bytes changed or that are new, moved in. */
  written: number;
  /** Files whose bytes equal the previous build's, left as they were (still linked). */
  unchanged: number;
  /** Files of the previous build this one no longer makes, removed. */
  removed: number;
}

/**
 * Moves the files of `staged` into `target`, file by file, where only changed bytes are replaced: a file equal
 * to the previous build's stays the linked old file (so precompression and a deploy that compares files see it
 * unchanged); a changed or new one is renamed over its name (a new inode, never a write into the old one).
 * Then removes from `target` what the previous build had there and `staged` and `published` (Astro's pages in
 * the same folder, relative to `target`) do not claim, nor `unwritten` (files the writer did not write because
 * `target` already held their bytes). `staged` is left with the unchanged files only.
 */
export function syncFolder(staged: string, target: string, published: (path: string) => boolean = () => false, unwritten: Iterable<string> = []): SyncedFolder {
  const result: SyncedFolder = { written: 0, unchanged: 0, removed: 0 };
  const files = listOutputFiles(staged);
  // `unwritten`: files the writer skipped because the target already held their bytes (still made by this build).
  const made = new Set([...files, ...unwritten]);
  const madeDirs = new Set<string>();
  for (const path of files) {
    const from = join(staged, path);
    const to = join(target, path);
    if (keptFromPrevious(to) && sameBytes(from, to)) {
      result.unchanged++;
      continue;
    }
    const dir = dirname(to);
    if (!madeDirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      madeDirs.add(dir);
    }
    try {
      renameSync(from, to);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      replaceFile(to, readFileSync(from));
    }
    result.written++;
    // Written again, its new bytes got no compressed form of a kind (no longer smaller, or now under the size
    // rule): the previous build's form of that kind would decompress to the old bytes, so it goes.
    for (const suffix of compressedSuffixes) {
      const sibling = `${to}${suffix}`;
      if (!made.has(`${path}${suffix}`) && existsSync(sibling) && keptFromPrevious(sibling)) {
        unlinkSync(sibling);
        result.removed++;
      }
    }
  }
  result.removed += sweepStaleOutput(target, (path) => made.has(path) || published(path)).removed.length;
  return result;
}

/** Whether two files hold the same bytes (sizes first). */
function sameBytes(a: string, b: string): boolean {
  if (statSync(a).size !== statSync(b).size) return false;
  return readFileSync(a).equals(readFileSync(b));
}

/**
 * Which build an output folder and a cache folder belong to. Astro keeps a cached page when its file exists in
 * the output folder, trusting that file to be the one its manifest (`incremental-build.json`) recorded: an output
 * folder from another build than the cache — a failed build that updated the manifest but published nothing, or
 * a CI job restoring an output and a cache saved by different runs — would keep pages that are stale. So every
 * published build records the manifest's digest with the search index's `manifest.json` (whose version is a
 * digest of every index file, so of every document's text), and an in-place build starts from the previous
 * output only when both still match.
 */
export interface PublishedStamp {
  /** The output folder it was published to. */
  output: string;
  /** SHA-1 of Astro's incremental-build manifest after the build ('' when there was none). */
  astroManifest: string;
  /** SHA-1 of the output's `search/manifest.json` ('' when there was none). */
  searchManifest: string;
}

/** Where the stamp lives: in the cache folder, which travels with the output in every setup that keeps both. */
export function stampPath(cacheDir: string): string {
  return join(cacheDir, 'gongkai-published.json');
}

const digestOf = (path: string) => (existsSync(path) ? createHash('sha1').update(readFileSync(path)).digest('hex') : '');

/** The stamp of `output` and `cacheDir` as they are now. */
export function currentStamp(output: string, cacheDir: string): PublishedStamp {
  return { output, astroManifest: digestOf(join(cacheDir, 'incremental-build.json')), searchManifest: digestOf(join(output, 'search/manifest.json')) };
}

/** Records that `output` was published by the build whose cache is `cacheDir`. */
export function writeStamp(output: string, cacheDir: string): void {
  mkdirSync(cacheDir, { recursive: true });
  replaceFile(stampPath(cacheDir), `${JSON.stringify(currentStamp(output, cacheDir), null, 2)}\n`);
}

/** Why `output` cannot be updated in place with `cacheDir`, or undefined when it can. */
export function whyNotInPlace(output: string, cacheDir: string): string | undefined {
  if (!existsSync(output)) return `there is no ${output} yet`;
  let saved: PublishedStamp;
  try {
    saved = JSON.parse(readFileSync(stampPath(cacheDir), 'utf8')) as PublishedStamp;
  } catch {
    return `${stampPath(cacheDir)} does not say which build published ${output} (it is written by every npm run build)`;
  }
  const now = currentStamp(output, cacheDir);
  if (saved.output !== output) return `the cache folder's last build was published to ${saved.output}, not ${output}`;
  if (saved.astroManifest !== now.astroManifest) return `Astro's cache folder changed since ${output} was published (a failed build, or a cache from another run)`;
  if (saved.searchManifest !== now.searchManifest) return `${output}/search/manifest.json is not the one the cache folder's last build published (an output from another run)`;
  return undefined;
}
