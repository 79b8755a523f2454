/** `/data/reuse.csv`: each document's share of text found in other documents; columns in src/domain/reuse/reuse-views.ts, documented in docs/data.md. */
import type { APIRoute } from 'astro';
import { reuseOpenData } from '../../lib/reuse.ts';
import { reuseCsv } from '../../domain/reuse/reuse-views.ts';

export const GET: APIRoute = async () => new Response(reuseCsv(await reuseOpenData()), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
