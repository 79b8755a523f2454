/**
 * Tables a citizen can read on a phone (issue 12). At 375 px, in normal and 大字模式, on every kind of page: no
 * table cell or card field that holds more than four characters is narrower than four characters; no number,
 * date or period inside one is split across lines; nothing in it is cut off and nothing is wider than the
 * screen. Below 40rem the figure, task and chart tables are cards, and still tables to a screen reader; on a
 * desktop they keep their columns and names never stack.
 * The measurements are in ./table-checks.ts.
 */
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from './browser.ts';
import { builtPages, sitePages, viewports } from './site-pages.ts';
import { openPage, sidewaysOverflow } from './page-checks.ts';
import { readability } from './table-checks.ts';

const baseUrl = inject('baseUrl');
const pages = builtPages(inject('distDir'));
const [phone, desktop] = viewports;
const browser = useBrowser();

async function open(sitePage: (typeof pages)[number], viewport: (typeof viewports)[number], elder: boolean) {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  const { page } = await openPage(context, baseUrl, sitePage);
  if (elder) {
    await page.locator('[data-elder-toggle]').click();
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-elder'));
    await page.waitForTimeout(50);
  }
  return { context, page };
}

for (const elder of [false, true]) {
  describe(`on a phone (375 px)${elder ? ' in 大字模式' : ''}`, () => {
    it.each(pages)('the $kind page shows its tables readably: cells four characters wide or more, numbers on one line, nothing cut off', async (sitePage) => {
      const { context, page } = await open(sitePage, phone, elder);
      const measured = await readability(page);
      expect.soft(measured.narrow, 'cells narrower than four characters').toEqual([]);
      expect.soft(measured.split, 'numbers, dates and periods split across lines').toEqual([]);
      expect.soft(measured.clipped, 'content cut off or wider than the screen').toEqual([]);
      expect.soft(await sidewaysOverflow(page), 'the page scrolls sideways').toBeLessThanOrEqual(0);
      await context.close();
    });
  });
}

describe('the phone cards', () => {
  const taskList = sitePages.find((p) => p.kind === 'document with tasks')!;

  it('show each of 宣州’s 32 tasks as a card, its fields named by their column, in a table half its old height', async () => {
    const { context, page } = await open(taskList, phone, false);
    const cards = await page.evaluate(() => {
      const rows = [...document.querySelectorAll<HTMLElement>('.task-table tbody tr[id^="task-"]')];
      const row = rows.find((r) => r.textContent?.includes('健全分层分类的社会救助体系'))!;
      const owner = row.querySelector('[data-label="责任科室"]')!;
      return {
        count: rows.length,
        display: getComputedStyle(row).display,
        ownerLabel: getComputedStyle(owner, '::before').content,
        ownerLines: Math.round(owner.getBoundingClientRect().height / parseFloat(getComputedStyle(owner).lineHeight)),
        tableHeight: Math.round(document.querySelector('.task-table')!.getBoundingClientRect().height),
        pageHeight: document.documentElement.scrollHeight,
      };
    });
    expect(cards.count).toBe(32);
    expect(cards.display).toBe('flex');
    expect(cards.ownerLabel).toContain('责任科室');
    // "责任科室：社会救助科" is one line, not one character per line.
    expect(cards.ownerLines).toBe(1);
    // Before the cards the task table alone was 22,002 px at 375 px (38,924 px in 大字模式), the page 40,213 px.
    expect(cards.tableHeight).toBeLessThan(22_002 * 0.6);
    expect(cards.pageHeight).toBeLessThan(40_213 * 0.7);
    console.log(`readable tables: 宣州 task list at 375 px: task table ${cards.tableHeight} px, page ${cards.pageHeight} px`);
    await context.close();
  });

  it('are still a table with rows, column headers and cells to a screen reader', async () => {
    const { context, page } = await open(taskList, phone, false);
    const session = await context.newCDPSession(page);
    const { nodes } = (await session.send('Accessibility.getFullAXTree')) as { nodes: { role?: { value?: string }; name?: { value?: string }; ignored?: boolean }[] };
    const roles = nodes.filter((n) => !n.ignored).map((n) => n.role?.value);
    const count = (role: string) => roles.filter((r) => r === role).length;
    expect(count('table')).toBeGreaterThanOrEqual(1);
    expect(count('columnheader')).toBeGreaterThanOrEqual(6);
    expect(count('rowheader')).toBeGreaterThanOrEqual(32);
    expect(count('row')).toBeGreaterThanOrEqual(33);
    expect(count('cell')).toBeGreaterThanOrEqual(32 * 4);
    await context.close();
  });
});

describe('on a desktop (1280 px)', () => {
  it.each(pages)('the $kind page keeps its tables as columns, none narrower than four characters', async (sitePage) => {
    const { context, page } = await open(sitePage, desktop, false);
    const displays = await page.evaluate(() => [...document.querySelectorAll('table')].filter((t) => t.checkVisibility()).map((t) => getComputedStyle(t).display));
    expect(displays.every((d) => d === 'table')).toBe(true);
    const measured = await readability(page);
    expect.soft(measured.narrow, 'cells narrower than four characters').toEqual([]);
    expect.soft(measured.split, 'numbers, dates and periods split across lines').toEqual([]);
    await context.close();
  });

  it('sets every 分管领导 of 宣州’s task list on one line: names never stack', async () => {
    const { context, page } = await open(sitePages.find((p) => p.kind === 'document with tasks')!, desktop, false);
    const stacked = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.task-table td.task-table__name')]
        .filter((td) => td.textContent!.trim().length > 0)
        .flatMap((td) => {
          const range = document.createRange();
          range.selectNodeContents(td);
          const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          // Two leaders (周利宏 张文娟) may take two lines, one each; a single name takes one.
          return tops.size > td.textContent!.trim().split(/\s+/).length ? [`${td.textContent!.trim()} on ${tops.size} lines`] : [];
        }),
    );
    expect(stacked).toEqual([]);
    await context.close();
  });
});
