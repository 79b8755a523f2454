/**
 * Figures as series for charts and tables: every figure of every document becomes a point that knows its
 * region, period, value in the metric's canonical unit (a yearly 低保 standard is compared per month), and
 * where it came from (document, quote, quote URL). From the points: the latest value per region of each
 * series, compared only within one region level (a county with counties, never with its province), and each
 * region's values over time.
 *
 * A series is one metric split by what the figure says it is: class (A/B/C 类), urban/rural where the metric
 * id does not say it, average vs standard, and target vs reported result. A plan's 新增1万张 goal is never the
 * "latest value" next to a summary's reported beds, and a province's average standard (全省城市低保平均标准, an
 * average over its counties) is its own series: a comparison lists it apart from the standards other provinces
 * apply, labelled 平均, and never ranks one against the other.
 *
 * A multi-year plan (十四五, 2021—2025) sits on the time axis at the end of its last year: its targets are for 2025.
 */
import type { DocumentFrontmatter, Period } from '../schemas/document.ts';
import type { MetricDefinition, MetricValue } from '../schemas/metric.ts';
import type { Region, RegionLevel } from '../schemas/region.ts';
import { regionLevels } from '../schemas/region.ts';
import { quoteUrl } from './urls.ts';
import { canonicalValue, figureQualifiers, figureView } from './figures.ts';
import { groupBy, uniqueBy } from './grouping.ts';

/** What the series functions need of a document. */
export interface SourceDocument {
  id: string;
  data: Pick<DocumentFrontmatter, 'title' | 'period' | 'region' | 'metrics' | 'published' | 'written'> & Partial<Pick<DocumentFrontmatter, 'note'>>;
}

/** Identifies a series within a metric. */
export interface SeriesKey {
  category?: MetricValue['category'];
  scope?: MetricValue['scope'];
  /** An average over the region's subdivisions (全省平均), not a standard in force. */
  average?: true;
  target: boolean;
}

export interface MetricPoint {
  metric: string;
  /** `all`, `A`, `rural`, `urban-B`, `average`, `target`, … stable and URL-safe. */
  seriesKey: string;
  series: SeriesKey;
  /** `城市`, `A类`, `平均`, `目标`; empty for a figure without qualifiers. */
  qualifiers: string[];
  region: Region;
  period: Period;
  /** `2023-H1`, `2023` (whole year), `2017-H2`, `2021-2025` (a multi-year plan). */
  periodKey: string;
  /** Value in the metric's canonical unit (per month for a yearly standard). */
  value: number;
  /** The metric's canonical unit, e.g. `元/人/月`. */
  unit: string;
  /** The value and unit as the document states them. */
  stated: { value: number; unit: string };
  /** How a stated value was converted, e.g. `年标准 ÷ 12 折算为月标准`; absent when stated in the canonical unit. */
  conversion?: string;
  /** The value before the raise, in the canonical unit, where the document states it. */
  previous?: number;
  effective?: string;
  target: boolean;
  /** An average over the region's subdivisions; pages say 平均 beside it. */
  average: boolean;
  /** Where the number came from. */
  documentId: string;
  documentTitle: string;
  /** The document's editor's note (编者注), where it has one: a caveat to read before quoting the figure. */
  note?: string;
  quote: string;
  /** `/documents/<id>/#<anchor>`: the page that highlights the quoted sentence. */
  url: string;
  /** Orders points in time: end of the period, its start, the effective date, the document's date, its id. */
  timeKey: string;
}

/** Thrown when a figure names a metric or region the definitions do not have; validation prevents it. */
export class UnknownReferenceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnknownReferenceError';
  }
}

export function seriesKeyOf(series: SeriesKey): string {
  const parts = [series.scope, series.category, series.average ? 'average' : undefined, series.target ? 'target' : undefined].filter((p): p is string => Boolean(p));
  return parts.length ? parts.join('-') : 'all';
}

const scopeOrder = { none: 0, urban: 1, rural: 2 } as const;
const categoryOrder = { none: 0, A: 1, B: 2, C: 3 } as const;

/** Order of series on a page: unqualified first, then urban/rural, then A/B/C, standards before averages, results before targets. */
export function compareSeries(a: SeriesKey, b: SeriesKey): number {
  return (
    Number(a.target) - Number(b.target) ||
    Number(a.average === true) - Number(b.average === true) ||
    scopeOrder[a.scope ?? 'none'] - scopeOrder[b.scope ?? 'none'] ||
    categoryOrder[a.category ?? 'none'] - categoryOrder[b.category ?? 'none']
  );
}

