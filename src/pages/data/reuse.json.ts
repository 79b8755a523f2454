/** `/data/reuse.json`: the rows of reuse.csv as JSON. */
import type { APIRoute } from 'astro';
import { reuseOpenData } from '../../lib/reuse.ts';
import { reuseJson } from '../../domain/reuse/reuse-views.ts';

export const GET: APIRoute = async () => new Response(reuseJson(await reuseOpenData()), { headers: { 'content-type': 'application/json; charset=utf-8' } });
