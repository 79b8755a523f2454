/** `npm run tasks:suggest` as a maintainer runs it: help, JSON, YAML, and clear errors for wrong input. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '../..');
const node = join(repo, 'node_modules/.bin/node');
const work = mkdtempSync(join(tmpdir(), 'gongkai-tasks-suggest-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const run = (...args: string[]) => spawnSync(node, ['scripts/tasks-suggest.ts', ...args], { cwd: repo, encoding: 'utf8' });

const taskList = 'content/documents/anhui/xuancheng/xuanzhou/2023-year-task-list.md';
const summaryDir = join(work, 'content/documents/anhui/xuancheng/xuanzhou');
const summary = join(summaryDir, '2023-year-summary.md');
mkdirSync(summaryDir, { recursive: true });
writeFileSync(
  summary,
  ['---', 'title: "宣州区民政局2023年工作总结"', 'kind: summary', 'period: { year: 2023, half: null }', 'region: anhui/xuancheng/xuanzhou', '---', '', '城市最低生活保障标准提高至780元/月/人、农村最低生活保障标准提高至755元/月/人,已从7月份执行。', '', '全面完成552户特殊困难老年人家庭适老化改造任务。', ''].join('\n'),
);

describe('npm run tasks:suggest', () => {
  it('explains itself with --help', () => {
    const result = run('--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: npm run tasks:suggest -- <task-list file> <summary file>');
    for (const flag of ['--json', '--top', '--threshold', '--region', '--write', '--root', '--help']) expect(result.stdout).toContain(flag);
  });

  it('prints each task’s best sentences with scores, a suggested status and YAML to paste', () => {
    const result = run(taskList, summary);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/\[2-2\] 稳步提高城乡居民最低生活保障标准\n {2}now: awaiting-summary · suggested: done/);
    expect(result.stdout).toMatch(/\n {2}0\.\d{3} {2}城市最低生活保障标准提高至780元/);
    expect(result.stdout).toContain('      document: "anhui/xuancheng/xuanzhou/2023-year-summary"');
    expect(result.stdout).toContain('32 tasks:');
  });

  it('prints JSON with --json', () => {
    const result = run('--json', '--top', '1', taskList, summary);
    const parsed = JSON.parse(result.stdout) as { summary: string; suggestions: { task: { id: string }; matches: unknown[]; suggestedStatus: string }[] };
    expect(parsed.summary).toBe('anhui/xuancheng/xuanzhou/2023-year-summary');
    expect(parsed.suggestions).toHaveLength(32);
    expect(parsed.suggestions.every((s) => s.matches.length === 1)).toBe(true);
    expect(parsed.suggestions.find((s) => s.task.id === '3-12')!.suggestedStatus).toBe('done');
  });

  it('says which file is missing', () => {
    const result = run(taskList, join(work, 'nope.md'));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`tasks:suggest: summary file not found: ${join(work, 'nope.md')}`);
  });

  it('refuses a first file that lists no tasks', () => {
    const result = run(summary, summary);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('is not a task list: its front matter has no tasks: (kind: summary)');
  });

  it('reports every error of the task list’s tasks in the content report, not only the first', () => {
    const broken = join(work, 'broken-task-list.md');
    writeFileSync(
      broken,
      ['---', 'title: 清单', 'kind: task-list', 'period: { year: 2023, half: null }', 'region: anhui/xuancheng/xuanzhou', 'tasks:', "  - { id: '1-1', group: 一, title: 提高低保标准, status: finished }", "  - { id: '1 2', group: 一, title: '', status: done, evidence: { document: x } }", '---', '正文', ''].join('\n'),
    );
    const result = run(broken, summary);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.replaceAll(work, '<tmp>')).toMatchSnapshot();
  });

  it('refuses a wrong number of files or a bad option value with usage', () => {
    expect(run(taskList).status).toBe(2);
    expect(run('--threshold', '2', taskList, summary).stderr).toContain('--threshold must be a score between 0 and 1');
  });
});

describe('npm run tasks:suggest -- --region', () => {
  // The fixture's 2022 plan with its two confirmed links taken out: what a maintainer has before linking.
  const root = join(work, 'region');
  const plan2022 = join(root, 'content/documents/zhejiang/hangzhou/yuhang/2022-year-plan.md');
  cpSync(resolve(repo, 'tests/fixtures/promises-site/content'), join(root, 'content'), { recursive: true });
  const unlinked = readFileSync(plan2022, 'utf8').replace(/ {4}continues:\n( {6}.*\n){4}/g, '');
  writeFileSync(plan2022, unlinked);
  const region = (...args: string[]) => run('--region', 'zhejiang/hangzhou/yuhang', '--root', root, ...args);

  it('proposes each 2022 task the 2021 plan set out, with both plans’ sentences, and names the 2021 task nothing takes up', () => {
    const result = region();
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('zhejiang/hangzhou/yuhang/2021-year-plan (2021) → zhejiang/hangzhou/yuhang/2022-year-plan (2022)');
    expect(result.stdout).toMatch(/\[1-1\] 增加养老床位供给 ← \[1-1\] 增加养老床位供给 {2}\(score 1\.000\)\n {6}goal: “全年新增养老床位200张” → “全年新增养老床位300张”/);
    expect(result.stdout).toContain('2021: “（一）增加养老床位供给。全年新增养老床位200张，优先发展护理型床位。”');
    expect(result.stdout).toContain('2022: “（一）继续增加养老床位供给，全年新增养老床位300张。”');
    expect(result.stdout).toContain('same metric new-elderly-care-beds: 2021 200 张 (target) → 2022 300 张 (target)');
    expect(result.stdout).not.toMatch(/\[2-1\] 开展困难群众冬春救助 ←/);
    expect(result.stdout).toMatch(/is proposed for[^\n]*\n {4}\[2-1\] 建设未成年人保护工作站/);
    expect(readFileSync(plan2022, 'utf8')).toBe(unlinked);
  });

  it('writes the proposals into the later plan only with --write, each under the marker npm run check rejects', () => {
    const result = region('--write');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain('wrote 2 proposed links into');
    const written = readFileSync(plan2022, 'utf8');
    expect(written.match(/# tasks:suggest proposal, unconfirmed/g)).toHaveLength(2);
    expect(written).toContain('      earlier_quote: "（一）增加养老床位供给。全年新增养老床位200张，优先发展护理型床位。"\n');
    // Everything else of the file is as it was.
    expect(written.replace(/ {4}# tasks:suggest proposal.*\n {4}continues:\n( {6}.*\n){4}/g, '')).toBe(unlinked);
    for (const dir of ['metrics', 'topics', 'search']) cpSync(join(repo, 'content', dir), join(root, 'content', dir), { recursive: true });
    const check = spawnSync(node, ['scripts/check.ts', root], { cwd: repo, encoding: 'utf8' });
    expect(check.status).toBe(1);
    expect(check.stderr).toContain('2022-year-plan.md:24:5 a proposed task link is not confirmed yet');
    // Confirming is deleting the marker lines: then the content is valid.
    writeFileSync(plan2022, written.replace(/ {4}# tasks:suggest proposal.*\n/g, ''));
    const confirmed = spawnSync(node, ['scripts/check.ts', root], { cwd: repo, encoding: 'utf8' });
    expect(confirmed.status, confirmed.stderr).toBe(0);
    expect(region().stdout).toContain('already linked in content: 1-1, 1-2');
  });

  it('refuses files beside --region, and --write without it', () => {
    expect(region(taskList).status).toBe(2);
    expect(run('--write', taskList, summary).stderr).toContain('--write and --root go with --region');
  });
});
