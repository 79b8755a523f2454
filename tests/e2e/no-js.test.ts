/** The figure pages with JavaScript off: the tables carry everything, the links work, no empty chart boxes. */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { useBrowser } from './browser.ts';

const baseUrl = inject('baseUrl');
const browser = useBrowser();
let context: BrowserContext;
beforeAll(async () => {
  context = await browser.newContext({ javaScriptEnabled: false });
});

describe('without JavaScript', () => {
  it.each(['/metrics/dibao-urban/', '/tasks/', '/metrics/dibao-rural/'])('%s shows every chart’s table and hides the undrawn canvas', async (path) => {
    const page = await context.newPage();
    await page.goto(`${baseUrl}${path}`);
    const figures = await page.evaluate(() =>
      [...document.querySelectorAll('[data-chart]')].map((f) => ({
        canvasVisible: (f.querySelector('canvas') as HTMLElement).getClientRects().length > 0,
        rows: f.querySelectorAll('table tbody tr').length,
        caption: f.querySelector('caption')?.textContent ?? '',
        visible: (f.querySelector('table') as HTMLElement).getClientRects().length > 0,
      })),
    );
    expect(figures.length).toBeGreaterThan(0);
    for (const figure of figures) {
      expect(figure).toMatchObject({ canvasVisible: false, visible: true });
      expect(figure.rows).toBeGreaterThan(0);
      expect(figure.caption).toMatch(/单位/);
    }
    await page.close();
  });

  it('opens a figure’s quote from a metric table', async () => {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/metrics/nursing-beds/`);
    await page.locator('[data-chart] td[data-value] a').first().click();
    await page.waitForURL(/\/documents\/jiangsu\/changzhou\/jintan\/2017-h1-summary\/#q-/);
    expect(await page.evaluate(() => document.querySelector(':target')?.textContent)).toBe('护理型床位总数达1775张');
    await page.close();
  });

  it('downloads a chart’s CSV from its link', async () => {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/metrics/nursing-beds/`);
    const href = await page.locator('.chart__download a').first().getAttribute('href');
    const response = await page.request.get(`${baseUrl}${href}`);
    expect(response.status()).toBe(200);
    expect((await response.text()).startsWith('\uFEFF地区,')).toBe(true);
    await page.close();
  });

  it('reaches a status definition and a task’s row from the task view', async () => {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/tasks/`);
    await page.locator('[data-chart-table="status"] thead a', { hasText: '待总结' }).click();
    expect(page.url()).toMatch(/#status-awaiting-summary$/);
    await page.locator('[data-chart-table="status"] tbody td a').first().click();
    expect(page.url()).toMatch(/#tasks-anhui-xuancheng-xuanzhou-2023-awaiting-summary$/);
    await page.close();
  });
});
