/** The home page's view: counts, one headline per metric with its regions and citations, newest documents, provinces. */
import { describe, expect, it } from 'vitest';
import { homeLatestCount, homePageView } from '../../src/domain/home-page.ts';
import { buildSiteModel, type ModelDocument } from '../../src/domain/site-model.ts';
import { documentFrontmatterSchema } from '../../src/schemas/document.ts';
import type { MetricDefinition } from '../../src/schemas/metric.ts';
import type { Region } from '../../src/schemas/region.ts';

const regions: Region[] = [
  { slug: 'anhui', name: '安徽省', level: 'province', code: '340000' },
  { slug: 'anhui/xuancheng', name: '宣城市', level: 'city', parent: 'anhui', code: '341800' },
  { slug: 'anhui/xuancheng/xuanzhou', name: '宣州区', level: 'county', parent: 'anhui/xuancheng', code: '341802' },
  { slug: 'hunan', name: '湖南省', level: 'province', code: '430000' },
  { slug: 'hunan/chenzhou', name: '郴州市', level: 'city', parent: 'hunan', code: '431000' },
  { slug: 'hunan/chenzhou/zixing', name: '资兴市', level: 'county', parent: 'hunan/chenzhou', code: '431081' },
];
const dibao = { name: '城市最低生活保障标准', short_name: '城市低保标准', unit: '元/人/月', conversions: [], measure: 'standard', has_categories: true, topic: 'social-assistance', order: 1 } as unknown as MetricDefinition;

function doc(id: string, fields: Record<string, unknown>): ModelDocument {
  return { id, data: documentFrontmatterSchema.parse({ title: id, kind: 'summary', topics: [], ...fields }) };
}

const zixing = doc('hunan/chenzhou/zixing/2023-h1-summary', {
  region: 'hunan/chenzhou/zixing',
  period: { year: 2023, half: 'H1' },
  metrics: [
    { metric: 'dibao-urban', category: 'A', value: 550, unit: '元/人/月', quote: '城市低保A类提高至550元/月.人' },
    { metric: 'dibao-urban', category: 'B', value: 1250, unit: '元/人/月', quote: '城市低保B类1250元' },
  ],
  tasks: [{ id: '1-1', group: '社会救助', title: '提高低保标准', status: 'awaiting-summary' }],
});
const xuanzhou = doc('anhui/xuancheng/xuanzhou/2022-year-summary', {
  region: 'anhui/xuancheng/xuanzhou',
  period: { year: 2022, half: null },
  metrics: [{ metric: 'dibao-urban', value: 720, unit: '元/人/月', quote: '城市低保标准720元' }],
});
const older = Array.from({ length: homeLatestCount }, (_, i) => doc(`anhui/xuancheng/xuanzhou/${2010 + i}-year-plan`, { kind: 'plan', region: 'anhui/xuancheng/xuanzhou', period: { year: 2010 + i, half: null } }));
const model = buildSiteModel({ documents: [xuanzhou, ...older, zixing], regions, metrics: [['dibao-urban', dibao]], topics: [] });
const view = homePageView(model);

describe('the home page', () => {
  it('counts the documents, figures and tasks', () => {
    expect([view.documentCount, view.figureCount, view.taskCount]).toEqual([homeLatestCount + 2, 3, 1]);
  });

  it('heads each metric with its newest document’s figures, the region in full, and how many regions state it', () => {
    expect(view.headlines).toHaveLength(1);
    const [headline] = view.headlines;
    expect(headline).toMatchObject({ metricName: '城市低保标准', metricHref: '/metrics/dibao-urban/', regionCount: 2, regionName: '湖南省 郴州市 资兴市', period: '2023年上半年' });
    expect(headline!.figures.map(({ qualifiers, value, unit, citeId, citeLabel }) => [qualifiers, value, unit, citeId, citeLabel])).toEqual([
      ['A类 ', '550', '元/人/月', 'headline-1-1-cite', '城市低保标准 A类 550 元/人/月'],
      ['B类 ', '1,250', '元/人/月', 'headline-1-2-cite', '城市低保标准 B类 1,250 元/人/月'],
    ]);
  });

  it('lists the newest documents, the provinces with the documents within them, and the metrics', () => {
    expect(view.latest).toHaveLength(homeLatestCount);
    expect(view.latest[0]).toBe(zixing);
    expect(view.provinces).toEqual([
      { name: '安徽省', href: '/regions/anhui/', documentCount: homeLatestCount + 1 },
      { name: '湖南省', href: '/regions/hunan/', documentCount: 1 },
    ]);
    expect(view.metrics).toEqual([{ name: '城市最低生活保障标准', href: '/metrics/dibao-urban/', unit: '元/人/月' }]);
  });
});
