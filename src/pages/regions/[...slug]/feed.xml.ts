/** `/regions/<slug>/feed.xml`: Atom feed of a region's newest documents, its sub-regions' included. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { regionTable } from '../../../lib/regions.ts';
import { regionFeed } from '../../../lib/feeds.ts';
import { regionPageCacheKey } from '../../../lib/cache-keys.ts';

export const getStaticPaths = (async () =>
  Promise.all((await regionTable()).published.map(async (region) => ({ params: { slug: region.slug }, cacheKey: await regionPageCacheKey(region.slug) })))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  new Response(await regionFeed(params.slug as string), { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
