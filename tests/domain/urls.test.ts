import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { quoteAnchor } from '../../src/domain/anchors.ts';
import {
  absoluteUrl,
  citationPath,
  documentAnchorUrl,
  documentPath,
  facetPath,
  feedPath,
  metricChartCsvPath,
  metricPath,
  openDataPaths,
  pageUrl,
  quoteFragment,
  quoteUrl,
  regionChartCsvPath,
  regionFeedPath,
  regionPath,
  searchIndexFilePath,
  searchUrl,
  sitemapPartPath,
  taskPagePath,
  taskRowAnchor,
  taskRowUrl,
  taskStatusCsvPath,
  taskStatusDefinitionsUrl,
  taskStatusUrl,
  tasksOverviewUrl,
  reusePath,
  sharedPassagesFragment,
  disclosurePath,
  disclosureProvincePath,
  disclosureRegionUrl,
  disclosureRulesUrl,
  publishingRecordFragment,
} from '../../src/domain/urls.ts';

const docId = 'anhui/xuancheng/xuanzhou/2023-year-task-list';

describe('document URLs', () => {
  it('puts a document page at its id with a trailing slash, as the directory build writes it', () => {
    expect(documentPath(docId)).toBe('/documents/anhui/xuancheng/xuanzhou/2023-year-task-list/');
  });

  it('links a quote to the anchor its page gives the quoted words', () => {
    const quote = '城市低保A类由500元/月.人提高至550元/月.人';
    expect(quoteUrl(docId, quote)).toBe(`/documents/${docId}/#${quoteAnchor(quote)}`);
    expect(quoteFragment(quote)).toBe(`#${quoteAnchor(quote)}`);
    expect(quoteFragment(quote)).toMatch(/^#q-[0-9a-z]+$/);
  });

  it('links a task to its row and a document to its citation', () => {
    expect(taskRowAnchor('3-8')).toBe('task-3-8');
    expect(taskRowUrl(docId, '3-8')).toBe(`/documents/${docId}/#task-3-8`);
    expect(citationPath(docId)).toBe(`/documents/${docId}/#cite-heading`);
    expect(documentAnchorUrl(docId, 'body-heading')).toBe(`/documents/${docId}/#body-heading`);
  });

  it('percent-encodes a Chinese id part by part and keeps its slashes', () => {
    expect(documentPath('测试/2023-year-plan')).toBe('/documents/%E6%B5%8B%E8%AF%95/2023-year-plan/');
    expect(facetPath('topic', '养老服务')).toBe('/documents/topic/%E5%85%BB%E8%80%81%E6%9C%8D%E5%8A%A1/');
    expect(documentPath("a b/c#d?e&f/g_h.i-j~k!l*m'n(o)p")).toBe("/documents/a%20b/c%23d%3Fe%26f/g_h.i-j~k!l*m'n(o)p/");
    expect(regionPath('a b/c')).toBe('/regions/a%20b/c/');
  });

  it('builds facet lists and their numbered pages', () => {
    expect(facetPath('year', 2023)).toBe('/documents/year/2023/');
    expect(facetPath('kind', 'task-list')).toBe('/documents/kind/task-list/');
    expect(pageUrl('/documents/', 1)).toBe('/documents/');
    expect(pageUrl(facetPath('year', 2023), 3)).toBe('/documents/year/2023/page/3/');
  });
});

describe('region, metric and task URLs', () => {
  it('builds a region page, its feed and its chart CSV', () => {
    expect(regionPath('hunan/chenzhou/zixing')).toBe('/regions/hunan/chenzhou/zixing/');
    expect(regionFeedPath('hunan/chenzhou/zixing')).toBe('/regions/hunan/chenzhou/zixing/feed.xml');
    expect(regionChartCsvPath('hunan/chenzhou/zixing', 'trend-dibao-urban')).toBe('/regions/hunan/chenzhou/zixing/trend-dibao-urban.csv');
  });

  it('builds a metric page and its chart CSV', () => {
    expect(metricPath('dibao-urban')).toBe('/metrics/dibao-urban/');
    expect(metricChartCsvPath('dibao-urban', 'compare-county')).toBe('/metrics/dibao-urban/compare-county.csv');
  });

  it('points at the /tasks/ overview, its status definitions and a province’s pages', () => {
    expect(taskStatusDefinitionsUrl).toBe('/tasks/#status-definitions');
    expect(taskStatusUrl('awaiting-summary')).toBe('/tasks/#status-awaiting-summary');
    expect(tasksOverviewUrl('tasks-anhui-xuancheng-xuanzhou-2023')).toBe('/tasks/#tasks-anhui-xuancheng-xuanzhou-2023');
    expect(taskPagePath('anhui', 1)).toBe('/tasks/anhui/');
    expect(taskPagePath('anhui', 2)).toBe('/tasks/anhui/page/2/');
    expect(taskStatusCsvPath).toBe('/tasks/status.csv');
  });
});

describe('open data, feeds, sitemap and search', () => {
  it('names the open-data files, the feed and the sitemap parts', () => {
    expect(openDataPaths).toEqual({ metricsCsv: '/data/metrics.csv', metricsJson: '/data/metrics.json', tasksCsv: '/data/tasks.csv', taskLinksCsv: '/data/task-links.csv', targetLinksCsv: '/data/target-links.csv', documentsJson: '/data/documents.json', reuseCsv: '/data/reuse.csv', reuseJson: '/data/reuse.json', disclosureCsv: '/data/disclosure.csv', disclosureJson: '/data/disclosure.json' });
  });

  it('names the shared-passages page and the list on a document page', () => {
    expect(reusePath).toBe('/reuse/');
    expect(`${documentPath(docId)}${sharedPassagesFragment}`).toBe(`/documents/${docId}/#shared-passages`);
    expect(feedPath).toBe('/feed.xml');
    expect(sitemapPartPath(2)).toBe('/sitemap-2.xml');
  });

  it('names the publishing-record pages, a region’s entry on its province’s page by division code, and the section of a region page', () => {
    expect(disclosurePath).toBe('/disclosure/');
    expect(disclosureRulesUrl).toBe('/disclosure/#rules-heading');
    expect(disclosureProvincePath('anhui')).toBe('/disclosure/anhui/');
    expect(disclosureRegionUrl({ slug: 'anhui', code: '340000' })).toBe('/disclosure/anhui/');
    expect(disclosureRegionUrl({ slug: 'anhui/xuancheng', code: '341800' })).toBe('/disclosure/anhui/#region-341800');
    expect(disclosureRegionUrl({ slug: 'anhui/xuancheng/xuanzhou', code: '341802' })).toBe('/disclosure/anhui/#region-341802');
    expect(`${regionPath('anhui/xuancheng/xuanzhou')}${publishingRecordFragment}`).toBe('/regions/anhui/xuancheng/xuanzhou/#publishing-record');
  });

  it('builds a search address with its filters, keeping a region path readable and encoding Chinese', () => {
    expect(searchUrl()).toBe('/search/');
    expect(searchUrl({ region: 'anhui/xuancheng' })).toBe('/search/?region=anhui/xuancheng');
    expect(searchUrl({ q: '低保 标准', kind: undefined, year: '2023' })).toBe('/search/?q=%E4%BD%8E%E4%BF%9D%20%E6%A0%87%E5%87%86&year=2023');
    expect(searchIndexFilePath('manifest.json')).toBe('/search/manifest.json');
  });

  it('makes a site path absolute on the site origin', () => {
    expect(absoluteUrl('https://gongkai.example.org', documentPath(docId))).toBe(`https://gongkai.example.org/documents/${docId}/`);
    expect(absoluteUrl(new URL('https://gongkai.example.org/'), feedPath)).toBe('https://gongkai.example.org/feed.xml');
  });
});

describe('the site root', () => {
  // urls.ts adds no base prefix because the site has none; setting `base` must come with a prefix there.
  it('stays at / because astro.config.mjs sets no base path', () => {
    const config = readFileSync(new URL('../../astro.config.mjs', import.meta.url), 'utf8');
    expect(config, 'astro.config.mjs sets `base`: make src/domain/urls.ts prefix every path with import.meta.env.BASE_URL, then update this test').not.toMatch(/^\s*base\s*:/m);
    expect(config).toMatch(/trailingSlash: 'always'/);
  });
});
