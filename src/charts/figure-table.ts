/** Table rows and CSV rows of figures, shared by the comparison and trend charts so both read the same. */
import type { MetricPoint } from '../domain/metric-series.ts';
import type { CsvCell } from '../domain/csv.ts';
import type { MetricDefinition } from '../schemas/metric.ts';
import { numberLabel, periodLabel } from '../lib/format.ts';
import type { TableCell } from './chart-model.ts';

export interface FigureTableContext {
  /** Display name of a region, e.g. `湖南省 郴州市 资兴市`. */
  regionName: (slug: string) => string;
  /** Absolute URL of a site path, for the CSV. */
  absolute: (path: string) => string;
}

/** `A类`, `城市 目标`, or the metric's short name for a figure without qualifiers. */
export function seriesLabel(point: Pick<MetricPoint, 'qualifiers'> | undefined, metric: MetricDefinition): string {
  return point && point.qualifiers.length ? point.qualifiers.join(' ') : metric.short_name;
}

/** Where a figure's document offers its GB/T 7714 citation. */
export function citationPath(documentId: string): string {
  return `/documents/${documentId}/#cite-heading`;
}

function valueText(point: MetricPoint): string {
  const base = numberLabel(point.value);
  return point.conversion ? `${base}（由 ${numberLabel(point.stated.value)} ${point.stated.unit} 折算）` : base;
}

/** 地区 | 分类 | 数值 | 时期 | 原文 | 引用 */
export function figureRowCells(point: MetricPoint, _metric: MetricDefinition, context: FigureTableContext): TableCell[] {
  return [
    { text: context.regionName(point.region.slug), href: `/regions/${point.region.slug}/` },
    { text: point.qualifiers.join(' ') || '—' },
    { text: valueText(point), value: point.value, href: point.url },
    { text: periodLabel(point.period) },
    { text: point.quote, href: point.url },
    { text: 'GB/T 7714', href: citationPath(point.documentId) },
  ];
}

export const figureCsvHeader = ['地区', '地区代码', '分类', '数值', '单位', '文件所述数值', '文件所述单位', '时期', '文件', '原文', '链接'];

export function figureCsvRow(point: MetricPoint, _metric: MetricDefinition, context: FigureTableContext): CsvCell[] {
  return [
    context.regionName(point.region.slug),
    point.region.code,
    point.qualifiers.join(' '),
    point.value,
    point.unit,
    point.stated.value,
    point.stated.unit,
    periodLabel(point.period),
    point.documentId,
    point.quote,
    context.absolute(point.url),
  ];
}
