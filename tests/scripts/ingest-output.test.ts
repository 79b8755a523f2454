import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repo, seedFiles, seedsDir } from '../domain/ingest/helpers.ts';

/** Runs `npm run ingest` with a time limit, so a hang (the old `--out /proc/x` spin) fails instead of blocking. */
function run(dir: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [join(repo, 'scripts', 'ingest.ts'), ...args], { cwd: repo, encoding: 'utf8', timeout: 60_000 });
  const hide = (text: string) => text.replaceAll(dir, '<tmp>');
  return { status: result.status, stdout: hide(result.stdout), stderr: hide(result.stderr) };
}

/** Two copies of one page: two drafts of one run with the same destination. */
function twoCopies() {
  const dir = mkdtempSync(join(tmpdir(), 'ingest-output-'));
  copyFileSync(join(seedsDir, seedFiles.jintan), join(dir, 'a.txt'));
  copyFileSync(join(seedsDir, seedFiles.jintan), join(dir, 'b.txt'));
  return { dir, a: join(dir, 'a.txt'), b: join(dir, 'b.txt'), folder: join(dir, 'out', 'documents', 'jiangsu', 'changzhou', 'jintan') };
}

describe('npm run ingest never loses a draft', () => {
  it('gives the second of two drafts with one destination the name -2 and says why', () => {
    const { dir, a, b, folder } = twoCopies();
    const { status, stdout } = run(dir, '--out', join(dir, 'out'), a, b);
    expect(status).toBe(0);
    expect(readdirSync(folder).sort()).toEqual(['2017-h1-summary-2.md', '2017-h1-summary.md']);
    expect(stdout).toContain('2017-h1-summary-2.md [written]');
    expect(stdout.split('\n').filter((line) => line.includes('- named '))).toMatchInlineSnapshot(`
      [
        "    - named documents/jiangsu/changzhou/jintan/2017-h1-summary-2.md: another draft of this run goes to documents/jiangsu/changzhou/jintan/2017-h1-summary.md",
      ]
    `);
  });

  it('with --force replaces the file from before the run but never the draft this run wrote a moment earlier', () => {
    const { dir, a, b, folder } = twoCopies();
    run(dir, '--out', join(dir, 'out'), a);
    writeFileSync(join(folder, '2017-h1-summary.md'), 'from an earlier run');
    const { status } = run(dir, '--force', '--out', join(dir, 'out'), a, b);
    expect(status).toBe(0);
    expect(readdirSync(folder).sort()).toEqual(['2017-h1-summary-2.md', '2017-h1-summary.md']);
    for (const name of readdirSync(folder)) expect(readFileSync(join(folder, name), 'utf8')).toMatch(/^---\ntitle: 金坛区2017年上半年民政工作总结/);
  });

  it('without --force keeps a file from before the run and still writes the second draft under -2', () => {
    const { dir, a, b, folder } = twoCopies();
    run(dir, '--out', join(dir, 'out'), a);
    writeFileSync(join(folder, '2017-h1-summary.md'), 'reviewed by a maintainer');
    const { status, stdout } = run(dir, '--out', join(dir, 'out'), a, b);
    expect(status).toBe(0);
    expect(readFileSync(join(folder, '2017-h1-summary.md'), 'utf8')).toBe('reviewed by a maintainer');
    expect(stdout).toContain('2017-h1-summary.md [exists, not overwritten (use --force)]');
    expect(stdout).toContain('2017-h1-summary-2.md [written]');
  });
});

describe('npm run ingest names every file-system error and goes on', () => {
  it('reports --out onto a file with the path and the reason, for each draft, and exits 1', () => {
    const { dir, a } = twoCopies();
    writeFileSync(join(dir, 'a-file'), '');
    const { status, stderr } = run(dir, '--out', join(dir, 'a-file'), a, join('tests', 'fixtures', 'seeds', seedFiles.shanghai));
    expect(status).toBe(1);
    expect(stderr.split('\n').filter((line) => line.includes('not written'))).toMatchInlineSnapshot(`
      [
        "[1/2] not written <tmp>/a.txt (document 1): cannot use folder <tmp>/a-file: it is a file, not a folder (give --out a folder) (ENOTDIR)",
        "[2/2] not written tests/fixtures/seeds/003_e509f48140f8a9e1.txt (document 1): cannot use folder <tmp>/a-file: it is a file, not a folder (give --out a folder) (ENOTDIR)",
        "2 drafts not written (file-system errors above)",
      ]
    `);
  });

  it('reports --out /proc/x at once instead of spinning, and still writes nothing else wrong', () => {
    const { dir, a } = twoCopies();
    const started = Date.now();
    const { status, stderr } = run(dir, '--out', '/proc/x', a);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(status).toBe(1);
    expect(stderr).toContain('not written <tmp>/a.txt (document 1): cannot create folder /proc/x: the system does not allow a folder there (ENOENT)');
  });
});

describe('npm run ingest with damaged bytes', () => {
  function damagedCopy() {
    const dir = mkdtempSync(join(tmpdir(), 'ingest-damaged-'));
    const bytes = Buffer.from(readFileSync(join(seedsDir, seedFiles.jintan), 'utf8'), 'utf8');
    bytes[bytes.indexOf(Buffer.from('民政', 'utf8'))] = 0xff;
    writeFileSync(join(dir, 'damaged.txt'), bytes);
    copyFileSync(join(seedsDir, seedFiles.shanghai), join(dir, 'good.txt'));
    return dir;
  }

  it('refuses the damaged file with the byte offset and line, and still ingests the good one', () => {
    const dir = damagedCopy();
    const { status, stdout, stderr } = run(dir, '--json', join(dir, 'damaged.txt'), join(dir, 'good.txt'));
    expect(status).toBe(1);
    expect(stderr.split('\n').filter((line) => line.includes('refused'))).toMatchInlineSnapshot(`
      [
        "[1/2] refused <tmp>/damaged.txt: damaged UTF-8 text: 1 invalid byte sequence at byte 14 (line 1): 0xFF 0xB0 0x91. Copy or save the page again, or ingest it with --allow-damaged to mark each damaged span 〖无法解码的字节 …〗 in the draft",
        "1 of 2 files refused",
      ]
    `);
    expect(JSON.parse(stdout)).toHaveLength(1);
  });

  it('with --allow-damaged drafts it with the span marked, lists it in the report, and keeps --json clean', () => {
    const dir = damagedCopy();
    const { status, stdout, stderr } = run(dir, '--json', '--allow-damaged', join(dir, 'damaged.txt'));
    expect(status).toBe(0);
    const [draft] = JSON.parse(stdout) as { body: string }[];
    expect(draft?.body).toContain('〖无法解码的字节 FF B0 91〗');
    expect(draft?.body).not.toMatch(/\ufffd/);
    expect(stderr).toMatchInlineSnapshot(`
      "<tmp>/damaged.txt: 1 damaged byte sequence marked 〖无法解码的字节 …〗 (--allow-damaged): byte 14 (line 1): 0xFF 0xB0 0x91
      "
    `);
  });
});
