/**
 * What the benchmark prints: the summary and its last line, a JSON object of exactly the documented keys;
 * and the build-log reading the figures come from.
 */
import { describe, expect, it } from 'vitest';
import { emptyBuildLog, readBuildLine, routeOf } from '../../../tools/bench/build-log.ts';
import { benchFigures, figuresLine, formatSummary, type BenchDetails } from '../../../tools/bench/report.ts';

const mib = 1024 * 1024;

function details(overrides: Partial<BenchDetails> = {}): BenchDetails {
  const log = emptyBuildLog();
  const lines = [
    '20:08:25 [content] Syncing content',
    '20:08:27 [content] Synced content',
    ' generating static routes ',
    '20:08:31   ├─ /documents/anhui/xuancheng/xuanzhou/2023-year-task-list/index.html (+12ms)',
    '20:08:31   ├─ /documents/year/2023/index.html (+4ms)',
    '20:08:31   └─ /regions/anhui/index.html (+3ms)',
    '20:08:31   ├─ /documents/anhui/xuancheng/xuanzhou/2023-h1-summary/index.html (cached)',
    '20:08:32 ✓ Completed in 882ms.',
    '20:08:33 [gongkai-search-index] [search] indexed 1,000 documents in 7.5 s: 292 files, 969 KB',
    '20:08:33 [build] 3 page(s) built in 10.47s',
  ];
  lines.forEach((line, i) => readBuildLine(log, line, i));
  return {
    docs: 1000,
    seed: 1,
    workDir: '/tmp/bench',
    corpus: { bytes: 14 * mib, seconds: 5, reused: false },
    site: { seconds: 30, peakRssBytes: 1500 * mib, log, ok: true, distBytes: 74 * mib, indexBytes: 28.5 * mib, documentPages: 1000, missingPages: 0 },
    baseline: { seconds: 20, peakRssBytes: 900 * mib, log: emptyBuildLog(), ok: true, distBytes: 14 * mib },
    ...overrides,
  };
}

describe('the last line', () => {
  it('is one JSON object with exactly the documented keys, in order', () => {
    const line = figuresLine(benchFigures(details()));
    expect(line).not.toContain('\n');
    const parsed = JSON.parse(line) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['docs', 'total_s', 'baseline_s', 'pages_s', 'index_s', 'peak_rss_mb', 'dist_mb', 'index_mb']);
    expect(parsed).toEqual({ docs: 1000, total_s: 30, baseline_s: 20, pages_s: 7, index_s: 7.5, peak_rss_mb: 1500, dist_mb: 74, index_mb: 28.5 });
  });

  it('adds rebuild_s after an incremental rebuild', () => {
    const rebuild = { seconds: 12.345, peakRssBytes: 0, log: emptyBuildLog(), ok: true, changed: 'a/b' };
    const parsed = JSON.parse(figuresLine(benchFigures(details({ rebuild })))) as Record<string, unknown>;
    expect(Object.keys(parsed).at(-1)).toBe('rebuild_s');
    expect(parsed['rebuild_s']).toBe(12.35);
  });

  it('gives baseline_s null when the baseline was skipped, and index_s 0 when the search printed no line', () => {
    const site = { ...details().site, log: emptyBuildLog() };
    const { baseline: _skipped, ...rest } = details({ site });
    const figures = benchFigures(rest);
    expect(figures.baseline_s).toBeNull();
    expect(figures.index_s).toBe(0);
    expect(figures.pages_s).toBe(figures.total_s);
    expect(formatSummary(rest)).toContain('no "[search] indexed N documents in X s" line in the log, so index_s = 0');
  });

  it('gives pages_s as the time until the last page was written, total_s − index_s when the log does not show it', () => {
    expect(benchFigures(details()).pages_s).toBe(7);
    const log = emptyBuildLog();
    readBuildLine(log, '[search] indexed 1000 documents in 7.5 s', 29);
    expect(benchFigures(details({ site: { ...details().site, log } })).pages_s).toBe(22.5);
  });
});

describe('the summary', () => {
  it('names the phases, the routes, the search coverage and each budget with its verdict', () => {
    const text = formatSummary(details());
    expect(text).toContain('content sync (load + validate)  1.0 s');
    expect(text).toContain('search index 7.5 s for 1,000 documents (all)');
    expect(text).toMatch(/\/documents\/\[\.\.\.id\]\s+1 files/);
    expect(text).toContain('total_s ≤ 2.5 × baseline_s: 30 s vs 50 s (1.50×) met');
    expect(text).toContain('peak_rss_mb ≤ 4096: 1500 MiB met');
  });

  it('says when a budget is missed and when pages are missing', () => {
    const site = { ...details().site, seconds: 60, peakRssBytes: 5000 * mib, documentPages: 990, missingPages: 10 };
    const text = formatSummary(details({ site }));
    expect(text).toContain('(3.00×) MISSED');
    expect(text).toContain('peak_rss_mb ≤ 4096: 5000 MiB MISSED');
    expect(text).toContain('document pages 990 of 1,000 (10 MISSING)');
  });

  it('checks memory against 16 GiB above 10,000 documents', () => {
    const site = { ...details().site, peakRssBytes: 5000 * mib };
    expect(formatSummary(details({ docs: 100000, site }))).toContain('peak_rss_mb ≤ 16384: 5000 MiB met');
  });
});

describe('reading the build log', () => {
  it('counts written files per route, with Astro’s per-file times', () => {
    const { site } = details();
    expect(site.log.pages).toBe(4);
    expect(site.log.reused).toBe(1);
    expect(site.log.routes.get('/documents/[...id]')).toEqual({ pages: 1, ms: 12 });
    expect(site.log.search).toEqual({ documents: 1000, seconds: 7.5 });
    expect(site.log.astroPages).toBe(3);
    expect(site.log.generateStart).toBe(2);
    expect(site.log.generateEnd).toBe(7);
  });

  it('reads coloured lines', () => {
    const log = emptyBuildLog();
    readBuildLine(log, '\u001b[2m20:08:33\u001b[22m \u001b[34m[gongkai-search-index]\u001b[39m [search] indexed 20 documents in 0.8 s: 292 files', 0);
    expect(log.search).toEqual({ documents: 20, seconds: 0.8 });
  });

  it('groups files by the page template that made them', () => {
    expect(routeOf('/documents/hunan/chenzhou/zixing/2023-h1-summary/index.html')).toBe('/documents/[...id]');
    expect(routeOf('/documents/topic/elderly-care/page/3/index.html')).toBe('/documents/[facet]/[value]');
    expect(routeOf('/documents/page/2/index.html')).toBe('/documents/page/[page]');
    expect(routeOf('/regions/hunan/chenzhou/index.html')).toBe('/regions/[...slug]');
    expect(routeOf('/regions/hunan/chenzhou/feed.xml')).toBe('/regions/[...slug]/feed.xml');
    expect(routeOf('/regions/hunan/chenzhou/trend-dibao-urban.csv')).toBe('/regions/[...slug]/*.csv');
    expect(routeOf('/metrics/dibao-urban/compare-county.csv')).toBe('/metrics/…/*.csv');
    expect(routeOf('/index.html')).toBe('/');
    expect(routeOf('/sitemap.xml')).toBe('/sitemap.xml');
  });
});
