/**
 * Every chart of the built site, in a real browser: drawn (a chart.js instance exists and the canvas has
 * painted pixels) once it comes into view, labelled, and showing the same numbers as the table beside it.
 * Chart pages load chart.js; other pages never do.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser, watchProblems } from './browser.ts';
import { chartedMetricCount } from './bundled-content.ts';

const baseUrl = inject('baseUrl');
const distDir = inject('distDir');
const browser = useBrowser();

/** Opens `path` in `page` and waits for the network to go quiet: the URLs of the script files it loaded. */
async function scriptsLoaded(page: Page, path: string): Promise<string[]> {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  await page.goto(`${baseUrl}${path}`);
  await page.waitForLoadState('networkidle');
  return scripts;
}

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
    // 资兴 states each metric for one period (2023年上半年): its values are answered on the page, not drawn as one-point charts.
    expect(chartPages).not.toContain('/regions/hunan/chenzhou/zixing/');
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
    // The page answers its figures first: the chart may start below the fold, so bring it into view to click it.
    await page.locator('#chart-compare-county canvas').scrollIntoViewIfNeeded();
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
    const scripts = await scriptsLoaded(page, '/documents/hunan/chenzhou/zixing/2023-h1-summary/');
    expect(scripts.filter((url) => /chart/i.test(url))).toEqual([]);
    expect(await page.evaluate(() => window.gongkaiCharts)).toBeUndefined();
    await page.close();
  });

  it('keep a chart page under 60 KB of gzipped JavaScript', async () => {
    const page = await browser.newPage();
    const scripts = await scriptsLoaded(page, '/metrics/dibao-urban/');
    const inline = await page.evaluate(() => [...document.querySelectorAll('script:not([src]):not([type="application/json"])')].map((s) => s.textContent ?? '').join(''));
    let bytes = gzipSync(inline).length;
    for (const url of scripts) bytes += gzipSync(Buffer.from(await (await fetch(url)).arrayBuffer())).length;
    expect(scripts.length).toBeGreaterThan(0);
    expect(bytes).toBeLessThanOrEqual(60 * 1024);
    await page.close();
  });

  it('wait until they come near the screen before loading chart.js and drawing', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 667 } });
    await page.goto(`${baseUrl}/metrics/dibao-urban/`);
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

