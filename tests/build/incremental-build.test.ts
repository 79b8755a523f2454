/**
 * Publishing one change: a rebuild with the previous build's cache folder reuses unchanged pages and the
 * search work of unchanged documents, and publishes exactly what a cold build of the same content publishes —
 * byte for byte, so no page is stale and the search index is the same; the shared-passage index parses only the
 * changed body (its sentences kept in the cache folder) and gives a cold build's marks.
 *
 * Each build runs through tools/site-build.ts, in a folder of its own, so it never shares `.astro/.prerender/`
 * with another build of the project running at the same time.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSiteOrThrow, contentRootWithDefinitions, repoRoot } from '../../tools/site-build.ts';

const work = mkdtempSync(join(tmpdir(), 'gongkai-incremental-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const build = (contentRoot: string, cacheDir: string, outDir: string): string => buildSiteOrThrow({ workDir: work, contentRoot, cacheDir, outDir }).stdout;

function filesOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => statSync(join(dir, file)).isFile())
    .sort();
}

function edit(root: string, file: string, change: (text: string) => string): void {
  const path = join(root, 'content/documents', file);
  const before = readFileSync(path, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`the edit of ${file} changed nothing: the fixture changed, update this test`);
  writeFileSync(path, after);
}

describe('a rebuild after one change', () => {
  // Y: the fixture. X: Y with a task's title changed in the task list (the summary that reports on the task
  // shows that title) and a figure of that summary corrected; the other region's summary is untouched.
  const contentY = join(work, 'content-y');
  const contentX = join(work, 'content-x');
  contentRootWithDefinitions(contentY, join(repoRoot, 'tests/fixtures/site'));
  // In Y a district re-publishes its city's target sentence (a shared passage on the city plan's page); in X it
  // writes its own, so the city plan's marks go while its own file is untouched.
  const sharedTarget = '到2025年，养老机构护理型床位占比达到55%，全市社会散居孤儿基本生活保障平均标准达到每人每月1500元。';
  const districtPlan = 'hunan/chenzhou/beihu/2021-2025-plan.md';
  mkdirSync(join(contentY, 'content/documents/hunan/chenzhou/beihu'), { recursive: true });
  writeFileSync(
    join(contentY, 'content/documents', districtPlan),
    ['---', 'title: 北湖区“十四五”民政事业发展规划（测试）', 'kind: plan', 'period: { year: 2021, half: null, end_year: 2025 }', 'publisher: 北湖区民政局', 'region: hunan/chenzhou/beihu', 'published: 2021-12-20', '---', '## 一、发展目标', '', sharedTarget, ''].join('\n'),
  );
  contentRootWithDefinitions(contentX, contentY);
  // And a figure corrected in the summary (value, quote and body; the task's evidence quotes that sentence): the
  // metric's page shows it, the other metrics' do not.
  edit(contentX, 'anhui/xuancheng/xuanzhou/2023-year-task-list.md', (text) =>
    text.replace('title: 稳步提高城乡居民最低生活保障标准', 'title: 稳步提高城乡居民最低生活保障标准（修订）').replace('quote: 自7月起城市最低生活保障标准提高至780元', 'quote: 自7月起城市最低生活保障标准提高至790元'),
  );
  edit(contentX, 'anhui/xuancheng/xuanzhou/2023-h2-summary.md', (text) => text.replaceAll('780', '790'));
  edit(contentX, districtPlan, (text) => text.replace(sharedTarget, '到2025年，全区新增社区嵌入式养老服务设施六处，覆盖全部街道。'));

  const cache = join(work, 'cache');
  build(contentY, cache, join(work, 'dist-y'));
  const rebuildLog = build(contentX, cache, join(work, 'dist-x-rebuild'));
  build(contentX, join(work, 'cache-cold'), join(work, 'dist-x-cold'));

  it('publishes the very bytes of a cold build of the changed content', () => {
    const rebuilt = join(work, 'dist-x-rebuild');
    const cold = join(work, 'dist-x-cold');
    expect(filesOf(rebuilt)).toEqual(filesOf(cold));
    const different = filesOf(cold).filter((file) => !readFileSync(join(rebuilt, file)).equals(readFileSync(join(cold, file))));
    expect(different).toEqual([]);
  });

  it('copies unchanged pages from the cache instead of rendering them again', () => {
    const reused = rebuildLog
      .split('\n')
      .map((line) => line.replace(/\u001b\[[0-9;]*m/g, '')) // Astro colours its log whatever FORCE_COLOR says
      .filter((line) => /\((restored|cached)\)/.test(line));
    const isReused = (path: string) => reused.some((line) => line.includes(` ${path} (`));
    // The other region's document and region pages show nothing that changed.
    expect(isReused('/documents/hunan/chenzhou/zixing/2023-h1-summary/index.html')).toBe(true);
    expect(isReused('/regions/hunan/chenzhou/zixing/index.html')).toBe(true);
    // A task's title is on no page of the publishing record; the district's own sentence ends the passage /reuse/ listed.
    for (const page of ['/disclosure/index.html', '/disclosure/anhui/index.html', '/disclosure/hunan/index.html']) expect(isReused(page), page).toBe(true);
    expect(isReused('/reuse/index.html')).toBe(false);
    // A metric's page is keyed by what it shows: the corrected figure's metric is rendered again, another is kept.
    expect(isReused('/metrics/dibao-urban/index.html')).toBe(false);
    expect(isReused('/metrics/orphan-allowance-dispersed/index.html')).toBe(true);
    // The changed document is rendered again, and so is the summary that reports on the renamed task.
    expect(isReused('/documents/anhui/xuancheng/xuanzhou/2023-year-task-list/index.html')).toBe(false);
    expect(isReused('/documents/anhui/xuancheng/xuanzhou/2023-h2-summary/index.html')).toBe(false);
  });

  it('parses for the shared passages only the bodies whose file changed, and drops the marks the change ends', () => {
    expect(rebuildLog).toMatch(/\[gongkai\] shared passages: .*, 3 of 6 bodies parsed \(3 kept from the last build\)/);
    const cityPlan = 'documents/hunan/chenzhou/2021-2025-plan/index.html';
    expect(readFileSync(join(work, 'dist-y', cityPlan), 'utf8')).toContain('data-shared-passage');
    expect(readFileSync(join(work, 'dist-x-rebuild', cityPlan), 'utf8')).not.toContain('data-shared-passage');
  });

  it('tokenises for the search index only the documents whose file changed', () => {
    expect(rebuildLog).toMatch(/\[search\] 3 documents reused from the cache, 3 tokenised, 3 no longer used dropped from it/);
  });
});
