/**
 * What the benchmark prints: a readable summary, then — as the very last line — one JSON object with the
 * figures the budgets are checked against. A run has one or more rounds (full site, bare Astro, Hugo, the
 * markdown-it floor, in that order); times are medians over the rounds and ratios medians over the pairs
 * (tools/bench/ratio.ts). Pure.
 */
import type { BuildLog } from './build-log.ts';
import { budgetVerdict, formatRatio, median, pairRatios, spreadOf, steadiness, widestSpread, type Spread } from './ratio.ts';

/** The last line's object, keys in this order. */
export interface BenchFigures {
  docs: number;
  /** Wall time of the full site's cold build (pages, data files, charts, search index), seconds: the median over the rounds. */
  total_s: number;
  /** Wall time of the bare Astro build of the same Markdown, median over the rounds; `null` when it was skipped or failed. */
  baseline_s: number | null;
  /** Median over the pairs of full ÷ bare Astro wall time; `null` without a baseline. */
  ratio: number | null;
  /** The lowest and highest pair's ratio (the spread of `ratio`). */
  ratio_min: number | null;
  ratio_max: number | null;
  /** Median over the pairs of full ÷ bare Astro CPU time (the whole process trees). */
  cpu_ratio: number | null;
  /**
   * Seconds from the start of the build until Astro wrote its last page (content sync, bundling and page
   * generation); `total_s − index_s` when the log does not show where generation ended.
   */
  pages_s: number;
  /** Seconds the search integration reports for its index (`[search] indexed N documents in X s`); 0 when it prints no such line. */
  index_s: number;
  /** Peak RSS summed over the full build's process tree, MiB: the highest of the rounds. */
  peak_rss_mb: number;
  /** Size of the full site's output folder, MiB. */
  dist_mb: number;
  /** Size of its `search/` folder, MiB. */
  index_mb: number;
  /** Wall time of the Hugo build of the same Markdown, median; `null` when Hugo is not installed or was skipped. */
  hugo_s: number | null;
  /** Wall time of the markdown-it floor (read, render, write one file each), median; `null` when skipped. */
  floor_s: number | null;
  /** With `--against DIR`: wall time of the other checkout's full build, median; absent without it. */
  against_s?: number | null;
  /**
   * With `--incremental`: wall time of publishing one changed document as `npm run build -- --in-place` does it
   * (the cold build's cache folder and its output kept: link, build, sweep, swap), seconds.
   */
  rebuild_s?: number;
  /** With `--incremental`: the same change built with the cold build's cache into a fresh output folder (a CI job that restores only the cache). */
  rebuild_fresh_s?: number;
  /** With `--incremental`: whether both rebuilds' output equals a cold build of the changed content, file for file and byte for byte. */
  rebuild_identical?: boolean;
}

/** Issue 7's budgets: time and memory at 10,000 documents; memory only (16 GiB) at 100,000. */
export const budgets = { totalOverBaseline: 2.5, peakRssMb: 4096, peakRssMbAt100k: 16384 } as const;

/** The peak-RSS budget that applies to a corpus of `docs` documents. */
export function peakRssBudget(docs: number): number {
  return docs > 10000 ? budgets.peakRssMbAt100k : budgets.peakRssMb;
}

const mib = 1024 * 1024;
const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

export interface BuildSummary {
  seconds: number;
  /** CPU seconds of the build's process tree; steadier than `seconds` when the machine is shared. */
  cpuSeconds?: number;
  peakRssBytes: number;
  log: BuildLog;
  ok: boolean;
  /** Set when the build failed or was skipped. */
  error?: string;
}

export type SiteSummary = BuildSummary & { distBytes: number; indexBytes: number; documentPages: number; missingPages: number };

/** A build compared with ours (Hugo, the markdown-it floor): `pages` of the corpus's documents it wrote. */
export type ComparisonSummary = BuildSummary & { pages: number; distBytes: number };

/** One round, built in this order, each cold; a comparison is absent when skipped (or the site failed). */
export interface BenchRound {
  site: SiteSummary;
  /** With `--against DIR`: the other checkout's full site, built right after ours. */
  against?: ComparisonSummary;
  baseline?: BuildSummary & { distBytes: number };
  hugo?: ComparisonSummary;
  floor?: ComparisonSummary;
}

