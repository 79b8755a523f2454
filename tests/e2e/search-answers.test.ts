import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser, watchProblems } from './browser.ts';
import { documentsContaining } from './bundled-content.ts';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

async function search(query: string, viewport?: { width: number; height: number }): Promise<{ page: Page; exact: number; problems: string[] }> {
  const page = await browser.newPage(viewport ? { viewport } : {});
  const problems = watchProblems(page);
  await page.goto(`${baseUrl}/search/?q=${encodeURIComponent(query)}`);
  await page.waitForSelector('[data-search-results][data-exact-count]', { state: 'attached' });
  return { page, exact: Number(await page.getAttribute('[data-search-results]', 'data-exact-count')), problems };
}

const directUrls = (page: Page) => page.$$eval('[data-direct-url]', (links) => links.map((link) => link.getAttribute('data-direct-url')));
const suggestionsShown = (page: Page) => page.$$eval('[data-suggestion]', (links) => links.map((link) => link.textContent));

describe('search answers: places, metrics and topics the query names', () => {
  it('answers 资兴 with the region page, before the documents, and still counts only documents', async () => {
    const { page, exact, problems } = await search('资兴');
    expect(await directUrls(page)).toEqual(['/regions/hunan/chenzhou/zixing/']);
    expect(await page.textContent('[data-direct-answers]')).toMatch(/资兴市.*湖南省 郴州市.*低保标准.*元\/人\/月（2023年上半年）/);
    // The answer stands before the results in the page, and the exact count is the documents containing 资兴.
    const order = await page.evaluate(() => {
      const answer = document.querySelector('[data-direct-url]')!;
      const results = document.querySelector('[data-search-results]')!;
      return answer.compareDocumentPosition(results) & Node.DOCUMENT_POSITION_FOLLOWING;
    });
    expect(order).toBeTruthy();
    expect(exact).toBe(documentsContaining('资兴').length);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('answers 城市低保 with the metric page', async () => {
    const { page } = await search('城市低保');
    expect(await directUrls(page)).toContain('/metrics/dibao-urban/');
    await page.click('[data-direct-url="/metrics/dibao-urban/"]');
    await page.waitForURL(/\/metrics\/dibao-urban\/$/);
    expect(await page.textContent('h1')).toContain('城市最低生活保障标准');
    await page.close();
  });

  it('splits 资兴低保标准, which no document contains, into 资兴 + 低保标准 and lists the documents holding both — not as exact', async () => {
    expect(documentsContaining('资兴低保标准')).toEqual([]);
    const { page, exact } = await search('资兴低保标准');
    expect(exact).toBe(0);
    const notice = page.locator('[data-split-query]');
    await expect(notice.textContent()).resolves.toMatch(/^没有找到完全一致的结果，以下是同时包含「资兴」「低保标准」的文件/);
    expect(await notice.locator('[data-suggestion]').allTextContents()).toEqual(['资兴', '低保标准']);
    const listed = await page.$$eval('[data-result-url]', (links) => links.map((link) => link.getAttribute('data-result-url')));
    const truth = documentsContaining('资兴 低保标准');
    expect(truth.length).toBeGreaterThan(0);
    expect(listed.sort()).toEqual(truth);
    await page.close();
  });

  it('suggests 低保 for dibao and for 低报, one tap to run it', async () => {
    for (const query of ['dibao', '低报']) {
      const { page } = await search(query);
      expect(await suggestionsShown(page)).toContain('低保');
      await page.click('[data-suggestion]:text-is("低保")');
      await page.waitForURL(/q=%E4%BD%8E%E4%BF%9D/);
      await page.waitForSelector('[data-search-results][data-exact-count]', { state: 'attached' });
      expect(Number(await page.getAttribute('[data-search-results]', 'data-exact-count'))).toBe(documentsContaining('低保').length);
      await page.close();
    }
  });

  it('on a 375 px phone shows the whole direct answer without scrolling, under one search box', async () => {
    const { page } = await search('资兴', { width: 375, height: 667 });
    expect(await page.locator('input[type="search"]').count()).toBe(1);
    const answer = await page.locator('[data-direct-answers] li').first().boundingBox();
    expect(answer).not.toBeNull();
    expect(answer!.y + answer!.height).toBeLessThanOrEqual(667);
    // On a 375 × 812 phone (iPhone X and later) the first document's title is on the first screen too.
    await page.setViewportSize({ width: 375, height: 812 });
    const first = (await page.locator('[data-result-url]').first().boundingBox())!;
    expect(first.y + first.height).toBeLessThanOrEqual(812);
    await page.close();
  });

  it('shows the empty state with a way to the documents list for a query in no document and no vocabulary', async () => {
    const { page, exact } = await search('量子纠缠');
    expect(exact).toBe(0);
    expect(await directUrls(page)).toEqual([]);
    expect(await suggestionsShown(page)).toEqual([]);
    expect(await page.textContent('[data-search-status]')).toContain('没有找到含“量子纠缠”的文件');
    expect(await page.getAttribute('[data-search-results] a[href="/documents/"]', 'href')).toBe('/documents/');
    await page.close();
  });
});
