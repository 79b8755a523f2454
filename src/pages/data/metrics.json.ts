/** `/data/metrics.json`: the rows of metrics.csv as JSON objects with the same keys. */
import type { APIRoute } from 'astro';
import { allDocuments } from '../../lib/documents.ts';
import { openDataContext } from '../../lib/figures.ts';
import { metricRows, metricsJson } from '../../domain/open-data.ts';

export const GET: APIRoute = async () =>
  new Response(metricsJson(metricRows(await allDocuments(), await openDataContext())), { headers: { 'content-type': 'application/json; charset=utf-8' } });
