/**
 * Reads an `astro build` log as it streams: pages written and the time each took (grouped by route), the
 * phases (content sync, page generation), the search integration's line `[search] indexed N documents in X s`
 * and the bulk outputs' `[bulk] N files (…) written in X s` (files written beside the pages, not by Astro). Pure: the caller feeds lines with the second they arrived at.
 */

export interface RouteTiming {
  pages: number;
  /** Sum of the per-page `(+Nms)` Astro prints, in milliseconds. */
  ms: number;
}

export interface BuildLog {
  /** Files written by the static generation (`├─ /…` lines), rendered or reused. */
  pages: number;
  /** Of those, files Astro's incremental build reused from its cache instead of rendering (`(cached)`, `(restored)`). */
  reused: number;
  routes: Map<string, RouteTiming>;
  /** Seconds since the build started at which each phase began and ended, where the log shows it. */
  contentStart?: number;
  contentEnd?: number;
  generateStart?: number;
  generateEnd?: number;
  /** From the search integration's log line, if it printed one. */
  search?: { documents: number; seconds: number };
  /** From the bulk outputs' log line (src/integrations/bulk-outputs.ts): files written in its worker thread, and its seconds. */
  bulk?: { files: number; seconds: number };
  /** Astro's own summary line `N page(s) built in Xs`. */
  astroPages?: number;
}

export function emptyBuildLog(): BuildLog {
  return { pages: 0, reused: 0, routes: new Map() };
}

// Astro prefixes lines with a time stamp and may colour them; colour codes are stripped first.
const ansi = /\u001b\[[0-9;]*m/g;
const pageLine = /[├└]─ (\/\S*) \((?:\+(\d+(?:\.\d+)?)(ms|s)|(cached|restored))\)/;
const searchLine = /\[search\][^\n]*?indexed ([\d,]+) documents? in ([\d.]+) ?(ms|s)\b/;
const bulkLine = /\[bulk\] ([\d,]+) files \([^)]*\) written in ([\d.]+) s/;

/**
 * The route a written file belongs to, so per-page times add up per page template: `/documents/a/b/c/` →
 * `/documents/[...id]`, `/documents/year/2023/page/2/` → `/documents/[facet]/[value]`.
 */
export function routeOf(path: string): string {
  const parts = path.split('/').filter(Boolean);
  const [first, second] = parts;
  if (!first || first === 'index.html') return '/';
  if (parts.length === 1) return `/${first}`;
  if (first === 'documents') {
    if (second === 'index.html') return '/documents/';
    if (second === 'page') return '/documents/page/[page]';
    if (second === 'year' || second === 'kind' || second === 'topic') return '/documents/[facet]/[value]';
    return '/documents/[...id]';
  }
  if (second === 'index.html') return `/${first}/`;
  const last = parts.at(-1) ?? '';
  const extension = /\.(\w+)$/.exec(last)?.[1] ?? '';
  if (first === 'regions') return extension === 'html' ? '/regions/[...slug]' : last === 'feed.xml' ? '/regions/[...slug]/feed.xml' : `/regions/[...slug]/*.${extension}`;
  return extension && extension !== 'html' ? `/${first}/…/*.${extension}` : `/${first}/[…]`;
}

/** Folds one log line, which arrived `seconds` after the build started, into the log. */
export function readBuildLine(log: BuildLog, rawLine: string, seconds: number): void {
  const line = rawLine.replace(ansi, '');
  const page = pageLine.exec(line);
  if (page) {
    log.pages++;
    if (page[4]) {
      log.reused++;
      return;
    }
    const route = routeOf(page[1] as string);
    const ms = Number(page[2]) * (page[3] === 's' ? 1000 : 1);
    const timing = log.routes.get(route) ?? { pages: 0, ms: 0 };
    timing.pages++;
    timing.ms += ms;
    log.routes.set(route, timing);
    return;
  }
  const search = searchLine.exec(line);
  if (search) {
    log.search = { documents: Number((search[1] as string).replace(/,/g, '')), seconds: Number(search[2]) / (search[3] === 'ms' ? 1000 : 1) };
    return;
  }
  const bulk = bulkLine.exec(line);
  if (bulk) {
    log.bulk = { files: Number((bulk[1] as string).replace(/,/g, '')), seconds: Number(bulk[2]) };
    return;
  }
  if (line.includes('[content] Syncing content')) log.contentStart ??= seconds;
  else if (line.includes('[content] Synced content')) log.contentEnd = seconds;
  else if (line.includes('generating static routes')) log.generateStart ??= seconds;
  else if (log.generateStart !== undefined && log.generateEnd === undefined && /✓ Completed in/.test(line) && !line.includes('[build]')) log.generateEnd = seconds;
  const built = /(\d+) page\(s\) built in/.exec(line);
  if (built) log.astroPages = Number(built[1]);
}
