/**
 * The chart CSVs and data files written beside the pages, in a worker thread, from the content files: the same bytes as written in
 * the build's own thread, every file named in the report, and a file that turned invalid reported with its name.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startBulkOutputsWorker, writeBulkOutputs, type BulkOutputsJob } from '../../src/integrations/bulk-outputs.ts';
import { contentRootWithDefinitions, repoRoot } from '../../tools/site-build.ts';

/** Every file under `dir`, path → bytes. */
function filesOf(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) files.set(join(entry.parentPath, entry.name).slice(dir.length + 1), readFileSync(join(entry.parentPath, entry.name)));
  }
  return files;
}

describe('the chart CSVs and data files in a worker thread', () => {
  const root = mkdtempSync(join(tmpdir(), 'gongkai-bulk-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const contentRoot = contentRootWithDefinitions(join(root, 'content-root'), join(repoRoot, 'tests/fixtures/site'));
  const job = (name: string): BulkOutputsJob => ({ contentRoot, site: 'https://minzheng.example.gov.cn', outDir: join(root, name) });

  it('writes the very bytes the build’s own thread writes, each file once and named in the report', async () => {
    const inline = await writeBulkOutputs(job('inline'));
    const threaded = await startBulkOutputsWorker(job('worker'), () => {});
    const files = filesOf(job('worker').outDir);
    expect([...files.keys()].sort()).toEqual([...threaded.files].sort());
    expect(files).toEqual(filesOf(job('inline').outDir));
    expect(threaded.files).toEqual(inline.files);
    expect(threaded.bytes).toBe([...files.values()].reduce((sum, bytes) => sum + bytes.length, 0));
    expect(threaded.files.some((path) => /^regions\/.+\/trend-[a-z-]+\.csv$/.test(path))).toBe(true);
    expect(threaded.files.some((path) => /^metrics\/[a-z-]+\/compare-[a-z-]+\.csv$/.test(path))).toBe(true);
    expect(threaded.files.slice(threaded.charts)).toEqual(['data/metrics.csv', 'data/metrics.json', 'data/tasks.csv', 'data/task-links.csv', 'data/documents.json', 'data/disclosure.csv', 'data/disclosure.json']);
    expect(threaded.data).toBe(7);
  });

  it('writes the url column with the site’s address', () => {
    const [path] = [...filesOf(job('worker').outDir).keys()];
    expect(readFileSync(join(job('worker').outDir, path!), 'utf8')).toContain('https://minzheng.example.gov.cn/documents/');
  });

  it('reports a document that turned invalid with its file and the field', async () => {
    const file = join(contentRoot, 'content/documents/anhui/xuancheng/xuanzhou/2023-year-task-list.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^kind: .*$/m, 'kind: memo'));
    await expect(startBulkOutputsWorker(job('broken'), () => {})).rejects.toThrow(/^Writing the chart CSVs and data files failed: content\/documents\/anhui\/xuancheng\/xuanzhou\/2023-year-task-list\.md is not a valid document[\s\S]*kind/);
  });
});
