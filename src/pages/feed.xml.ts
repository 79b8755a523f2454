/** `/feed.xml`: Atom feed of the newest documents, site-wide. */
import type { APIRoute } from 'astro';
import { siteFeed } from '../lib/feeds.ts';

export const GET: APIRoute = async () => new Response(await siteFeed(), { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
