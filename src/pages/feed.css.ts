/**
 * `/feed.css`: the look of the page public/feed.xsl makes of a feed. A browser opens a feed by itself, without the
 * site's bundled stylesheet, so the site's tokens are written into this one at build time (one request, no @import).
 */
import type { APIRoute } from 'astro';
import tokens from '../styles/tokens.css?raw';
import feedStyles from '../styles/feed.css?raw';

export const GET: APIRoute = () => new Response(`${tokens}\n${feedStyles}`, { headers: { 'content-type': 'text/css; charset=utf-8' } });
