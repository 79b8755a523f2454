/**
 * The home page's "最新数字": for each metric that has figures, the newest document that states it, and the
 * figures it states (one line per metric, a few figures each). Everything shown is a stated figure: the value
 * and unit as the document gives them (a yearly standard stays yearly), with its region, period and quote, so
 * a reader can check it in one tap. The line never mixes documents: a region's A类 and B类 standards come from
 * the same report.
 */
import type { MetricDefinition } from '../schemas/metric.ts';
import type { Period } from '../schemas/document.ts';
import type { Region } from '../schemas/region.ts';
import { compareInTime, compareSeries, type MetricPoint } from './metric-series.ts';

/** Lines on the home page: every metric defined today, and a bound should many more be added. */
export const maxHeadlineMetrics = 12;
/** Figures per line: a place's A/B/C classes fit; more are on the metric page. */
export const maxHeadlineFigures = 3;

export interface HeadlineFigure {
  metric: string;
  /** The newest document's figures of this metric, one per series (class, scope, goal), in page order. */
  points: MetricPoint[];
  /** Figures of that document left off the line because of `maxHeadlineFigures`. */
  omitted: number;
  region: Region;
  period: Period;
  documentId: string;
  documentTitle: string;
}

/**
 * The latest figures of each metric, metrics in their page order (`order`, then id). A metric without figures
 * has no line: the home page never shows an empty one.
 */
export function headlineFigures(
  points: readonly MetricPoint[],
  metrics: ReadonlyMap<string, Pick<MetricDefinition, 'order'>>,
  options: { maxMetrics?: number; maxFigures?: number } = {},
): HeadlineFigure[] {
  const maxMetrics = options.maxMetrics ?? maxHeadlineMetrics;
  const maxFigures = options.maxFigures ?? maxHeadlineFigures;
  const latest = new Map<string, MetricPoint>();
  for (const point of points) {
    const current = latest.get(point.metric);
    if (!current || compareInTime(current, point) < 0) latest.set(point.metric, point);
  }
  const lines: HeadlineFigure[] = [];
  for (const newest of latest.values()) {
    // One figure per series from the newest document; where it states a series twice (two effective dates), the later.
    const bySeries = new Map<string, MetricPoint>();
    for (const point of points) {
      if (point.metric !== newest.metric || point.documentId !== newest.documentId) continue;
      const current = bySeries.get(point.seriesKey);
      if (!current || compareInTime(current, point) < 0) bySeries.set(point.seriesKey, point);
    }
    const figures = [...bySeries.values()].sort((a, b) => compareSeries(a.series, b.series));
    lines.push({
      metric: newest.metric,
      points: figures.slice(0, maxFigures),
      omitted: Math.max(0, figures.length - maxFigures),
      region: newest.region,
      period: newest.period,
      documentId: newest.documentId,
      documentTitle: newest.documentTitle,
    });
  }
  const orderOf = (id: string) => metrics.get(id)?.order ?? Number.MAX_SAFE_INTEGER;
  return lines.sort((a, b) => orderOf(a.metric) - orderOf(b.metric) || a.metric.localeCompare(b.metric)).slice(0, maxMetrics);
}