export function periodKey(period: Period): string {
  if (period.end_year !== undefined) return `${period.year}-${period.end_year}`;
  return period.half ? `${period.year}-${period.half}` : String(period.year);
}

/**
 * Sorts periods on a time axis: 2023年上半年 < 2023年 < 2023年下半年 (by end date, then start date); a multi-year
 * plan by its last year: 2025年上半年 < 2021—2025年 < 2025年 < 2025年下半年.
 */
export function periodOrder(period: Period): string {
  const start = period.half === 'H2' ? '07-01' : '01-01';
  const end = period.half === 'H1' ? '06-30' : '12-31';
  return `${period.end_year ?? period.year}-${end}|${period.year}-${start}`;
}

/** Every figure of every document as a point, in document order. */
export function metricPoints(
  documents: readonly SourceDocument[],
  metrics: ReadonlyMap<string, MetricDefinition>,
  regions: ReadonlyMap<string, Region>,
): MetricPoint[] {
  const points: MetricPoint[] = [];
  for (const doc of documents) {
    const region = regions.get(doc.data.region);
    if (!region) throw new UnknownReferenceError(`${doc.id}: region "${doc.data.region}" is not in the region table`);
    for (const figure of doc.data.metrics) {
      const metric = metrics.get(figure.metric);
      if (!metric) throw new UnknownReferenceError(`${doc.id}: metric "${figure.metric}" has no definition`);
      points.push(pointOf(doc, figure, metric, region));
    }
  }
  return points;
}

function pointOf(doc: SourceDocument, figure: MetricValue, metric: MetricDefinition, region: Region): MetricPoint {
  const series: SeriesKey = {
    target: figure.target === true,
    ...(figure.category ? { category: figure.category } : {}),
    ...(figure.scope ? { scope: figure.scope } : {}),
    ...(figure.average ? { average: true as const } : {}),
  };
  const view = figureView(figure, metric);
  const documentDate = doc.data.published ?? doc.data.written ?? '';
  return {
    metric: figure.metric,
    seriesKey: seriesKeyOf(series),
    series,
    qualifiers: figureQualifiers(figure),
    region,
    period: doc.data.period,
    periodKey: periodKey(doc.data.period),
    value: canonicalValue(figure, metric),
    unit: metric.unit,
    stated: { value: figure.value, unit: figure.unit },
    ...(view.converted ? { conversion: view.converted.label } : {}),
    ...(figure.previous !== undefined ? { previous: canonicalValue({ value: figure.previous, unit: figure.unit }, metric) } : {}),
    ...(figure.effective ? { effective: figure.effective } : {}),
    target: series.target,
    average: series.average === true,
    documentId: doc.id,
    documentTitle: doc.data.title,
    ...(doc.data.note ? { note: doc.data.note } : {}),
    quote: figure.quote,
    url: quoteUrl(doc.id, figure.quote),
    timeKey: `${periodOrder(doc.data.period)}|${figure.effective ?? ''}|${documentDate}|${doc.id}`,
  };
}

/** Earlier first. */
export function compareInTime(a: MetricPoint, b: MetricPoint): number {
  return a.timeKey < b.timeKey ? -1 : a.timeKey > b.timeKey ? 1 : 0;
}

/** The latest point of each (metric, series, region): the value a reader would quote today. */
export function latestByRegion(points: readonly MetricPoint[]): MetricPoint[] {
  const latest = new Map<string, MetricPoint>();
  for (const point of points) {
    const key = `${point.metric}|${point.seriesKey}|${point.region.slug}`;
    const current = latest.get(key);
    if (!current || compareInTime(current, point) < 0) latest.set(key, point);
  }
  return [...latest.values()];
}

/** Regions of one level compared on one metric; `province` is set when a level is split by province. */
export interface Comparison {
  metric: string;
  level: RegionLevel;
  /** Province slug when the level had too many regions for one chart and was split. */
  province?: string;
  /** Series present, in page order. */
  series: SeriesKey[];
  /** Latest point per region and series, largest first within each series; regions ordered by their largest value. */
  points: MetricPoint[];
  /** Regions in chart order. */
  regions: Region[];
}

/**
 * Latest value per region of one metric, one comparison per region level (province, city, county). A level with
 * more than `maxRegions` regions is split by province so that a chart stays readable.
 */
