/**
 * One page of each kind and state the site has, for the quality tests (axe, keyboard, zoom, 适老化, Lighthouse).
 * A page listed here that is missing from the build fails the tests: add a page kind here when the site gains one.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface SitePage {
  /** What kind of page and state this is, for test names and the results table in docs/quality.md. */
  kind: string;
  /** Path and query to load. */
  path: string;
  /** The file in dist/ that must exist for the page to be tested. */
  file: string;
  /** Waits for the page's own scripts to finish drawing (charts, search results). */
  ready?: 'chart' | 'search';
  /** Run Lighthouse on it (one page per kind). */
  lighthouse?: boolean;
  /** Served with status 404 on purpose. */
  notFound?: boolean;
}

export const sitePages: SitePage[] = [
  { kind: 'home', path: '/', file: 'index.html', lighthouse: true },
  { kind: 'documents list', path: '/documents/', file: 'documents/index.html', lighthouse: true },
  { kind: 'facet (year)', path: '/documents/year/2023/', file: 'documents/year/2023/index.html', lighthouse: true },
  { kind: 'document with figures', path: '/documents/jiangsu/changzhou/jintan/2017-h1-summary/', file: 'documents/jiangsu/changzhou/jintan/2017-h1-summary/index.html', lighthouse: true },
  { kind: 'document with tasks', path: '/documents/anhui/xuancheng/xuanzhou/2023-year-task-list/', file: 'documents/anhui/xuancheng/xuanzhou/2023-year-task-list/index.html' },
  { kind: 'regions', path: '/regions/', file: 'regions/index.html' },
  { kind: 'region', path: '/regions/jiangsu/changzhou/jintan/', file: 'regions/jiangsu/changzhou/jintan/index.html', lighthouse: true },
  { kind: 'metrics', path: '/metrics/', file: 'metrics/index.html' },
  { kind: 'metric with chart', path: '/metrics/dibao-urban/', file: 'metrics/dibao-urban/index.html', ready: 'chart', lighthouse: true },
  { kind: 'tasks', path: '/tasks/', file: 'tasks/index.html', lighthouse: true },
  { kind: 'province tasks', path: '/tasks/anhui/', file: 'tasks/anhui/index.html', lighthouse: true },
  { kind: 'data', path: '/data/', file: 'data/index.html', lighthouse: true },
  { kind: 'reuse', path: '/reuse/', file: 'reuse/index.html' },
  { kind: 'disclosure', path: '/disclosure/', file: 'disclosure/index.html' },
  { kind: 'province disclosure', path: '/disclosure/anhui/', file: 'disclosure/anhui/index.html' },
  { kind: 'search with results', path: '/search/?q=低保', file: 'search/index.html', ready: 'search', lighthouse: true },
  { kind: 'search without results', path: '/search/?q=龘龘龘', file: 'search/index.html', ready: 'search' },
  { kind: 'about', path: '/about/', file: 'about/index.html' },
  { kind: '404', path: '/does-not-exist/', file: '404.html', notFound: true, lighthouse: true },
];

export function isBuilt(distDir: string, page: SitePage): boolean {
  return existsSync(join(distDir, page.file));
}

/** The pages of `sitePages`, each checked to be in the build: a page kind missing from dist/ is a failure, never a skip. */
export function builtPages(distDir: string, pages: SitePage[] = sitePages): SitePage[] {
  const missing = pages.filter((page) => !isBuilt(distDir, page));
  if (missing.length > 0) throw new Error(`quality tests: not in the build (${distDir}): ${missing.map((p) => `${p.path} → ${p.file}`).join(', ')}`);
  return pages;
}

export const viewports = [
  { name: 'phone', width: 375, height: 812 },
  { name: 'desktop', width: 1280, height: 900 },
] as const;
