/**
 * The comparison chart of a metric page: the latest value each region states, regions of one level side by
 * side (county with county), one bar colour per series (A/B/C 类, 城市/农村, 目标).
 */
import type { Comparison, MetricPoint } from '../domain/metric-series.ts';
import { periodsOf, seriesKeyOf, sourceDocuments } from '../domain/metric-series.ts';
import type { MetricDefinition } from '../schemas/metric.ts';
import { regionLevelNames } from '../schemas/region.ts';
import { numberLabel } from '../domain/format-zh.ts';
import { periodLabel } from '../domain/periods.ts';
import { barChartHeight, periodRangeText, pointSource, seriesColour, sourcesText, type ChartModel } from './chart-model.ts';
import { figureRowCells, figureCsvHeader, figureCsvRow, seriesLabel, type FigureTableContext } from './figure-table.ts';

export interface ComparisonContext extends FigureTableContext {
  id: string;
  csvPath: string;
  /** Name of the province a split comparison covers. */
  provinceName?: string;
}

export function comparisonChart(comparison: Comparison, metric: MetricDefinition, context: ComparisonContext): ChartModel {
  const { points, regions, series } = comparison;
  // Short names on the axis (a phone has little room); the full name only where two regions share a name.
  const names = regions.map((r) => r.name);
  const labels = regions.map((r) => (names.indexOf(r.name) !== names.lastIndexOf(r.name) ? context.regionName(r.slug) : r.name));
  const index = new Map(points.map((p) => [`${p.region.slug}|${p.seriesKey}`, p]));
  const datasets = series.map((s, i) => {
    const row = regions.map((r) => index.get(`${r.slug}|${seriesKeyOf(s)}`));
    return { label: seriesLabel(row.find(Boolean), metric), values: row.map((p) => p?.value ?? null), urls: row.map((p) => p?.url ?? null), sources: row.map((p) => (p ? pointSource(p) : null)), colour: seriesColour(i) };
  });
  const levelName = `${regionLevelNames[comparison.level]}地区${context.provinceName ? `（${context.provinceName}）` : ''}`;
  const periods = periodRangeText(periodsOf(points));
  const title = `${metric.short_name}：${levelName}最新值比较`;
  const caption = `${metric.name}，${levelName}各自最新陈述的数值（单位：${metric.unit}；时期：${periods}；来源：${sourcesText(sourceDocuments(points))}；数值链接到原文中的那一句）`;
  return {
    title,
    label: `横向柱状图：${title}，单位${metric.unit}。${describeTop(points, context, metric)}各数值见下表。`,
    spec: {
      id: context.id,
      type: 'bar',
      horizontal: true,
      stacked: false,
      labels,
      datasets,
      unit: metric.unit,
      height: barChartHeight(regions.length, series.length),
      integer: metric.measure === 'count',
    },
    table: {
      caption,
      columns: [{ label: '地区' }, { label: '分类' }, { label: `数值（${metric.unit}）`, numeric: true }, { label: '时期' }, { label: '原文' }, { label: '引用' }],
      rows: points.map((p) => figureRowCells(p, metric, context)),
    },
    csvPath: context.csvPath,
    csv: { header: figureCsvHeader, rows: points.map((p) => figureCsvRow(p, metric, context)) },
  };
}

/** One sentence naming the largest value, so the canvas's name says something a listener can use. */
function describeTop(points: readonly MetricPoint[], context: FigureTableContext, metric: MetricDefinition): string {
  // An average (全省平均) is never named the highest standard: the largest standard is, when there is one.
  const top = [...points].sort((a, b) => Number(a.average) - Number(b.average) || b.value - a.value)[0];
  if (!top) return '';
  const qualifiers = top.qualifiers.length ? `（${top.qualifiers.join('')}）` : '';
  return `最高为${context.regionName(top.region.slug)}${qualifiers}${numberLabel(top.value)}${metric.unit}（${periodLabel(top.period)}）。`;
}
