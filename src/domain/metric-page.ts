/**
 * What a metric page (`/metrics/<id>/`) says around its charts: its description and breadcrumb, how many
 * documents its points come from, which caveats apply (averages, multi-year plans), the latest figure of each
 * region to answer first, and whether there is only one period (no change to draw). Pure:
 * src/lib/metric-page.ts adds the charts and the answers, src/pages/metrics/[id]/index.astro renders.
 */
import type { MetricDefinition } from '../schemas/metric.ts';
import { compareInTime, latestByRegion, periodsOf, type MetricPoint } from './metric-series.ts';
import { periodLabel } from './periods.ts';
import type { Crumb } from './document-page.ts';
import { metricsPath } from './urls.ts';

/** How many regions' latest figures the page answers with before its charts; the rest are in the table and CSV. */
export const maxLatestAnswers = 24;

export interface MetricPageView {
  description: string;
  breadcrumb: Crumb[];
  documentCount: number;
  /** Some points are averages over subdivisions (全省平均标准): the page says they are kept apart. */
  hasAverages: boolean;
  /** Some points come from a multi-year plan: the page says how they are labelled. */
  hasMultiYear: boolean;
  /** Each region's latest figure of each series, newest first (ties by region code). */
  latest: MetricPoint[];
  /** The first `maxLatestAnswers` of `latest`, answered at the top of the page. */
  answered: MetricPoint[];
  /** The only period's label (`2023年`) when all points share one; there is then no trend to draw. */
  onlyPeriod?: string;
}

export function metricPageView(metric: Pick<MetricDefinition, 'name' | 'unit'>, points: readonly MetricPoint[]): MetricPageView {
  const latest = latestByRegion(points).sort((a, b) => compareInTime(b, a) || a.region.code.localeCompare(b.region.code));
  const periods = periodsOf(points);
  return {
    description: `${metric.name}（${metric.unit}）：口径说明、各地最新数值比较和历年变化，${points.length ? `共 ${points.length} 条数据，每条链接到原文。` : '暂无文件陈述该指标。'}`,
    breadcrumb: [{ href: metricsPath, label: '指标' }, { label: metric.name }],
    documentCount: new Set(points.map((p) => p.documentId)).size,
    hasAverages: points.some((p) => p.average),
    hasMultiYear: points.some((p) => p.period.end_year !== undefined),
    latest,
    answered: latest.slice(0, maxLatestAnswers),
    ...(periods.length === 1 ? { onlyPeriod: periodLabel(periods[0]!) } : {}),
  };
}