describe('charts on a touch screen', () => {
  /** The middle of the first bar of a bar chart, in page coordinates. */
  async function firstBar(page: Page, id: string): Promise<{ x: number; y: number }> {
    return page.evaluate((chartId) => {
      const chart = window.gongkaiCharts!.get(chartId) as unknown as { getDatasetMeta(i: number): { data: { x: number; y: number; base: number }[] }; canvas: HTMLCanvasElement };
      const bar = chart.getDatasetMeta(0).data[0]!;
      const box = chart.canvas.getBoundingClientRect();
      return { x: box.left + (bar.x + bar.base) / 2, y: box.top + bar.y };
    }, id);
  }

  it('say 点按 on a phone and 指向/点击 with a mouse', async () => {
    const phone = await browser.newContext({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });
    const desktop = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const hints: string[] = [];
    for (const context of [phone, desktop]) {
      const page = await context.newPage();
      await page.goto(`${baseUrl}/metrics/elderly-care-beds/`);
      await page.locator('#chart-compare-county').scrollIntoViewIfNeeded();
      await page.waitForFunction(() => window.gongkaiCharts?.has('compare-county'));
      hints.push((await page.locator('#chart-compare-county [data-chart-readout]').textContent()) ?? '');
    }
    expect(hints[0]).toMatch(/^点按数据点查看数值和出处，再点一次打开原文/);
    expect(hints[1]).toMatch(/^指向数据点.*点击打开原文/);
    await phone.close();
    await desktop.close();
  });

  it('show a tapped value with its source and a link, and open the quote on a second tap', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${baseUrl}/metrics/elderly-care-beds/`);
    await page.locator('#chart-compare-county').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => window.gongkaiCharts?.has('compare-county'));
    const start = page.url();
    const bar = await firstBar(page, 'compare-county');
    await page.touchscreen.tap(bar.x, bar.y);
    // The first tap selects: the page stays, the readout names the value and its document, a link appears.
    expect(page.url()).toBe(start);
    // Chart.js handles the tap on its next frame: under load the readout updates a moment after the tap returns.
    await page.waitForFunction(() => document.querySelector('#chart-compare-county [data-chart-readout]')?.textContent?.includes('金坛区'));
    const readout = await page.locator('#chart-compare-county [data-chart-readout]').textContent();
    expect(readout).toContain('金坛区 · 养老床位：6,331 张');
    expect(readout).toMatch(/出自《[^》]+》，2017年上半年（再点一次打开原文）$/);
    const open = page.locator('#chart-compare-county [data-chart-open]');
    expect(await open.isVisible()).toBe(true);
    expect(await open.getAttribute('href')).toMatch(/^\/documents\/jiangsu\/changzhou\/jintan\/2017-h1-summary\/#q-/);
    await page.touchscreen.tap(bar.x, bar.y);
    await page.waitForURL(/\/documents\/jiangsu\/changzhou\/jintan\/2017-h1-summary\/#q-/);
    expect(await page.evaluate(() => document.querySelector(':target')?.textContent)).toBe('全区养老床位总数达6331张');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('opens the quote from the link under the chart after a tap', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/metrics/elderly-care-beds/`);
    await page.locator('#chart-compare-county').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => window.gongkaiCharts?.has('compare-county'));
    const bar = await firstBar(page, 'compare-county');
    await page.touchscreen.tap(bar.x, bar.y);
    await page.locator('#chart-compare-county [data-chart-open]').tap();
    await page.waitForURL(/#q-/);
    expect(await page.evaluate(() => document.querySelector(':target')?.tagName)).toBe('MARK');
    await context.close();
  });

  it.each(chartPages)('on %s keep labels and captions inside the screen at 375 px, in 大字模式 too', async (path) => {
    for (const elder of [false, true]) {
      const context = await browser.newContext({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });
      if (elder) await context.addInitScript(() => localStorage.setItem('gongkai:elder-mode', 'on'));
      const page = await context.newPage();
      await page.goto(`${baseUrl}${path}`);
      await drawAll(page);
      const clipped = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('[data-chart]')].flatMap((figure) => {
          const problems: string[] = [];
          for (const el of figure.querySelectorAll<HTMLElement>('.chart__title, caption, .chart__readout')) {
            const box = el.getBoundingClientRect();
            if (el.scrollWidth > el.clientWidth + 1 || box.left < 0 || box.right > window.innerWidth + 0.5) problems.push(`${figure.id}: ${el.className || el.tagName} is clipped`);
          }
          const spec = JSON.parse(figure.querySelector('script[data-chart-spec]')!.textContent!) as { id: string; horizontal: boolean };
          const chart = window.gongkaiCharts?.get(spec.id) as unknown as
            | { scales: Record<string, { width: number; left: number; ticks: { label: string | string[] }[] }>; ctx: CanvasRenderingContext2D; options: { scales: Record<string, { ticks: { font: { size: number; family: string } } }> } }
            | undefined;
          if (!chart || !spec.horizontal) return problems;
          // Each label line of the region axis must fit the axis's width (chart.js draws it cut off otherwise).
          const axis = chart.scales.y!;
          const font = chart.options.scales.y!.ticks.font;
          chart.ctx.font = `${font.size}px ${font.family}`;
          for (const tick of axis.ticks) {
            for (const line of [tick.label].flat()) {
              if (axis.left < 0 || chart.ctx.measureText(line).width > axis.width) problems.push(`${figure.id}: label ${line} is clipped`);
            }
          }
          return problems;
        }),
      );
      expect(clipped, `${path}${elder ? ' (大字模式)' : ''}`).toEqual([]);
      await context.close();
    }
  });
});
