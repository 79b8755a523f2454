/**
 * The benchmark's corpus generator: small corpora are valid content (the same validation a build runs), the
 * same seed gives the same files, and documents spread over provinces, years and kinds as a national site's do.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus, generateDocument, planCorpus, type GeneratedFile } from '../../../tools/corpus/generate.ts';
import { lawBlocks, type CorpusSources } from '../../../tools/corpus/text-sources.ts';
import { documentSources } from '../../../tools/corpus/write-corpus.ts';
import { readContentSources } from '../../../src/domain/content/read-content.ts';
import { splitFrontmatter } from '../../../src/domain/content/frontmatter.ts';
import { validateContent, type ContentSources } from '../../../src/domain/content/validate-content.ts';
import { renderDocumentBody } from '../../../src/domain/markdown/render-document.ts';
import { loadRegions, RegionIndex } from '../../../src/domain/regions.ts';
import type { DocumentFrontmatter } from '../../../src/schemas/document.ts';

const repo = resolve(import.meta.dirname, '../../..');
const regions = loadRegions();
const regionIndex = new RegionIndex(regions);

/** Two law-like texts in the corpus's format, so these tests need nothing outside the repository. */
const lawFixtures = [
  `# 社会救助暂行办法\n\n2014年2月21日 国务院令第649号\n\n<!-- INFO END -->\n\n## 第一章 总则\n\n第一条 为了加强社会救助，保障公民的基本生活，促进社会公平，维护社会和谐稳定，根据宪法，制定本办法。\n\n第二条 社会救助制度坚持托底线、救急难、可持续，与其他社会保障制度相衔接，社会救助水平与经济社会发展水平相适应。\n\n## 第二章 最低生活保障\n\n第九条 国家对共同生活的家庭成员人均收入低于当地最低生活保障标准，且符合当地最低生活保障家庭财产状况规定的家庭，给予最低生活保障。\n\n第十条 最低生活保障标准，由省、自治区、直辖市或者设区的市级人民政府按照当地居民生活必需的费用确定、公布，并根据当地经济社会发展水平和物价变动情况适时调整。<!-- FORCE BREAK -->`,
  `# 养老机构管理办法\n\n<!-- INFO END -->\n\n## 第一章 总则\n\n第一条 为了规范对养老机构的管理，促进养老服务健康发展，根据《中华人民共和国老年人权益保障法》和有关法律、行政法规，制定本办法。\n\n第二条 本办法所称养老机构是指依法办理登记，为老年人提供全日集中住宿和照料护理服务，床位数在10张以上的机构。\n\n| 项目 | 标准 |\n| --- | --- |\n| 护理型床位 | 不低于55% |`,
];

const fixtureSources: CorpusSources = {
  laws: lawFixtures.map((text, i) => ({ name: `law-${i}`, blocks: lawBlocks(text) })),
  documents: documentSources(repo),
};

const { metrics, topics } = readContentSources(repo);

function validate(files: GeneratedFile[]) {
  const sources: ContentSources = { documents: files.map((file) => ({ path: file.path, text: file.text })), metrics, topics };
  return validateContent(sources, regionIndex);
}

function generate(docs: number, seed: number, sources = fixtureSources): GeneratedFile[] {
  return [...generateCorpus(planCorpus({ docs, seed }, regions), sources)];
}

const frontmatterOf = (file: GeneratedFile) => splitFrontmatter(file.text).data as DocumentFrontmatter;

describe('the law texts a body is cut from', () => {
  it('leave out a block holding a character validation refuses (a GBK private-use character), so no corpus fails validation', () => {
    const law = `# 某条例\n\n<!-- INFO END -->\n\n第一条 完好的条文。\n\n第二条 含有\ue010字符的条文。\n`;
    expect(lawBlocks(law)).toEqual(['第一条 完好的条文。']);
  });
});

describe('the benchmark corpus', () => {
  const files = generate(400, 7);
  const result = validate(files);

  it('is valid content: validateContent finds no issue in 400 generated documents', () => {
    expect(result.issues).toEqual([]);
    expect(result.model.documents).toHaveLength(400);
  });

  it('is the same for the same seed and differs for another seed', () => {
    expect(generate(60, 7)).toEqual(files.slice(0, 60));
    expect(generate(60, 8).map((f) => f.text)).not.toEqual(files.slice(0, 60).map((f) => f.text));
  });

  it('makes document i the same whatever the corpus size', () => {
    const plan = planCorpus({ docs: 400, seed: 7 }, regions);
    expect(generateDocument(plan, 123, fixtureSources)).toEqual(files[123]);
  });

  it('spreads documents over all 31 provinces, counties, cities and provinces, every year 2009–2026 and every kind', () => {
    const docs = result.model.documents;
    const levels = new Set(docs.map((d) => regionIndex.bySlug.get(d.data.region)?.level));
    expect(new Set(docs.map((d) => d.data.region.split('/')[0])).size).toBe(31);
    expect(levels).toEqual(new Set(['province', 'city', 'county']));
    expect(new Set(docs.map((d) => d.data.region)).size).toBeGreaterThan(200);
    expect([...new Set(docs.map((d) => d.data.period.year))].sort()).toEqual(Array.from({ length: 18 }, (_, i) => 2009 + i));
    expect(new Set(docs.map((d) => d.data.kind))).toEqual(new Set(['plan', 'summary', 'task-list']));
    expect(new Set(docs.map((d) => d.data.period.half))).toEqual(new Set([null, 'H1', 'H2']));
  });

  it('gives documents figures of every metric and task lists tasks, some reported on by a summary with evidence', () => {
    const docs = result.model.documents;
    const stated = new Set(docs.flatMap((d) => d.data.metrics.map((m) => m.metric)));
    expect(stated).toEqual(new Set(metrics.map((d) => d.path.replace(/^content\/metrics\/|\.yaml$/g, ''))));
    const tasks = docs.flatMap((d) => d.data.tasks);
    expect(tasks.length).toBeGreaterThan(100);
    expect(new Set(tasks.map((t) => t.status))).toEqual(new Set(['done', 'in-progress', 'not-started', 'not-mentioned', 'awaiting-summary']));
    expect(tasks.filter((t) => t.evidence).length).toBeGreaterThan(20);
  });

  it('writes every figure’s quote into the body where the renderer can anchor it', () => {
    for (const doc of result.model.documents.slice(0, 150)) {
      const rendered = renderDocumentBody(doc.body, doc.data.metrics.map((m) => m.quote));
      expect(rendered.unmarkedQuotes, doc.id).toEqual([]);
    }
  });

  it('has bodies of realistic length, no raw HTML and no HTML comments', () => {
    const lengths = result.model.documents.map((d) => d.body.length).sort((a, b) => a - b);
    const median = lengths[Math.floor(lengths.length / 2)] ?? 0;
    expect(median).toBeGreaterThan(1000);
    expect(median).toBeLessThan(20000);
    for (const file of files) expect(file.text).not.toMatch(/<[a-z!/]/i);
  });

  it('keeps front matter to what authors write (no defaults spelled out, dates as YAML dates)', () => {
    const first = frontmatterOf(files[0] as GeneratedFile);
    expect(first.region).toMatch(/^[a-z0-9]+(\/[a-z0-9-]+)*$/);
    expect(files[0]?.path).toMatch(/^content\/documents\/.+\/20\d\d-(year|h1|h2)-(plan|summary|task-list)(-\d+)?\.md$/);
  });
});