export interface BenchDetails {
  docs: number;
  seed: number;
  workDir: string;
  /** The machine's load average (1, 5, 15 min) at the end of the run: how shared the machine was. */
  loadAverage?: string;
  corpus: { bytes: number; seconds: number; reused: boolean };
  /** At least one. */
  rounds: BenchRound[];
  /** With `--incremental`: the rebuild in place (npm run build -- --in-place over the cold build's output). */
  rebuild?: BuildSummary & { changed: string };
  /** With `--incremental`: the same change into a fresh output folder, from a copy of the cold build's cache. */
  rebuildFresh?: BuildSummary;
  /** With `--incremental`: each rebuild's output against a cold build of the changed content. */
  rebuildCheck?: { inPlace: TreeDifference; fresh: TreeDifference | undefined };
}

/** How an output folder differs from the cold build's (file paths, `/`-separated). */
export interface TreeDifference {
  missing: string[];
  extra: string[];
  different: string[];
}

const identical = (difference: TreeDifference) => difference.missing.length + difference.extra.length + difference.different.length === 0;

/** The last round: its site's output is the one left on disk, and the one the rebuild starts from. */
export function lastRound(details: BenchDetails): BenchRound {
  const last = details.rounds.at(-1);
  if (!last) throw new Error('a benchmark run has at least one round');
  return last;
}

type Comparison = 'against' | 'baseline' | 'hugo' | 'floor';

/** The rounds where the site and `other` both built. */
function okPairs(details: BenchDetails, other: Comparison): { site: BuildSummary; other: BuildSummary }[] {
  return details.rounds.flatMap((round) => {
    const build = round[other];
    return round.site.ok && build?.ok ? [{ site: round.site, other: build }] : [];
  });
}

/** The spread of full ÷ `other`, wall and CPU, over the pairs where both built; undefined when there is none. */
export function comparisonSpread(details: BenchDetails, other: Comparison): { wall: Spread; cpu: Spread | undefined } | undefined {
  const pairs = okPairs(details, other);
  if (pairs.length === 0) return undefined;
  const wall = spreadOf(pairRatios(pairs.map((pair) => pair.site.seconds), pairs.map((pair) => pair.other.seconds)));
  const withCpu = pairs.filter((pair) => pair.site.cpuSeconds !== undefined && pair.other.cpuSeconds !== undefined && pair.other.cpuSeconds > 0);
  const cpu = withCpu.length === pairs.length ? spreadOf(pairRatios(withCpu.map((pair) => pair.site.cpuSeconds as number), withCpu.map((pair) => pair.other.cpuSeconds as number))) : undefined;
  return { wall, cpu };
}

const medianOf = (values: number[]) => (values.length === 0 ? null : median(values));

/** The figures of the last line, from a run's details. */
export function benchFigures(details: BenchDetails): BenchFigures {
  const sites = details.rounds.map((round) => round.site);
  const built = sites.filter((site) => site.ok);
  const counted = built.length > 0 ? built : sites;
  const index = (site: SiteSummary) => site.log.search?.seconds ?? 0;
  const last = lastRound(details).site;
  const okTimes = (other: Comparison) => details.rounds.flatMap((round) => (round[other]?.ok ? [round[other].seconds] : []));
  const baseline = comparisonSpread(details, 'baseline');
  const orNull = (value: number | null | undefined, digits: number) => (value === null || value === undefined ? null : round(value, digits));
  const figures: BenchFigures = {
    docs: details.docs,
    total_s: round(median(counted.map((site) => site.seconds)), 2),
    baseline_s: orNull(medianOf(okTimes('baseline')), 2),
    ratio: orNull(baseline?.wall.median, 2),
    ratio_min: orNull(baseline?.wall.min, 2),
    ratio_max: orNull(baseline?.wall.max, 2),
    cpu_ratio: orNull(baseline?.cpu?.median, 2),
    pages_s: round(median(counted.map((site) => site.log.generateEnd ?? site.seconds - index(site))), 2),
    index_s: round(median(counted.map(index)), 2),
    peak_rss_mb: round(Math.max(...sites.map((site) => site.peakRssBytes)) / mib, 1),
    dist_mb: round(last.distBytes / mib, 1),
    index_mb: round(last.indexBytes / mib, 1),
    hugo_s: orNull(medianOf(okTimes('hugo')), 2),
    floor_s: orNull(medianOf(okTimes('floor')), 2),
  };
  if (details.rounds.some((r) => r.against)) figures.against_s = orNull(medianOf(okTimes('against')), 2);
  if (details.rebuild) figures.rebuild_s = round(details.rebuild.seconds, 2);
  if (details.rebuildFresh) figures.rebuild_fresh_s = round(details.rebuildFresh.seconds, 2);
  if (details.rebuildCheck) figures.rebuild_identical = identical(details.rebuildCheck.inPlace) && (details.rebuildCheck.fresh === undefined || identical(details.rebuildCheck.fresh));
  return figures;
}

