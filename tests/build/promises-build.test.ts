/**
 * Promises across years on a fixture site (tests/fixtures/promises-site: 余杭区's 2021 and 2022 plans and their
 * summaries): a task repeated in both plans shows its history on both pages and on /tasks/, a task of 2021
 * the 2022 plan does not take up is listed as not mentioned again, and the links are in task-links.csv; the
 * plans' target of new beds (200张, then 300张) is followed across both plans and to each year's summary figure
 * (180张, 300张) on all four pages and the metric's page, and in target-links.csv.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { checkLinks } from '../../tools/check-links.ts';
import { buildSite, contentRootWithDefinitions, repoRoot } from '../../tools/site-build.ts';

const work = mkdtempSync(join(tmpdir(), 'gongkai-promises-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const fixture = contentRootWithDefinitions(join(work, 'fixture'), join(repoRoot, 'tests/fixtures/promises-site'));
const outDir = join(work, 'dist');
const result = buildSite({ workDir: work, contentRoot: fixture, outDir, cacheDir: `${outDir}-cache` });
const read = (path: string) => readFileSync(join(outDir, path), 'utf8');
/** The page's text, tags dropped and white space collapsed, as a reader sees it. */
const text = (path: string) => read(path).replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');

const plan2021 = 'documents/zhejiang/hangzhou/yuhang/2021-year-plan/index.html';
const plan2022 = 'documents/zhejiang/hangzhou/yuhang/2022-year-plan/index.html';
const summary2021 = 'documents/zhejiang/hangzhou/yuhang/2021-year-summary/index.html';
const summary2022 = 'documents/zhejiang/hangzhou/yuhang/2022-year-summary/index.html';
const bedsMetric = 'metrics/new-elderly-care-beds/index.html';
const targetLine = '2021年目标 200 张 → 2021年总结报告 180 张（低于目标） → 2022年目标 300 张（目标提高） → 2022年总结报告 300 张（达到目标）';
const bedsLine = '提出 2021 → 再次提出 2022（目标由“全年新增养老床位200张”改为“全年新增养老床位300张”） → 总结称已完成 2022';

describe('a task repeated in two years’ plans', () => {
  it('builds', () => {
    expect(result.status, result.stderr).toBe(0);
  });

  it.each([plan2021, plan2022])('shows its history on %s, each step with its plan’s sentence', (page) => {
    const shown = text(page);
    expect(shown).toContain('任务的历年情况（2 项）');
    expect(shown).toContain(bedsLine);
    expect(shown).toContain('“全年新增养老床位200张，优先发展护理型床位。”');
    expect(shown).toContain('“继续增加养老床位供给，全年新增养老床位300张。”');
    expect(shown).toContain('提出 2021 → 再次提出 2022（目标表述未变） → 总结未提及');
  });

  it('links the task’s row to its history, and each step to the task’s row in its plan', () => {
    const html = read(plan2022);
    expect(html).toContain('<a href="#task-history-1-1">历年情况</a>');
    expect(html).toContain('id="task-history-1-1"');
    expect(html).toContain('href="/documents/zhejiang/hangzhou/yuhang/2021-year-plan/#task-1-1"');
    expect(read(plan2021)).toContain('href="/documents/zhejiang/hangzhou/yuhang/2022-year-plan/#task-1-1"');
  });

  it('links the task on its province’s task page to its history', () => {
    expect(read('tasks/zhejiang/index.html')).toContain('<a href="/documents/zhejiang/hangzhou/yuhang/2022-year-plan/#task-history-1-1">历年情况</a>');
  });

  it('is listed on /tasks/ under 多年提出的任务', () => {
    const shown = text('tasks/index.html');
    expect(shown).toContain('多年提出的任务（2 项）');
    expect(shown).toContain(bedsLine);
  });
});

