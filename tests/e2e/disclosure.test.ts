/**
 * The publishing record in a browser, on the bundled content: a region page's 公开记录 links to its row on
 * /disclosure/, which opens the folds around it; the row links back to the region page's year table.
 */
import { describe, expect, inject, it } from 'vitest';
import { useBrowser, watchProblems } from './browser.ts';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

describe('the publishing record', () => {
  it('takes a reader from 宣州区’s 公开记录 to its row on /disclosure/, opening its province’s and city’s folds, and back', async () => {
    const page = await browser.newPage();
    const problems = watchProblems(page);
    await page.goto(`${baseUrl}/regions/anhui/xuancheng/xuanzhou/`);
    const record = page.locator('#publishing-record');
    expect(await record.locator('table tbody tr').count()).toBe(1);
    expect(await record.textContent()).toContain('本站未收录2023年的年度（或下半年）工作总结（已收录该年的重点工作任务清单）');
    await record.getByRole('link', { name: '各地公开记录' }).click();
    await page.waitForURL((url) => url.pathname === '/disclosure/' && url.hash === '#region-341802');
    const row = page.locator('#region-341802');
    await expect.poll(() => row.isVisible()).toBe(true);
    expect(await page.evaluate(() => [...document.querySelectorAll('details')].filter((d) => d.contains(document.getElementById('region-341802'))).map((d) => d.open))).toEqual([true, true]);
    await row.getByRole('link', { name: '宣州区' }).click();
    await page.waitForURL((url) => url.pathname === '/regions/anhui/xuancheng/xuanzhou/' && url.hash === '#publishing-record');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('keeps the cities and counties folded until a reader opens them', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/disclosure/`);
    expect(await page.locator('#region-341802').isVisible()).toBe(false);
    await page.locator('#region-340000 > details > summary').click();
    await page.locator('#region-341800-counties > summary').click();
    expect(await page.locator('#region-341802').isVisible()).toBe(true);
    await page.close();
  });
});
