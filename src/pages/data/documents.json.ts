/** `/data/documents.json`: every document's front matter, with its id, page URL and region code. */
import type { APIRoute } from 'astro';
import { allDocuments } from '../../lib/documents.ts';
import { openDataContext } from '../../lib/figures.ts';
import { documentsJson } from '../../domain/open-data.ts';

export const GET: APIRoute = async () =>
  new Response(documentsJson(await allDocuments(), await openDataContext()), { headers: { 'content-type': 'application/json; charset=utf-8' } });
