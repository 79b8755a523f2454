/**
 * `/regions/<slug>/<chart>.csv`: exactly the rows of one trend chart's table on a region page. No cache key:
 * rendering a CSV (~0.3 ms) is cheaper than a cold build storing its copy for reuse (~0.85 ms; docs/scale.md).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { regionTable } from '../../../lib/regions.ts';
import { regionCharts } from '../../../lib/figures.ts';
import { chartCsv, type ChartModel } from '../../../charts/chart-model.ts';

export const getStaticPaths = (async () => {
  const paths = [];
  for (const region of (await regionTable()).published) {
    for (const model of await regionCharts(region.slug)) paths.push({ params: { slug: region.slug, chart: model.spec.id }, props: { model } });
  }
  return paths;
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(chartCsv((props as { model: ChartModel }).model), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
