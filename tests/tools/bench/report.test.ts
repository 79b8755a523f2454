/**
 * What the benchmark prints: the summary and its last line, a JSON object of exactly the documented keys;
 * and the build-log reading the figures come from.
 */
import { describe, expect, it } from 'vitest';
import { emptyBuildLog, readBuildLine, routeOf } from '../../../tools/bench/build-log.ts';
import { benchFigures, figureKeys, figuresLine, formatSummary, lastRound, type BenchDetails, type BenchRound, type BuildSummary } from '../../../tools/bench/report.ts';

const mib = 1024 * 1024;

function siteLog() {
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
    '20:08:33 [gongkai-bulk-outputs] [bulk] 1,953 files (1,946 chart CSVs, 7 data files; 1512 KB) written in 2.1 s after the pages (site model 1.2 s)',
    '20:08:33 [build] 3 page(s) built in 10.47s',
  ];
  lines.forEach((line, i) => readBuildLine(log, line, i));
  return log;
}

/** A round whose full site took `site` s (and `siteCpu` CPU s) and whose baseline took `baseline` s. */
function round(site = 30, baseline = 20, siteCpu?: number, baselineCpu?: number): BenchRound {
  return {
    site: { seconds: site, ...(siteCpu === undefined ? {} : { cpuSeconds: siteCpu }), peakRssBytes: 1500 * mib, log: siteLog(), ok: true, distBytes: 74 * mib, indexBytes: 28.5 * mib, documentPages: 1000, missingPages: 0 },
    baseline: { seconds: baseline, ...(baselineCpu === undefined ? {} : { cpuSeconds: baselineCpu }), peakRssBytes: 900 * mib, log: emptyBuildLog(), ok: true, distBytes: 14 * mib },
  };
}

function details(overrides: Partial<BenchDetails> = {}): BenchDetails {
  return {
    docs: 1000,
    seed: 1,
    workDir: '/tmp/bench',
    corpus: { bytes: 14 * mib, seconds: 5, reused: false },
    rounds: [round()],
    ...overrides,
  };
}

/** `details()` with its one round's site changed. */
function withSite(site: Partial<BenchRound['site']>, overrides: Partial<BenchDetails> = {}): BenchDetails {
  const only = round();
  return details({ rounds: [{ ...only, site: { ...only.site, ...site } }], ...overrides });
}

