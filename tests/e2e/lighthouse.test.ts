/**
 * Lighthouse (the npm package) with Debian's Chromium, default mobile profile (simulated slow 4G, 4× CPU
 * slowdown), one page of each kind, one after another: performance ≥ 95, accessibility, best practices and
 * SEO 100. Lighthouse needs a DevTools port, so this file starts its own headless Chromium (as root it needs
 * --no-sandbox; the network flags keep it off the network it cannot reach here).
 *
 * Performance is the one timing-based score (total blocking time is the observed main-thread time × 4): a run
 * on a busy machine comes out low, so a page gets up to five runs and its best performance score counts. The
 * other categories must be 100 on the first run.
 * The 404 page is measured at /404.html (Lighthouse refuses a page served with status 404); its SEO score
 * leaves out `is-crawlable`, since keeping it out of search engines (noindex) is the point.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import lighthouse from 'lighthouse';
import { chromiumPath } from './browser.ts';
import { builtPages, sitePages, type SitePage } from './site-pages.ts';

const baseUrl = inject('baseUrl');
const pages = builtPages(inject('distDir'), sitePages.filter((page) => page.lighthouse));
const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof categories)[number];

let chromium: ChildProcess;
let port: number;
let profile: string;

beforeAll(async () => {
  profile = mkdtempSync(join(tmpdir(), 'gongkai-lighthouse-'));
  chromium = spawn(
    chromiumPath,
    ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-default-apps', `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  port = await new Promise<number>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Chromium gave no DevTools port: ${output}`)), 30_000);
    chromium.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/DevTools listening on ws:\/\/[^:]+:(\d+)\//);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    chromium.on('exit', (code) => reject(new Error(`Chromium exited with ${code}: ${output}`)));
  });
});

afterAll(async () => {
  if (chromium && chromium.exitCode === null) {
    const exited = new Promise((resolve) => chromium.once('exit', resolve));
    chromium.kill();
    await exited;
  }
  if (profile) rmSync(profile, { recursive: true, force: true });
});

interface Measured {
  scores: Record<Category, number>;
  /** Audits that lost points, per category, for the failure message. */
  failing: Record<Category, string[]>;
}

async function measure(url: string, ignoredAudits: string[]): Promise<Measured> {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: [...categories] });
  const lhr = result?.lhr;
  if (!lhr) throw new Error(`Lighthouse returned no result for ${url}`);
  if (lhr.runtimeError) throw new Error(`Lighthouse could not load ${url}: ${lhr.runtimeError.message}`);
  const scores = {} as Record<Category, number>;
  const failing = {} as Record<Category, string[]>;
  for (const category of categories) {
    const refs = lhr.categories[category]!.auditRefs.filter((ref) => ref.weight > 0 && !ignoredAudits.includes(ref.id));
    const weight = refs.reduce((sum, ref) => sum + ref.weight, 0);
    // Recomputed from the audits so that an ignored audit drops out of the weighted mean, as Lighthouse does.
    const score = refs.reduce((sum, ref) => sum + ref.weight * (lhr.audits[ref.id]!.score ?? 1), 0) / weight;
    scores[category] = Math.round(score * 100);
    failing[category] = refs
      .filter((ref) => (lhr.audits[ref.id]!.score ?? 1) < 1)
      .map((ref) => `${ref.id} (${lhr.audits[ref.id]!.score}${lhr.audits[ref.id]!.displayValue ? `, ${lhr.audits[ref.id]!.displayValue}` : ''})`);
  }
  return { scores, failing };
}

describe('Lighthouse, mobile profile', () => {
  it.each(pages)('scores the $kind page ≥ 95 on performance and 100 on accessibility, best practices and SEO', async (sitePage: SitePage) => {
    const path = sitePage.notFound ? '/404.html' : sitePage.path;
    const ignored = sitePage.notFound ? ['is-crawlable'] : [];
    let best = await measure(`${baseUrl}${path}`, ignored);
    for (let run = 2; run <= 5 && best.scores.performance < 95; run++) {
      const again = await measure(`${baseUrl}${path}`, ignored);
      if (again.scores.performance > best.scores.performance) best = { scores: { ...best.scores, performance: again.scores.performance }, failing: { ...best.failing, performance: again.failing.performance } };
    }
    console.log(`lighthouse: ${sitePage.kind} ${path}: ${categories.map((c) => `${c} ${best.scores[c]}`).join(', ')}`);
    const why = JSON.stringify(best.failing, null, 2);
    expect(best.scores.performance, why).toBeGreaterThanOrEqual(95);
    expect({ accessibility: best.scores.accessibility, 'best-practices': best.scores['best-practices'], seo: best.scores.seo }, why).toEqual({ accessibility: 100, 'best-practices': 100, seo: 100 });
  }, 300_000);
});
