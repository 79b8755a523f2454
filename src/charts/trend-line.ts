/**
 * Trend charts: values over time, one line per region (a metric page) or per series (a region page). The time
 * axis lists only periods some document covers; nothing is interpolated, and a period no document states for a
 * line is a gap, not a zero.
 */
import type { MetricPoint, Trend } from '../domain/metric-series.ts';
import { periodsOf, sourceDocuments } from '../domain/metric-series.ts';
import type { MetricDefinition } from '../schemas/metric.ts';
import type { Period } from '../schemas/document.ts';
import { periodLabel } from '../domain/periods.ts';
import { periodRangeText, pointSource, seriesColour, sourcesText, type ChartModel } from './chart-model.ts';
import { figureCsvHeader, figureCsvRow, figureRowCells, type FigureTableContext } from './figure-table.ts';

export interface TrendContext extends FigureTableContext {
  id: string;
  csvPath: string;
  /** Heading, e.g. `城市低保标准（A类）：各地区历年变化`. */
  title: string;
  /** Legend entry of a line. */
  lineLabel: (trend: Trend) => string;
}

/**
 * Where a period sits on a trend's time axis, in years: the middle of what it covers (2023年上半年 2023.25,
 * 2023年 2023.5, 2023年下半年 2023.75), and a multi-year plan, whose figures are targets for its last year, at
 * that year's end (2021—2025年 2026, the 2025 tick's right).
 */
export function periodPosition(period: Period): number {
  if (period.end_year !== undefined) return period.end_year + 1;
  return period.year + (period.half === 'H1' ? 0.25 : period.half === 'H2' ? 0.75 : 0.5);
}

export function trendChart(trends: readonly Trend[], metric: MetricDefinition, context: TrendContext): ChartModel {
  const points: MetricPoint[] = trends.flatMap((t) => t.points);
  const periods = periodsOf(points);
  const periodIndex = new Map(periods.map((p, i) => [periodLabel(p), i]));
  const datasets = trends.map((trend, n) => {
    const values: (number | null)[] = periods.map(() => null);
    const urls: (string | null)[] = periods.map(() => null);
    const sources: (string | null)[] = periods.map(() => null);
    for (const point of trend.points) {
      const i = periodIndex.get(periodLabel(point.period))!;
      values[i] = point.value;
      urls[i] = point.url;
      sources[i] = pointSource(point);
    }
    return { label: context.lineLabel(trend), values, urls, sources, colour: seriesColour(n) };
  });
  const range = periodRangeText(periods);
  const single = periods.length === 1 ? '目前只有一个时期的数据，尚不能看出变化。' : '';
  return {
    title: context.title,
    label: `折线图：${context.title}，单位${metric.unit}，${range}，${trends.length} 条线。${single}各数值见下表。`,
    spec: {
      id: context.id,
      type: 'line',
      horizontal: false,
      stacked: false,
      labels: periods.map(periodLabel),
      datasets,
      unit: metric.unit,
      height: 280 as const,
      integer: metric.measure === 'count',
      positions: periods.map(periodPosition),
    },
    table: {
      caption: `${context.title}（单位：${metric.unit}；时期：${range}；来源：${sourcesText(sourceDocuments(points))}；数值链接到原文中的那一句）`,
      columns: [{ label: '地区' }, { label: '分类' }, { label: `数值（${metric.unit}）`, numeric: true }, { label: '时期' }, { label: '原文' }, { label: '引用' }],
      rows: points.map((p) => figureRowCells(p, metric, context)),
    },
    csvPath: context.csvPath,
    csv: { header: figureCsvHeader, rows: points.map((p) => figureCsvRow(p, metric, context)) },
  };
}
