/** The task-completion view in a browser: 宣州区's 32 tasks counted on /tasks/ and listed by status on 安徽省's page, definitions one click away. */
import { describe, expect, inject, it } from 'vitest';
import { useBrowser, watchProblems } from './browser.ts';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

describe('the task view', () => {
  it('counts 宣州区’s 32 tasks by status in its chart and table', async () => {
    const page = await browser.newPage();
    const problems = watchProblems(page);
    await page.goto(`${baseUrl}/tasks/`);
    await page.waitForFunction(() => window.gongkaiCharts?.has('status'));
    const row = await page.evaluate(() => {
      const tr = [...document.querySelectorAll('[data-chart-table="status"] tbody tr')].find((r) => r.textContent?.includes('宣州区'))!;
      return [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim());
    });
    expect(row).toEqual(['0', '0', '0', '0', '32', '32']);
    const drawn = await page.evaluate(() => {
      const chart = window.gongkaiCharts!.get('status') as unknown as { data: { labels: string[]; datasets: { label: string; data: number[] }[] } };
      const bar = chart.data.labels.findIndex((label) => String(label).includes('宣州区'));
      return chart.data.datasets.map((d) => [d.label, d.data[bar]]);
    });
    expect(drawn).toEqual([['已完成', 0], ['推进中', 0], ['未启动', 0], ['总结未提及', 0], ['待总结', 32]]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('takes a reader from a count on /tasks/ to those tasks on the province’s page, each linked to its row in the task list', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/tasks/`);
    await page.locator('[data-chart-table="status"] tbody tr', { hasText: '宣州区' }).locator('td a').click();
    await page.waitForURL(/\/tasks\/anhui\/#tasks-anhui-xuancheng-xuanzhou-2023-awaiting-summary$/);
    const awaiting = page.locator('#tasks-anhui-xuancheng-xuanzhou-2023 ul[data-status="awaiting-summary"] > li');
    await expect(awaiting.count()).resolves.toBe(32);
    expect(await page.locator('#tasks-anhui-xuancheng-xuanzhou-2023 ul[data-status="done"]').count()).toBe(0);
    await awaiting.first().locator('a').first().click();
    await page.waitForURL(/\/documents\/anhui\/xuancheng\/xuanzhou\/2023-year-task-list\/#task-1-1$/);
    expect(await page.evaluate(() => document.querySelector(':target')?.tagName)).toBe('TR');
    await page.close();
  });

  it('keeps a link to a task list saved from the old /tasks/ page landing on that region-year’s counts', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/tasks/#tasks-anhui-xuancheng-xuanzhou-2023-awaiting-summary`);
    const target = await page.evaluate(() => ({ tag: document.querySelector(':target')?.tagName, text: document.querySelector(':target')?.textContent?.trim() }));
    expect(target).toEqual({ tag: 'TD', text: '32' });
    await page.close();
  });

  it('takes a reader from a status on a document page to its definition', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/documents/anhui/xuancheng/xuanzhou/2023-year-task-list/`);
    await page.locator('#task-2-2 a.status').click();
    await page.waitForURL(/\/tasks\/#status-awaiting-summary$/);
    const target = await page.evaluate(() => ({ tag: document.querySelector(':target')?.tagName, next: document.querySelector(':target')?.nextElementSibling?.textContent }));
    expect(target.tag).toBe('DT');
    expect(target.next).toContain('尚未发布');
    for (const status of ['done', 'in-progress', 'not-started', 'not-mentioned', 'awaiting-summary']) {
      expect(await page.locator(`#status-definitions #status-${status}`).count()).toBe(1);
    }
    await page.close();
  });
});
