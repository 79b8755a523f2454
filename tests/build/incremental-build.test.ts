/**
 * Publishing one change: a rebuild with the previous build's cache folder reuses unchanged pages and the
 * search work of unchanged documents, and publishes exactly what a cold build of the same content publishes —
 * byte for byte, so no page is stale and the search index is the same.
 *
 * Each build runs in a folder of its own with `--root` at the project, so it bundles into that folder and never
 * shares `.astro/.prerender/` with another build of the project running at the same time (docs/scale.md).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'gongkai-incremental-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
// The bundle Astro writes next to the output imports packages, resolved from the nearest node_modules up the tree.
symlinkSync(join(repo, 'node_modules'), join(work, 'node_modules'), 'dir');

function build(contentRoot: string, cacheDir: string, outDir: string): string {
  const result = spawnSync(join(repo, 'node_modules/.bin/astro'), ['build', '--root', repo, '--outDir', outDir], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, GONGKAI_CONTENT_ROOT: contentRoot, GONGKAI_CACHE_DIR: cacheDir, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' },
  });
  if (result.status !== 0) throw new Error(`astro build of ${contentRoot} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

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
  // shows that title); the other region's summary is untouched.
  const contentY = join(work, 'content-y');
  const contentX = join(work, 'content-x');
  cpSync(join(repo, 'tests/fixtures/site'), contentY, { recursive: true });
  cpSync(contentY, contentX, { recursive: true });
  edit(contentX, 'anhui/xuancheng/xuanzhou/2023-year-task-list.md', (text) => text.replace('title: 稳步提高城乡居民最低生活保障标准', 'title: 稳步提高城乡居民最低生活保障标准（修订）'));

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
    // The changed document is rendered again, and so is the summary that reports on the renamed task.
    expect(isReused('/documents/anhui/xuancheng/xuanzhou/2023-year-task-list/index.html')).toBe(false);
    expect(isReused('/documents/anhui/xuancheng/xuanzhou/2023-h2-summary/index.html')).toBe(false);
  });

  it('tokenises for the search index only the documents whose file changed', () => {
    expect(rebuildLog).toMatch(/\[search\] 4 documents reused from the cache, 1 tokenised, 1 no longer used dropped from it/);
  });
});
