/**
 * `npm run build` never leaves half a site: it builds beside the output folder and swaps the result in only
 * when the build succeeded, so after a failed build the previous `dist/` is still there byte for byte, and
 * the next good build replaces it (scripts/build.ts, src/domain/staged-output.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, contentRootWithDefinitions, repoRoot } from '../../tools/site-build.ts';

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
  });
});
