/** `/data/metrics.csv`: one row per figure; columns in src/domain/open-data.ts, documented in docs/data.md. */
import type { APIRoute } from 'astro';
import { allDocuments } from '../../lib/documents.ts';
import { openDataContext } from '../../lib/figures.ts';
import { metricRows, metricsCsv } from '../../domain/open-data.ts';

export const GET: APIRoute = async () =>
  new Response(metricsCsv(metricRows(await allDocuments(), await openDataContext())), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
