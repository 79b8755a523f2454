/**
 * What a page makes a phone download, measured in Chromium (every script the page loads, inline or fetched,
 * gzipped as a server would send it): a document page ships only the JavaScript every page shares (the
 * header's search box and the 适老化 switch), a chart page at most 60 KB of gzipped JavaScript in all, and
 * no page downloads a web font (a Chinese font is 6–7 MB a style: system fonts only).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from './browser.ts';
import { openPage } from './page-checks.ts';
import { builtPages, sitePages, type SitePage } from './site-pages.ts';

const baseUrl = inject('baseUrl');
const distDir = inject('distDir');
const chartBudget = 60 * 1024;
const browser = useBrowser();

interface Shipped {
  /** Script URL (path) or `inline:<first 40 characters>` → gzipped bytes. */
  scripts: Map<string, number>;
  fonts: string[];
}

/** The key of src/scripts/cite.ts, which Astro inlines into the pages with a 复制引用 button. */
const citeScript = 'inline:cite';

async function shipped(sitePage: SitePage): Promise<Shipped> {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
  const scripts = new Map<string, number>();
  const fonts: string[] = [];
  context.on('response', async (response) => {
    const type = response.request().resourceType();
    if (type === 'font') fonts.push(response.url());
    if (type === 'script' && response.ok()) scripts.set(new URL(response.url()).pathname, gzipSync(await response.body(), { level: 9 }).length);
  });
  const { page } = await openPage(context, baseUrl, sitePage);
  const inline = await page.evaluate(() =>
    [...document.querySelectorAll('script:not([src])')].filter((s) => !s.getAttribute('type') || s.getAttribute('type') === 'module' || s.getAttribute('type') === 'text/javascript').map((s) => s.textContent ?? ''),
  );
  for (const source of inline) scripts.set(source.includes('button[data-cite]') ? citeScript : `inline:${source.slice(0, 40)}`, gzipSync(Buffer.from(source), { level: 9 }).length);
  await context.close();
  return { scripts, fonts };
}

const total = (s: Shipped) => [...s.scripts.values()].reduce((a, b) => a + b, 0);
const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const byKind = (kind: string) => sitePages.find((p) => p.kind === kind)!;

describe('page weight', () => {
  it('a document page ships no JavaScript beyond what every page shares', async () => {
    const shared = await shipped(byKind('about'));
    for (const kind of ['document with figures', 'document with tasks']) {
      const documentScripts = await shipped(byKind(kind));
      // Beyond the shared scripts, only the one-tap citation copier (src/scripts/cite.ts) of 引用本文 and the figures.
      const extra = [...documentScripts.scripts.keys()].filter((key) => !shared.scripts.has(key) && key !== citeScript);
      expect(documentScripts.scripts.get(citeScript) ?? 0, 'the citation copier').toBeLessThanOrEqual(2 * 1024);
      console.log(`weight: ${kind}: ${documentScripts.scripts.size} scripts, ${kilobytes(total(documentScripts))} gzipped JS (${[...documentScripts.scripts.keys()].join(', ')})`);
      expect(extra, `${kind} ships more than the shared scripts`).toEqual([]);
    }
    // What every page shares stays small: the 适老化 switch and the search box.
    expect(total(shared)).toBeLessThanOrEqual(10 * 1024);
  });

  it('a chart page ships at most 60 KB of gzipped JavaScript', async () => {
    const chartPage = builtPages(distDir, [byKind('metric with chart')])[0]!;
    const chart = await shipped(chartPage);
    console.log(`weight: ${chartPage.path}: ${chart.scripts.size} scripts, ${kilobytes(total(chart))} gzipped JS`);
    for (const [script, bytes] of chart.scripts) console.log(`  ${script}: ${kilobytes(bytes)}`);
    expect(total(chart)).toBeLessThanOrEqual(chartBudget);
  });

  // Font downloads on every page are also reported as problems by openPage (tests/e2e/accessibility.test.ts).
  it('the home and chart pages download no web font', async () => {
    for (const kind of ['home', 'metric with chart']) expect((await shipped(byKind(kind))).fonts, kind).toEqual([]);
  });

  // Not a budget, a record: the numbers docs/quality.md reports per page kind.
  it('reports the gzipped JavaScript of every kind of page', async () => {
    for (const sitePage of builtPages(distDir)) {
      const measured = await shipped(sitePage);
      console.log(`weight: ${sitePage.kind}: ${kilobytes(total(measured))} gzipped JS in ${measured.scripts.size} scripts`);
    }
  });

  it('no stylesheet declares a web font', () => {
    const css = readdirSync(distDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.css'));
    expect(css.length).toBeGreaterThan(0);
    for (const file of css) expect(readFileSync(join(distDir, file), 'utf8'), file).not.toMatch(/@font-face/i);
  });
});
