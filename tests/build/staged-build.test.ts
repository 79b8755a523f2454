/**
 * `npm run build` never leaves half a site: it builds beside the output folder and swaps the result in only
 * when the build succeeded, so after a failed build the previous `dist/` is still there byte for byte, and
 * the next good build replaces it (scripts/build.ts, src/domain/staged-output.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, contentRootWithDefinitions, linkNodeModules, repoRoot, siteBuildCommand, type SiteBuild } from '../../tools/site-build.ts';

const work = mkdtempSync(join(tmpdir(), 'gongkai-staged-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** One hash over every file's path and bytes. */
function treeHash(dir: string): string {
  const hash = createHash('sha256');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => statSync(join(dir, file)).isFile())
    .sort();
  for (const file of files) hash.update(file).update('\0').update(readFileSync(join(dir, file))).update('\0');
  return hash.digest('hex');
}

/** Whether the build started at `since` has begun to change `dir`: emptied it, or written a file in it. */
function touchedSince(dir: string, since: number): boolean {
  try {
    if (!existsSync(join(dir, 'index.html'))) return true;
    return readdirSync(dir, { recursive: true, encoding: 'utf8' }).some((file) => statSync(join(dir, file)).mtimeMs > since);
  } catch {
    return true; // a file or folder removed while we looked: the build is emptying the folder
  }
}

/**
 * Starts `build` and kills it (its whole process group, as a cancelled CI job or the OOM killer would) once
 * the build has begun writing into `watched`: the moment its output is half made.
 */
async function killMidway(build: SiteBuild, watched: string): Promise<void> {
  const since = Date.now();
  linkNodeModules(build.workDir);
  const { command, args, cwd, env } = siteBuildCommand(build);
  const child = spawn(command, args, { cwd, env, detached: true, stdio: 'ignore' });
  const exited = new Promise<void>((done) => child.on('exit', () => done()));
  const deadline = Date.now() + 120_000;
  while (!(existsSync(watched) && touchedSince(watched, since)) && Date.now() < deadline) await new Promise((wait) => setTimeout(wait, 20));
  process.kill(-child.pid!, 'SIGKILL');
  await exited;
}

/** Each test below runs two or three whole site builds: on a loaded 2-core machine that passes the default minute. */
const threeBuilds = 240_000;

describe('npm run build killed midway', () => {
  const contentRoot = contentRootWithDefinitions(join(work, 'killed-content'), join(repoRoot, 'tests/fixtures/site'));
  const site = (name: string) => join(work, name, 'dist');
  const options = (outDir: string, viaBuildScript: boolean): SiteBuild => ({ workDir: join(work, 'run'), contentRoot, cacheDir: join(work, 'killed-cache'), outDir, viaBuildScript });

  it('without staging, a build killed midway leaves half a site where the last good one was (the case of issue 14)', async () => {
    const outDir = site('direct');
    expect(buildSite(options(outDir, false)).ok).toBe(true);
    const good = treeHash(outDir);
    await killMidway(options(outDir, false), outDir);
    expect(existsSync(outDir) ? treeHash(outDir) : 'missing').not.toBe(good);
  }, threeBuilds);

  it('through npm run build, the last good site stays byte for byte, and the next build cleans up and publishes', async () => {
    const outDir = site('staged');
    expect(buildSite(options(outDir, true)).ok).toBe(true);
    const good = treeHash(outDir);
    await killMidway(options(outDir, true), join(dirname(outDir), '.dist.building'));
    expect(treeHash(outDir)).toBe(good);
    const next = buildSite(options(outDir, true));
    expect(next.ok, next.stdout + next.stderr).toBe(true);
    expect(readdirSync(dirname(outDir))).toEqual(['dist']);
  }, threeBuilds);
});

describe('npm run build with a failing build in between', () => {
  const contentRoot = contentRootWithDefinitions(join(work, 'content-root'), join(repoRoot, 'tests/fixtures/site'));
  const outDir = join(work, 'site', 'dist');
  const run = () => buildSite({ workDir: join(work, 'run'), contentRoot, cacheDir: join(work, 'cache'), outDir, viaBuildScript: true });
  const document = join(contentRoot, 'content/documents/anhui/xuancheng/xuanzhou/2023-year-task-list.md');
  const original = readFileSync(document, 'utf8');

  const first = run();
  const goodHash = first.ok ? treeHash(outDir) : '';

  writeFileSync(document, original.replace(/^title: .*$/m, 'title: 123'));
  const failed = run();
  const afterFailure = existsSync(outDir) ? treeHash(outDir) : 'missing';
  const leftovers = readdirSync(dirname(outDir));

  writeFileSync(document, original.replace(/^title: (.*)$/m, 'title: $1（修订）'));
  const second = run();
  const fixedPage = second.ok ? readFileSync(join(outDir, 'documents/anhui/xuancheng/xuanzhou/2023-year-task-list/index.html'), 'utf8') : '';

  it('publishes a good build into the output folder', () => {
    expect(first.ok, first.stdout + first.stderr).toBe(true);
    expect(existsSync(join(outDir, 'index.html'))).toBe(true);
  });

  it('keeps the previous site byte for byte when a build fails, and says so', () => {
    expect(failed.ok).toBe(false);
    expect(failed.stderr).toContain('title');
    expect(failed.stderr).toContain(`${outDir} is unchanged`);
    expect(afterFailure).toBe(goodHash);
    expect(leftovers).toEqual(['dist']);
  });

  it('replaces the site with the next good build', () => {
    expect(second.ok, second.stdout + second.stderr).toBe(true);
    expect(fixedPage).toContain('（修订）');
    expect(readdirSync(dirname(outDir))).toEqual(['dist']);
  }, threeBuilds);
});
