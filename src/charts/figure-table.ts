/** Table rows and CSV rows of figures, shared by the comparison and trend charts so both read the same. */
import type { MetricPoint } from '../domain/metric-series.ts';
import type { CsvCell } from '../domain/csv.ts';
import type { MetricDefinition } from '../schemas/metric.ts';
import { numberLabel } from '../domain/format-zh.ts';
import { periodLabel } from '../domain/periods.ts';
import type { TableCell } from './chart-model.ts';
import type { CitationTemplate } from '../domain/citation.ts';
import { citationPath, regionPath } from '../domain/urls.ts';

export interface FigureTableContext {
  /** Display name of a region, e.g. `湖南省 郴州市 资兴市`. */
  regionName: (slug: string) => string;
  /** Absolute URL of a site path, for the CSV. */
  absolute: (path: string) => string;
  /** A figure's GB/T 7714 citation (src/domain/citation.ts), for the table's one-tap 复制引用; without it the cell links to the document's. */
  citation?: (point: MetricPoint) => CitationTemplate;
}

/** `A类`, `城市 目标`, or the metric's short name for a figure without qualifiers. */
export function seriesLabel(point: Pick<MetricPoint, 'qualifiers'> | undefined, metric: MetricDefinition): string {
  return point && point.qualifiers.length ? point.qualifiers.join(' ') : metric.short_name;
}


function valueText(point: MetricPoint): string {
  const base = numberLabel(point.value);
  return point.conversion ? `${base}（由 ${numberLabel(point.stated.value)} ${point.stated.unit} 折算）` : base;
}

/** 地区 | 分类 | 数值 | 时期 | 原文 | 引用 */
export function figureRowCells(point: MetricPoint, _metric: MetricDefinition, context: FigureTableContext): TableCell[] {
  return [
    { text: context.regionName(point.region.slug), href: regionPath(point.region.slug) },
    { text: point.qualifiers.join(' ') || '—' },
    { text: valueText(point), value: point.value, href: point.url },
    { text: periodLabel(point.period) },
    { text: point.quote, href: point.url },
    context.citation
      ? { text: 'GB/T 7714', cite: { template: context.citation(point), label: [context.regionName(point.region.slug), ...point.qualifiers, valueText(point), periodLabel(point.period)].join(' ') } }
      : { text: 'GB/T 7714', href: citationPath(point.documentId) },
  ];
}

/**
 * Columns are only appended (as in metrics.csv): 调整前数值 (in the unit of 数值), 执行日期, 目标 and 编者注 came
 * after 链接, so a spreadsheet built on the first eleven keeps working. 目标/编者注 are 是/否: these files are
 * for people opening them in Excel or WPS; metrics.csv has true/false for scripts.
 */
export const figureCsvHeader = ['地区', '地区代码', '分类', '数值', '单位', '文件所述数值', '文件所述单位', '时期', '文件', '原文', '链接', '调整前数值', '执行日期', '目标', '编者注'];

const yesNo = (flag: boolean) => (flag ? '是' : '否');

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
    point.previous ?? '',
    point.effective ?? '',
    yesNo(point.target),
    yesNo(Boolean(point.note)),
  ];
}
