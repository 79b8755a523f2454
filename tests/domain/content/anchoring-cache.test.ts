/**
 * Quote anchoring's answers kept across builds (src/domain/content/anchoring-cache.ts): a build over the same
 * content reports the very issues a build without the cache reports, parses no body again, and a change to a body,
 * to the quotes another document cites from it, or to the code that marks them is checked afresh — a kept answer
 * never stands for content or code it was not computed from.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { anchoringCode, openAnchoringCache } from '../../../src/domain/content/anchoring-cache.ts';
import { validateContent } from '../../../src/domain/content/validate-content.ts';
import { loadRegions, RegionIndex } from '../../../src/domain/regions.ts';
import { importClosure, repoRoot } from '../../import-graph.ts';
import { documentText, sources, validFrontmatter } from './fixtures.ts';

const regions = new RegionIndex(loadRegions());
const listed = (file: string) => anchoringCode.some((entry) => (entry.endsWith('/') ? file.startsWith(entry) : file === entry));

const summaryPath = 'content/documents/hunan/chenzhou/zixing/2023-h1-summary.md';
const listPath = 'content/documents/hunan/chenzhou/zixing/2023-year-task-list.md';
/** A summary and a task list citing it; `evidence` is the quote the list's task cites from the summary. */
function content(evidence: string, body = '## 一、社会救助\n\n城市低保A类由500元/月.人提高至550元/月.人。\n') {
  const task = { id: '1-1', group: '一、重点工作', title: '提高低保标准', status: 'done', evidence: { document: 'hunan/chenzhou/zixing/2023-h1-summary', quote: evidence } };
  const list = { title: '资兴市2023年重点工作任务清单', kind: 'task-list', period: { year: 2023, half: null }, region: 'hunan/chenzhou/zixing', tasks: [task] };
  return sources({ [summaryPath]: documentText(validFrontmatter(), body), [listPath]: documentText(list, '任务清单见下表。\n') });
}
// The evidence starts inside the figure's quote and runs on: the page cannot mark both.
const crossing = '提高至550元/月.人。';
const inside = '城市低保A类由500元/月.人';

describe('the kept quote-anchoring answers', () => {
  const root = mkdtempSync(join(tmpdir(), 'gongkai-anchoring-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const file = join(root, 'cache', 'gongkai-content', 'quote-anchoring.json');
  const build = (sourcesOfBuild: ReturnType<typeof content>, projectRoot = repoRoot, at = file) => {
    const cache = openAnchoringCache(at, projectRoot);
    const { issues } = validateContent(sourcesOfBuild, regions, { unmarkedQuotes: cache.unmarked });
    return { issues, ...cache.save() };
  };

  it('covers every module the marking code imports', () => {
    const closure = importClosure('src/domain/markdown/render-document.ts');
    expect(closure).toContain('src/domain/anchors.ts');
    expect(closure.filter((path) => !listed(path))).toEqual([]);
    expect(listed('src/domain/content/anchoring-cache.ts')).toBe(true);
  });

  it('reports on a second build what it reported on the first, and what validation without it reports, parsing nothing again', () => {
    const plain = validateContent(content(crossing), regions).issues;
    expect(plain.map((issue) => issue.field)).toEqual(['tasks[0].evidence.quote']);
    const first = build(content(crossing));
    expect(first).toMatchObject({ reused: 0, computed: 1 });
    expect(first.issues).toEqual(plain);
    const second = build(content(crossing));
    expect(second).toMatchObject({ reused: 1, computed: 0 });
    expect(second.issues).toEqual(plain);
  });

  it('checks a body afresh when another document changes the quote it cites from it', () => {
    const fixed = build(content(inside));
    expect(fixed).toMatchObject({ reused: 0, computed: 1 });
    expect(fixed.issues).toEqual([]);
    // And back: the answer for the crossing quote is not kept any more (only the last build's answers are).
    const broken = build(content(crossing));
    expect(broken).toMatchObject({ reused: 0, computed: 1 });
    expect(broken.issues.map((issue) => issue.field)).toEqual(['tasks[0].evidence.quote']);
  });

  it('checks a body afresh when the body changes', () => {
    build(content(inside));
    const bold = build(content(inside, '## 一、社会救助\n\n城市低保A类由500元/月.人提高至**550元/月.人**。\n'));
    expect(bold).toMatchObject({ reused: 0, computed: 1 });
    // The figure's quote now crosses the bold: reported although the last build's answer for the body said none.
    expect(bold.issues.map((issue) => issue.field)).toContain('metrics[0].quote');
  });

  it('starts afresh when the marking code changes, and over a file it cannot read', () => {
    const project = join(root, 'project');
    for (const entry of anchoringCode) cpSync(join(repoRoot, entry), join(project, entry), { recursive: true });
    const copy = join(root, 'copy.json');
    expect(build(content(crossing), project, copy)).toMatchObject({ reused: 0, computed: 1 });
    expect(build(content(crossing), project, copy)).toMatchObject({ reused: 1, computed: 0 });
    writeFileSync(join(project, 'src/domain/markdown/render-document.ts'), '\n// an edit\n', { flag: 'a' });
    expect(build(content(crossing), project, copy)).toMatchObject({ reused: 0, computed: 1 });
    writeFileSync(copy, '{"version":');
    expect(build(content(crossing), project, copy)).toMatchObject({ reused: 0, computed: 1 });
    expect(JSON.parse(readFileSync(copy, 'utf8')).answers).toBeTypeOf('object');
  });
});
