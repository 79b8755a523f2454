/** `/sitemap.xml`: every page; a sitemap index of `/sitemap-<n>.xml` parts past 50,000 URLs. */
import type { APIRoute } from 'astro';
import { sitemapPlan } from '../lib/feeds.ts';

export const GET: APIRoute = async () => new Response((await sitemapPlan()).root, { headers: { 'content-type': 'application/xml; charset=utf-8' } });
