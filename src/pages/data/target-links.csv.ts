/** `/data/target-links.csv`: one row per link of a plan's target to the next plan's or to the summary's figure (docs/data.md). */
import type { APIRoute } from 'astro';
import { openDataContext } from '../../lib/figures.ts';
import { siteModel } from '../../lib/site-model.ts';
import { targetLinksCsv } from '../../domain/target-history.ts';

export const GET: APIRoute = async () =>
  new Response(targetLinksCsv((await siteModel()).figures.targets.links, await openDataContext()), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
