/**
 * `npm run check -- --since <ref>`: corrections on the record, against a git repository the test makes in a
 * temporary folder (init, commit, change, commit) from the fixture site.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentRootWithDefinitions } from '../../tools/site-build.ts';

const repo = resolve(import.meta.dirname, '../..');
const node = join(repo, 'node_modules/.bin/node');
const work = mkdtempSync(join(tmpdir(), 'gongkai-since-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const summary = 'content/documents/anhui/xuancheng/xuanzhou/2023-h2-summary.md';
const taskList = 'content/documents/anhui/xuancheng/xuanzhou/2023-year-task-list.md';

const check = (root: string, ...args: string[]) => spawnSync(node, ['scripts/check.ts', ...args, root], { cwd: repo, encoding: 'utf8', env: { ...process.env, GONGKAI_ALLOW_EMPTY_CONTENT: undefined } });

function git(root: string, ...args: string[]): void {
  const result = spawnSync('git', ['-C', root, '-c', 'user.name=gongkai test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
}

/** A repository with the fixture site committed once (HEAD~1), then `change` applied and committed (HEAD). */
function repository(name: string, change: (root: string) => void): string {
  const root = contentRootWithDefinitions(join(work, name), join(repo, 'tests/fixtures/site'));
  git(root, 'init', '--quiet');
  git(root, 'add', '.');
  git(root, 'commit', '--quiet', '-m', 'published');
  change(root);
  git(root, 'add', '--all', '.');
  git(root, 'commit', '--quiet', '--allow-empty', '-m', 'change');
  return root;
}

const edit = (root: string, path: string, change: (text: string) => string) => writeFileSync(join(root, path), change(readFileSync(join(root, path), 'utf8')));

/** The published standard corrected from 780 to 790 in the summary (figure, quote, body), and in the evidence the task list cites from it. */
function correctFigure(root: string): void {
  edit(root, summary, (text) => text.replaceAll('780元/月/人', '790元/月/人').replace('value: 780', 'value: 790'));
  edit(root, taskList, (text) => text.replace('quote: 自7月起城市最低生活保障标准提高至780元/月/人', 'quote: 自7月起城市最低生活保障标准提高至790元/月/人'));
}

describe('npm run check -- --since', () => {
  it('fails on a figure changed without a changes entry, naming the field at its line, and passes once one is added', () => {
    const root = repository('figure', correctFigure);
    const refused = check(root, '--since', 'HEAD~1');
    expect(refused.status, refused.stderr).toBe(1);
    const text = readFileSync(join(root, summary), 'utf8');
    const line = text.split('\n').findIndex((l) => l.includes('value: 790')) + 1;
    expect(refused.stderr).toContain(`✗ ${summary}:${line}:12 metrics[0].value: changed since HEAD~1 (was 780) without a new \`changes\` entry`);
    expect(refused.stderr).toContain('metrics[0].quote: changed since HEAD~1');
    expect(refused.stderr).toContain('the body text changed since HEAD~1');
    // The task list's evidence quote follows the summary: it is no figure, date or body text of its own.
    expect(refused.stderr).not.toContain(taskList);

    edit(root, summary, (t) => t.replace('topics: [social-assistance]\n', 'topics: [social-assistance]\nchanges:\n  - { date: 2024-03-02, note: 更正城市低保标准：原录入780元有误，原文为790元 }\n'));
    const passed = check(root, '--since', 'HEAD~1');
    expect(passed.status, passed.stderr).toBe(0);
  });

  it('fails on a removed document without a tombstone, and passes with one in content/withdrawn.yaml', () => {
    const root = repository('removed', (r) => {
      unlinkSync(join(r, taskList));
    });
    const refused = check(root, '--since', 'HEAD~1');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`${taskList}\n  ✗ was published at HEAD~1 and is gone now: its address /documents/anhui/xuancheng/xuanzhou/2023-year-task-list/ would turn into a 404`);

    writeFileSync(join(root, 'content/withdrawn.yaml'), '- id: anhui/xuancheng/xuanzhou/2023-year-task-list\n  title: 宣州区民政局2023年重点工作任务清单\n  date: 2024-03-02\n  reason: 与发布机构核对后撤回\n');
    const passed = check(root, '--since', 'HEAD~1');
    expect(passed.status, passed.stderr).toBe(0);
  });

  it('refuses a ref the repository does not have, saying so, and exits 2', () => {
    const root = repository('unknown-ref', () => {});
    const result = check(root, '--since', 'no-such-branch');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('check: --since no-such-branch: no such commit, branch or tag in this repository');
  });

  it('refuses a folder outside any git repository, and exits 2', () => {
    const root = contentRootWithDefinitions(mkdtempSync(join(tmpdir(), 'gongkai-nogit-')), join(repo, 'tests/fixtures/site'));
    try {
      const result = check(root, '--since', 'HEAD~1');
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('is not in a git repository');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
