/**
 * The build half of `npm run build -- --in-place` (scripts/build.ts fills the staging folder with hard links to
 * the published site and sets GONGKAI_IN_PLACE=1; the rules are in src/domain/in-place-output.ts). Inactive in
 * any other build.
 *
 * Two jobs. Before anything is written, it makes every write into the output folder break a hard link first,
 * so no write can reach the published site through a linked file: Astro writes pages with
 * `fs.promises.writeFile` and Vite copies `public/` with `fs.copyFileSync`, both opening the existing file and
 * truncating it — the published file itself, were it linked. After the pages (and the search index) are done,
 * it removes what the previous build published and this one does not: Astro leaves stale pages where they are
 * when the output folder is kept. Small and loud: logs what it swept and how long it took.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { breakLinkBeforeWrite, outputPath, sweepStaleOutput } from '../domain/in-place-output.ts';

/** Whether this build updates a linked copy of the previous site (set by scripts/build.ts, never by hand). */
export function inPlaceBuild(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  return env.GONGKAI_IN_PLACE === '1';
}

/** Folders of the output whose stale files another integration removes itself (the search index's sync). */
const ownedFolders = ['search'];
/** Files a later integration writes on every build (host-headers.ts), so never stale. */
const writtenLater = ['_headers'];
/** Files another integration publishes without Astro knowing them, noted by it during this build (`notePublished`). */
const publishedBeside = new Set<string>();

/**
 * Notes output paths (`/`-separated, under the output folder) that an integration running before the sweep
 * publishes in this build, written or left as the previous site's same bytes (bulk-outputs.ts): the sweep keeps them.
 */
export function notePublished(paths: Iterable<string>): void {
  for (const path of paths) publishedBeside.add(path);
}

type PathArgument = fs.PathLike | fs.promises.FileHandle | number;

/** The path a write goes to, when it is a path under `root` (not a file descriptor or handle). */
function pathUnder(root: string, target: PathArgument): string | undefined {
  let path: string | undefined;
  if (typeof target === 'string') path = target;
  else if (target instanceof URL) path = fileURLToPath(target);
  else if (Buffer.isBuffer(target)) path = target.toString();
  return path !== undefined && (path === root || path.startsWith(`${root}/`)) ? path : undefined;
}

/** An open flag that writes: `w`, `a`, `r+` … (a numeric flag counts when it is not read-only). */
function writes(flags: fs.OpenMode | undefined): boolean {
  if (flags === undefined) return false;
  if (typeof flags === 'number') return (flags & (fs.constants.O_WRONLY | fs.constants.O_RDWR)) !== 0;
  return /[wa+]/.test(flags);
}

let installed: string | undefined;

/**
 * Wraps node:fs's writing functions so a write to a path under `root` first unlinks a file linked elsewhere
 * (the write then makes a new file). Named ESM imports of node:fs see the wrappers too (`syncBuiltinESMExports`).
 */
export function breakLinksOnWrite(root: string): void {
  if (installed === root) return;
  if (installed !== undefined) throw new Error(`in-place output: links are already guarded under ${installed}, not ${root}`);
  installed = root;
  const guard = (target: PathArgument) => {
    const path = pathUnder(root, target);
    if (path !== undefined) breakLinkBeforeWrite(path);
  };
  type Fn = (...args: never[]) => unknown;
  const wrap = (owner: object, name: string, guardArgs: (args: unknown[]) => void) => {
    const table = owner as Record<string, Fn>;
    const original = table[name];
    if (typeof original !== 'function') throw new Error(`in-place output: node:fs has no ${name} to guard`);
    table[name] = function (this: unknown, ...args: unknown[]) {
      guardArgs(args);
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as Fn;
  };
  const first = (args: unknown[]) => guard(args[0] as PathArgument);
  const second = (args: unknown[]) => guard(args[1] as PathArgument);
  const flagged = (position: number) => (args: unknown[]) => {
    const options = args[position];
    const flag = typeof options === 'object' && options !== null ? (options as { flags?: fs.OpenMode; flag?: fs.OpenMode }).flags ?? (options as { flag?: fs.OpenMode }).flag : options;
    if (writes(flag as fs.OpenMode | undefined)) guard(args[0] as PathArgument);
  };
  for (const name of ['writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'truncate', 'truncateSync']) wrap(fs, name, first);
  for (const name of ['writeFile', 'appendFile', 'truncate']) wrap(fs.promises, name, first);
  for (const name of ['copyFile', 'copyFileSync']) wrap(fs, name, second);
  wrap(fs.promises, 'copyFile', second);
  // A write stream's default flag is `w`.
  wrap(fs, 'createWriteStream', (args) => {
    const options = args[1];
    const flags = typeof options === 'object' && options !== null ? (options as { flags?: fs.OpenMode }).flags : undefined;
    if (flags === undefined || writes(flags)) guard(args[0] as PathArgument);
  });
  for (const name of ['open', 'openSync']) wrap(fs, name, flagged(1));
  wrap(fs.promises, 'open', flagged(1));
  syncBuiltinESMExports();
}

export function inPlaceOutput(): AstroIntegration {
  const active = inPlaceBuild();
  return {
    name: 'gongkai-in-place-output',
    hooks: {
      'astro:config:done': ({ config }) => {
        if (active) breakLinksOnWrite(fileURLToPath(config.outDir).replace(/\/$/, ''));
      },
      'astro:build:done': ({ dir, assets, logger }) => {
        if (!active) return;
        const root = fileURLToPath(dir).replace(/\/$/, '');
        // Every page and endpoint file this build published, rendered or kept from its cache.
        const published = new Set<string>([...writtenLater, ...publishedBeside]);
        for (const urls of assets.values()) for (const url of urls) published.add(outputPath(root, fileURLToPath(url)));
        try {
          const swept = sweepStaleOutput(root, (path) => published.has(path), ownedFolders);
          logger.info(`in place: ${swept.removed.length} file(s) the previous build published and this one does not removed in ${swept.seconds.toFixed(1)} s${swept.removed.length ? ` (${swept.removed.slice(0, 3).join(', ')}${swept.removed.length > 3 ? ' …' : ''})` : ''}`);
        } catch (error) {
          throw new Error(`gongkai-in-place-output: removing stale files from ${root} failed: ${(error as Error).message}`, { cause: error });
        }
      },
    },
  };
}
