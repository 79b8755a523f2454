/**
 * Trend charts: values over time, one line per region (a metric page) or per series (a region page). The time
 * axis lists only periods some document covers; nothing is interpolated, and a period no document states for a
 * line is a gap, not a zero.
 */
import type { MetricPoint, Trend } from '../domain/metric-series.ts';
import { periodsOf, sourceDocuments } from '../domain/metric-series.ts';
import type { MetricDefinition } from '../schemas/metric.ts';
import { periodLabel } from '../lib/format.ts';
import { periodRangeText, seriesColour, sourcesText, type ChartModel } from './chart-model.ts';
import { figureCsvHeader, figureCsvRow, figureRowCells, type FigureTableContext } from './figure-table.ts';

export interface TrendContext extends FigureTableContext {
  id: string;
  csvPath: string;
  /** Heading, e.g. `城市低保标准（A类）：各地区历年变化`. */
  title: string;
  /** Legend entry of a line. */
  lineLabel: (trend: Trend) => string;
}

export function trendChart(trends: readonly Trend[], metric: MetricDefinition, context: TrendContext): ChartModel {
  const points: MetricPoint[] = trends.flatMap((t) => t.points);
  const periods = periodsOf(points);
  const periodIndex = new Map(periods.map((p, i) => [periodLabel(p), i]));
  const datasets = trends.map((trend, n) => {
    const values: (number | null)[] = periods.map(() => null);
    const urls: (string | null)[] = periods.map(() => null);
    for (const point of trend.points) {
      const i = periodIndex.get(periodLabel(point.period))!;
      values[i] = point.value;
      urls[i] = point.url;
    }
    return { label: context.lineLabel(trend), values, urls, colour: seriesColour(n) };
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
    },
    table: {
      caption: `${context.title}（单位：${metric.unit}；时期：${range}；来源：${sourcesText(sourceDocuments(points))}；点击数值查看原文）`,
      columns: [{ label: '地区' }, { label: '分类' }, { label: `数值（${metric.unit}）`, numeric: true }, { label: '时期' }, { label: '原文' }, { label: '引用' }],
      rows: points.map((p) => figureRowCells(p, metric, context)),
    },
    csvPath: context.csvPath,
    csv: { header: figureCsvHeader, rows: points.map((p) => figureCsvRow(p, metric, context)) },
  };
}
