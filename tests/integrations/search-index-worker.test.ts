/**
 * The search index built beside the pages, in a worker thread: the same bytes as built in the build's own
 * thread, the kept documents still reused on the next build, each file's compressed forms written beside it when
 * asked, and a bad document still reported with its file.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { isPrecompressed } from '../../src/domain/precompress.ts';
import { listDocumentIds, documentPathOf } from '../../src/domain/content/document-files.ts';
import { searchLogLines, startSearchIndexWorker, writeSearchIndex, type SearchIndexJob } from '../../src/integrations/search-index.ts';
import { contentRootWithDefinitions, repoRoot } from '../../tools/site-build.ts';

/** Every file under `dir`, path → bytes. */
function filesOf(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) files.set(join(entry.parentPath, entry.name).slice(dir.length), readFileSync(join(entry.parentPath, entry.name)));
  }
  return files;
}

describe('the search index in a worker thread', () => {
  const root = mkdtempSync(join(tmpdir(), 'gongkai-search-worker-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  // Three of the bundled documents, with the project's definitions beside them.
  const contentRoot = contentRootWithDefinitions(join(root, 'content-root'), undefined);
  const ids = listDocumentIds(repoRoot).slice(0, 3);
  for (const id of ids) {
    const target = join(contentRoot, documentPathOf(id));
    mkdirSync(dirname(target), { recursive: true });
    cpSync(join(repoRoot, documentPathOf(id)), target);
  }
  const job = (name: string): SearchIndexJob => ({ projectRoot: repoRoot, contentRoot, cacheDir: join(root, name, 'cache'), indexDir: join(root, name, 'search'), precompress: false });
  const warnings: string[] = [];

  it('writes the very bytes the build’s own thread writes, and reports the same figures', async () => {
    const inline = await writeSearchIndex(job('inline'), (message) => warnings.push(message));
    const threaded = await startSearchIndexWorker(job('worker'), (message) => warnings.push(message));
    const files = filesOf(job('worker').indexDir);
    expect(files.size).toBe(inline.files);
    expect(files).toEqual(filesOf(job('inline').indexDir));
    expect({ ...threaded, seconds: 0 }).toEqual({ ...inline, seconds: 0 });
    expect(threaded).toMatchObject({ documents: 3, kept: { reused: 0 } });
    expect(warnings).toEqual([]);
  });

  it('reuses the documents it kept in the cache folder on the next build, and says so in the same words', async () => {
    const again = { ...job('worker'), indexDir: join(root, 'worker-again', 'search') };
    const report = await startSearchIndexWorker(again, () => {});
    expect(report.kept?.reused).toBe(3);
    expect(filesOf(again.indexDir)).toEqual(filesOf(job('inline').indexDir));
    expect(searchLogLines(report)[1]).toMatch(/^\[search\] 3 documents reused from the cache, 0 tokenised \(kept: \d+ MiB\)$/);
  });

  it('writes each index file worth it with its .br and .gz beside it, as the data files get them, and counts them', async () => {
    const report = await startSearchIndexWorker({ ...job('precompressed'), precompress: true }, () => {});
    const files = filesOf(job('precompressed').indexDir);
    const plain = filesOf(job('inline').indexDir);
    // The index itself is unchanged; the rest are the compressed forms of its files, decompressing to them.
    expect(new Map([...files].filter(([path]) => !/\.(br|gz)$/.test(path)))).toEqual(plain);
    const siblings = [...files.keys()].filter((path) => /\.(br|gz)$/.test(path));
    expect(siblings.length).toBeGreaterThan(0);
    for (const path of siblings) {
      const original = plain.get(path.replace(/\.(br|gz)$/, ''));
      expect(original, path).toBeDefined();
      expect(isPrecompressed(`search${path.replace(/\.(br|gz)$/, '')}`, original!.length), path).toBe(true);
      const decompressed = path.endsWith('.br') ? brotliDecompressSync(files.get(path)!) : gunzipSync(files.get(path)!);
      expect(decompressed.equals(original!), path).toBe(true);
    }
    expect(report.precompressed).toMatchObject({ brFiles: siblings.filter((path) => path.endsWith('.br')).length, gzFiles: siblings.filter((path) => path.endsWith('.gz')).length });
    expect(searchLogLines(report).at(-1)).toMatch(/^\[search\] \d+ files precompressed \(\d+ KB\): \d+ \.br \(\d+ KB\), \d+ \.gz \(\d+ KB\), as they were written$/);
  });

  it('takes the compressed forms of unchanged index files from the cache folder on the next build: the same bytes, not compressed again', async () => {
    const first = job('precompressed');
    const again = { ...first, indexDir: join(root, 'precompressed-again', 'search'), precompress: true };
    const report = await startSearchIndexWorker(again, () => {});
    expect(filesOf(again.indexDir)).toEqual(filesOf(first.indexDir));
    expect(report.precompressedFromCache).toBe(report.precompressed?.files);
    expect(report.precompressed?.files).toBeGreaterThan(0);
    expect(searchLogLines(report).at(-1)).toMatch(/, as they were written \(\d+ of them compressed by an earlier build, taken from the cache\)$/);
  });

  it('compresses afresh the index files a changed document changes, and writes what a cold build writes', async () => {
    const changed = contentRootWithDefinitions(join(root, 'changed-root'), undefined);
    for (const id of ids) {
      const target = join(changed, documentPathOf(id));
      mkdirSync(dirname(target), { recursive: true });
      cpSync(join(repoRoot, documentPathOf(id)), target);
    }
    const file = join(changed, documentPathOf(ids[1] as string));
    writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\n\n本文于今日更新，低保标准另行公布。\n`);
    const rebuilt = { ...job('precompressed'), contentRoot: changed, indexDir: join(root, 'precompressed-changed', 'search'), precompress: true };
    const cold = { ...rebuilt, cacheDir: join(root, 'changed-cold', 'cache'), indexDir: join(root, 'changed-cold', 'search') };
    const report = await startSearchIndexWorker(rebuilt, () => {});
    await startSearchIndexWorker(cold, () => {});
    expect(filesOf(rebuilt.indexDir)).toEqual(filesOf(cold.indexDir));
    expect(report.precompressedFromCache).toBeGreaterThan(0);
    expect(report.precompressedFromCache).toBeLessThan(report.precompressed?.files ?? 0);
  });

  it('reports a document that turned invalid with its file and the field, as the build’s own thread does', async () => {
    const file = join(contentRoot, documentPathOf(ids[0] as string));
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^kind: .*$/m, 'kind: memo'));
    const failed = startSearchIndexWorker(job('broken'), () => {});
    await expect(failed).rejects.toThrow(/^Building the search index failed: content\/documents\/.+\.md is not a valid document[\s\S]*kind/);
    const threadError = await failed.then(() => undefined, (error: Error) => error);
    await expect(writeSearchIndex(job('broken-inline'), () => {})).rejects.toThrow(threadError?.message ?? 'the worker should have failed');
  });
});
