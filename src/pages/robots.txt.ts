/** `/robots.txt`, pointing crawlers at the sitemap of whatever `site` the build is for. */
import type { APIRoute } from 'astro';
import { absoluteUrl, sitemapPath } from '../domain/urls.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(site!, sitemapPath)}\n`, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