export function comparisons(points: readonly MetricPoint[], metric: string, options: { maxRegions?: number } = {}): Comparison[] {
  const maxRegions = options.maxRegions ?? 40;
  const latest = latestByRegion(points.filter((p) => p.metric === metric));
  const out: Comparison[] = [];
  for (const level of regionLevels) {
    const atLevel = latest.filter((p) => p.region.level === level);
    if (atLevel.length === 0) continue;
    const regionCount = new Set(atLevel.map((p) => p.region.slug)).size;
    if (regionCount <= maxRegions) {
      out.push(comparisonOf(metric, level, atLevel));
      continue;
    }
    const byProvince = groupBy(atLevel, (p) => p.region.slug.split('/')[0] ?? '');
    for (const province of [...byProvince.keys()].sort()) out.push({ ...comparisonOf(metric, level, byProvince.get(province) ?? []), province });
  }
  return out;
}

function comparisonOf(metric: string, level: RegionLevel, points: MetricPoint[]): Comparison {
  const series = uniqueSeries(points);
  // Regions are ranked by the standards they apply; a region that states only an average (全省平均) comes after
  // them, ranked among the averages, so a chart never puts a province's average above another's standard.
  const largest = new Map<string, number>();
  const largestAverage = new Map<string, number>();
  for (const p of points) {
    const into = p.average ? largestAverage : largest;
    into.set(p.region.slug, Math.max(into.get(p.region.slug) ?? -Infinity, p.value));
  }
  const rankValue = (slug: string) => (largest.has(slug) ? [0, largest.get(slug) ?? 0] : [1, largestAverage.get(slug) ?? 0]) as [number, number];
  const regionOrder = (a: Region, b: Region) => {
    const [groupA, valueA] = rankValue(a.slug);
    const [groupB, valueB] = rankValue(b.slug);
    return groupA - groupB || valueB - valueA || a.code.localeCompare(b.code);
  };
  const regions = uniqueBy(points.map((p) => p.region), (r) => r.slug).sort(regionOrder);
  const rank = new Map(regions.map((r, i) => [r.slug, i]));
  const seriesRank = new Map(series.map((s, i) => [seriesKeyOf(s), i]));
  const sorted = [...points].sort((a, b) => (rank.get(a.region.slug) ?? 0) - (rank.get(b.region.slug) ?? 0) || (seriesRank.get(a.seriesKey) ?? 0) - (seriesRank.get(b.seriesKey) ?? 0));
  return { metric, level, series, points: sorted, regions };
}

/** One region's values of one series over time: one point per period (the latest document's when two state it). */
export interface Trend {
  metric: string;
  region: Region;
  seriesKey: string;
  series: SeriesKey;
  points: MetricPoint[];
}

/** Each region's trend of each series, regions in code order and series in page order. */
export function trends(points: readonly MetricPoint[], filter: { metric?: string; region?: string } = {}): Trend[] {
  const selected = points.filter((p) => (filter.metric === undefined || p.metric === filter.metric) && (filter.region === undefined || p.region.slug === filter.region));
  const groups = groupBy(selected, (p) => `${p.metric}|${p.seriesKey}|${p.region.slug}`);
  const out: Trend[] = [];
  for (const group of groups.values()) {
    const byPeriod = new Map<string, MetricPoint>();
    for (const point of group) {
      const current = byPeriod.get(point.periodKey);
      if (!current || compareInTime(current, point) < 0) byPeriod.set(point.periodKey, point);
    }
    const first = group[0]!;
    out.push({ metric: first.metric, region: first.region, seriesKey: first.seriesKey, series: first.series, points: [...byPeriod.values()].sort(compareInTime) });
  }
  return out.sort((a, b) => a.metric.localeCompare(b.metric) || a.region.code.localeCompare(b.region.code) || compareSeries(a.series, b.series));
}

/** Periods of a set of points on a time axis, earliest first. */
export function periodsOf(points: readonly Pick<MetricPoint, 'period' | 'periodKey'>[]): Period[] {
  const byKey = new Map(points.map((p) => [p.periodKey, p.period]));
  return [...byKey.values()].sort((a, b) => periodOrder(a).localeCompare(periodOrder(b)));
}

/** The documents behind a set of points, in the order first seen. */
export function sourceDocuments(points: readonly MetricPoint[]): { id: string; title: string }[] {
  return uniqueBy(points.map((p) => ({ id: p.documentId, title: p.documentTitle })), (d) => d.id);
}

export function uniqueSeries(points: readonly Pick<MetricPoint, 'series' | 'seriesKey'>[]): SeriesKey[] {
  return uniqueBy(points.map((p) => p.series), seriesKeyOf).sort(compareSeries);
}