/** The keys of the last line, in order. */
export const figureKeys = ['docs', 'total_s', 'baseline_s', 'ratio', 'ratio_min', 'ratio_max', 'cpu_ratio', 'pages_s', 'index_s', 'peak_rss_mb', 'dist_mb', 'index_mb', 'hugo_s', 'floor_s', 'against_s', 'rebuild_s', 'rebuild_fresh_s', 'rebuild_identical'] as const;

/** The last line: the figures as one JSON object, keys in the documented order. */
export function figuresLine(figures: BenchFigures): string {
  const ordered: Record<string, unknown> = {};
  for (const key of figureKeys) {
    if (figures[key] !== undefined) ordered[key] = figures[key];
  }
  return JSON.stringify(ordered);
}

const seconds = (value: number) => `${value.toFixed(1)} s`;
const megabytes = (bytes: number) => `${(bytes / mib).toFixed(1)} MiB`;
const count = (value: number) => value.toLocaleString('en-US');
const cpu = (build: BuildSummary) => (build.cpuSeconds === undefined ? '' : ` (CPU ${seconds(build.cpuSeconds)})`);

function phases(log: BuildLog, total: number): string[] {
  const lines: string[] = [];
  if (log.contentStart !== undefined && log.contentEnd !== undefined) lines.push(`    content sync (load + validate)  ${seconds(log.contentEnd - log.contentStart)}`);
  if (log.contentEnd !== undefined && log.generateStart !== undefined) lines.push(`    bundling (vite)                 ${seconds(log.generateStart - log.contentEnd)}`);
  if (log.generateStart !== undefined) {
    const end = log.generateEnd ?? total;
    lines.push(`    page generation                 ${seconds(end - log.generateStart)}`);
    if (log.generateEnd !== undefined) lines.push(`    after pages (hooks, index…)     ${seconds(total - log.generateEnd)}`);
  }
  return lines;
}

function routeTable(log: BuildLog): string[] {
  const routes = [...log.routes].sort(([, a], [, b]) => b.ms - a.ms);
  return routes.slice(0, 12).map(([route, timing]) => `    ${route.padEnd(34)} ${count(timing.pages).padStart(8)} files ${seconds(timing.ms / 1000).padStart(9)}  (${(timing.ms / Math.max(1, timing.pages)).toFixed(1)} ms each)`);
}

function buildCell(build: BuildSummary | undefined): string {
  if (!build) return '—';
  return build.ok ? `${seconds(build.seconds)}${build.cpuSeconds === undefined ? '' : `, CPU ${seconds(build.cpuSeconds)}`}, ${(build.peakRssBytes / mib).toFixed(0)} MiB` : `FAILED after ${seconds(build.seconds)}`;
}

/** One row per round: each build's wall time, CPU time and peak RSS, in the order they ran. */
function roundTable(details: BenchDetails): string[] {
  const hasAgainst = details.rounds.some((round) => round.against);
  const hasHugo = details.rounds.some((round) => round.hugo);
  const hasFloor = details.rounds.some((round) => round.floor);
  const columns = ['full site', ...(hasAgainst ? ['other checkout'] : []), 'bare Astro', ...(hasHugo ? ['Hugo'] : []), ...(hasFloor ? ['markdown-it floor'] : [])];
  const width = 34;
  const lines = [`  round  ${columns.map((column) => column.padEnd(width)).join('')}`.trimEnd()];
  details.rounds.forEach((round, i) => {
    const cells = [round.site, ...(hasAgainst ? [round.against] : []), round.baseline, ...(hasHugo ? [round.hugo] : []), ...(hasFloor ? [round.floor] : [])].map((build) => buildCell(build).padEnd(width));
    lines.push(`  ${String(i + 1).padEnd(7)}${cells.join('')}`.trimEnd());
  });
  return lines;
}

