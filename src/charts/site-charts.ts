/**
 * The charts of the region and metric pages, built from the site model: the one builder behind the pages
 * (src/lib/figures.ts, once per build through perBuildKeyed) and behind the chart CSVs, which the build writes
 * after the pages from a model of its own (src/integrations/bulk-outputs.ts), so a CSV holds exactly the rows of
 * the table its page shows. Pure: the site's origin comes in as `absolute`.
 */
import type { ModelDocument, SiteModel } from '../domain/site-model.ts';
import { citationTemplate } from '../domain/citation.ts';
import { comparisons, trends, type MetricPoint, type Trend } from '../domain/metric-series.ts';
import { metricChartCsvPath, regionChartCsvPath } from '../domain/urls.ts';
import { chartCsv, type ChartModel } from './chart-model.ts';
import { comparisonChart } from './bar-comparison.ts';
import { trendChart } from './trend-line.ts';
import { seriesLabel, type FigureTableContext } from './figure-table.ts';

/** How many regions a metric page's trend chart draws; the rest are on their region pages and in metrics.csv. */
export const maxTrendLines = 12;

/** What the charts' tables and CSVs need to name regions and cite documents on this site. */
export function figureTableContext(model: SiteModel<ModelDocument>, absolute: (path: string) => string): FigureTableContext {
  return {
    regionName: (slug) => model.regions.fullName(slug),
    absolute,
    citation: (point) => citationTemplate({ data: model.documentById.get(point.documentId)!.data, url: absolute(point.url) }),
  };
}

/** A region's own trend charts, one per metric it states (lines per class or scope), in the metrics' order. */
export function regionTrendCharts(model: SiteModel<ModelDocument>, context: FigureTableContext, slug: string): ChartModel[] {
  const { metrics } = model;
  const own = trends(model.figures.byRegion.get(slug) ?? [], { region: slug });
  const byMetric = new Map<string, Trend[]>();
  for (const trend of own) byMetric.set(trend.metric, [...(byMetric.get(trend.metric) ?? []), trend]);
  return [...byMetric]
    .sort(([a], [b]) => (metrics.get(a)?.order ?? 0) - (metrics.get(b)?.order ?? 0))
    .map(([metricId, group]) => {
      const metric = metrics.get(metricId)!;
      const id = `trend-${metricId}`;
      return trendChart(group, metric, {
        ...context,
        id,
        csvPath: regionChartCsvPath(slug, id),
        title: `${metric.short_name}：${group[0]!.region.name}历年变化`,
        lineLabel: (t) => seriesLabel(t.points[0], metric),
      });
    });
}

export interface MetricCharts {
  comparisons: ChartModel[];
  trends: ChartModel[];
  /** Regions left off a trend chart because of `maxTrendLines`, per trend chart id. */
  omitted: Map<string, number>;
  points: MetricPoint[];
}

/** Every chart of a metric's page: comparisons by level (and province), one trend chart of at most maxTrendLines lines. */
export function metricPageCharts(model: SiteModel<ModelDocument>, context: FigureTableContext, metricId: string): MetricCharts {
  const metric = model.metrics.get(metricId);
  if (!metric) throw new Error(`no metric "${metricId}"`);
  const points = model.figures.byMetric.get(metricId) ?? [];
  const { bySlug } = model.regions;
  const comparisonModels = comparisons(points, metricId).map((c) => {
    const id = c.province ? `compare-${c.level}-${c.province}` : `compare-${c.level}`;
    return comparisonChart(c, metric, { ...context, id, csvPath: metricChartCsvPath(metricId, id), ...(c.province ? { provinceName: bySlug.get(c.province)?.name ?? c.province } : {}) });
  });
  // One trend chart per metric: a line per region and series (宣州区, 资兴市 A类 …), at most maxTrendLines of them.
  const allTrends = trends(points, { metric: metricId });
  const omitted = new Map<string, number>();
  const trendModels: ChartModel[] = [];
  if (allTrends.length > 0) {
    const id = 'trend';
    const shown = [...allTrends].sort((a, b) => b.points.length - a.points.length || a.region.code.localeCompare(b.region.code)).slice(0, maxTrendLines);
    const order = new Map(allTrends.map((t, i) => [t, i]));
    shown.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    if (allTrends.length > shown.length) omitted.set(id, allTrends.length - shown.length);
    const names = [...new Set(shown.map((t) => t.region.slug))].map((slug) => bySlug.get(slug)?.name ?? slug);
    const regionLabel = (t: Trend) => (names.indexOf(t.region.name) !== names.lastIndexOf(t.region.name) ? context.regionName(t.region.slug) : t.region.name);
    trendModels.push(
      trendChart(shown, metric, {
        ...context,
        id,
        csvPath: metricChartCsvPath(metricId, id),
        title: `${metric.short_name}：各地区历年变化`,
        lineLabel: (t) => [regionLabel(t), ...t.points[0]!.qualifiers].join(' '),
      }),
    );
  }
  return { comparisons: comparisonModels, trends: trendModels, omitted, points };
}

/**
 * Every chart CSV the site publishes, as [site path, text]: one per trend chart of each published region's page
 * and one per chart of each metric's page, in that order. Each chart's table links its CSV (`csvPath`).
 */
export function* chartCsvFiles(model: SiteModel<ModelDocument>, absolute: (path: string) => string): Generator<readonly [path: string, text: string]> {
  const context = figureTableContext(model, absolute);
  for (const region of model.regions.published) for (const chart of regionTrendCharts(model, context, region.slug)) yield [chart.csvPath, chartCsv(chart)];
  for (const metricId of model.metrics.keys()) {
    const { comparisons: compared, trends: trended } = metricPageCharts(model, context, metricId);
    for (const chart of [...compared, ...trended]) yield [chart.csvPath, chartCsv(chart)];
  }
}
