/** `/sitemap-<n>.xml`: the parts of a split sitemap; none while the site has 50,000 URLs or fewer. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { sitemapPlan } from '../lib/feeds.ts';

export const getStaticPaths = (async () => (await sitemapPlan()).parts.map((part) => ({ params: { n: String(part.n) }, props: { xml: part.xml } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response((props as { xml: string }).xml, { headers: { 'content-type': 'application/xml; charset=utf-8' } });
