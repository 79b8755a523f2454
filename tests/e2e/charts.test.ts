/**
 * Every chart of the built site, in a real browser: drawn (a chart.js instance exists and the canvas has
 * painted pixels) once it comes into view, labelled, and showing the same numbers as the table beside it.
 * Chart pages load chart.js; other pages never do.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, watchProblems } from './browser.ts';
import { chartedMetricCount } from './bundled-content.ts';

const baseUrl = inject('baseUrl');
const distDir = inject('distDir');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? htmlFiles(path) : name.endsWith('.html') ? [path] : [];
  });
}

/** Site paths of every built page that has a chart, found in dist/ rather than listed by hand. */
const chartPages = htmlFiles(distDir)
  .filter((file) => readFileSync(file, 'utf8').includes('data-chart '))
  .map((file) => `/${relative(distDir, file).replace(/index\.html$/, '')}`)
  .sort();

interface DrawnChart {
  id: string;
  exists: boolean;
  painted: number;
  role: string | null;
  label: string | null;
  chartValues: number[];
  tableValues: number[];
  hasCaption: boolean;
  rowHeaders: boolean;
}

/** Charts are drawn as they come near the screen: bring each one into view and wait for it. */
async function drawAll(page: Page): Promise<void> {
  const ids = await page.evaluate(() => [...document.querySelectorAll('script[data-chart-spec]')].map((s) => (JSON.parse(s.textContent!) as { id: string }).id));
  for (const id of ids) {
    await page.locator(`#chart-${id}`).scrollIntoViewIfNeeded();
    await page.waitForFunction((chartId) => window.gongkaiCharts?.has(chartId), id);
  }
}

async function inspectCharts(page: Page): Promise<DrawnChart[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-chart]')].map((figure) => {
      const spec = JSON.parse(figure.querySelector('script[data-chart-spec]')!.textContent!) as { id: string };
      const canvas = figure.querySelector('canvas')!;
      const chart = window.gongkaiCharts?.get(spec.id) as unknown as { data: { datasets: { data: (number | null)[] }[] } } | undefined;
      const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let painted = 0;
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) painted++;
      const table = figure.querySelector('table')!;
      return {
        id: spec.id,
        exists: Boolean(chart),
        painted,
        role: canvas.getAttribute('role'),
        label: canvas.getAttribute('aria-label'),
        chartValues: (chart?.data.datasets ?? []).flatMap((d) => d.data.filter((v): v is number => v !== null)).sort((a, b) => a - b),
        tableValues: [...table.querySelectorAll<HTMLElement>('td[data-value]')].map((td) => Number(td.dataset.value)).sort((a, b) => a - b),
        hasCaption: Boolean(table.querySelector('caption')?.textContent?.trim()),
        rowHeaders: [...table.querySelectorAll('tbody tr')].every((tr) => tr.querySelector('th[scope="row"]')) && [...table.querySelectorAll('thead th')].every((th) => th.getAttribute('scope') === 'col'),
      };
    }),
  );
}

