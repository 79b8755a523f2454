/** `/data/disclosure.csv`: each bureau's publishing record, one row per year and slot; columns in src/domain/disclosure-views.ts, documented in docs/data.md. */
import type { APIRoute } from 'astro';
import { disclosureOpenData } from '../../lib/disclosure.ts';
import { disclosureCsv } from '../../domain/disclosure-views.ts';

export const GET: APIRoute = async () => new Response(disclosureCsv(await disclosureOpenData()), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