describe('a task of 2021 the 2022 plan does not take up', () => {
  it('is listed on /tasks/ as not mentioned again by the later documents the site holds, and no other task is', () => {
    const html = read('tasks/index.html');
    expect(text('tasks/index.html')).toContain('后续文件未再提及的任务（1 项）');
    const dropped = [...html.matchAll(/data-dropped="([^"]+)"/g)].map((m) => m[1]);
    expect(dropped).toEqual(['zhejiang/hangzhou/yuhang/2021-year-plan#2-1']);
    expect(text('tasks/index.html')).toContain('建设未成年人保护工作站（浙江省 杭州市 余杭区 · 2021年 · 余杭区民政局2021年工作计划（测试））');
    expect(text('tasks/index.html')).toContain('本站收录的后续文件未再提及：余杭区民政局2022年工作计划（测试）');
  });
});

describe('a target raised across two plans, each year reported by its summary', () => {
  it.each([plan2021, summary2021, plan2022, summary2022])('shows the target’s history on %s, each figure with its quote', (page) => {
    const shown = text(page);
    expect(shown).toContain('目标的历年情况（1 项）');
    expect(shown).toContain(targetLine);
    for (const quote of ['全年新增养老床位200张', '全年新增养老床位180张', '全年新增养老床位300张']) expect(shown).toContain(`原文：“${quote}”`);
    expect(shown).toContain('是本站对两个原文数字的比较，不是文件的原话');
  });

  it('links each figure to its quote in its document, and marks the page’s own figure', () => {
    const html = read(summary2021);
    expect(html).toContain('id="target-history-new-elderly-care-beds-target"');
    expect(html).toMatch(/href="\/documents\/zhejiang\/hangzhou\/yuhang\/2021-year-plan\/#q-[^"]+"/);
    expect(html).toMatch(/href="\/documents\/zhejiang\/hangzhou\/yuhang\/2022-year-summary\/#q-[^"]+"/);
    expect(html.match(/aria-current="step"/g)).toHaveLength(1);
    expect(html).toContain('与同一机构其他年份计划、总结的对照见<a href="#target-history-heading">目标的历年情况</a>。');
  });

  it('is listed on the metric’s page under the bureau’s name', () => {
    const shown = text(bedsMetric);
    expect(shown).toContain('目标的历年情况（1 项）');
    expect(shown).toContain(`浙江省 杭州市 余杭区${targetLine}`);
  });
});

describe('the open data', () => {
  it('has a row per target link in target-links.csv: the next plan’s target and each summary’s figure', () => {
    const rows = read('data/target-links.csv').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(rows.slice(1).map((row) => row.split(',').slice(7, 10).join(','))).toEqual([
      'next-target,raised,zhejiang/hangzhou/yuhang/2021-year-plan',
      'report,below,zhejiang/hangzhou/yuhang/2021-year-plan',
      'report,reached,zhejiang/hangzhou/yuhang/2022-year-plan',
    ]);
    expect(rows[2]).toContain(',全年新增养老床位200张,');
    expect(rows[2]).toContain(',zhejiang/hangzhou/yuhang/2021-year-summary,2021,,,180,张,全年新增养老床位180张,');
    expect(text('data/index.html')).toContain('目标的历年情况 target-links.csv（3 行）');
  });

  it('has a row per confirmed link in task-links.csv, with both sentences', () => {
    const rows = read('data/task-links.csv').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toContain(',继续增加养老床位供给，全年新增养老床位300张。,全年新增养老床位200张，优先发展护理型床位。,');
    expect(text('data/index.html')).toContain('任务的历年延续 task-links.csv（2 行）');
  });

  it('has no broken internal link or #fragment', () => {
    expect(checkLinks(outDir).broken).toEqual([]);
  });

  it.each([plan2021, plan2022, summary2021, bedsMetric, 'tasks/index.html', 'data/index.html'])('%s is valid HTML by the project’s html-validate rules', async (file) => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const report = await validator.validateSource({ data: read(file), filename: join(repoRoot, 'dist', file), line: 1, column: 1, offset: 0 });
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
  });
});
