/**
 * What the benchmark prints: a readable summary, then — as the very last line — one JSON object with the
 * figures the budgets are checked against. Pure.
 */
import type { BuildLog } from './build-log.ts';

/** The last line's object, keys in this order. */
export interface BenchFigures {
  docs: number;
  /** Wall time of the full site's cold build (pages, data files, charts, search index), seconds. */
  total_s: number;
  /** Wall time of the bare Astro build of the same Markdown; `null` when it was skipped or failed. */
  baseline_s: number | null;
  /**
   * Seconds from the start of the build until Astro wrote its last page (content sync, bundling and page
   * generation); `total_s − index_s` when the log does not show where generation ended.
   */
  pages_s: number;
  /** Seconds the search integration reports for its index (`[search] indexed N documents in X s`); 0 when it prints no such line. */
  index_s: number;
  /** Peak RSS summed over the full build's process tree, MiB. */
  peak_rss_mb: number;
  /** Size of the full site's output folder, MiB. */
  dist_mb: number;
  /** Size of its `search/` folder, MiB. */
  index_mb: number;
  /** With `--incremental`: wall time of the rebuild after one document changed, seconds. */
  rebuild_s?: number;
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

export interface BenchDetails {
  docs: number;
  seed: number;
  workDir: string;
  /** The machine's load average (1, 5, 15 min) at the end of the run: how shared the machine was. */
  loadAverage?: string;
  corpus: { bytes: number; seconds: number; reused: boolean };
  site: BuildSummary & { distBytes: number; indexBytes: number; documentPages: number; missingPages: number };
  baseline?: BuildSummary & { distBytes: number };
  rebuild?: BuildSummary & { changed: string };
}

/** The figures of the last line, from a run's details. */
export function benchFigures(details: BenchDetails): BenchFigures {
  const index = details.site.log.search?.seconds ?? 0;
  const figures: BenchFigures = {
    docs: details.docs,
    total_s: round(details.site.seconds, 2),
    baseline_s: details.baseline?.ok ? round(details.baseline.seconds, 2) : null,
    pages_s: round(details.site.log.generateEnd ?? details.site.seconds - index, 2),
    index_s: round(index, 2),
    peak_rss_mb: round(details.site.peakRssBytes / mib, 1),
    dist_mb: round(details.site.distBytes / mib, 1),
    index_mb: round(details.site.indexBytes / mib, 1),
  };
  if (details.rebuild) figures.rebuild_s = round(details.rebuild.seconds, 2);
  return figures;
}

/** The last line: the figures as one JSON object, keys in the documented order. */
export function figuresLine(figures: BenchFigures): string {
  const ordered: Record<string, unknown> = {};
  for (const key of ['docs', 'total_s', 'baseline_s', 'pages_s', 'index_s', 'peak_rss_mb', 'dist_mb', 'index_mb', 'rebuild_s'] as const) {
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

/** The readable summary printed before the JSON line. */
export function formatSummary(details: BenchDetails): string {
  const figures = benchFigures(details);
  const { site, baseline, rebuild } = details;
  const lines: string[] = [
    '',
    `Benchmark: ${count(details.docs)} documents, seed ${details.seed} (work folder ${details.workDir})${details.loadAverage ? `, load average ${details.loadAverage}` : ''}`,
    `  corpus      ${megabytes(details.corpus.bytes)} of Markdown, ${details.corpus.reused ? 'reused' : `generated in ${seconds(details.corpus.seconds)}`}`,
    `  full site   ${seconds(site.seconds)}${cpu(site)}, peak RSS ${megabytes(site.peakRssBytes)}, ${count(site.log.pages)} files, dist ${megabytes(site.distBytes)}${site.ok ? '' : `  FAILED: ${site.error ?? ''}`}`,
    ...phases(site.log, site.seconds),
    `    document pages ${count(site.documentPages)} of ${count(details.docs)}${site.missingPages > 0 ? ` (${count(site.missingPages)} MISSING)` : ''}`,
    site.log.search
      ? `    search index ${seconds(site.log.search.seconds)} for ${count(site.log.search.documents)} documents (${site.log.search.documents === details.docs ? 'all' : 'NOT ALL'}), ${megabytes(site.indexBytes)}`
      : `    search index: no "[search] indexed N documents in X s" line in the log, so index_s = 0${site.indexBytes > 0 ? ` (dist/search/ holds ${megabytes(site.indexBytes)})` : ' (no dist/search/ either)'}`,
    '    time per route (sum of Astro’s per-file times):',
    ...routeTable(site.log),
  ];
  if (baseline) {
    lines.push(
      baseline.ok
        ? `  baseline    ${seconds(baseline.seconds)}${cpu(baseline)}, peak RSS ${megabytes(baseline.peakRssBytes)}, ${count(baseline.log.pages)} files, dist ${megabytes(baseline.distBytes)} (bare Astro 7, default Markdown, one page per document)`
        : `  baseline    FAILED after ${seconds(baseline.seconds)}: ${baseline.error ?? ''}`,
      ...phases(baseline.log, baseline.seconds).map((line) => line),
    );
  } else {
    lines.push('  baseline    skipped');
  }
  if (rebuild) {
    lines.push(
      `  rebuild     ${seconds(rebuild.seconds)}${cpu(rebuild)} after changing ${rebuild.changed} (${((rebuild.seconds / site.seconds) * 100).toFixed(0)}% of the cold build), peak RSS ${megabytes(rebuild.peakRssBytes)}${rebuild.ok ? '' : `  FAILED: ${rebuild.error ?? ''}`}`,
      `    ${count(rebuild.log.pages - rebuild.log.reused)} files rendered, ${count(rebuild.log.reused)} reused from Astro's incremental-build cache`,
      ...phases(rebuild.log, rebuild.seconds),
      ...(rebuild.log.search ? [`    search index ${seconds(rebuild.log.search.seconds)}`] : []),
    );
  }
  lines.push('', 'Budgets:');
  if (figures.baseline_s !== null) {
    const ratio = figures.total_s / figures.baseline_s;
    lines.push(`  total_s ≤ ${budgets.totalOverBaseline} × baseline_s: ${figures.total_s} s vs ${round(budgets.totalOverBaseline * figures.baseline_s, 1)} s (${ratio.toFixed(2)}×) ${ratio <= budgets.totalOverBaseline ? 'met' : 'MISSED'}`);
  } else {
    lines.push(`  total_s ≤ ${budgets.totalOverBaseline} × baseline_s: no baseline figure`);
  }
  const rssBudget = peakRssBudget(details.docs);
  lines.push(`  peak_rss_mb ≤ ${rssBudget}: ${figures.peak_rss_mb} MiB ${figures.peak_rss_mb <= rssBudget ? 'met' : 'MISSED'}`, '');
  return lines.join('\n');
}
