/**
 * Every site path gongkai publishes, in one place: pages, feeds, CSV and open-data files, the search index and
 * the anchors inside a document page. Pages, components, charts, feeds, the sitemap, open data and the search
 * integration ask here instead of writing `/regions/…` themselves, so a route changes in one file and
 * tests/domain/urls-literals.test.ts fails when a new literal appears elsewhere.
 *
 * Paths are root-absolute with a trailing slash on pages (astro.config.mjs: `trailingSlash: 'always'`,
 * `build.format: 'directory'`). The site sets no Astro `base` and no code reads `import.meta.env.BASE_URL`, so
 * no prefix is added; tests/domain/urls.test.ts fails if `base` is ever set, pointing here, the one place
 * that would then prefix it. Plain TypeScript: runs in Node, in the build and in the browser.
 */
import { quoteAnchor } from './anchors.ts';

/**
 * One path segment per `/`-separated part of an id, percent-encoded. Ids today are ASCII pinyin slugs
 * (`anhui/xuancheng/xuanzhou/2023-h1-summary`) and come out unchanged; a Chinese topic id would come out as
 * `%E5%85%BB…`, which browsers and static servers map back to the folder Astro writes.
 */
function segments(id: string): string {
  // Every link to a document spells its path (dozens a page): an id encodeURIComponent leaves alone is its own path.
  if (unreservedPath.test(id)) return id;
  return id.split('/').map(encodeURIComponent).join('/');
}

