/**
 * Sitemaps (sitemaps.org 0.9). One file holds at most 50,000 URLs; past that, `/sitemap.xml` becomes a
 * sitemap index pointing at `/sitemap-1.xml`, `/sitemap-2.xml`, … Dates come from the documents, never from
 * the build clock.
 */
import { escapeXml } from './atom.ts';

export interface SitemapUrl {
  /** Absolute URL. */
  loc: string;
  /** `YYYY-MM-DD`, where known. */
  lastmod?: string;
}

export const maxUrlsPerSitemap = 50_000;

export function urlsetXml(urls: readonly SitemapUrl[]): string {
  const body = urls.map((u) => `  <url><loc>${escapeXml(u.loc)}</loc>${u.lastmod ? `<lastmod>${u.lastmod}</lastmod>` : ''}</url>`);
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...body, '</urlset>', ''].join('\n');
}

export function sitemapIndexXml(sitemaps: readonly SitemapUrl[]): string {
  const body = sitemaps.map((s) => `  <sitemap><loc>${escapeXml(s.loc)}</loc>${s.lastmod ? `<lastmod>${s.lastmod}</lastmod>` : ''}</sitemap>`);
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...body, '</sitemapindex>', ''].join('\n');
}

export interface SitemapPlan {
  /** What `/sitemap.xml` serves: the urlset itself, or an index of the parts. */
  root: string;
  /** The parts when split: `sitemap-<n>.xml` (n from 1) and their XML; empty when one file suffices. */
  parts: { n: number; xml: string }[];
}

/** Plans the sitemap files for `urls` (deduplicated, in the given order). `partUrl(n)` is a part's absolute URL. */
export function planSitemaps(urls: readonly SitemapUrl[], partUrl: (n: number) => string, max: number = maxUrlsPerSitemap): SitemapPlan {
  const unique = [...new Map(urls.map((u) => [u.loc, u])).values()];
  if (unique.length <= max) return { root: urlsetXml(unique), parts: [] };
  const parts: { n: number; xml: string; lastmod?: string }[] = [];
  for (let i = 0; i < unique.length; i += max) {
    const slice = unique.slice(i, i + max);
    const lastmod = slice.reduce<string | undefined>((m, u) => (u.lastmod && (!m || u.lastmod > m) ? u.lastmod : m), undefined);
    parts.push({ n: parts.length + 1, xml: urlsetXml(slice), ...(lastmod ? { lastmod } : {}) });
  }
  return {
    root: sitemapIndexXml(parts.map((p) => ({ loc: partUrl(p.n), ...(p.lastmod ? { lastmod: p.lastmod } : {}) }))),
    parts: parts.map(({ n, xml }) => ({ n, xml })),
  };
}
