/**
 * The chart CSVs and data files written after the pages from the content files: every file once and named in the
 * report, the site's address in their links, a rewrite in place a new file (never a write into the linked old
 * one), and a file that turned invalid reported with its name.
 */
import { linkSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bulkLogLine, writeBulkOutputs, type BulkOutputsJob } from '../../src/integrations/bulk-outputs.ts';
import { loadContent } from '../../src/domain/content/load-content.ts';
import { buildSiteModel } from '../../src/domain/site-model.ts';
import { contentRootWithDefinitions, repoRoot } from '../../tools/site-build.ts';
import { emptyBuildLog, readBuildLine } from '../../tools/bench/build-log.ts';

/** Every file under `dir`, path → bytes. */
function filesOf(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) files.set(join(entry.parentPath, entry.name).slice(dir.length + 1), readFileSync(join(entry.parentPath, entry.name)));
  }
  return files;
}

describe('the chart CSVs and data files', () => {
  const root = mkdtempSync(join(tmpdir(), 'gongkai-bulk-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const contentRoot = contentRootWithDefinitions(join(root, 'content-root'), join(repoRoot, 'tests/fixtures/site'));
  const job = (name: string): BulkOutputsJob => ({ contentRoot, site: 'https://minzheng.example.gov.cn', outDir: join(root, name) });
  const report = writeBulkOutputs(job('out'));
  const files = filesOf(job('out').outDir);

  it('are written each once, every one named in the report, charts first, then the data files', () => {
    expect([...files.keys()].sort()).toEqual([...report.files].sort());
    expect(new Set(report.files).size).toBe(report.files.length);
    expect(report.bytes).toBe([...files.values()].reduce((sum, bytes) => sum + bytes.length, 0));
    expect(report.files.some((path) => /^regions\/.+\/trend-[a-z-]+\.csv$/.test(path))).toBe(true);
    expect(report.files.some((path) => /^metrics\/[a-z-]+\/compare-[a-z-]+\.csv$/.test(path))).toBe(true);
    expect(report.files.slice(report.charts)).toEqual(['data/metrics.csv', 'data/metrics.json', 'data/tasks.csv', 'data/task-links.csv', 'data/target-links.csv', 'data/documents.json', 'data/disclosure.csv', 'data/disclosure.json']);
    expect(report.data).toBe(8);
  });

  it('link with the site’s address', () => {
    expect(files.get(report.files[0]!)!.toString('utf8')).toContain('https://minzheng.example.gov.cn/documents/');
    expect(files.get('data/documents.json')!.toString('utf8')).toContain('https://minzheng.example.gov.cn/documents/');
  });

  it('say in the log line what the bench reads', () => {
    const log = emptyBuildLog();
    readBuildLine(log, `12:00:00 [gongkai-bulk-outputs] ${bulkLogLine(report)}`, 0);
    expect(log.bulk).toEqual({ files: report.files.length, seconds: Number(report.seconds.toFixed(1)) });
  });

  it('are written as new files in place, so a file linked to the previous site keeps its bytes', () => {
    const previous = join(root, 'previous.csv');
    const target = join(job('out').outDir, report.files[0]!);
    writeFileSync(previous, 'the previous site’s bytes');
    rmSync(target);
    linkSync(previous, target);
    writeBulkOutputs({ ...job('out'), inPlace: true });
    expect(readFileSync(previous, 'utf8')).toBe('the previous site’s bytes');
    expect(statSync(target).nlink).toBe(1);
    expect(readFileSync(target).equals(files.get(report.files[0]!)!)).toBe(true);
  });

  it('leave a file linked to the previous site as it is in place when its bytes are the same, and count it', () => {
    const previous = join(root, 'previous-same.csv');
    const target = join(job('out').outDir, report.files[1]!);
    writeFileSync(previous, files.get(report.files[1]!)!);
    rmSync(target);
    linkSync(previous, target);
    const again = writeBulkOutputs({ ...job('out'), inPlace: true });
    expect(statSync(target).ino).toBe(statSync(previous).ino);
    expect(again.files).toEqual(report.files);
    expect(again.unchanged).toBe(1);
    expect(bulkLogLine(again)).toMatch(/; in place, 1 held the same bytes and were left as they were$/);
  });

  it('are the same bytes written from the model the pages built, which the log line says was used', () => {
    // What the pages build their model from: the content loaders' validated documents (src/lib/site-model.ts).
    const { model: validated } = loadContent(contentRoot);
    const model = buildSiteModel({ documents: validated.documents.map(({ id, data }) => ({ id, data })), regions: validated.regions.all, metrics: validated.metrics, topics: validated.topics });
    const fromPages = writeBulkOutputs({ ...job('from-pages'), model });
    expect(fromPages.files).toEqual(report.files);
    expect(filesOf(job('from-pages').outDir)).toEqual(files);
    expect(fromPages.pagesModel).toBe(true);
    expect(bulkLogLine(fromPages)).toMatch(/written in [\d.]+ s after the pages \(from the pages’ site model\)$/);
    expect(bulkLogLine(report)).toMatch(/\(site model [\d.]+ s\)$/);
  });

  it('report a document that turned invalid with its file and the field', () => {
    const file = join(contentRoot, 'content/documents/anhui/xuancheng/xuanzhou/2023-year-task-list.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^kind: .*$/m, 'kind: memo'));
    expect(() => writeBulkOutputs(job('broken'))).toThrow(/^Writing the chart CSVs and data files failed: content\/documents\/anhui\/xuancheng\/xuanzhou\/2023-year-task-list\.md is not a valid document[\s\S]*kind/);
  });
});
