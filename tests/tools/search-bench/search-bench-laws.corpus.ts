/** The search bench on the laws corpus itself (`npm run test:corpus`): 60 documents, every count verified. */
import { describe, it } from 'vitest';
import { runSearchBench } from './search-bench-run.ts';

describe('the search bench on the laws corpus', () => {
  it('builds, serves and queries 60 generated documents and ends with one JSON line', () => {
    runSearchBench({});
  }, 300_000);
});
