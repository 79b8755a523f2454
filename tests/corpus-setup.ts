/**
 * Global setup of `npm run test:corpus` (vitest.corpus.config.ts): the laws corpus must be there. When it is
 * not, say where it was looked for and how to point at it, and fail the run (never pass on nothing).
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { lawsDir } from '../tools/corpus/laws.ts';

export default function checkLawsCorpus(): void {
  const dir = lawsDir(resolve(import.meta.dirname, '..'));
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new Error(
      `npm run test:corpus: the laws corpus is absent: no folder at ${dir}.\n` +
        'These tests read the 3,475 legal texts of the shared corpus, which is kept outside the repository. Put it next to ' +
        'the checkout (../shared/corpus/laws) or set GONGKAI_LAWS_DIR to its folder. `npm test` does not need it.',
    );
  }
  console.log(`test:corpus: laws corpus at ${dir}`);
}
