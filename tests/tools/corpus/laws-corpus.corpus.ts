/**
 * The benchmark's corpus generator on the real law texts (`npm run test:corpus`; not part of `npm test`,
 * which generates from the two law-like texts of generate.test.ts): 200 documents are valid content.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus, planCorpus } from '../../../tools/corpus/generate.ts';
import { lawsDir } from '../../../tools/corpus/laws.ts';
import { readCorpusSources } from '../../../tools/corpus/write-corpus.ts';
import { readContentSources } from '../../../src/domain/content/read-content.ts';
import { validateContent } from '../../../src/domain/content/validate-content.ts';
import { loadRegions, RegionIndex } from '../../../src/domain/regions.ts';

const repo = resolve(import.meta.dirname, '../../..');


describe('the benchmark corpus from the real law texts', () => {
  it('is valid content at 200 documents', () => {
    const regions = loadRegions();
    const sources = readCorpusSources(lawsDir(repo), repo);
    expect(sources.laws.length).toBeGreaterThan(1000);
    const documents = [...generateCorpus(planCorpus({ docs: 200, seed: 1 }, regions), sources)];
    const { metrics, topics } = readContentSources(repo);
    const result = validateContent({ documents, metrics, topics }, new RegionIndex(regions));
    expect(result.issues).toEqual([]);
  });
});