/** `steady`, or why the spread says nothing. */
function steadinessNote(spread: Spread): string {
  const state = steadiness(spread);
  if (state === 'one pair') return 'one pair: no spread measured, run --pairs 2 or more to conclude';
  const percent = `${(spread.relative * 100).toFixed(0)} %`;
  return state === 'steady'
    ? `steady (spread ${percent} ≤ ${(widestSpread * 100).toFixed(0)} %)`
    : `TOO WIDE TO CONCLUDE (spread ${percent} > ${(widestSpread * 100).toFixed(0)} % of the median): run more pairs or at a quieter time`;
}

const comparisonNames: Record<Comparison, string> = { against: 'other checkout', baseline: 'bare Astro', hugo: 'Hugo', floor: 'markdown-it floor' };

/** Full ÷ each comparison: wall and CPU ratios with their spread, peak RSS side by side, and whether the comparison wrote every page. */
function ratioLines(details: BenchDetails): string[] {
  const lines: string[] = [];
  for (const other of ['against', 'baseline', 'hugo', 'floor'] as const) {
    const spread = comparisonSpread(details, other);
    const builds = details.rounds.flatMap((round) => (round[other] ? [round[other]] : []));
    if (builds.length === 0) continue;
    if (!spread) {
      lines.push(`  full ÷ ${comparisonNames[other].padEnd(18)} no round where both built`);
      continue;
    }
    const peaks = (list: BuildSummary[]) => `${(Math.max(...list.map((build) => build.peakRssBytes)) / mib).toFixed(0)} MiB`;
    const sites = details.rounds.map((round) => round.site);
    const pages = builds.flatMap((build) => ('pages' in build && typeof build.pages === 'number' ? [build.pages] : []));
    lines.push(
      `  full ÷ ${comparisonNames[other].padEnd(18)} wall ${formatRatio(spread.wall)}, CPU ${spread.cpu ? formatRatio(spread.cpu) : 'not measured'}; peak RSS ${peaks(sites)} vs ${peaks(builds)}` +
        `${pages.length > 0 && Math.min(...pages) < details.docs ? `; it wrote only ${count(Math.min(...pages))} of ${count(details.docs)} document pages` : ''}`,
      `    ${steadinessNote(spread.wall)}`,
    );
  }
  return lines;
}

