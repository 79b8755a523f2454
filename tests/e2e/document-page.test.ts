import { describe, expect, inject, it } from 'vitest';
import { useBrowser, watchProblems } from './browser.ts';
import { quoteAnchor } from '../../src/domain/anchors.ts';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

describe('a document page', () => {
  it('scrolls to and highlights the quoted sentence a figure links to', async () => {
    const page = await browser.newPage();
    const problems = watchProblems(page);
    const anchor = quoteAnchor('全区养老床位总数达6331张');
    await page.goto(`${baseUrl}/documents/jiangsu/changzhou/jintan/2017-h1-summary/#${anchor}`);
    const mark = page.locator(`mark#${anchor}`);
    await expect(mark.textContent()).resolves.toBe('全区养老床位总数达6331张');
    expect(await mark.evaluate((el) => el.matches(':target'))).toBe(true);
    expect(await mark.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
    expect(problems).toEqual([]);
    await page.close();
  });
});
