/**
 * What the quality tests do to a loaded page: open it while recording every problem (console errors, failed
 * requests, CSP violations), wait for its scripts, run axe-core, measure overflow.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { watchProblems } from './browser.ts';
import type { SitePage } from './site-pages.ts';

const require = createRequire(import.meta.url);
/**
 * axe-core's source, evaluated in the page through the DevTools protocol (`page.evaluate`), which the page's
 * Content-Security-Policy does not govern: a `<script>` tag added with `addScriptTag` would be refused by the
 * policy, and a context with `bypassCSP` would hide the very violations these tests look for.
 */
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Records `securitypolicyviolation` events from the first byte of every document the page loads. */
const recordViolations = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations.push(event.violatedDirective + ' blocked ' + (event.blockedURI || 'inline') + ' at ' + (event.sourceFile || '') + ':' + event.lineNumber);
  });
`;

export interface OpenedPage {
  page: Page;
  /** Console errors, page errors, failed requests, HTTP errors, CSP violations so far. */
  problems(): Promise<string[]>;
}

export async function openPage(context: BrowserContext, baseUrl: string, sitePage: SitePage): Promise<OpenedPage> {
  const page = await context.newPage();
  await page.addInitScript(recordViolations);
  const recorded = watchProblems(page);
  // System fonts only: a Chinese web font costs 6–7 MB a style.
  page.on('request', (request) => {
    if (request.resourceType() === 'font') recorded.push(`web font downloaded: ${request.url()}`);
  });
  const response = await page.goto(`${baseUrl}${sitePage.path}`, { waitUntil: 'load' });
  if (!sitePage.notFound && response?.status() !== 200) recorded.push(`HTTP ${response?.status()} for the page itself`);
  await waitUntilReady(page, sitePage);
  return {
    page,
    async problems() {
      const violations = await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
      // The 404 page is served with status 404 on purpose: Chromium logs that one response as a console error.
      const expected = sitePage.notFound ? recorded.findIndex((p) => p.startsWith('console: Failed to load resource: the server responded with a status of 404')) : -1;
      return [...recorded.filter((_, i) => i !== expected), ...violations.map((v) => `CSP violation: ${v}`)];
    },
  };
}

/** Charts and search results are drawn by scripts after `load`: wait for them, or for the network to settle. */
export async function waitUntilReady(page: Page, sitePage: SitePage): Promise<void> {
  await page.waitForLoadState('networkidle');
  if (sitePage.ready === 'chart') {
    await page.waitForFunction(() => [...document.querySelectorAll('canvas')].every((c) => c.width > 0), undefined, { timeout: 10_000 }).catch(() => undefined);
  }
  // Let a script that renders on idle or after a debounce finish (search results, chart animation off).
  await page.waitForTimeout(sitePage.ready ? 500 : 50);
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

export async function runAxe(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`) }));
  }, wcagTags);
}

/** How far the page scrolls sideways, in CSS pixels (0 when it does not). */
export async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - document.documentElement.clientWidth);
}

/**
 * Interactive elements that are visible but cut off: outside the viewport sideways (unless inside their own
 * scrolling box, such as a wide table), or whose own text overflows its box.
 */
export async function clippedControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} “${(el.textContent ?? '').trim().slice(0, 20) || el.getAttribute('aria-label') || (el as HTMLInputElement).placeholder || ''}”`;
    const inScrollBox = (el: Element) => {
      for (let parent = el.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        const overflowX = getComputedStyle(parent).overflowX;
        if (overflowX === 'auto' || overflowX === 'scroll') return true;
      }
      return false;
    };
    const width = document.documentElement.clientWidth;
    const clipped: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary')) {
      if (!el.checkVisibility({ visibilityProperty: true }) || el.closest('.visually-hidden, .skip-link')) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (!inScrollBox(el) && (box.left < -1 || box.right > width + 1)) clipped.push(`${describe(el)} lies outside the viewport (${Math.round(box.left)}–${Math.round(box.right)} of ${width})`);
      if ((el.tagName === 'BUTTON' || el.tagName === 'SUMMARY') && el.scrollWidth > el.clientWidth + 1) clipped.push(`${describe(el)} cuts off its text`);
    }
    return clipped;
  });
}
