import { describe, expect, it } from 'vitest';
import { chartCsv } from '../../src/charts/chart-model.ts';
import { chartCsvFiles, figureTableContext, metricPageCharts, regionTrendCharts } from '../../src/charts/site-charts.ts';
import { loadContent } from '../../src/domain/content/load-content.ts';
import { buildSiteModel } from '../../src/domain/site-model.ts';
import { absoluteUrl } from '../../src/domain/urls.ts';
import { repoRoot } from '../../tools/site-build.ts';

describe('the chart CSVs of the site', () => {
  const { model: validated } = loadContent(repoRoot);
  const model = buildSiteModel({ documents: validated.documents, regions: validated.regions.all, metrics: validated.metrics, topics: validated.topics });
  const absolute = (path: string) => absoluteUrl('https://gongkai.example.org', path);
  const files = [...chartCsvFiles(model, absolute)];
  const context = figureTableContext(model, absolute);

  it('are one per chart of each region page and each metric page, at the path the chart links', () => {
    const charts = [
      ...model.regions.published.flatMap((region) => regionTrendCharts(model, context, region.slug)),
      ...[...model.metrics.keys()].flatMap((id) => {
        const { comparisons, trends } = metricPageCharts(model, context, id);
        return [...comparisons, ...trends];
      }),
    ];
    expect(files.map(([path]) => path)).toEqual(charts.map((chart) => chart.csvPath));
    expect(files.map(([, text]) => text)).toEqual(charts.map(chartCsv));
    expect(new Set(files.map(([path]) => path)).size).toBe(files.length);
  });

  it('include a region’s trend of a metric, with each figure’s absolute source link', () => {
    const zixing = files.find(([path]) => path === '/regions/hunan/chenzhou/zixing/trend-dibao-urban.csv');
    expect(zixing).toBeDefined();
    expect(zixing![1]).toContain('https://gongkai.example.org/documents/hunan/chenzhou/zixing/');
  });
});
