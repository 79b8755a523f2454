/**
 * Search quality on real text that ships with the repository (no corpus outside it is read): the seeds, the
 * 60 captured pages, the bundled documents and 300 documents generated from them, against the query set of
 * tests/fixtures/search/queries.txt, with truth by plain substring search. The same checks on the laws
 * corpus run with `npm run test:corpus` (quality-laws.corpus.ts).
 */
import { expect } from 'vitest';
import { GENERATED_DOCS, repositoryCorpus } from './corpus.ts';
import { describeSearchQuality } from './quality-suite.ts';

describeSearchQuality({
  name: `the seeds, the 60 real pages, the bundled documents and ${GENERATED_DOCS} generated documents`,
  load: repositoryCorpus,
  expectCorpus: (docs) => {
    const from = (prefix: string) => docs.filter((doc) => doc.id.startsWith(prefix)).length;
    expect(from('seeds/')).toBe(5);
    expect(from('pages/')).toBe(60);
    expect(from('documents/')).toBeGreaterThanOrEqual(6);
    expect(from('generated/')).toBe(GENERATED_DOCS);
  },
  minQueriesWithMatches: 60,
});
