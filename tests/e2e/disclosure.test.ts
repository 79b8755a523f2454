/**
 * The publishing record in a browser, on the bundled content: a region page's 公开记录 links to its row on its
 * province's page of /disclosure/, the row links back to the region page's year table, and the national table
 * leads to each province's page.
 */
import { describe, expect, inject, it } from 'vitest';
import { useBrowser, watchProblems } from './browser.ts';
import { runAxe, sidewaysOverflow } from './page-checks.ts';
import { viewports } from './site-pages.ts';
import { readability } from './table-checks.ts';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

describe('the publishing record', () => {
  it('takes a reader from 宣州区’s 公开记录 to its row on 安徽省’s page, and back', async () => {
    const page = await browser.newPage();
    const problems = watchProblems(page);
    await page.goto(`${baseUrl}/regions/anhui/xuancheng/xuanzhou/`);
    const record = page.locator('#publishing-record');
    expect(await record.locator('table tbody tr').count()).toBe(1);
    expect(await record.textContent()).toContain('本站未收录2023年的年度（或下半年）工作总结（已收录该年的重点工作任务清单）');
    await record.getByRole('link', { name: '各地公开记录' }).click();
    await page.waitForURL((url) => url.pathname === '/disclosure/anhui/' && url.hash === '#region-341802');
    const row = page.locator('#region-341802');
    await expect.poll(() => row.isVisible()).toBe(true);
    await row.getByRole('link', { name: '宣州区' }).click();
    await page.waitForURL((url) => url.pathname === '/regions/anhui/xuancheng/xuanzhou/' && url.hash === '#publishing-record');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('leads from the national table of provinces to a province’s page, where its cities and counties are', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/disclosure/`);
    expect(await page.locator('#region-341802').count()).toBe(0);
    await page.locator('#region-340000').getByRole('link', { name: '安徽省' }).click();
    await page.waitForURL((url) => url.pathname === '/disclosure/anhui/');
    expect(await page.locator('#region-341800').isVisible()).toBe(true);
    expect(await page.locator('#region-341802').isVisible()).toBe(true);
    await page.getByRole('navigation', { name: '当前位置' }).getByRole('link', { name: '公开记录' }).click();
    await page.waitForURL((url) => url.pathname === '/disclosure/');
    await page.close();
  });

  // The quality tests of site-pages.ts load both pages too; these measure the tables themselves.
  for (const path of ['/disclosure/', '/disclosure/anhui/']) {
    for (const viewport of viewports) {
      it.each([false, true])(`reads ${path} at ${viewport.width} px (大字模式: %s): tables readable, no sideways scroll, no axe violation`, async (elder) => {
        const context = await browser.newContext({ viewport, locale: 'zh-CN' });
        if (elder) await context.addInitScript(() => localStorage.setItem('gongkai:elder-mode', 'on'));
        const page = await context.newPage();
        await page.goto(`${baseUrl}${path}`);
        if (elder) expect(await page.evaluate(() => document.documentElement.hasAttribute('data-elder'))).toBe(true);
        const measured = await readability(page);
        expect(measured.cells).toBeGreaterThan(4);
        expect.soft(measured.narrow, 'cells narrower than four characters').toEqual([]);
        expect.soft(measured.split, 'numbers, dates and periods split across lines').toEqual([]);
        expect.soft(measured.clipped, 'content cut off or wider than the screen').toEqual([]);
        expect.soft(await sidewaysOverflow(page), 'the page scrolls sideways').toBeLessThanOrEqual(0);
        expect.soft(await runAxe(page)).toEqual([]);
        await context.close();
      });
    }
  }
});
