/**
 * Pagefind 1.6 measured beside our index, over the same documents: indexing through its Node API (which
 * drives its Rust binary, `pagefind_extended --service`, as a child process), and querying the way a site
 * does, in Chromium, importing `/pagefind/pagefind.js` from a loopback server. See docs/search.md.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { chromium } from 'playwright-core';
import type { SearchDoc } from '../../src/domain/search/index.ts';
import { PeakRssSampler, readProcessTable } from '../bench/process-tree.ts';
import { serveForBench } from './gzip-server.ts';

export interface PagefindIndexFigures {
  docs: number;
  /** Wall time spent inside Pagefind's calls (adding every record, writing the files); generating the documents is left out. */
  indexSeconds: number;
  /** CPU time of the Pagefind process, as sampled from /proc. */
  cpuSeconds: number;
  /** Peak RSS of the Pagefind process tree, sampled every 200 ms. */
  peakRssBytes: number;
  /** What a search loads from: the index and its client code (pagefind.js, its worker, the wasm). Pagefind's UI bundles are left out. */
  files: number;
  bytes: number;
  /** Sum over those files of what each costs on the wire (gzip when that is smaller, as gzip-server.ts sends). */
  wireBytes: number;
}

/** Pagefind's UI bundles: written beside the index, not loaded by `pagefind.search()`. */
const isUiBundle = (name: string) => /^pagefind-(ui|component-ui|modular-ui|highlight)\b/u.test(name);
/** The search client's code, as opposed to the index: loaded once per page, whatever the query. */
export const isPagefindCode = (path: string) => /(^|\/)(pagefind\.js|pagefind-worker\.js|wasm\.[^/]+\.pagefind)$/u.test(path);

/** Process ids of the bench's child processes right now. */
const childPids = () => new Set(readProcessTable().filter((p) => p.ppid === process.pid).map((p) => p.pid));

/**
 * Indexes `docs` with Pagefind into `<siteRoot>/pagefind/`, sampling the memory of its process and stopping it
 * if it passes `budgetBytes` (the machine is shared; see memory-guard.ts).
 */
export async function buildPagefindIndex(
  docs: Iterable<SearchDoc>,
  siteRoot: string,
  budgetBytes: number,
  log: (line: string) => void,
): Promise<PagefindIndexFigures> {
  const before = childPids();
  let insideMs = 0;
  const timed = async <T>(call: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try {
      return await call();
    } finally {
      insideMs += performance.now() - t0;
    }
  };
  const created = await timed(() => pagefind.createIndex());
  if (created.errors.length > 0 || !created.index) throw new Error(`Pagefind createIndex failed: ${created.errors.join('; ')}`);
  const { index } = created;
  const service = [...childPids()].filter((pid) => !before.has(pid));
  if (service.length !== 1) throw new Error(`expected one new child process for Pagefind's service, found ${service.length}: cannot measure its memory`);
  const sampler = new PeakRssSampler(service[0] as number);
  let overBudget = false;
  const watch = setInterval(() => {
    sampler.sample();
    if (sampler.lastBytes > budgetBytes && !overBudget) {
      overBudget = true;
      log(`Pagefind reached ${(sampler.lastBytes / 2 ** 30).toFixed(1)} GiB, past the budget of ${(budgetBytes / 2 ** 30).toFixed(1)} GiB: stopping it`);
      void pagefind.close();
    }
  }, 200);
  let count = 0;
  try {
    sampler.sample();
    for (const doc of docs) {
      // The title goes into the content: a custom record's meta is shown, not searched, and ours searches titles.
      const added = await timed(() => index.addCustomRecord({ url: doc.url, content: `${doc.title}\n${doc.text}`, language: 'zh', meta: { title: doc.title } }));
      if (added.errors.length > 0) throw new Error(`Pagefind refused ${doc.url}: ${added.errors.join('; ')}`);
      count++;
      if (count % 1000 === 0) log(`  … Pagefind: ${count} documents added (${Math.round(sampler.lastBytes / 2 ** 20)} MB RSS)`);
    }
    const written = await timed(() => index.writeFiles({ outputPath: join(siteRoot, 'pagefind') }));
    if (written.errors.length > 0) throw new Error(`Pagefind writeFiles failed: ${written.errors.join('; ')}`);
    sampler.sample();
  } catch (error) {
    if (overBudget) throw new Error(`Pagefind was stopped at ${count} documents for passing the memory budget; lower --pagefind-docs`, { cause: error });
    throw new Error(`Pagefind indexing failed after ${count} documents`, { cause: error });
  } finally {
    clearInterval(watch);
    await pagefind.close();
  }
  // The page a search runs on; `lang` picks Pagefind's zh index.
  writeFileSync(join(siteRoot, 'index.html'), '<!doctype html><html lang="zh"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>bench</title></head><body></body></html>');
  let files = 0;
  let bytes = 0;
  let wireBytes = 0;
  for (const file of filesUnder(join(siteRoot, 'pagefind'))) {
    if (isUiBundle(basename(file))) continue;
    const raw = readFileSync(file);
    files++;
    bytes += raw.length;
    wireBytes += Math.min(raw.length, gzipSync(raw).length);
  }
  return { docs: count, indexSeconds: insideMs / 1000, cpuSeconds: sampler.cpuSeconds, peakRssBytes: sampler.peakBytes, files, bytes, wireBytes };
}

