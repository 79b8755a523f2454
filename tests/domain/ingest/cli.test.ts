import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir, repo, seedFiles, seedsDir } from './helpers.ts';

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [join(repo, 'scripts', 'ingest.ts'), ...args], { cwd: repo, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const seed = (name: string) => join(seedsDir, name);
const allSeeds = Object.values(seedFiles).map(seed);

describe('npm run ingest', () => {
  it('prints only a JSON array of {frontmatter, body, dropped} with --json, one element per document', () => {
    const { status, stdout } = run('--json', ...allSeeds);
    expect(status).toBe(0);
    const drafts = JSON.parse(stdout) as { frontmatter: Record<string, unknown>; body: string; dropped: unknown[] }[];
    expect(drafts).toHaveLength(6);
    for (const draft of drafts) expect(Object.keys(draft)).toEqual(['frontmatter', 'body', 'dropped']);
    expect(drafts.map((draft) => draft.frontmatter.region)).toEqual(['shanghai/shanghai/chongming', 'jiangsu/changzhou/jintan', 'hunan/chenzhou/zixing', 'liaoning/shenyang/huanggu', 'shanghai', 'anhui/xuancheng/xuanzhou']);
    expect(drafts[2]?.dropped[0]).toEqual({ reason: 'run of bare dates (site navigation)', text: '2022-12-09' });
  });

  it('writes drafts under --out and reports where each went', () => {
    const out = mkdtempSync(join(tmpdir(), 'ingest-cli-'));
    const { status, stdout } = run('--out', out, seed(seedFiles.zixingHuanggu));
    expect(status).toBe(0);
    expect(existsSync(join(out, 'documents/hunan/chenzhou/zixing/2023-h1-summary.md'))).toBe(true);
    expect(existsSync(join(out, 'documents/liaoning/shenyang/huanggu/2023-h1-summary.md'))).toBe(true);
    expect(stdout).toContain('lines 12–33: duplicate of lines 34–53');
    expect(stdout).toContain('[written]');
  });

  it('does not overwrite an existing draft without --force, and does with it', () => {
    const out = mkdtempSync(join(tmpdir(), 'ingest-cli-'));
    const file = join(out, 'documents/jiangsu/changzhou/jintan/2017-h1-summary.md');
    run('--out', out, seed(seedFiles.jintan));
    writeFileSync(file, 'reviewed by a maintainer');
    expect(run('--out', out, seed(seedFiles.jintan)).stdout).toContain('exists, not overwritten (use --force)');
    expect(readFileSync(file, 'utf8')).toBe('reviewed by a maintainer');
    expect(run('--out', out, '--force', seed(seedFiles.jintan)).stdout).toContain('overwritten (--force)');
    expect(readFileSync(file, 'utf8')).toMatch(/^---\ntitle: 金坛区2017年上半年民政工作总结/);
  });

  it('writes nothing with --dry-run', () => {
    const out = mkdtempSync(join(tmpdir(), 'ingest-cli-'));
    const { status, stdout } = run('--dry-run', '--out', out, seed(seedFiles.shanghai));
    expect(status).toBe(0);
    expect(stdout).toContain('[dry run, not written]');
    expect(existsSync(join(out, 'documents'))).toBe(false);
  });

  it('refuses empty, binary, missing and directory inputs by name, still processes the others, and exits non-zero', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ingest-cli-'));
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    mkdirSync(join(dir, 'folder'));
    const { status, stdout, stderr } = run('--json', join(dir, 'empty.txt'), join(dir, 'image.png'), join(dir, 'missing.txt'), join(dir, 'folder'), seed(seedFiles.jintan));
    expect(status).toBe(1);
    expect(stderr).toContain(`refused ${join(dir, 'empty.txt')}: the file is empty`);
    expect(stderr).toContain(`refused ${join(dir, 'image.png')}: binary file`);
    expect(stderr).toContain(`refused ${join(dir, 'missing.txt')}: cannot read it: no such file`);
    expect(stderr).toContain(`refused ${join(dir, 'folder')}: it is a directory, not a file`);
    expect(stderr).toContain('4 of 5 files refused');
    expect(JSON.parse(stdout)).toHaveLength(1);
  });

  it('refuses a copy that holds no document text, only metadata and boilerplate', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ingest-cli-'));
    writeFileSync(join(dir, 'header.txt'), '索引号:\n发布机构:\n推荐度:\n');
    const { status, stderr } = run('--dry-run', join(dir, 'header.txt'));
    expect(status).toBe(1);
    expect(stderr).toContain(`refused ${join(dir, 'header.txt')}: no document text: every line is metadata or site boilerplate`);
  });

  it('reads a saved .html page and records --url as source.url, refusing --url with two files', () => {
    const { status, stdout, stderr } = run('--json', '--url', 'https://www.xuanzhou.gov.cn/x.html', join(fixturesDir, 'ingest', 'html', 'trs-editor.html'));
    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(JSON.parse(stdout)[0].frontmatter.source).toEqual({ url: 'https://www.xuanzhou.gov.cn/x.html' });
    expect(run('--url', 'https://a.gov.cn/', seed(seedFiles.jintan), seed(seedFiles.shanghai)).status).toBe(2);
  });

  it('prints its usage with --help', () => {
    const { status, stdout } = run('--help');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^usage: npm run ingest -- \[options\] FILE/);
  });

  it('exits with 2 and the usage when given no file', () => {
    const { status, stderr } = run();
    expect(status).toBe(2);
    expect(stderr).toContain('no input files');
  });

  it('shows progress on stderr with --progress, a line per phase, and none without it when stderr is not a terminal', () => {
    const shown = run('--progress', '--json', seed(seedFiles.jintan));
    expect(shown.status).toBe(0);
    const lines = shown.stderr.split('\n').filter((line) => line.startsWith('[ingest]'));
    expect(lines[0]).toMatch(/^\[ingest\] .*001_75658eb5f92ffc05\.txt: 0\.0 MB, \d+ lines · read · /);
    expect(lines.some((line) => line.includes('finding passages pasted twice'))).toBe(true);
    expect(lines.at(-1)).toMatch(/· 1 document in \d+\.\d s$/);
    expect(lines.length).toBeLessThanOrEqual(8);
    expect(JSON.parse(shown.stdout)).toHaveLength(1);
    expect(run('--json', seed(seedFiles.jintan)).stderr).not.toContain('[ingest]');
    expect(run('--no-progress', '--json', seed(seedFiles.jintan)).stderr).not.toContain('[ingest]');
  });
});
