/**
 * How readable a page's tables are as laid out now: cells and card fields narrower than four characters, numbers,
 * dates and periods split across lines, content cut off or wider than the screen (tests/e2e/readable-tables.test.ts).
 *
 * The patterns below say what "a number, date or period" is on their own terms; they are not the site's
 * src/domain/keep-together.ts, so a gap in that rule shows up as a failure.
 */
import type { Page } from 'playwright-core';

/** What must stay on one line: `2021—2025年`, `2023年8月28日`, `2023年上半年`, `550 元/人/月`, `6,331张`, `55%`, `2023-08-28`. */
const unbreakable = [
  String.raw`\d{4}\s*[—–-]\s*\d{4}年`,
  String.raw`\d{4}年\d{1,2}月\d{1,2}日`,
  String.raw`\d{4}年\d{1,2}月`,
  String.raw`\d{4}年[上下]半年`,
  String.raw`\d{4}-\d{2}-\d{2}`,
  String.raw`\d[\d,，.]*\s?(?:元\/人\/月|元\/人\/年|元\/月|元\/年|万元|元|万张|张|万人|人|%|个|家|户|岁|项)`,
  String.raw`\d{4}年`,
  String.raw`\d[\d,，.]*\d`,
].join('|');

export interface Readability {
  /** Table cells and card fields narrower than four of their characters. */
  narrow: string[];
  /** Numbers, dates and periods set on more than one line. */
  split: string[];
  /** Cells, cards and captions whose content is cut off, and elements wider than the screen. */
  clipped: string[];
  /** How many cells were measured (a page with tables must measure some). */
  cells: number;
}

/** Measures every table on the page, as laid out now. */
export async function readability(page: Page): Promise<Readability> {
  return page.evaluate((pattern) => {
    const short = (el: Element) => `${el.tagName.toLowerCase()}${el.getAttribute('data-label') ? `[${el.getAttribute('data-label')}]` : ''} “${(el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 24)}”`;
    const viewport = document.documentElement.clientWidth;
    const result = { narrow: [] as string[], split: [] as string[], clipped: [] as string[], cells: 0 };
    const visible = (el: Element) => el.checkVisibility({ visibilityProperty: true }) && !el.closest('thead') && el.getClientRects().length > 0;

    // Table cells, card fields, and the fields of each figure's answer card and of a document's metadata.
    const cells = [...document.querySelectorAll<HTMLElement>('table th, table td, table caption, [data-label], .figure-answer dd, .doc-meta dd')].filter(visible);
    for (const cell of cells) {
      result.cells += 1;
      const style = getComputedStyle(cell);
      const fontSize = parseFloat(style.fontSize);
      const contentWidth = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      const characters = [...(cell.textContent ?? '').replace(/\s+/g, '')].length;
      if (characters > 4 && contentWidth < fontSize * 4 - 0.5) result.narrow.push(`${short(cell)} is ${Math.round(contentWidth)} px wide at ${fontSize} px text`);
      if (cell.scrollWidth > cell.clientWidth + 1) result.clipped.push(`${short(cell)} cuts off its content (${cell.scrollWidth} px in ${cell.clientWidth} px)`);
      const box = cell.getBoundingClientRect();
      if (box.right > viewport + 1 || box.left < -1) result.clipped.push(`${short(cell)} lies outside the screen (${Math.round(box.left)}–${Math.round(box.right)} of ${viewport})`);
    }
    for (const row of document.querySelectorAll<HTMLElement>('table tr')) {
      if (!visible(row)) continue;
      if (row.getBoundingClientRect().width > viewport + 1) result.clipped.push(`${short(row)} is wider than the screen`);
    }
    for (const table of document.querySelectorAll<HTMLTableElement>('table')) {
      if (visible(table) && table.getBoundingClientRect().width > viewport + 1) result.clipped.push(`table “${table.caption?.textContent?.trim().slice(0, 24) ?? ''}” is ${Math.round(table.getBoundingClientRect().width)} px wide on a ${viewport} px screen`);
    }

    const matcher = new RegExp(pattern, 'g');
    // A 索引号 in the metadata list is a code, not a number: it may wrap (.doc-meta is measured for width only).
    // A document's body paragraphs and list items too: a phone's line must not end between 550 and 元.
    const roots = [...document.querySelectorAll('table, .figure-answer, .headline-figures, .doc-body p, .doc-body li')].filter(visible);
    for (const root of roots) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        const parent = node.parentElement;
        if (!parent || !visible(parent)) continue;
        for (const match of text.matchAll(matcher)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const rects = [...range.getClientRects()].filter((r) => r.width > 0);
          const tops = rects.map((r) => r.top);
          const lineHeight = parseFloat(getComputedStyle(parent).fontSize);
          if (tops.length > 1 && Math.max(...tops) - Math.min(...tops) > lineHeight / 2) result.split.push(`“${match[0]}” in ${short(parent.closest('th, td, caption') ?? parent)} is split over ${rects.length} lines`);
        }
      }
    }
    return result;
  }, unbreakable);
}

