/**
 * Keyboard use on every kind of page: the first Tab lands on the skip link, which moves focus to the main
 * content; Tab reaches every visible interactive element; each shows a focus ring when it has focus.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from './browser.ts';
import { builtPages, viewports } from './site-pages.ts';
import { openPage } from './page-checks.ts';

const baseUrl = inject('baseUrl');
const pages = builtPages(inject('distDir'));
const browser = useBrowser();

interface Focused {
  key: string;
  outline: number;
  shadow: boolean;
}

/** A stable description of the focused element and how visible its focus is. */
async function focused(page: Page): Promise<Focused | undefined> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return undefined;
    const style = getComputedStyle(el);
    const all = [...document.querySelectorAll('*')];
    // Elements tagged by `interactive` keep their key when charts drawn on scroll add elements before them.
    const tagged = (el as HTMLElement).dataset.keyboardKey;
    return {
      key: tagged ?? `${el.tagName.toLowerCase()}[${all.indexOf(el)}] ${(el.textContent ?? '').trim().slice(0, 24) || el.getAttribute('aria-label') || el.id}`,
      outline: style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth),
      shadow: style.boxShadow !== 'none',
    };
  });
}

/** Visible elements a keyboard user must be able to reach, described like `focused` does. */
async function interactive(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const all = [...document.querySelectorAll('*')];
    return [...document.querySelectorAll<HTMLElement>('a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), select, textarea, summary, [tabindex]:not([tabindex="-1"])')]
      .filter((el) => el.checkVisibility({ visibilityProperty: true }) && el.tabIndex >= 0 && !el.closest('[inert]'))
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && box.height > 0;
      })
      .map((el) => {
        const key = `${el.tagName.toLowerCase()}[${all.indexOf(el)}] ${(el.textContent ?? '').trim().slice(0, 24) || el.getAttribute('aria-label') || el.id}`;
        el.dataset.keyboardKey = key;
        return key;
      });
  });
}

describe('keyboard', () => {
  for (const viewport of viewports) {
    it.each(pages)(`on a ${viewport.name}, the $kind page starts with a skip link to the main content`, async (sitePage) => {
      const context = await browser.newContext({ viewport });
      const { page } = await openPage(context, baseUrl, sitePage);
      await page.keyboard.press('Tab');
      const first = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const box = el.getBoundingClientRect();
        return { href: el.getAttribute('href'), visible: box.top >= 0 && box.bottom <= innerHeight && box.width > 0 };
      });
      expect(first).toEqual({ href: '#main', visible: true });
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
      // The next Tab continues from the main content, not from the top of the page.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
      await context.close();
    });
  }

  it.each(pages)('every interactive element of the $kind page is reachable with Tab and shows a focus ring', async (sitePage) => {
    const context = await browser.newContext({ viewport: viewports[1] });
    const { page } = await openPage(context, baseUrl, sitePage);
    const expected = await interactive(page);
    const reached = new Map<string, Focused>();
    for (let i = 0; i < expected.length + 20; i++) {
      await page.keyboard.press('Tab');
      const now = await focused(page);
      if (!now) continue;
      if (reached.has(now.key)) break; // wrapped around
      reached.set(now.key, now);
    }
    expect(expected.filter((key) => !reached.has(key)), 'not reachable with Tab').toEqual([]);
    const noRing = [...reached.values()].filter((f) => f.outline <= 0 && !f.shadow).map((f) => f.key);
    expect(noRing, 'no visible focus ring').toEqual([]);
    await context.close();
  });
});
