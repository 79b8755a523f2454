/**
 * Tasks and targets across years in a browser, on a fixture site built for this file (tests/fixtures/promises-site:
 * 余杭区's 2021 and 2022 plans and summaries): a task's 历年情况 link on its row lands on its history, a step's link
 * lands on the task's row in the other year's plan, /tasks/ lists the repeated and the dropped tasks, a target's
 * history links each figure to its sentence in the other documents, and the pages pass the quality checks at 375
 * and 1280 px, with 大字模式 too.
 */
import { describe, expect, it } from 'vitest';
import { useBrowser } from './browser.ts';
import { useFixtureSite } from './fixture-site.ts';
import { openPage, runAxe, sidewaysOverflow } from './page-checks.ts';
import { viewports } from './site-pages.ts';

const browser = useBrowser();
const server = useFixtureSite('promises-site');

const plan2021 = '/documents/zhejiang/hangzhou/yuhang/2021-year-plan/';
const plan2022 = '/documents/zhejiang/hangzhou/yuhang/2022-year-plan/';
const summary2021 = '/documents/zhejiang/hangzhou/yuhang/2021-year-summary/';

describe('a task repeated in two years’ plans', () => {
  it('links its row to its history, and the history’s 2021 step to the task’s row in the 2021 plan', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}${plan2022}`);
    await page.locator('#task-1-1 a', { hasText: '历年情况' }).click();
    await page.waitForURL((url) => url.hash === '#task-history-1-1');
    const history = page.locator(':target');
    expect(await history.locator('.task-history__line').textContent()).toContain('再次提出 2022（目标由“全年新增养老床位200张”改为“全年新增养老床位300张”）');
    await history.locator('a', { hasText: '余杭区民政局2021年工作计划（测试）' }).click();
    await page.waitForURL((url) => url.pathname === plan2021 && url.hash === '#task-1-1');
    expect(await page.evaluate(() => document.querySelector(':target')?.tagName)).toBe('TR');
    await page.close();
  });

  it('marks the page’s own step in its history', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}${plan2021}`);
    const current = page.locator('#task-history-1-1 [aria-current="step"]');
    expect(await current.textContent()).toContain('2021年 提出');
    await page.close();
  });

  it('is listed on /tasks/, and the dropped 2021 task beside it, each linked to its row', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/tasks/`);
    expect(await page.locator('#repeated .task-history').count()).toBe(2);
    const dropped = page.locator('#dropped li');
    expect(await dropped.count()).toBe(1);
    await dropped.locator('a', { hasText: '建设未成年人保护工作站' }).click();
    await page.waitForURL((url) => url.pathname === plan2021 && url.hash === '#task-2-1');
    await page.close();
  });
});

describe('a target raised across two plans and reported by the summaries', () => {
  it('links the 2021 summary’s figure from the 2022 plan’s target history to the sentence that states it', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}${plan2022}`);
    const history = page.locator('#target-history-new-elderly-care-beds-target');
    expect(await history.locator('.task-history__line').textContent()).toContain('2021年总结报告 180 张（低于目标）');
    expect(await history.locator('[aria-current="step"]').textContent()).toContain('2022年目标 300 张（目标提高）');
    await history.locator('a', { hasText: '余杭区民政局2021年工作总结（测试）' }).click();
    await page.waitForURL((url) => url.pathname === summary2021 && url.hash.startsWith('#q-'));
    expect(await page.evaluate(() => document.querySelector(':target')?.textContent)).toBe('全年新增养老床位180张');
    await page.close();
  });
});

for (const viewport of viewports) {
  for (const elder of [false, true]) {
    describe(`on a ${viewport.name} (${viewport.width} px)${elder ? ', 大字模式' : ''}`, () => {
      it.each([
        { kind: 'plan with task histories', path: plan2022, file: '' },
        { kind: 'tasks with repeated and dropped tasks', path: '/tasks/', file: '' },
        { kind: 'summary with a target history', path: summary2021, file: '' },
        { kind: 'metric with target histories', path: '/metrics/new-elderly-care-beds/', file: '' },
      ])('the $kind page has no axe violation, console error, failed request or CSP violation', async (sitePage) => {
        const context = await browser.newContext({ viewport, locale: 'zh-CN' });
        if (elder) await context.addInitScript(() => localStorage.setItem('gongkai:elder-mode', 'on'));
        const { page, problems } = await openPage(context, server.url, sitePage);
        expect(await runAxe(page)).toEqual([]);
        expect(await problems()).toEqual([]);
        if (viewport.width <= 375) expect(await sidewaysOverflow(page), 'the page scrolls sideways').toBeLessThanOrEqual(0);
        await context.close();
      });
    });
  }
}