describe('the last line', () => {
  it('is one JSON object with exactly the documented keys, in order', () => {
    const line = figuresLine(benchFigures(details()));
    expect(line).not.toContain('\n');
    const parsed = JSON.parse(line) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(figureKeys.filter((key) => !key.startsWith('rebuild_') && key !== 'against_s'));
    expect(parsed).toEqual({
      docs: 1000, total_s: 30, baseline_s: 20, ratio: 1.5, ratio_min: 1.5, ratio_max: 1.5, cpu_ratio: null,
      pages_s: 7, index_s: 7.5, peak_rss_mb: 1500, dist_mb: 74, index_mb: 28.5, hugo_s: null, floor_s: null,
    });
  });

  it('adds rebuild_s after an incremental rebuild', () => {
    const rebuild = { seconds: 12.345, peakRssBytes: 0, log: emptyBuildLog(), ok: true, changed: 'a/b' };
    const parsed = JSON.parse(figuresLine(benchFigures(details({ rebuild })))) as Record<string, unknown>;
    expect(Object.keys(parsed).at(-1)).toBe('rebuild_s');
    expect(parsed['rebuild_s']).toBe(12.35);
  });

  it('adds the fresh-output rebuild and whether both equal a cold build, and says which differs', () => {
    const build = (seconds: number) => ({ seconds, peakRssBytes: 0, log: emptyBuildLog(), ok: true });
    const same = { missing: [], extra: [], different: [] };
    const run = details({ rebuild: { ...build(5), changed: 'a/b' }, rebuildFresh: build(20), rebuildCheck: { inPlace: same, fresh: { ...same, extra: ['documents/gone/index.html'] } } });
    const parsed = JSON.parse(figuresLine(benchFigures(run))) as Record<string, unknown>;
    expect(Object.keys(parsed).slice(-3)).toEqual(['rebuild_s', 'rebuild_fresh_s', 'rebuild_identical']);
    expect(parsed['rebuild_fresh_s']).toBe(20);
    expect(parsed['rebuild_identical']).toBe(false);
    const summary = formatSummary(run);
    expect(summary).toContain('in place after changing a/b (npm run build -- --in-place, cache and output kept)');
    expect(summary).toContain('output: byte-identical to a cold build of the changed content');
    expect(summary).toContain('output DIFFERS from a cold build of the changed content: 0 missing, 1 extra, 0 different (documents/gone/index.html)');
    expect(benchFigures({ ...run, rebuildCheck: { inPlace: same, fresh: same } }).rebuild_identical).toBe(true);
  });

  it('gives baseline_s null when the baseline was skipped, and index_s 0 when the search printed no line', () => {
    const { baseline: _skipped, ...siteOnly } = round();
    const rest = details({ rounds: [{ ...siteOnly, site: { ...siteOnly.site, log: emptyBuildLog() } }] });
    const figures = benchFigures(rest);
    expect(figures.baseline_s).toBeNull();
    expect(figures.ratio).toBeNull();
    expect(figures.index_s).toBe(0);
    expect(figures.pages_s).toBe(figures.total_s);
    expect(formatSummary(rest)).toContain('no "[search] indexed N documents in X s" line in the log, so index_s = 0');
  });

  it('gives pages_s as the time until the last page was written, total_s − index_s when the log does not show it', () => {
    expect(benchFigures(details()).pages_s).toBe(7);
    const log = emptyBuildLog();
    readBuildLine(log, '[search] indexed 1000 documents in 7.5 s', 29);
    expect(benchFigures(withSite({ log })).pages_s).toBe(22.5);
  });
});

describe('the summary', () => {
  it('names the phases, the routes, the search coverage and each budget with its verdict', () => {
    const text = formatSummary(details());
    expect(text).toContain('content sync (load + validate)  1.0 s');
    expect(text).toContain('search index 7.5 s for 1,000 documents (all)');
    expect(text).toContain('chart CSVs and data files 2.1 s for 1,953 files, after the pages (not in the routes below)');
    expect(text).toMatch(/\/documents\/\[\.\.\.id\]\s+1 files/);
    expect(text).toContain('total_s ≤ 2.5 × baseline_s: 1.50× over 1 pair met');
    expect(text).toContain('peak_rss_mb ≤ 4096: 1500 MiB (highest round) met');
  });

  it('says when a budget is missed and when pages are missing', () => {
    const text = formatSummary(withSite({ seconds: 60, peakRssBytes: 5000 * mib, documentPages: 990, missingPages: 10 }));
    expect(text).toContain('3.00× over 1 pair MISSED');
    expect(text).toContain('peak_rss_mb ≤ 4096: 5000 MiB (highest round) MISSED');
    expect(text).toContain('document pages 990 of 1,000 (10 MISSING)');
  });

  it('checks memory against 16 GiB above 10,000 documents', () => {
    expect(formatSummary(withSite({ peakRssBytes: 5000 * mib }, { docs: 100000 }))).toContain('peak_rss_mb ≤ 16384: 5000 MiB (highest round) met');
  });
});

