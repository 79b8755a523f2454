import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser, watchProblems } from './browser.ts';
import { documentsContaining } from './bundled-content.ts';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

async function settled(page: Page): Promise<number> {
  await page.waitForSelector('[data-search-results][data-exact-count]', { state: 'attached' });
  return Number(await page.getAttribute('[data-search-results]', 'data-exact-count'));
}

async function resultUrls(page: Page): Promise<string[]> {
  return page.$$eval('[data-result-url]', (links) => links.map((link) => link.getAttribute('data-result-url') ?? ''));
}

describe('the search page', () => {
  it('lists exactly the documents containing a query typed into the header box', async () => {
    const page = await browser.newPage();
    const problems = watchProblems(page);
    await page.goto(`${baseUrl}/`);
    await page.fill('#site-search', '养老床位');
    await page.press('#site-search', 'Enter');
    await page.waitForURL(/\/search\/\?q=/);
    // 养老床位 occurs in 崇明 (为老实事项目), 金坛 (养老床位总数), 上海 2009 (新增1万张养老床位) and what else the content holds.
    const expected = documentsContaining('养老床位');
    expect(expected).toEqual(expect.arrayContaining(['/documents/jiangsu/changzhou/jintan/2017-h1-summary/', '/documents/shanghai/2009-year-plan/']));
    expect(await settled(page)).toBe(expected.length);
    expect((await resultUrls(page)).sort()).toEqual(expected);
    const excerpt = await page.locator('.search-result__excerpt mark').first().textContent();
    expect(excerpt).toBe('养老床位');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('requires every part of a query with spaces', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/search/?q=${encodeURIComponent('低保 护理型床位')}`);
    const expected = documentsContaining('低保 护理型床位');
    expect(expected).toContain('/documents/jiangsu/changzhou/jintan/2017-h1-summary/');
    expect(await settled(page)).toBe(expected.length);
    expect((await resultUrls(page)).sort()).toEqual(expected);
    await page.close();
  });

  it('filters by year and keeps the filter in a URL that can be shared', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/search/?q=${encodeURIComponent('低保')}`);
    const all = await settled(page);
    expect(all).toBeGreaterThan(2);
    // The filters are folded under one control, which says how many are set.
    expect(await page.isVisible('#search-year')).toBe(false);
    await page.click('[data-search-filters] > summary');
    await page.selectOption('#search-year', '2017');
    await page.waitForURL(/year=2017/);
    expect(await page.textContent('[data-filter-count]')).toBe('已选 1 项');
    const filtered = await settled(page);
    expect(filtered).toBeLessThan(all);
    expect((await resultUrls(page)).sort()).toEqual(documentsContaining('低保', { year: 2017 }));
    const shared = page.url();
    const other = await browser.newPage();
    await other.goto(shared);
    expect(await settled(other)).toBe(filtered);
    expect(await other.inputValue('#search-year')).toBe('2017');
    expect(await other.textContent('[data-filter-count]')).toBe('已选 1 项');
    expect(await other.inputValue('#search-q')).toBe('低保');
    await other.close();
    await page.close();
  });

  it('filters by region, including the region’s counties', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/search/?q=${encodeURIComponent('民政')}&region=shanghai`);
    expect(await settled(page)).toBe(documentsContaining('民政', { region: 'shanghai' }).length);
    expect((await resultUrls(page)).every((url) => url.startsWith('/documents/shanghai/'))).toBe(true);
    await page.close();
  });

  it('opens a result scrolled to its first match, highlighted', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 375, height: 700 });
    await page.goto(`${baseUrl}/search/?q=${encodeURIComponent('护理型床位')}`);
    expect(await settled(page)).toBe(documentsContaining('护理型床位').length);
    await page.click('[data-result-url="/documents/jiangsu/changzhou/jintan/2017-h1-summary/"]');
    await page.waitForURL(/\/documents\/jiangsu\/changzhou\/jintan\/2017-h1-summary\/\?hl=/);
    const hit = page.locator('mark.search-hit').first();
    await expect(hit.textContent()).resolves.toBe('护理型床位');
    expect(await hit.evaluate((el) => el === document.activeElement)).toBe(true);
    const box = await hit.boundingBox();
    expect(box && box.y >= 0 && box.y < 700).toBe(true);
    await page.close();
  });

  it('says so when nothing contains the query', async () => {
    const page = await browser.newPage();
    const problems = watchProblems(page);
    await page.goto(`${baseUrl}/search/?q=${encodeURIComponent('龘龘龘')}`);
    expect(await settled(page)).toBe(0);
    expect(await resultUrls(page)).toEqual([]);
    await expect(page.locator('[data-search-status]').textContent()).resolves.toContain('没有找到');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('lists the other form of an abbreviation as related results after the exact ones', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/search/?q=${encodeURIComponent('最低生活保障')}`);
    const exact = await settled(page);
    const items = await page.$$eval('.search-result', (els) => els.map((el) => Boolean(el.querySelector('.search-result__related'))));
    expect(items.slice(0, exact).every((related) => !related)).toBe(true);
    expect(items.slice(exact).length).toBeGreaterThan(0);
    expect(items.slice(exact).every((related) => related)).toBe(true);
    await page.close();
  });

  it('tells readers without JavaScript where to browse instead', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/search/?q=${encodeURIComponent('低保')}`);
    const html = await page.content();
    expect(html).toContain('搜索需要浏览器启用 JavaScript');
    expect(await page.locator('noscript a[href="/documents/"]').count()).toBe(1);
    await context.close();
  });
});
