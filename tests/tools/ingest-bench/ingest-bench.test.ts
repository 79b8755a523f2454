/**
 * The ingest benchmark's input and table: copied pages of a seed are the same every time, reach the size asked
 * for, read as pages (no Markdown marks, tables in pipes) and repeat no paragraph; the table's ratio says
 * whether time per MB stays level. The bundled documents alone feed it here, so nothing outside the repository
 * is read.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentSources } from '../../../tools/corpus/write-corpus.ts';
import { copiedPages } from '../../../tools/ingest-bench/copied-pages.ts';
import { formatRuns, type IngestRun } from '../../../tools/ingest-bench/report.ts';
import { loadRegions } from '../../../src/domain/regions.ts';

const repo = resolve(import.meta.dirname, '../../..');
const documents = documentSources(repo);
const sources = { laws: documents, documents };
const regions = loadRegions();

describe('copied pages for the ingest benchmark', () => {
  const pages = copiedPages(200_000, 7, sources, regions);

  it('gives the same text for the same seed and another for another seed', () => {
    expect(copiedPages(200_000, 7, sources, regions).text).toBe(pages.text);
    expect(copiedPages(200_000, 8, sources, regions).text).not.toBe(pages.text);
  });

  it('holds at least the bytes asked for, and not a page more', () => {
    expect(pages.bytes).toBeGreaterThanOrEqual(200_000);
    expect(pages.bytes).toBeLessThan(200_000 + 60_000);
    expect(pages.documents).toBeGreaterThan(10);
  });

  it('reads as copied pages: no Markdown heading marks or table separators, tables as cell | cell | rows', () => {
    const lines = pages.text.split('\n');
    expect(lines.filter((line) => /^#{1,6} /.test(line))).toEqual([]);
    expect(lines.filter((line) => /^\|(\s*-+\s*\|)+\s*$/.test(line))).toEqual([]);
    expect(lines.some((line) => /^序号 \| .* \|$/.test(line))).toBe(true);
    expect(lines.some((line) => /^[一二三四五六七八九十]+、/.test(line))).toBe(true);
  });

  it('repeats almost no paragraph, so ingestion has distinct text to read rather than copies to drop', () => {
    const paragraphs = pages.text.split('\n').map((line) => line.replace(/\s/g, '')).filter((line) => line.length >= 60 && !line.includes('|'));
    const repeated = paragraphs.length - new Set(paragraphs).size;
    expect(paragraphs.length).toBeGreaterThan(300);
    expect(repeated / paragraphs.length).toBeLessThan(0.05);
  });
});

describe('the benchmark table', () => {
  const run = (mb: number, cpuSeconds: number): IngestRun => ({ mb, bytes: mb * 1024 * 1024, lines: mb * 4000, documents: mb * 100, drafts: mb * 150, cpuSeconds, wallSeconds: cpuSeconds * 1.1, peakRssBytes: 300 * 1024 * 1024 });

  it('gives each size its CPU time per MB, without the startup, as a ratio to the smallest size', () => {
    const table = formatRuns([run(1, 3), run(5, 11), run(20, 161)], { cpuSeconds: 1 }).split('\n');
    expect(table[0]).toMatch(/MB\s+lines\s+drafts\s+CPU s\s+wall s\s+peak RSS MB\s+net CPU s\/MB\s+net ×/);
    expect(table[1]).toMatch(/2\.000\s+1\.00$/);
    expect(table[2]).toMatch(/2\.000\s+1\.00$/);
    // Time growing faster than size: 20 MB taking 80 times what 1 MB takes is four times the time per MB.
    expect(table[3]).toMatch(/8\.000\s+4\.00$/);
    expect(table[4]).toContain('startup: 1.00 s CPU');
  });
});