describe('interleaved pairs', () => {
  const pairs = details({ rounds: [round(30, 20, 45, 25), round(40, 20, 60, 30), round(33, 30, 50, 25)] });

  it('quotes the median of the pairs’ ratios with its spread, and the median times', () => {
    const figures = benchFigures(pairs);
    // Ratios 1.5, 2.0, 1.1 → median 1.5; CPU ratios 1.8, 2.0, 2.0 → 2.0; walls 30, 40, 33 → 33.
    expect(figures).toMatchObject({ total_s: 33, baseline_s: 20, ratio: 1.5, ratio_min: 1.1, ratio_max: 2, cpu_ratio: 2 });
  });

  it('says the spread is too wide to conclude and withholds the budget’s verdict', () => {
    const text = formatSummary(pairs);
    expect(text).toContain('wall 1.50× (1.10–2.00×), CPU 2.00× (1.80–2.00×)');
    expect(text).toContain('TOO WIDE TO CONCLUDE (spread 60 % > 25 % of the median)');
    expect(text).toContain('total_s ≤ 2.5 × baseline_s: 1.50× (1.10–2.00×) over 3 pairs CANNOT CONCLUDE');
  });

  it('calls pairs within a quarter of the median steady, and judges the budget on every pair', () => {
    const text = formatSummary(details({ rounds: [round(30, 20), round(32, 20)] }));
    expect(text).toContain('steady (spread 6 % ≤ 25 %)');
    expect(text).toContain('1.55× (1.50–1.60×) over 2 pairs met');
  });

  it('lists every round’s builds, in the order they ran, with wall, CPU and peak RSS', () => {
    const text = formatSummary(pairs);
    expect(text).toMatch(/^ {2}1 {6}30\.0 s, CPU 45\.0 s, 1500 MiB\s+20\.0 s, CPU 25\.0 s, 900 MiB$/m);
    expect(text).toMatch(/^ {2}3 {6}33\.0 s, CPU 50\.0 s, 1500 MiB/m);
  });

  it('sets Hugo and the markdown-it floor beside our build, and says when one wrote fewer pages than the corpus has', () => {
    const other = (seconds: number, pages: number): BuildSummary & { pages: number; distBytes: number } => ({ seconds, cpuSeconds: seconds, peakRssBytes: 100 * mib, log: emptyBuildLog(), ok: true, pages, distBytes: mib });
    const rounds = [round(30, 20, 45, 25), round(40, 20, 60, 30)].map((r, i) => ({ ...r, hugo: other(i === 0 ? 3 : 4, 1000), floor: other(2, 999) }));
    const run = details({ rounds });
    expect(benchFigures(run)).toMatchObject({ hugo_s: 3.5, floor_s: 2 });
    const text = formatSummary(run);
    expect(text).toContain('full ÷ Hugo               wall 10.00× (10.00–10.00×), CPU 15.00× (15.00–15.00×); peak RSS 1500 MiB vs 100 MiB');
    expect(text).toContain('full ÷ markdown-it floor  wall 17.50× (15.00–20.00×)');
    expect(text).toContain('it wrote only 999 of 1,000 document pages');
  });

  it('sets another checkout’s build beside ours, for a before/after in one run', () => {
    const before = (seconds: number): BuildSummary & { pages: number; distBytes: number } => ({ seconds, cpuSeconds: seconds, peakRssBytes: 1400 * mib, log: emptyBuildLog(), ok: true, pages: 1000, distBytes: mib });
    const run = details({ rounds: [{ ...round(30, 20, 30), against: before(40) }, { ...round(36, 20, 36), against: before(45) }] });
    const parsed = JSON.parse(figuresLine(benchFigures(run))) as Record<string, unknown>;
    expect(parsed['against_s']).toBe(42.5);
    expect(Object.keys(parsed).indexOf('against_s')).toBe(Object.keys(parsed).indexOf('floor_s') + 1);
    expect(formatSummary(run)).toContain('full ÷ other checkout     wall 0.78× (0.75–0.80×)');
  });

  it('says one pair measures no spread', () => {
    expect(formatSummary(details())).toContain('one pair: no spread measured, run --pairs 2 or more to conclude');
  });
});

describe('reading the build log', () => {
  it('counts written files per route, with Astro’s per-file times', () => {
    const { site } = lastRound(details());
    expect(site.log.pages).toBe(4);
    expect(site.log.reused).toBe(1);
    expect(site.log.routes.get('/documents/[...id]')).toEqual({ pages: 1, ms: 12 });
    expect(site.log.search).toEqual({ documents: 1000, seconds: 7.5 });
    expect(site.log.bulk).toEqual({ files: 1953, seconds: 2.1 });
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
