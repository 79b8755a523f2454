/**
 * `npm run build -- --in-place`: the staging folder starts as hard links to the published site, the build
 * replaces only what changed and removes what it no longer publishes. What must hold: the published bytes equal
 * a cold build's (file list and every byte), a removed document's page is gone, unchanged files are the very
 * files of the previous site (never rewritten), and no write of the rebuild reaches the previous site through a
 * link — checked with a second set of links to the previous site's files, taken before the rebuild, whose bytes
 * must not move whatever the rebuild does.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { linkPreviousOutput } from '../../src/domain/in-place-output.ts';
import { buildSite, buildSiteOrThrow, contentRootWithDefinitions, repoRoot } from '../../tools/site-build.ts';

const work = mkdtempSync(join(tmpdir(), 'gongkai-in-place-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function filesOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => statSync(join(dir, file)).isFile())
    .sort();
}

function treeHash(dir: string): string {
  const hash = createHash('sha256');
  for (const file of filesOf(dir)) hash.update(file).update('\0').update(readFileSync(join(dir, file))).update('\0');
  return hash.digest('hex');
}

const taskList = 'anhui/xuancheng/xuanzhou/2023-year-task-list.md';

describe('a rebuild in place after one change and one removal', () => {
  const contentY = contentRootWithDefinitions(join(work, 'content-y'), join(repoRoot, 'tests/fixtures/site'));
  const contentX = contentRootWithDefinitions(join(work, 'content-x'), contentY);
  // X: a task's title changed (its task list and the summary reporting on it change), one document removed.
  const edited = join(contentX, 'content/documents', taskList);
  writeFileSync(edited, readFileSync(edited, 'utf8').replace('title: 稳步提高城乡居民最低生活保障标准', 'title: 稳步提高城乡居民最低生活保障标准（修订）'));
  const removed = 'anhui/2024-year-notice';
  unlinkSync(join(contentX, 'content/documents', `${removed}.md`));
  const removedPage = `documents/${removed}/index.html`;

  const outDir = join(work, 'site', 'dist');
  const cache = join(work, 'cache');
  const run = (contentRoot: string) => buildSite({ workDir: join(work, 'run'), contentRoot, cacheDir: cache, outDir, viaBuildScript: true, inPlace: true });

  const first = run(contentY);
  const before = first.ok ? treeHash(outDir) : '';
  const firstHadRemovedPage = existsSync(join(outDir, removedPage));
  // Chart CSVs are written beside the pages, not by Astro (src/integrations/bulk-outputs.ts): the sweep must still find the stale ones.
  const firstCsvs = first.ok ? filesOf(outDir).filter((file) => file.endsWith('.csv')) : [];
  // The previous site's files, linked once more: a write into any of them through the rebuild's links shows here.
  const witness = join(work, 'witness');
  if (first.ok) linkPreviousOutput(outDir, witness, []);
  const keptPage = 'documents/hunan/chenzhou/zixing/2023-h1-summary/index.html';
  const keptInode = first.ok ? statSync(join(outDir, keptPage)).ino : 0;
  // A chart CSV of a region neither change touches: the bulk outputs find its bytes unchanged and leave it.
  const keptCsv = firstCsvs.find((file) => file.startsWith('regions/hunan/')) ?? '';
  const keptCsvInode = keptCsv ? statSync(join(outDir, keptCsv)).ino : 0;

  const rebuild = run(contentX);
  const cold = join(work, 'cold', 'dist');
  buildSiteOrThrow({ workDir: join(work, 'run'), contentRoot: contentX, cacheDir: join(work, 'cache-cold'), outDir: cold });

  it('builds the first site through the same path (no previous site: a fresh build)', () => {
    expect(first.ok, first.stdout + first.stderr).toBe(true);
    expect(first.stdout).toContain('--in-place: there is no');
    expect(firstHadRemovedPage).toBe(true);
  });

  it('publishes the very bytes of a cold build of the changed content, and nothing else', () => {
    expect(rebuild.ok, rebuild.stdout + rebuild.stderr).toBe(true);
    expect(filesOf(outDir)).toEqual(filesOf(cold));
    const different = filesOf(cold).filter((file) => !readFileSync(join(outDir, file)).equals(readFileSync(join(cold, file))));
    expect(different).toEqual([]);
  });

  it('removes the page of the removed document', () => {
    expect(existsSync(join(outDir, removedPage))).toBe(false);
    expect(rebuild.stdout).toMatch(/in place: [1-9]\d* file\(s\) the previous build published and this one does not removed/);
  });

  it('removes the chart CSVs the removed document made, and keeps every other', () => {
    const coldCsvs = filesOf(cold).filter((file) => file.endsWith('.csv'));
    const stale = firstCsvs.filter((file) => !coldCsvs.includes(file));
    expect(stale.some((file) => file.startsWith('regions/anhui/'))).toBe(true);
    for (const file of stale) expect(existsSync(join(outDir, file)), file).toBe(false);
    expect(filesOf(outDir).filter((file) => file.endsWith('.csv'))).toEqual(coldCsvs);
  });

  it('never writes into a file of the previous site: its linked witness keeps every byte', () => {
    expect(treeHash(witness)).toBe(before);
  });

  it('leaves an unchanged page as the very file of the previous site, and rewrites only the search files that changed', () => {
    expect(statSync(join(outDir, keptPage)).ino).toBe(keptInode);
    const line = rebuild.stdout.match(/\[search\] in place: (\d+) files written, (\d+) unchanged/);
    expect(line, rebuild.stdout).not.toBeNull();
    expect(Number(line![2])).toBeGreaterThan(0);
    expect(rebuild.stdout).toMatch(/unchanged kept their forms/);
  });

  it('leaves a chart CSV whose bytes did not change as the very file of the previous site, and says how many', () => {
    expect(keptCsv).not.toBe('');
    expect(statSync(join(outDir, keptCsv)).ino).toBe(keptCsvInode);
    expect(rebuild.stdout).toMatch(/\[bulk\] \d+ files .* in place, [1-9]\d* held the same bytes and were left as they were/);
  });

  it('leaves nothing beside the output folder', () => {
    expect(readdirSync(dirname(outDir))).toEqual(['dist']);
  });
});

describe('a failed rebuild in place', () => {
  const content = contentRootWithDefinitions(join(work, 'content-f'), join(repoRoot, 'tests/fixtures/site'));
  const outDir = join(work, 'site-f', 'dist');
  const run = () => buildSite({ workDir: join(work, 'run-f'), contentRoot: content, cacheDir: join(work, 'cache-f'), outDir, viaBuildScript: true, inPlace: true });
  const first = run();
  const before = first.ok ? treeHash(outDir) : '';
  const document = join(content, 'content/documents', taskList);
  writeFileSync(document, readFileSync(document, 'utf8').replace(/^title: .*$/m, 'title: 123'));
  const failed = run();

  it('keeps the previous site byte for byte and removes the linked staging folder', () => {
    expect(first.ok, first.stdout + first.stderr).toBe(true);
    expect(failed.ok).toBe(false);
    expect(failed.stderr).toContain(`${outDir} is unchanged`);
    expect(treeHash(outDir)).toBe(before);
    expect(readdirSync(dirname(outDir))).toEqual(['dist']);
  });
});
