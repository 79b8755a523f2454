/** Atom feeds and the sitemap: which documents and pages they list, with dates from the documents. */
import { allDocuments, documentSortKey, type DocumentItem } from './documents.ts';
import { regionFullName, regionTable } from './regions.ts';
import { dateLabel, documentPeriodLabel, kindLabel } from './format.ts';
import { latestDate } from '../domain/dates.ts';
import { absoluteUrl, taskOverview } from './figures.ts';
import { atomFeed, type AtomEntry } from '../domain/atom.ts';
import { aboutPath, dataPath, disclosurePath, disclosureProvincePath, documentPath, documentsPath, feedPath, feedStylesheetPath, homePath, metricPath, metricsPath, pageUrl, regionFeedPath, regionPath, regionsPath, reusePath, sitemapPartPath, tasksPath } from '../domain/urls.ts';
import { planSitemaps, type SitemapUrl } from '../domain/sitemap.ts';
import { paginateList } from '../domain/pagination.ts';
import { facetHref, facetPages, pageSize } from './listing.ts';
import { metricDefinitions } from './definitions.ts';
import { siteModel } from './site-model.ts';
import { disclosureProvincePages } from './disclosure.ts';

/** Entries per feed: readers poll the newest; the archive is the site itself. */
export const feedSize = 50;

/** Opened in a browser, a feed is shown through this stylesheet as a Chinese page (public/feed.xsl). */
export const feedStylesheet = feedStylesheetPath;

async function entryOf(doc: DocumentItem): Promise<AtomEntry> {
  const { bySlug } = await regionTable();
  const region = regionFullName(bySlug, doc.data.region);
  const counts = [doc.data.metrics.length ? `${doc.data.metrics.length} 项指标数据` : '', doc.data.tasks.length ? `${doc.data.tasks.length} 项重点任务` : ''].filter(Boolean).join('，');
  // A correction updates the entry (RFC 4287 §4.2.15: a change the publisher considers significant), and the
  // summary says what changed, so a reader of the feed sees a corrected figure, not a silent one.
  const sortKey = documentSortKey(doc.data);
  const latest = latestDate(doc.data.changes.map((change) => change.date));
  const revisions = doc.data.changes.map((change) => `${dateLabel(change.date)}：${change.note}`).join('；');
  return {
    url: absoluteUrl(documentPath(doc.id)),
    title: doc.data.title,
    updated: latest !== undefined && latest > sortKey ? latest : sortKey,
    ...(doc.data.published ? { published: doc.data.published } : {}),
    ...(doc.data.publisher ? { author: doc.data.publisher } : {}),
    summary: `${region} ${documentPeriodLabel(doc.data)}${kindLabel(doc.data.kind)}。${counts ? `${counts}。` : ''}${revisions ? `修订记录：${revisions}。` : ''}`,
    categories: [{ term: doc.data.kind, label: kindLabel(doc.data.kind) }],
  };
}

/** Documents of each region and its sub-regions, newest first (the site model's index, which the region pages' cache keys read too). */
export async function documentsByRegion(): Promise<ReadonlyMap<string, readonly DocumentItem[]>> {
  return (await siteModel()).documentsWithin;
}

export async function siteFeed(): Promise<string> {
  const docs = (await allDocuments()).slice(0, feedSize);
  return atomFeed({
    selfUrl: absoluteUrl(feedPath),
    alternateUrl: absoluteUrl(documentsPath),
    title: '公开 · 民政工作公开：最新文件',
    subtitle: '各地民政局新收录的工作计划、工作总结、重点工作任务清单和标准通知',
    author: '公开 · 民政工作公开',
    stylesheet: feedStylesheet,
    entries: await Promise.all(docs.map(entryOf)),
  });
}

/** A region's feed: its own documents and those of every region under it. */
export async function regionFeed(slug: string): Promise<string> {
  const { bySlug } = await regionTable();
  const name = regionFullName(bySlug, slug);
  const docs = ((await documentsByRegion()).get(slug) ?? []).slice(0, feedSize);
  return atomFeed({
    selfUrl: absoluteUrl(regionFeedPath(slug)),
    alternateUrl: absoluteUrl(regionPath(slug)),
    title: `公开 · ${name}：最新文件`,
    subtitle: `${name}及下辖地区民政部门新收录的文件`,
    author: '公开 · 民政工作公开',
    stylesheet: feedStylesheet,
    entries: await Promise.all(docs.map(entryOf)),
  });
}

/** Every HTML page the site publishes, with a last-modified date where a document gives one. */
export async function sitemapUrls(): Promise<SitemapUrl[]> {
  const docs = await allDocuments();
  const { published } = await regionTable();
  const metrics = await metricDefinitions();
  const urls: SitemapUrl[] = [homePath, documentsPath, regionsPath, metricsPath, tasksPath, reusePath, disclosurePath, dataPath, aboutPath].map((path) => ({ loc: absoluteUrl(path) }));
  for (const page of paginateList(docs, pageSize, documentsPath).slice(1)) urls.push({ loc: absoluteUrl(pageUrl(documentsPath, page.currentPage)) });
  for (const { current, page } of await facetPages()) urls.push({ loc: absoluteUrl(pageUrl(facetHref(current.facet, current.value), page.currentPage)) });
  for (const doc of docs) urls.push({ loc: absoluteUrl(documentPath(doc.id)), lastmod: documentSortKey(doc.data) });
  // A region page changes when a document in it or under it does: the newest of them dates it.
  const within = await documentsByRegion();
  for (const region of published) {
    const newest = within.get(region.slug)?.[0];
    urls.push({ loc: absoluteUrl(regionPath(region.slug)), ...(newest ? { lastmod: documentSortKey(newest.data) } : {}) });
  }
  for (const id of metrics.keys()) urls.push({ loc: absoluteUrl(metricPath(id)) });
  for (const page of (await taskOverview()).pages.pages) urls.push({ loc: absoluteUrl(page.path) });
  for (const { province } of await disclosureProvincePages()) urls.push({ loc: absoluteUrl(disclosureProvincePath(province)) });
  return urls;
}

export async function sitemapPlan() {
  return planSitemaps(await sitemapUrls(), (n) => absoluteUrl(sitemapPartPath(n)));
}
