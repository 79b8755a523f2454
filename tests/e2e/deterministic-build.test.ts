/**
 * The same commit builds the same bytes: two clean builds of the project's files, copied into two different
 * directories (neither is the working tree, so no cache is shared) and built in different time zones and
 * locales, give byte-identical dist/ folders —
 * every page, asset, feed, data file and the search index. Nothing may depend on the time, the directory, a
 * random id or the order files happen to be read in.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSiteOrThrow, linkNodeModules } from '../../tools/site-build.ts';

const repo = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'gongkai-determinism-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The project's files as a clean clone has them: tracked, plus new files not ignored (work in progress). */
function projectFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repo, encoding: 'utf8' });
  return listed.split('\0').filter((file) => file && existsSync(join(repo, file)));
}

function copyProject(to: string): void {
  for (const file of projectFiles()) {
    mkdirSync(dirname(join(to, file)), { recursive: true });
    cpSync(join(repo, file), join(to, file));
  }
  linkNodeModules(to);
}

/** Builds in `root`, in the given time zone and locale, with a cache of its own. */
function build(root: string, machine: { TZ: string; LANG: string }): string {
  // The copy is the project, built in its own folder; each build its own cache (the shared node_modules must
  // not carry one build's cache into the other); the copy's own content/.
  const outDir = join(root, 'dist');
  buildSiteOrThrow({ workDir: root, project: root, outDir, cacheDir: join(root, '.cache'), env: { ...machine, LC_ALL: undefined, GONGKAI_E2E_DIST: undefined } });
  return outDir;
}

function filesOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => statSync(join(dir, file)).isFile())
    .sort();
}

/** Where two files first differ, with a little context, for the failure message. */
function firstDifference(a: Buffer, b: Buffer): string {
  let at = 0;
  while (at < a.length && at < b.length && a[at] === b[at]) at++;
  const around = (buffer: Buffer) => JSON.stringify(buffer.subarray(Math.max(0, at - 40), at + 40).toString('utf8'));
  return `byte ${at}: ${around(a)} vs ${around(b)}`;
}

describe('two clean builds of the same files', () => {
  it('give byte-identical dist/ folders, from two different directories, time zones and locales', { timeout: 600_000 }, () => {
    const first = join(work, 'a');
    const second = join(work, 'a-much-longer-directory-name', 'nested', 'b');
    copyProject(first);
    copyProject(second);
    // Far-apart time zones (UTC and UTC+14: a different calendar day for 14 hours of every day) and different
    // locales, so a build date or locale-dependent sorting or formatting shows up as a difference.
    const distA = build(first, { TZ: 'UTC', LANG: 'C.UTF-8' });
    const distB = build(second, { TZ: 'Pacific/Kiritimati', LANG: 'zh_CN.UTF-8' });

    const filesA = filesOf(distA);
    const filesB = filesOf(distB);
    expect(filesA.length).toBeGreaterThan(10);
    expect(filesB).toEqual(filesA);
    const different: string[] = [];
    for (const file of filesA) {
      const a = readFileSync(join(distA, file));
      const b = readFileSync(join(distB, file));
      if (!a.equals(b)) different.push(`${file}: ${firstDifference(a, b)}`);
    }
    expect(different).toEqual([]);
    console.log(`determinism: ${filesA.length} files in dist/, identical in both builds`);
  });
});
