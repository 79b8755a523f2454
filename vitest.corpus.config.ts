import { defineConfig } from 'vitest/config';

/**
 * `npm run test:corpus`: the tests that read the laws corpus outside the repository (`*.corpus.ts`), kept out
 * of `npm test`. The global setup fails the run with a clear message when the corpus is absent.
 */
export default defineConfig({
  test: {
    name: 'corpus',
    include: ['tests/**/*.corpus.ts'],
    globalSetup: ['tests/corpus-setup.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
