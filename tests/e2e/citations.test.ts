/**
 * One-tap citations: a figure's 复制引用 copies its GB/T 7714 string, with the title, the quote's `#q-` URL and the
 * reader's date as 引用日期, says it copied in a live region, and the URL it copies opens the quoted sentence.
 * Keyboard too; without JavaScript the citation is text on the page to select.
 */
import { describe, expect, inject, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { useBrowser, watchProblems } from './browser.ts';
import { accessDate } from '../../src/domain/citation.ts';

const baseUrl = inject('baseUrl');
const regionPath = '/regions/hunan/chenzhou/zixing/';
const title = '资兴市民政局2023年上半年工作总结';
const browser = useBrowser();

async function clipboardContext(): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
  return context;
}

describe('a figure’s 复制引用', () => {
  it('copies the figure’s citation: title, [EB/OL], an #q- URL and today’s 引用日期, and says so', async () => {
    const context = await clipboardContext();
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${baseUrl}${regionPath}`);
    const answer = page.locator('.figure-answer', { hasText: '城市低保标准 A类' }).first();
    const button = answer.locator('button[data-cite]');
    await button.click();
    const status = answer.locator('[role="status"]');
    await expect.poll(() => status.textContent()).toContain('已复制引用');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain(`${title}[EB/OL]`);
    expect(copied.startsWith('资兴市民政局. ')).toBe(true);
    const date = copied.match(/\[(\d{4}-\d{2}-\d{2})\]/)?.[1];
    expect(date).toBe(accessDate(new Date()));
    const url = copied.match(/https?:\/\/\S+#q-[0-9a-z]+/)?.[0];
    expect(url, copied).toBeDefined();
    // The copied URL names the site's origin; the same path and anchor on the test server opens the sentence.
    const { pathname, hash } = new URL(url!);
    await page.goto(`${baseUrl}${pathname}${hash}`);
    const target = page.locator(':target');
    await expect.poll(() => target.evaluate((el) => el.tagName)).toBe('MARK');
    expect(await target.textContent()).toBe('城市低保A类由500元/月.人提高至550元/月.人');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('works from the keyboard: the button has a name that says which figure it cites', async () => {
    const context = await clipboardContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/documents/hunan/chenzhou/zixing/2023-h1-summary/`);
    const button = page.getByRole('button', { name: /复制引用.*城市最低生活保障标准 B类/ });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('[EB/OL]');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/#q-[0-9a-z]+\.$/);
    await context.close();
  });

  it('copies the document’s own citation from 引用本文, to the document page', async () => {
    const context = await clipboardContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/documents/hunan/chenzhou/zixing/2023-h1-summary/`);
    await page.locator('button[data-cite="cite-document"]').click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toMatch(/\/documents\/hunan\/chenzhou\/zixing\/2023-h1-summary\/\.$/);
    await context.close();
  });
});

describe('without JavaScript', () => {
  it('shows each figure’s citation as selectable text, with 引用日期 to fill in', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl}${regionPath}`);
    const text = page.locator('.figure-answer .cite-text').first();
    expect(await text.isVisible()).toBe(true);
    expect(await text.textContent()).toMatch(/\[EB\/OL\]\. \[引用日期\]\. https?:\/\/\S+#q-/);
    expect(await text.evaluate((el) => getComputedStyle(el).userSelect)).not.toBe('none');
    expect(await page.locator('button[data-cite]').first().isVisible()).toBe(false);
    await context.close();
  });
});