/** One query run by Pagefind in a fresh browser context. */
export interface PagefindQueryRun {
  query: string;
  /** What was typed into `pagefind.search()`. */
  searched: string;
  /** Every result's URL (all results' data loaded, not only the first page). */
  urls: string[];
  /** Wire bytes of the first query: the search and the data of the first page of results (10), index files only. */
  indexBytes: number;
  /** Wire bytes of the client's code in that (pagefind.js, its worker, the wasm), loaded on every fresh page. */
  codeBytes: number;
  /** Time of the search and the first page's data, in the page. */
  ms: number;
}

export const resultsPerPage = 10;

/** Runs every query of `searches` (query → what to type) on a fresh browser context each, over loopback. */
export async function queryPagefind(
  siteRoot: string,
  searches: ReadonlyArray<{ query: string; searched: string }>,
  log: (line: string) => void,
): Promise<PagefindQueryRun[]> {
  const server = await serveForBench(siteRoot);
  // As tests/e2e/browser.ts launches it: Debian's Chromium, never a download, kept off the network.
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const runs: PagefindQueryRun[] = [];
  try {
    for (const { query, searched } of searches) {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await page.goto(`${server.url}/`);
        const sentBefore = new Map(server.sentByPath);
        const first = await page.evaluate(
          async ({ term, perPage, client }) => {
            const t0 = performance.now();
            const pf = await import(client);
            const search = await pf.search(term);
            const firstPage = await Promise.all(search.results.slice(0, perPage).map((r: { data(): Promise<{ url: string }> }) => r.data()));
            const ms = performance.now() - t0;
            (globalThis as unknown as { benchSearch: unknown }).benchSearch = search;
            return { ms, urls: firstPage.map((d) => d.url), total: search.results.length as number };
          },
          { term: searched, perPage: resultsPerPage, client: '/pagefind/pagefind.js' },
        );
        let indexBytes = 0;
        let codeBytes = 0;
        for (const [path, sent] of server.sentByPath) {
          const delta = sent - (sentBefore.get(path) ?? 0);
          if (isPagefindCode(path)) codeBytes += delta;
          else indexBytes += delta;
        }
        // The rest of the results' data, only to know which pages they are: not counted as transfer.
        const rest = await page.evaluate(async (perPage) => {
          const search = (globalThis as unknown as { benchSearch: { results: Array<{ data(): Promise<{ url: string }> }> } }).benchSearch;
          const urls: string[] = [];
          const results = search.results.slice(perPage);
          for (let i = 0; i < results.length; i += 200) urls.push(...(await Promise.all(results.slice(i, i + 200).map((r) => r.data()))).map((d) => d.url));
          return urls;
        }, resultsPerPage);
        const urls = [...first.urls, ...rest];
        if (urls.length !== first.total) throw new Error(`Pagefind gave ${first.total} results for ${searched} but data for ${urls.length}`);
        runs.push({ query, searched, urls, indexBytes, codeBytes, ms: first.ms });
        if (runs.length % 25 === 0) log(`  … Pagefind: ${runs.length} of ${searches.length} searches run`);
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return runs;
}

/** Every file under `dir`. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}
