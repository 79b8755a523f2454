/**
 * Every kind of page, on a phone (375 px) and a desktop (1280 px): no WCAG 2.2 AA violation axe-core can find,
 * no console error, failed request or CSP violation, no sideways scroll on the phone, and still usable with
 * text at 200 %. No axe rule is disabled.
 */
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from './browser.ts';
import { builtPages, viewports } from './site-pages.ts';
import { clippedControls, openPage, runAxe, sidewaysOverflow } from './page-checks.ts';

const baseUrl = inject('baseUrl');
const pages = builtPages(inject('distDir'));
const browser = useBrowser();

for (const viewport of viewports) {
  describe(`on a ${viewport.name} (${viewport.width} px)`, () => {
    it.each(pages)('the $kind page has no axe violation, console error, failed request or CSP violation', async (sitePage) => {
      const context = await browser.newContext({ viewport, locale: 'zh-CN' });
      const { page, problems } = await openPage(context, baseUrl, sitePage);
      expect(await runAxe(page)).toEqual([]);
      expect(await problems()).toEqual([]);
      if (viewport.width <= 375) expect(await sidewaysOverflow(page), 'the page scrolls sideways').toBeLessThanOrEqual(0);
      await context.close();
    });

    it.each(pages)('the $kind page stays usable with text at 200 %', async (sitePage) => {
      const context = await browser.newContext({ viewport, locale: 'zh-CN' });
      const { page } = await openPage(context, baseUrl, sitePage);
      // Text-only zoom, as a browser's "text size" setting does: everything sized in rem/em doubles.
      await page.evaluate(() => {
        document.documentElement.style.fontSize = '200%';
      });
      await page.waitForTimeout(50);
      expect(await sidewaysOverflow(page), 'the page scrolls sideways at 200 % text').toBeLessThanOrEqual(0);
      expect(await clippedControls(page)).toEqual([]);
      await context.close();
    });
  });
}

// Colours change in dark and 适老化 mode: contrast is checked again in each (on a phone, where most readers are).
describe('in the other colour schemes', () => {
  it.each(pages)('the $kind page has no axe violation in dark mode, in 适老化 mode, or in both', async (sitePage) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ viewport: viewports[0], locale: 'zh-CN', colorScheme });
      const { page, problems } = await openPage(context, baseUrl, sitePage);
      if (colorScheme === 'dark') expect(await runAxe(page), 'dark mode').toEqual([]);
      await page.locator('[data-elder-toggle]').click();
      expect(await runAxe(page), `适老化 mode, ${colorScheme}`).toEqual([]);
      expect(await problems()).toEqual([]);
      await context.close();
    }
  });
});

describe('charts', () => {
  // The bundled regions state each metric for one period: they answer their figures instead of drawing one-point charts.
  it.each(pages.filter((p) => ['metric with chart', 'tasks'].includes(p.kind)))('on the $kind page are images with a label, next to a table with a caption and header scopes', async (sitePage) => {
    const context = await browser.newContext({ viewport: viewports[1] });
    const { page } = await openPage(context, baseUrl, sitePage);
    const charts = await page.evaluate(() =>
      [...document.querySelectorAll('canvas')].map((chart) => {
        const figure = chart.closest('figure');
        const table = figure?.querySelector('table');
        return {
          role: chart.getAttribute('role'),
          label: (chart.getAttribute('aria-label') ?? '').trim().length > 0 || !!chart.getAttribute('aria-labelledby'),
          inFigure: !!figure,
          caption: (table?.querySelector('caption')?.textContent ?? '').trim().length > 0,
          headers: table?.querySelectorAll('th').length ?? 0,
          scoped: [...(table?.querySelectorAll('th') ?? [])].every((th) => ['col', 'row', 'colgroup', 'rowgroup'].includes(th.getAttribute('scope') ?? '')),
        };
      }),
    );
    expect(charts.length).toBeGreaterThan(0);
    for (const chart of charts) expect(chart).toEqual({ role: 'img', label: true, inFigure: true, caption: true, headers: expect.any(Number), scoped: true });
    expect(charts.every((c) => c.headers > 0)).toBe(true);
    await context.close();
  });
});
