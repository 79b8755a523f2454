/** `/metrics/<id>/<chart>.csv`: exactly the rows of one chart's table on the metric page (no cache key, as region CSVs). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { metricDefinitions } from '../../../lib/definitions.ts';
import { metricCharts } from '../../../lib/figures.ts';
import { chartCsv, type ChartModel } from '../../../charts/chart-model.ts';

export const getStaticPaths = (async () => {
  const paths = [];
  for (const id of (await metricDefinitions()).keys()) {
    const { comparisons, trends } = await metricCharts(id);
    for (const model of [...comparisons, ...trends]) paths.push({ params: { id, chart: model.spec.id }, props: { model } });
  }
  return paths;
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(chartCsv((props as { model: ChartModel }).model), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
