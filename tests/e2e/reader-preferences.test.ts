/**
 * What a reader can change: 适老化 mode (larger text, higher contrast) from a switch on every page, remembered
 * across pages and visits; dark mode from the system setting; a clean printout of a document with its source
 * and citation.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from './browser.ts';
import { builtPages, sitePages } from './site-pages.ts';
import { openPage } from './page-checks.ts';

const baseUrl = inject('baseUrl');
const pages = builtPages(inject('distDir'));
const documentPage = sitePages.find((p) => p.kind === 'document with figures')!;
const browser = useBrowser();

/** Body text size in px and the WCAG contrast ratio of body text on the page background. */
async function textLook(page: Page): Promise<{ size: number; contrast: number; background: string }> {
  return page.evaluate(() => {
    const rgb = (color: string) => (color.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const luminance = (color: string) => {
      const [r, g, b] = rgb(color).map((v) => {
        const c = v / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const body = getComputedStyle(document.body);
    const background = getComputedStyle(document.documentElement).backgroundColor;
    const [light, dark] = [luminance(body.color), luminance(background)].sort((a, b) => b - a);
    return { size: parseFloat(body.fontSize), contrast: (light! + 0.05) / (dark! + 0.05), background };
  });
}

describe('适老化 mode', () => {
  it.each(pages)('the switch on the $kind page enlarges text and raises contrast', async (sitePage) => {
    const context = await browser.newContext();
    const { page } = await openPage(context, baseUrl, sitePage);
    const toggle = page.locator('[data-elder-toggle]');
    await expect(toggle.isVisible()).resolves.toBe(true);
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    const before = await textLook(page);
    await toggle.click();
    const after = await textLook(page);
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(after.size).toBeGreaterThanOrEqual(before.size * 1.2);
    expect(after.contrast).toBeGreaterThan(before.contrast);
    expect(after.contrast).toBeGreaterThanOrEqual(15);
    await context.close();
  });

  it('is remembered on the next page and on a new visit, and can be switched off again', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    await page.locator('[data-elder-toggle]').click();
    await page.goto(`${baseUrl}${documentPage.path}`);
    expect(await page.evaluate(() => document.documentElement.hasAttribute('data-elder'))).toBe(true);
    expect(await page.locator('[data-elder-toggle]').getAttribute('aria-pressed')).toBe('true');
    await page.close();

    const visit = await context.newPage();
    await visit.goto(`${baseUrl}/regions/`);
    expect(await visit.evaluate(() => document.documentElement.hasAttribute('data-elder'))).toBe(true);
    await visit.locator('[data-elder-toggle]').click();
    await visit.reload();
    expect(await visit.evaluate(() => document.documentElement.hasAttribute('data-elder'))).toBe(false);
    expect(await visit.locator('[data-elder-toggle]').getAttribute('aria-pressed')).toBe('false');
    await context.close();
  });

  it.each(['home', 'document with figures'])('draws the %s page at its final size from the first paint, without a layout shift', async (kind) => {
    const sitePage = sitePages.find((p) => p.kind === kind)!;
    for (const elder of [false, true]) {
      const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
      if (elder) await context.addInitScript(() => localStorage.setItem('gongkai:elder-mode', 'on'));
      const { page } = await openPage(context, baseUrl, sitePage);
      const shift = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            new PerformanceObserver((list) => resolve(list.getEntries().reduce((sum, entry) => sum + (entry as unknown as { value: number }).value, 0))).observe({ type: 'layout-shift', buffered: true });
            setTimeout(() => resolve(0), 500); // no entry at all: no shift
          }),
      );
      expect(shift, `layout shift with 适老化 mode ${elder ? 'on' : 'off'}`).toBe(0);
      expect(await page.locator('[data-elder-toggle]').isVisible()).toBe(true);
      await context.close();
    }
  });

  it('says its state: 大字模式 when off, 退出大字模式 and pressed when on, in its accessible name too', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    const toggle = page.locator('[data-elder-toggle]');
    expect([await toggle.innerText(), await toggle.getAttribute('aria-pressed')]).toEqual(['大字模式', 'false']);
    await toggle.click();
    expect([await toggle.innerText(), await toggle.getAttribute('aria-pressed')]).toEqual(['退出大字模式', 'true']);
    expect(await page.getByRole('button', { name: '退出大字模式', exact: true, pressed: true }).count()).toBe(1);
    // Still beside the site's name on a 375 px phone, not pushed onto a line of its own.
    const [name, button] = await Promise.all([page.locator('.site-name').boundingBox(), toggle.boundingBox()]);
    expect(Math.abs(name!.y + name!.height / 2 - (button!.y + button!.height / 2))).toBeLessThan(12);
    await context.close();
  });

  it.each([false, true])('keeps the six menu items on one line at 375 px (大字模式 %s), so 关于 is never alone', async (elder) => {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
    if (elder) await context.addInitScript(() => localStorage.setItem('gongkai:elder-mode', 'on'));
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    const boxes = await page.locator('.site-nav a').evaluateAll((links) => links.map((a) => { const r = a.getBoundingClientRect(); return { text: a.textContent, top: Math.round(r.top), right: r.right, height: r.height }; }));
    expect(boxes.map((b) => b.text)).toEqual(['文件', '地区', '指标', '任务', '数据', '关于']);
    expect(new Set(boxes.map((b) => b.top)).size).toBe(1);
    for (const box of boxes) {
      expect(box.right).toBeLessThanOrEqual(375);
      expect(box.height).toBeGreaterThanOrEqual(44);
    }
    await context.close();
  });

  it('keeps at least 44 px tap targets for the switch and the search button', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    for (const selector of ['[data-elder-toggle]', '.search-box button']) {
      const box = await page.locator(selector).boundingBox();
      expect(box?.height, selector).toBeGreaterThanOrEqual(44);
    }
    await context.close();
  });
});

