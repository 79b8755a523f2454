/** `npm run check` as a maintainer runs it: usage, refusals that name the path, every error, exit codes. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentRootWithDefinitions } from '../../tools/site-build.ts';

const repo = resolve(import.meta.dirname, '../..');
const node = join(repo, 'node_modules/.bin/node');
const work = mkdtempSync(join(tmpdir(), 'gongkai-check-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
// The fixture site's documents with the project's definitions, as the build tests use it.
const fixture = contentRootWithDefinitions(join(work, 'fixture'), join(repo, 'tests/fixtures/site'));

const run = (...args: string[]) => spawnSync(node, ['scripts/check.ts', ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, GONGKAI_ALLOW_EMPTY_CONTENT: undefined } });

describe('npm run check', () => {
  it('explains itself with --help and exits 0', () => {
    const result = run('--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: npm run check [-- [--format human|github|json] [--since <git ref>] <folder>]');
    expect(result.stdout).toContain('abbreviations.yaml');
    expect(result.stdout).not.toContain('content OK');
  });

  it('refuses a folder that does not exist, naming it, and exits 1', () => {
    const missing = join(work, 'nonexistent');
    const result = run(missing);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`check: ${missing} does not exist; expected the folder that holds content/ (content/documents/, content/metrics/, content/topics/), such as the project folder\n`);
  });

  it('refuses a folder with no content and exits 1', () => {
    const empty = join(work, 'empty');
    mkdirSync(empty);
    const result = run(empty);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`check: ${empty} holds no content/ folder`);
    expect(result.stdout).not.toContain('content OK');
  });

  it('refuses an unknown option or a second folder with usage, and exits 2', () => {
    for (const args of [['--fix'], ['a', 'b']]) {
      const result = run(...args);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('Usage: npm run check');
    }
  });

  it('passes the fixture site and says what it checked', () => {
    const result = run(fixture);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^content OK: \d+ documents, \d+ figures, \d+ tasks, 12 metrics, 12 topics \(\d+ ms\)\n$/);
  });

  it('reports what would fail the build — a quote across bold, a bad date, the abbreviations — and exits 1', () => {
    const broken = contentRootWithDefinitions(join(work, 'broken'), fixture);
    const file = join(broken, 'content/documents/anhui/xuancheng/xuanzhou/2023-h2-summary.md');
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace('published: 2024-01-15', 'published: 2024-01-32')
        .replace('quote: 城市最低生活保障标准提高至780元/月/人', 'quote: 城市最低生活保障标准提高至**780元/月/人')
        .replace('自7月起城市最低生活保障标准提高至780元/月/人', '自7月起城市最低生活保障标准提高至**780元/月/人**'),
    );
    writeFileSync(join(broken, 'content/search/abbreviations.yaml'), '- forms: [低保]\n');
    const result = run(broken);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatchSnapshot();
  });

  it('prints the same errors as GitHub annotations or JSON lines on stdout with --format, and exits 1', () => {
    const broken = contentRootWithDefinitions(join(work, 'broken-formats'), fixture);
    const path = 'content/documents/anhui/xuancheng/xuanzhou/2023-h2-summary.md';
    const text = readFileSync(join(broken, path), 'utf8').replace('published: 2024-01-15', 'published: 2024-01-32');
    writeFileSync(join(broken, path), text);
    // Where an editor shows the bad date: its line, and the column of the value.
    const line = text.split('\n').findIndex((l) => l.startsWith('published: ')) + 1;
    const column = 'published: '.length + 1;

    const github = run('--format', 'github', broken);
    expect(github.status).toBe(1);
    expect(github.stdout).toBe(`::error file=${path},line=${line},col=${column},title=content error%3A published::"2024-01-32" is not a real date%0A→ write the date as YYYY-MM-DD, e.g. 2023-08-28, as the source gives it\n`);

    const json = run('--format', 'json', broken);
    expect(json.status).toBe(1);
    expect(json.stdout.trimEnd().split('\n').map((l) => JSON.parse(l))).toEqual([
      { severity: 'error', file: path, line, column, field: 'published', value: '2024-01-32', message: '"2024-01-32" is not a real date', hint: 'write the date as YYYY-MM-DD, e.g. 2023-08-28, as the source gives it' },
    ]);

    const human = run(broken);
    expect(human.stderr).toContain(`  ✗ ${path}:${line}:${column} published: "2024-01-32" is not a real date\n`);
  });

  it('refuses an unknown --format with usage, and exits 2', () => {
    const result = run('--format', 'xml', fixture);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--format must be one of human, github, json, got "xml"');
  });

  it('reports a hidden document as an error and an editor’s leftover as a warning, naming each path', () => {
    const site = contentRootWithDefinitions(join(work, 'stray-files'), fixture);
    const folder = join(site, 'content/documents/anhui/xuancheng/xuanzhou');
    writeFileSync(join(folder, '.2022-year-plan.md'), readFileSync(join(folder, '2023-h2-summary.md')));
    writeFileSync(join(folder, '2023-h2-summary.md~'), readFileSync(join(folder, '2023-h2-summary.md')));
    const result = run(site);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('content/documents/anhui/xuancheng/xuanzhou/2023-h2-summary.md~\n  ! an editor’s or merge tool’s leftover');
    expect(result.stderr).toContain('1 content error in 1 file:\n\ncontent/documents/anhui/xuancheng/xuanzhou/.2022-year-plan.md\n  ✗ a hidden file');
  });

  it('passes content with only a warning, printing it, and exits 0', () => {
    const site = contentRootWithDefinitions(join(work, 'clutter'), fixture);
    writeFileSync(join(site, 'content/documents/.DS_Store'), '\0');
    const result = run(site);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain('1 content warning in 1 file:\n\ncontent/documents/.DS_Store');
    expect(result.stdout).toMatch(/^content OK: /);
  });

  it('refuses an empty content/documents/ unless GONGKAI_ALLOW_EMPTY_CONTENT=1 asks for an empty site', () => {
    const empty = contentRootWithDefinitions(join(work, 'no-documents'), undefined);
    mkdirSync(join(empty, 'content/documents'));
    const refused = run(empty);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('content/documents/\n  ✗ holds no documents, so the site would be published empty');
    const allowed = spawnSync(node, ['scripts/check.ts', empty], { cwd: repo, encoding: 'utf8', env: { ...process.env, GONGKAI_ALLOW_EMPTY_CONTENT: '1' } });
    expect(allowed.status, allowed.stderr).toBe(0);
    expect(allowed.stdout).toMatch(/^content OK: 0 documents/);
  });
});
