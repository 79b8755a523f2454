/**
 * Shared passages on a fixture site built for this file (tests/fixtures/reuse-site: 资兴市's half-year summary,
 * 永兴县's with two of its sentences re-typed with full-width commas, and two plans of 常州; all four use one
 * formula): the copy is marked on both pages and each page's 相同段落亦见于 links land on the other's sentence;
 * the formula is marked nowhere; /reuse/ lists the passage; the pages pass the quality checks at 375 and 1280 px.
 */
import { describe, expect, it } from 'vitest';
import { useBrowser } from './browser.ts';
import { useFixtureSite } from './fixture-site.ts';
import { openPage, runAxe, sidewaysOverflow } from './page-checks.ts';
import { viewports } from './site-pages.ts';

const browser = useBrowser();
const server = useFixtureSite('reuse-site');

const zixing = '/documents/hunan/chenzhou/zixing/2023-h1-summary/';
const yongxing = '/documents/hunan/chenzhou/yongxing/2023-h1-summary/';
const plans = ['/documents/jiangsu/changzhou/jintan/2023-year-plan/', '/documents/jiangsu/changzhou/liyang/2023-year-plan/'];
const copiedStart = '为全市1263名特困人员购买住院照料护理险';
const formula = '深入学习贯彻习近平新时代中国特色社会主义思想和党的二十大精神';


describe('a passage copied between two regions’ documents', () => {
  it.each([
    [zixing, yongxing, '永兴县'],
    [yongxing, zixing, '资兴市'],
  ])('is marked on %s, and its 相同段落亦见于 link lands on the same sentence of %s', async (from, to, otherName) => {
    const page = await browser.newPage();
    await page.goto(`${server.url}${from}`);
    const marked = page.locator('.doc-body [data-shared-passage]');
    expect(await marked.count()).toBe(2);
    expect(await marked.first().textContent()).toContain(copiedStart);
    const link = page.locator('#shared-passages a', { hasText: otherName });
    await expect.poll(() => link.count()).toBe(1);
    await link.click();
    await page.waitForURL((url) => url.pathname === to);
    const target = page.locator(':target');
    expect(await target.getAttribute('data-shared-passage')).toBe('1');
    expect(await target.textContent()).toContain(copiedStart);
    await page.close();
  });

  it('says the passage’s own sentence is shared to a screen reader, once per passage', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}${zixing}`);
    expect(await page.locator('.doc-body .visually-hidden', { hasText: '相同段落' }).count()).toBe(1);
    await page.close();
  });
});

describe('a formula every document uses', () => {
  it.each([zixing, yongxing, ...plans])('is not marked on %s', async (path) => {
    const page = await browser.newPage();
    await page.goto(`${server.url}${path}`);
    const texts = await page.locator('.doc-body [data-shared-passage]').allTextContents();
    expect(texts.join('')).not.toContain(formula);
    if (plans.includes(path)) expect(await page.locator('#shared-passages').count()).toBe(0);
    await page.close();
  });

  it('is listed on /reuse/ as a formula left out, beside the copied passage and its two documents', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/reuse/`);
    expect(await page.locator('#formulas-heading + ul').textContent()).toContain(formula);
    const passage = page.locator('ol.shared-passages > li');
    expect(await passage.count()).toBe(1);
    const hrefs = await passage.locator('a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(hrefs.sort()).toEqual([yongxing, zixing].sort());
    await page.close();
  });
});

for (const viewport of viewports) {
  describe(`on a ${viewport.name} (${viewport.width} px)`, () => {
    it.each([
      { kind: 'document with shared passages', path: zixing, file: '' },
      { kind: 'reuse', path: '/reuse/', file: '' },
    ])('the $kind page has no axe violation, console error, failed request or CSP violation', async (sitePage) => {
      const context = await browser.newContext({ viewport, locale: 'zh-CN' });
      const { page, problems } = await openPage(context, server.url, sitePage);
      expect(await runAxe(page)).toEqual([]);
      expect(await problems()).toEqual([]);
      if (viewport.width <= 375) expect(await sidewaysOverflow(page), 'the page scrolls sideways').toBeLessThanOrEqual(0);
      await context.close();
    });
  });
}
