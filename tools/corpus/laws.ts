/**
 * The laws corpus: where it is, and its files. The corpus (3,475 legal texts in Markdown) lives outside the
 * repository and is never copied into it; `npm test` does not read it, only the benchmarks and
 * `npm run test:corpus` do. The one default for its folder and the one walk over it. Node only.
 */
import { readdirSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

/** The default folder, relative to the repository: a `shared/` folder next to the checkout. */
export const defaultLawsDir = '../shared/corpus/laws';

/** `$GONGKAI_LAWS_DIR` when set, else `defaultLawsDir` next to `repoRoot`; always absolute. */
export function lawsDir(repoRoot: string, env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.GONGKAI_LAWS_DIR;
  return resolve(repoRoot, fromEnv !== undefined && fromEnv !== '' ? fromEnv : defaultLawsDir);
}

/**
 * The Markdown files under `dir`, as sorted paths relative to it with `/` separators, so a seed picks the
 * same texts on every machine. Throws (from readdirSync) when the folder is missing.
 */
export function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}