describe('charts', () => {
  it('are found on every metric page, the task page and the region pages with figures', () => {
    expect(chartPages).toContain('/metrics/dibao-urban/');
    expect(chartPages).toContain('/tasks/');
    expect(chartPages).toContain('/regions/hunan/chenzhou/zixing/');
    expect(chartPages.filter((p) => p.startsWith('/metrics/') && p !== '/metrics/')).toHaveLength(chartedMetricCount);
  });

  it.each(chartPages)('on %s are drawn, labelled, and hold the same numbers as their tables', async (path) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = watchProblems(page);
    await page.goto(`${baseUrl}${path}`);
    await drawAll(page);
    const charts = await inspectCharts(page);
    expect(charts.length).toBeGreaterThan(0);
    for (const chart of charts) {
      expect(chart.exists, chart.id).toBe(true);
      expect(chart.painted, `${chart.id} has painted pixels`).toBeGreaterThan(500);
      expect(chart.role).toBe('img');
      expect(chart.label?.length).toBeGreaterThan(10);
      expect(chart.tableValues.length, chart.id).toBeGreaterThan(0);
      expect(chart.chartValues, chart.id).toEqual(chart.tableValues);
      expect(chart.hasCaption && chart.rowHeaders, chart.id).toBe(true);
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('open the quote of a value when it is clicked', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${baseUrl}/metrics/elderly-care-beds/`);
    await page.waitForFunction(() => window.gongkaiCharts?.has('compare-county'));
    const point = await page.evaluate(() => {
      const chart = window.gongkaiCharts!.get('compare-county') as unknown as { getDatasetMeta(i: number): { data: { x: number; y: number; base: number }[] }; canvas: HTMLCanvasElement };
      const bar = chart.getDatasetMeta(0).data[0]!;
      const box = chart.canvas.getBoundingClientRect();
      return { x: box.left + (bar.x + bar.base) / 2, y: box.top + bar.y };
    });
    await page.mouse.click(point.x, point.y);
    await page.waitForURL(/\/documents\/jiangsu\/changzhou\/jintan\/2017-h1-summary\/#q-/);
    const target = await page.evaluate(() => document.querySelector(':target')?.textContent);
    expect(target).toBe('全区养老床位总数达6331张');
    await page.close();
  });

  it('are not loaded by pages without a chart', async () => {
    const page = await browser.newPage();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await page.goto(`${baseUrl}/documents/hunan/chenzhou/zixing/2023-h1-summary/`);
    await page.waitForLoadState('networkidle');
    expect(scripts.filter((url) => /chart/i.test(url))).toEqual([]);
    expect(await page.evaluate(() => window.gongkaiCharts)).toBeUndefined();
    await page.close();
  });

  it('keep a chart page under 60 KB of gzipped JavaScript', async () => {
    const page = await browser.newPage();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await page.goto(`${baseUrl}/metrics/dibao-urban/`);
    await page.waitForLoadState('networkidle');
    const inline = await page.evaluate(() => [...document.querySelectorAll('script:not([src]):not([type="application/json"])')].map((s) => s.textContent ?? '').join(''));
    let bytes = gzipSync(inline).length;
    for (const url of scripts) bytes += gzipSync(Buffer.from(await (await fetch(url)).arrayBuffer())).length;
    expect(scripts.length).toBeGreaterThan(0);
    expect(bytes).toBeLessThanOrEqual(60 * 1024);
    await page.close();
  });

  it('wait until they come near the screen before loading chart.js and drawing', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 667 } });
    await page.goto(`${baseUrl}/regions/hunan/chenzhou/zixing/`);
    await page.waitForLoadState('networkidle');
    const total = await page.locator('[data-chart]').count();
    expect(await page.evaluate(() => window.gongkaiCharts?.size ?? 0)).toBeLessThan(total);
    await drawAll(page);
    expect(await page.evaluate(() => window.gongkaiCharts?.size)).toBe(total);
    await page.close();
  });

  it('follow the system’s dark mode', async () => {
    const page = await browser.newPage({ colorScheme: 'dark' });
    await page.goto(`${baseUrl}/metrics/dibao-urban/`);
    // Charts draw when they scroll into view; with more regions the county comparison may start below the fold.
    await page.locator('#chart-compare-county').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => window.gongkaiCharts?.has('compare-county'));
    const colour = await page.evaluate(() => (window.gongkaiCharts!.get('compare-county') as unknown as { data: { datasets: { backgroundColor: string }[] } }).data.datasets[0]!.backgroundColor);
    expect(colour).toBe('#8cc4ff');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.waitForFunction(() => (window.gongkaiCharts!.get('compare-county') as unknown as { data: { datasets: { backgroundColor: string }[] } }).data.datasets[0]!.backgroundColor === '#0b57a4');
    await page.close();
  });
});
