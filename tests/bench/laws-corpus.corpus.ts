/**
 * The benchmark's corpus generator on the real law texts (`npm run test:corpus`; not part of `npm test`,
 * which generates from the two law-like texts of corpus.test.ts): 200 documents are valid content.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus, planCorpus } from '../../src/domain/bench/corpus.ts';
import { lawsDir } from '../../src/domain/bench/laws-dir.ts';
import { readCorpusSources } from '../../src/domain/bench/write-corpus.ts';
import { validateContent } from '../../src/domain/content/validate-content.ts';
import { loadRegions, RegionIndex } from '../../src/domain/regions.ts';

const repo = resolve(import.meta.dirname, '../..');

function definitions(kind: 'metrics' | 'topics') {
  const dir = join(repo, 'content', kind);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => ({ path: `content/${kind}/${name}`, text: readFileSync(join(dir, name), 'utf8') }));
}

describe('the benchmark corpus from the real law texts', () => {
  it('is valid content at 200 documents', () => {
    const regions = loadRegions();
    const sources = readCorpusSources(lawsDir(repo), repo);
    expect(sources.laws.length).toBeGreaterThan(1000);
    const documents = [...generateCorpus(planCorpus({ docs: 200, seed: 1 }, regions), sources)];
    const result = validateContent({ documents, metrics: definitions('metrics'), topics: definitions('topics') }, new RegionIndex(regions));
    expect(result.issues).toEqual([]);
  });
});