/** The readable summary printed before the JSON line. */
export function formatSummary(details: BenchDetails): string {
  const figures = benchFigures(details);
  const { rebuild } = details;
  const { site, baseline } = lastRound(details);
  const of = details.rounds.length > 1 ? ` (round ${details.rounds.length} of ${details.rounds.length})` : '';
  const lines: string[] = [
    '',
    `Benchmark: ${count(details.docs)} documents, seed ${details.seed} (work folder ${details.workDir})${details.loadAverage ? `, load average ${details.loadAverage}` : ''}`,
    `  corpus      ${megabytes(details.corpus.bytes)} of Markdown, ${details.corpus.reused ? 'reused' : `generated in ${seconds(details.corpus.seconds)}`}`,
    `  full site${of}   ${seconds(site.seconds)}${cpu(site)}, peak RSS ${megabytes(site.peakRssBytes)}, ${count(site.log.pages)} files, dist ${megabytes(site.distBytes)}${site.ok ? '' : `  FAILED: ${site.error ?? ''}`}`,
    ...phases(site.log, site.seconds),
    `    document pages ${count(site.documentPages)} of ${count(details.docs)}${site.missingPages > 0 ? ` (${count(site.missingPages)} MISSING)` : ''}`,
    site.log.search
      ? `    search index ${seconds(site.log.search.seconds)} for ${count(site.log.search.documents)} documents (${site.log.search.documents === details.docs ? 'all' : 'NOT ALL'}), ${megabytes(site.indexBytes)}`
      : `    search index: no "[search] indexed N documents in X s" line in the log, so index_s = 0${site.indexBytes > 0 ? ` (dist/search/ holds ${megabytes(site.indexBytes)})` : ' (no dist/search/ either)'}`,
    ...(site.log.bulk ? [`    chart CSVs and data files ${seconds(site.log.bulk.seconds)} for ${count(site.log.bulk.files)} files, after the pages (not in the routes below)`] : []),
    '    time per route (sum of Astro’s per-file times):',
    ...routeTable(site.log),
  ];
  if (baseline) {
    lines.push(
      baseline.ok
        ? `  baseline${of}    ${seconds(baseline.seconds)}${cpu(baseline)}, peak RSS ${megabytes(baseline.peakRssBytes)}, ${count(baseline.log.pages)} files, dist ${megabytes(baseline.distBytes)} (bare Astro 7, default Markdown, one page per document)`
        : `  baseline${of}    FAILED after ${seconds(baseline.seconds)}: ${baseline.error ?? ''}`,
      ...phases(baseline.log, baseline.seconds),
    );
  } else {
    lines.push('  baseline    skipped');
  }
  const rebuildLines = (name: string, build: BuildSummary, how: string, check: TreeDifference | undefined) => [
    `  ${name.padEnd(11)} ${seconds(build.seconds)}${cpu(build)} ${how} (${((build.seconds / site.seconds) * 100).toFixed(0)}% of the last cold build), peak RSS ${megabytes(build.peakRssBytes)}${build.ok ? '' : `  FAILED: ${build.error ?? ''}`}`,
    `    ${count(build.log.pages - build.log.reused)} files rendered, ${count(build.log.reused)} kept or restored by Astro's incremental build`,
    ...phases(build.log, build.seconds),
    ...(build.log.search ? [`    search index ${seconds(build.log.search.seconds)}`] : []),
    ...(check
      ? [
          identical(check)
            ? '    output: byte-identical to a cold build of the changed content'
            : `    output DIFFERS from a cold build of the changed content: ${check.missing.length} missing, ${check.extra.length} extra, ${check.different.length} different (${[...check.missing, ...check.extra, ...check.different].slice(0, 5).join(', ')})`,
        ]
      : []),
  ];
  if (rebuild) lines.push(...rebuildLines('rebuild', rebuild, `in place after changing ${rebuild.changed} (npm run build -- --in-place, cache and output kept)`, details.rebuildCheck?.inPlace));
  if (details.rebuildFresh) lines.push(...rebuildLines('rebuild', details.rebuildFresh, 'of the same change into a fresh output folder (cache kept)', details.rebuildCheck?.fresh));
  lines.push('', `Rounds (in the order they ran, each build cold; wall, CPU of the process tree, peak RSS):`, ...roundTable(details));
  const ratios = ratioLines(details);
  if (ratios.length > 0) lines.push('', `Ratios (median over the rounds, min–max):`, ...ratios);
  lines.push('', 'Budgets:');
  const baselineSpread = comparisonSpread(details, 'baseline');
  if (baselineSpread) {
    const verdict = budgetVerdict(baselineSpread.wall, budgets.totalOverBaseline);
    const pairs = baselineSpread.wall.count;
    lines.push(`  total_s ≤ ${budgets.totalOverBaseline} × baseline_s: ${formatRatio(baselineSpread.wall)} over ${pairs} pair${pairs === 1 ? '' : 's'} ${verdict === 'met' ? 'met' : verdict === 'missed' ? 'MISSED' : 'CANNOT CONCLUDE (the pairs fall on both sides of the budget, or their spread is too wide)'}`);
  } else {
    lines.push(`  total_s ≤ ${budgets.totalOverBaseline} × baseline_s: no baseline figure`);
  }
  const rssBudget = peakRssBudget(details.docs);
  lines.push(`  peak_rss_mb ≤ ${rssBudget}: ${figures.peak_rss_mb} MiB (highest round) ${figures.peak_rss_mb <= rssBudget ? 'met' : 'MISSED'}`, '');
  return lines.join('\n');
}
