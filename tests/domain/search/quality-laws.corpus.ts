/**
 * Search quality on the laws corpus (`npm run test:corpus`; not part of `npm test`): the seeds plus every
 * 11th of the 3,475 legal texts at `$GONGKAI_LAWS_DIR` (default ../shared/corpus/laws), read in place.
 * Fails with what to do when the corpus is missing (tests/corpus-setup.ts says so before any test runs).
 */
import { expect } from 'vitest';
import { lawsCorpus } from './corpus.ts';
import { describeSearchQuality } from './quality-suite.ts';

describeSearchQuality({
  name: 'the seeds and 316 laws texts',
  load: () => lawsCorpus(),
  expectCorpus: (docs) => {
    expect(docs.filter((doc) => doc.id.startsWith('seeds/'))).toHaveLength(5);
    expect(docs.filter((doc) => doc.id.startsWith('laws/')).length).toBeGreaterThanOrEqual(300);
  },
  minQueriesWithMatches: 60,
});