/** The characters encodeURIComponent never escapes, and `/`. */
const unreservedPath = /^[A-Za-z0-9\-_.!~*'()/]*$/;

/** A query value: percent-encoded, but `/` kept, as a region slug path reads better and RFC 3986 allows it. */
function queryValue(value: string): string {
  return encodeURIComponent(value).replace(/%2F/gi, '/');
}

export const homePath = '/';
export const aboutPath = '/about/';

// Documents (文件)
export const documentsPath = '/documents/';

/** A document page, e.g. `/documents/anhui/xuancheng/xuanzhou/2023-year-task-list/`. */
export function documentPath(id: string): string {
  return `${documentsPath}${segments(id)}/`;
}

/** An anchor on a document page: a heading, a quote (`q-…`), a task row (`task-3-8`). */
export function documentAnchorUrl(id: string, anchor: string): string {
  return `${documentPath(id)}#${anchor}`;
}

/** A figure's or task evidence's quote on its document page, highlighted when targeted. */
export function quoteUrl(documentId: string, quote: string): string {
  return documentAnchorUrl(documentId, quoteAnchor(quote));
}

/** Same-page link to a quote (`#q-…`), for a document page linking into its own body. */
export function quoteFragment(quote: string): string {
  return `#${quoteAnchor(quote)}`;
}

/** The id of a task's row on its task list's page (`task-3-8`). */
export function taskRowAnchor(taskId: string): string {
  return `task-${taskId}`;
}

/** The id of a task's history on its list's page (`task-history-3-8`). */
export function taskHistoryAnchor(taskId: string): string {
  return `task-history-${taskId}`;
}

/** A metric target's history across years on a document's page: one per metric series, since a document has one period. */
export function targetHistoryAnchor(metric: string, seriesKey: string): string {
  return `target-history-${metric}-${seriesKey}`;
}

/** A task's history (提出 → 再次提出 …) on its list's page. */
export function taskHistoryUrl(documentId: string, taskId: string): string {
  return documentAnchorUrl(documentId, taskHistoryAnchor(taskId));
}

/** A task's row on its task list's page. */
export function taskRowUrl(documentId: string, taskId: string): string {
  return documentAnchorUrl(documentId, taskRowAnchor(taskId));
}

/** Where a document page offers its GB/T 7714 citation. */
export function citationPath(documentId: string): string {
  return documentAnchorUrl(documentId, 'cite-heading');
}

/** A facet list of documents: `/documents/year/2023/`, `/documents/kind/plan/`, `/documents/topic/elderly-care/`. */
export function facetPath(facet: string, value: string | number): string {
  return `${documentsPath}${encodeURIComponent(facet)}/${segments(String(value))}/`;
}

/** Page `n` of a paginated list whose first page is `base` (page 1 is `base` itself). */
export function pageUrl(base: string, n: number): string {
  return n === 1 ? base : `${base}page/${n}/`;
}

// Regions (地区)
export const regionsPath = '/regions/';

/** A region page, e.g. `/regions/hunan/chenzhou/zixing/`. */
export function regionPath(slug: string): string {
  return `${regionsPath}${segments(slug)}/`;
}

/** A region's Atom feed. */
export function regionFeedPath(slug: string): string {
  return `${regionPath(slug)}feed.xml`;
}

/** The CSV of one chart on a region page. */
export function regionChartCsvPath(slug: string, chartId: string): string {
  return `${regionPath(slug)}${encodeURIComponent(chartId)}.csv`;
}

// Metrics (指标)
export const metricsPath = '/metrics/';

/** A metric page, e.g. `/metrics/dibao-urban/`. */
export function metricPath(id: string): string {
  return `${metricsPath}${encodeURIComponent(id)}/`;
}

/** The CSV of one chart on a metric page, e.g. `/metrics/dibao-urban/compare-county.csv`. */
export function metricChartCsvPath(id: string, chartId: string): string {
  return `${metricPath(id)}${encodeURIComponent(chartId)}.csv`;
}

// Tasks (任务)
export const tasksPath = '/tasks/';
export const taskStatusCsvPath = `${tasksPath}status.csv`;

/** An anchor on the /tasks/ overview: `status-definitions`, `status-done`, a region-year's row. */
export function tasksOverviewUrl(anchor: string): string {
  return `${tasksPath}#${anchor}`;
}

/** The definitions of every task status on /tasks/. */
export const taskStatusDefinitionsUrl = tasksOverviewUrl('status-definitions');

/** The definition of one task status on /tasks/, e.g. `/tasks/#status-done`. */
export function taskStatusUrl(status: string): string {
  return tasksOverviewUrl(`status-${status}`);
}

/** A province's task page `n` (page 1 is the province's own path), e.g. `/tasks/anhui/page/2/`. */
export function taskPagePath(province: string, n: number): string {
  return pageUrl(`${tasksPath}${encodeURIComponent(province)}/`, n);
}

// Shared passages (相同段落)
export const reusePath = '/reuse/';

/** The list of a document's shared passages on its page. */
export const sharedPassagesFragment = '#shared-passages';

// Publishing record (公开记录)
export const disclosurePath = '/disclosure/';

/** A province's page of the publishing record, with its cities and counties, e.g. `/disclosure/anhui/`. */
export function disclosureProvincePath(province: string): string {
  return `${disclosurePath}${encodeURIComponent(province)}/`;
}

/** The id of a region's entry on /disclosure/ or its province's page, by its division code (slugs hold `/`, codes are unique). */
export function disclosureRegionAnchor(code: string): string {
  return `region-${code}`;
}

/**
 * Where a region stands in the publishing record: a province's own page, or a city's or county's row on its
 * province's page, e.g. `/disclosure/anhui/#region-341802`. The province is the first part of the slug.
 */
export function disclosureRegionUrl(region: { slug: string; code: string }): string {
  const [province = region.slug, ...below] = region.slug.split('/');
  return below.length === 0 ? disclosureProvincePath(province) : `${disclosureProvincePath(province)}#${disclosureRegionAnchor(region.code)}`;
}

/** The rules for a gap, on the national /disclosure/. */
export const disclosureRulesUrl = `${disclosurePath}#rules-heading`;

/** The 公开记录 section of a region page. */
export const publishingRecordFragment = '#publishing-record';

// Open data, feeds, sitemap, search
export const dataPath = '/data/';
export const openDataPaths = {
  metricsCsv: `${dataPath}metrics.csv`,
  metricsJson: `${dataPath}metrics.json`,
  tasksCsv: `${dataPath}tasks.csv`,
  taskLinksCsv: `${dataPath}task-links.csv`,
  targetLinksCsv: `${dataPath}target-links.csv`,
  documentsJson: `${dataPath}documents.json`,
  reuseCsv: `${dataPath}reuse.csv`,
  reuseJson: `${dataPath}reuse.json`,
  disclosureCsv: `${dataPath}disclosure.csv`,
  disclosureJson: `${dataPath}disclosure.json`,
} as const;

export const feedPath = '/feed.xml';
export const feedStylesheetPath = '/feed.xsl';
export const sitemapPath = '/sitemap.xml';

/** Part `n` (from 1) of a sitemap split past 50,000 URLs. */
export function sitemapPartPath(n: number): string {
  return `/sitemap-${n}.xml`;
}

export const searchPath = '/search/';

/** The search page with a query and filters, e.g. `/search/?region=anhui/xuancheng`; empty values are left out. */
export function searchUrl(params: Readonly<Record<string, string | undefined>> = {}): string {
  const query = Object.entries(params)
    .filter((entry): entry is [string, string] => Boolean(entry[1]))
    .map(([name, value]) => `${encodeURIComponent(name)}=${queryValue(value)}`)
    .join('&');
  return query ? `${searchPath}?${query}` : searchPath;
}

/** The vocabulary of places, metrics and topics the search page answers from (src/domain/search/answers.ts). */
export const searchAnswersPath = '/search-answers.json';

/** A file of the static search index, which the integration writes under dist/search/. */
export function searchIndexFilePath(file: string): string {
  return `${searchPath}${file}`;
}

/** Absolute URL of a site path on the site's origin (`site` in astro.config.mjs), for feeds, CSV and citations. */
export function absoluteUrl(site: URL | string, path: string): string {
  return new URL(path, site).href;
}
