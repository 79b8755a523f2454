/**
 * Planted copies (`plantCopies`): the corpus the shared-passage check measures. The copies are where the plan
 * says, the corpus without the option is unchanged, and the detection of src/domain/reuse/ finds every planted
 * copy of a small corpus with no false claim (judged by tools/reuse-bench/check.ts, which shares no rule with it).
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus, planCorpus, plantedCopies } from '../../../tools/corpus/generate.ts';
import { lawBlocks, type CorpusSources } from '../../../tools/corpus/text-sources.ts';
import { documentSources } from '../../../tools/corpus/write-corpus.ts';
import { checkReuse } from '../../../tools/reuse-bench/check.ts';
import { splitFrontmatter } from '../../../src/domain/content/frontmatter.ts';
import { bodyTextRuns } from '../../../src/domain/markdown/render-document.ts';
import { loadRegions } from '../../../src/domain/regions.ts';
import { findSharedPassages } from '../../../src/domain/reuse/shared-passages.ts';

const repo = resolve(import.meta.dirname, '../../..');
const regions = loadRegions();
const law = `# 社会救助暂行办法\n\n<!-- INFO END -->\n\n## 第一章 总则\n\n第一条 为了加强社会救助，保障公民的基本生活，促进社会公平，维护社会和谐稳定，根据宪法，制定本办法。\n\n第二条 社会救助制度坚持托底线、救急难、可持续，与其他社会保障制度相衔接，社会救助水平与经济社会发展水平相适应。`;
const sources: CorpusSources = { laws: [{ name: 'law', blocks: lawBlocks(law) }], documents: documentSources(repo) };

describe('a corpus with planted copies', () => {
  const plan = planCorpus({ docs: 300, seed: 3, plantCopies: 10 }, regions);
  const files = [...generateCorpus(plan, sources)];
  const copies = plantedCopies(plan);

  it('re-publishes each planted paragraph in a document of another region, verbatim in both bodies', () => {
    expect(copies.length).toBeGreaterThan(10);
    const bodyOf = new Map(files.map((file) => [file.path.replace(/^content\/documents\/|\.md$/g, ''), splitFrontmatter(file.text).body]));
    for (const copy of copies) {
      expect(copy.source.split('/').slice(0, -1)).not.toEqual(copy.target.split('/').slice(0, -1));
      for (const sentence of copy.sentences) {
        expect(bodyOf.get(copy.source)).toContain(sentence);
        expect(bodyOf.get(copy.target)).toContain(sentence);
      }
    }
  });

  it('leaves the corpus without the option as it was', () => {
    const plain = [...generateCorpus(planCorpus({ docs: 30, seed: 3 }, regions), sources)];
    const plantedIds = new Set(copies.flatMap((c) => [c.source, c.target]));
    const same = files.slice(0, 30).filter((file) => !plantedIds.has(file.path.replace(/^content\/documents\/|\.md$/g, '')));
    expect(same.length).toBeGreaterThan(20);
    for (const file of same) expect(plain.find((p) => p.path === file.path)?.text).toBe(file.text);
  });

  it('is found in full by the detection, with no false claim', () => {
    const documents = files.map((file) => {
      const { data, body } = splitFrontmatter(file.text);
      const front = data as { region: string; metrics?: { quote: string }[] };
      return { id: file.path.replace(/^content\/documents\/|\.md$/g, ''), region: front.region, runs: bodyTextRuns(body), quotes: (front.metrics ?? []).map((m) => m.quote) };
    });
    const result = checkReuse(
      findSharedPassages(documents, (d) => documents[d]!),
      documents.map((doc) => doc.id),
      (d) => documents[d]!.runs.join(''),
      copies,
    );
    expect(result.missed).toEqual([]);
    expect(result.falseClaims).toEqual([]);
    expect(result.claims).toBeGreaterThan(0);
  });

  it('refuses a plantCopies that is not a whole number of at least 2', () => {
    expect(() => planCorpus({ docs: 10, seed: 1, plantCopies: 1 }, regions)).toThrow(/--plant-copies/);
  });
});
