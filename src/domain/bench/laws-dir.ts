/**
 * Where the laws corpus is: the one default for the benchmarks and the corpus tests. The corpus (3,475 legal
 * texts) is never copied into the project; `npm test` does not read it, only `npm run test:corpus` and the
 * benchmarks do. Node only.
 */
import { resolve } from 'node:path';

/** The default folder, relative to the repository: a `shared/` folder next to the checkout. */
export const defaultLawsDir = '../shared/corpus/laws';

/** `$GONGKAI_LAWS_DIR` when set, else `defaultLawsDir` next to `repoRoot`; always absolute. */
export function lawsDir(repoRoot: string, env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.GONGKAI_LAWS_DIR;
  return resolve(repoRoot, fromEnv !== undefined && fromEnv !== '' ? fromEnv : defaultLawsDir);
}