describe('dark mode', () => {
  it.each(pages.filter((p) => ['home', 'document with figures', 'metric with chart', 'search with results'].includes(p.kind)))('follows the system setting on the $kind page, with readable text', async (sitePage) => {
    const light = await browser.newContext({ colorScheme: 'light' });
    const dark = await browser.newContext({ colorScheme: 'dark' });
    const lightLook = await textLook((await openPage(light, baseUrl, sitePage)).page);
    const { page, problems } = await openPage(dark, baseUrl, sitePage);
    const darkLook = await textLook(page);
    expect(darkLook.background).not.toBe(lightLook.background);
    const [r, g, b] = (darkLook.background.match(/\d+/g) ?? []).map(Number);
    expect((r! + g! + b!) / 3, 'the dark background is dark').toBeLessThan(64);
    expect(darkLook.contrast).toBeGreaterThanOrEqual(7);
    expect(await problems()).toEqual([]);
    await light.close();
    await dark.close();
  });
});

describe('printing a document', () => {
  it('leaves out the header, navigation and footer and keeps the text, the source and the citation', async () => {
    const context = await browser.newContext();
    const { page } = await openPage(context, baseUrl, documentPage);
    await page.emulateMedia({ media: 'print' });
    const shown = async (selector: string) => page.locator(selector).first().isVisible();
    expect(await shown('.site-header')).toBe(false);
    expect(await shown('.site-nav')).toBe(false);
    expect(await shown('.site-footer')).toBe(false);
    expect(await shown('.skip-link')).toBe(false);
    expect(await shown('h1')).toBe(true);
    expect(await shown('.doc-body')).toBe(true);
    expect(await shown('.doc-meta')).toBe(true);
    // The source: publisher, reference numbers, dates and the original URL (or that none is known).
    const printedMeta = await page.locator('.doc-meta').innerText();
    for (const field of ['发布机构', '索引号', '文号', '发布日期', '原文链接']) expect(printedMeta).toContain(field);
    // The citation is printed whole, not cut off inside a scrolling box.
    const citation = page.locator('#cite-document');
    expect(await citation.isVisible()).toBe(true);
    const cut = await citation.evaluate((el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1);
    expect(cut, 'the printed citation is cut off').toBe(false);
    // Text is black on white on paper, whatever the screen theme.
    const ink = await page.evaluate(() => [getComputedStyle(document.body).color, getComputedStyle(document.documentElement).backgroundColor]);
    expect(ink).toEqual(['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
    await context.close();
  });

  it('prints black on white in dark mode too', async () => {
    const context = await browser.newContext({ colorScheme: 'dark' });
    const { page } = await openPage(context, baseUrl, documentPage);
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    const ink = await page.evaluate(() => [getComputedStyle(document.body).color, getComputedStyle(document.documentElement).backgroundColor]);
    expect(ink).toEqual(['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
    await context.close();
  });
});
