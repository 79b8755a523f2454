/** `/data/disclosure.json`: the rows of disclosure.csv as JSON. */
import type { APIRoute } from 'astro';
import { disclosureOpenData } from '../../lib/disclosure.ts';
import { disclosureJson } from '../../domain/disclosure-views.ts';

export const GET: APIRoute = async () => new Response(disclosureJson(await disclosureOpenData()), { headers: { 'content-type': 'application/json; charset=utf-8' } });
