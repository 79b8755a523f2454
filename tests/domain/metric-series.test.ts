import { describe, expect, it } from 'vitest';
import { comparisons, latestByRegion, metricPoints, periodsOf, sourceDocuments, trends } from '../../src/domain/metric-series.ts';
import { quoteUrl } from '../../src/domain/urls.ts';
import { doc, metrics, regions } from './figures-fixtures.ts';

const zixing2022 = doc('hunan/chenzhou/zixing/2022-year-summary', {
  region: 'hunan/chenzhou/zixing',
  period: { year: 2022, half: null },
  metrics: [{ metric: 'dibao-urban', value: 6000, unit: '元/人/年', category: 'A', quote: 'A类标准为每人每年6000元' }],
});
const zixing2023 = doc('hunan/chenzhou/zixing/2023-h1-summary', {
  region: 'hunan/chenzhou/zixing',
  period: { year: 2023, half: 'H1' },
  published: '2023-07-20',
  metrics: [
    { metric: 'dibao-urban', value: 550, unit: '元/人/月', category: 'A', previous: 500, quote: '城市低保A类由500元提高至550元' },
    { metric: 'dibao-urban', value: 420, unit: '元/人/月', category: 'B', quote: 'B类提高至420元' },
  ],
});
const xuanzhou = doc('anhui/xuancheng/xuanzhou/2023-year-task-list', {
  region: 'anhui/xuancheng/xuanzhou',
  period: { year: 2023, half: null },
  kind: 'task-list',
  metrics: [{ metric: 'dibao-urban', value: 780, unit: '元/人/月', quote: '城市最低生活保障标准为780元/月/人' }],
});
const chenzhou = doc('hunan/chenzhou/2023-year-plan', {
  region: 'hunan/chenzhou',
  period: { year: 2023, half: null },
  kind: 'plan',
  metrics: [{ metric: 'dibao-urban', value: 600, unit: '元/人/月', quote: '全市城市低保标准600元' }],
});
const anhuiPlan = doc('anhui/2024-year-plan', {
  region: 'anhui',
  period: { year: 2024, half: null },
  kind: 'plan',
  metrics: [{ metric: 'elderly-care-beds', value: 10000, unit: '张', target: true, quote: '新增1万张养老床位' }],
});

const points = metricPoints([zixing2022, zixing2023, xuanzhou, chenzhou, anhuiPlan], metrics, regions);

describe('metric points', () => {
  it('carries for every figure its document, quote and the quote’s URL', () => {
    expect(points).toHaveLength(6);
    const a2023 = points.find((p) => p.quote === '城市低保A类由500元提高至550元')!;
    expect(a2023).toMatchObject({ documentId: 'hunan/chenzhou/zixing/2023-h1-summary', documentTitle: 'hunan/chenzhou/zixing/2023-h1-summary 标题' });
    expect(a2023.url).toBe(quoteUrl('hunan/chenzhou/zixing/2023-h1-summary', '城市低保A类由500元提高至550元'));
  });

  it('converts a yearly standard to the metric’s monthly unit and keeps what the document stated', () => {
    const yearlyPoint = points.find((p) => p.periodKey === '2022')!;
    expect(yearlyPoint.value).toBe(500);
    expect(yearlyPoint.unit).toBe('元/人/月');
    expect(yearlyPoint.stated).toEqual({ value: 6000, unit: '元/人/年' });
    expect(yearlyPoint.conversion).toBe('年标准 ÷ 12 折算为月标准');
  });

  it('keys series by class, scope and target so a goal is never compared with a result', () => {
    expect(new Set(points.map((p) => p.seriesKey))).toEqual(new Set(['A', 'B', 'all', 'target']));
  });

  it('fails loudly on a figure whose metric has no definition', () => {
    const stray = doc('hunan/x', { region: 'hunan', period: { year: 2023, half: null }, metrics: [{ metric: 'no-such-metric', value: 1, unit: '张', quote: '一张' }] });
    expect(() => metricPoints([stray], metrics, regions)).toThrow(/no-such-metric/);
  });
});

describe('the latest value per region', () => {
  it('takes the most recent period of each region and series', () => {
    const latest = latestByRegion(points).filter((p) => p.region.slug === 'hunan/chenzhou/zixing');
    expect(latest.map((p) => [p.seriesKey, p.value, p.periodKey])).toEqual([
      ['A', 550, '2023-H1'],
      ['B', 420, '2023-H1'],
    ]);
  });

  it('orders a half year before the whole year and the whole year before the second half', () => {
    const periods = periodsOf([
      { period: { year: 2023, half: 'H2' }, periodKey: '2023-H2' },
      { period: { year: 2023, half: null }, periodKey: '2023' },
      { period: { year: 2023, half: 'H1' }, periodKey: '2023-H1' },
      { period: { year: 2022, half: 'H2' }, periodKey: '2022-H2' },
    ]);
    expect(periods).toEqual([{ year: 2022, half: 'H2' }, { year: 2023, half: 'H1' }, { year: 2023, half: null }, { year: 2023, half: 'H2' }]);
  });

  it('compares counties with counties and cities with cities, never across levels', () => {
    const result = comparisons(points, 'dibao-urban');
    expect(result.map((c) => c.level)).toEqual(['city', 'county']);
    const county = result.find((c) => c.level === 'county')!;
    expect(county.regions.map((r) => r.name)).toEqual(['宣州区', '资兴市']);
    expect(county.points.map((p) => [p.region.name, p.seriesKey, p.value])).toEqual([
      ['宣州区', 'all', 780],
      ['资兴市', 'A', 550],
      ['资兴市', 'B', 420],
    ]);
    expect(result.find((c) => c.level === 'city')!.points.map((p) => p.value)).toEqual([600]);
  });

  it('splits a level with too many regions into one comparison per province', () => {
    const result = comparisons(points, 'dibao-urban', { maxRegions: 1 });
    expect(result.filter((c) => c.level === 'county').map((c) => c.province)).toEqual(['anhui', 'hunan']);
  });
});

describe('trends over time', () => {
  it('lists each region’s values of a series by period, in the canonical unit', () => {
    const zixingA = trends(points, { metric: 'dibao-urban', region: 'hunan/chenzhou/zixing' }).find((t) => t.seriesKey === 'A')!;
    expect(zixingA.points.map((p) => [p.periodKey, p.value])).toEqual([
      ['2022', 500],
      ['2023-H1', 550],
    ]);
  });

  it('keeps one point per period, the later document’s, when two documents state the same period', () => {
    const restated = doc('hunan/chenzhou/zixing/2023-h1-plan', {
      region: 'hunan/chenzhou/zixing',
      period: { year: 2023, half: 'H1' },
      published: '2023-08-01',
      metrics: [{ metric: 'dibao-urban', value: 560, unit: '元/人/月', category: 'A', quote: 'A类调整为560元' }],
    });
    const more = metricPoints([zixing2023, restated], metrics, regions);
    const zixingA = trends(more, { region: 'hunan/chenzhou/zixing' }).find((t) => t.seriesKey === 'A')!;
    expect(zixingA.points.map((p) => p.value)).toEqual([560]);
  });

  it('names the documents behind a set of points once each', () => {
    expect(sourceDocuments(points.filter((p) => p.region.slug === 'hunan/chenzhou/zixing')).map((d) => d.id)).toEqual([
      'hunan/chenzhou/zixing/2022-year-summary',
      'hunan/chenzhou/zixing/2023-h1-summary',
    ]);
  });
});

describe('a metric no document states yet', () => {
  it('has no comparison and no trend, so its page shows the empty state instead of an empty chart', () => {
    expect(comparisons(points, 'no-figures-yet')).toEqual([]);
    expect(trends(points, { metric: 'no-figures-yet' })).toEqual([]);
    expect(comparisons([], 'dibao-urban')).toEqual([]);
  });
});

describe('averages and multi-year plans in series', () => {
  const hunanAverage = doc('hunan/2023-year-summary', {
    region: 'hunan',
    period: { year: 2023, half: null },
    metrics: [{ metric: 'dibao-urban', value: 900, unit: '元/人/月', average: true, quote: '全省城市低保平均标准达到每人每月900元' }],
  });
  const anhuiStandard = doc('anhui/2023-year-summary', {
    region: 'anhui',
    period: { year: 2023, half: null },
    metrics: [{ metric: 'dibao-urban', value: 800, unit: '元/人/月', quote: '全省城市低保标准统一为每人每月800元' }],
  });
  const hunanPlan = doc('hunan/2021-2025-plan', {
    title: '湖南省“十四五”民政事业发展规划',
    region: 'hunan',
    kind: 'plan',
    period: { year: 2021, half: null, end_year: 2025 },
    metrics: [{ metric: 'elderly-care-beds', value: 500000, unit: '张', target: true, quote: '到2025年，全省养老床位达到50万张' }],
  });
  const hunanBeds = doc('hunan/2025-year-summary', {
    region: 'hunan',
    period: { year: 2025, half: null },
    metrics: [{ metric: 'elderly-care-beds', value: 480000, unit: '张', target: true, quote: '力争养老床位达到48万张' }],
  });
  const series = metricPoints([hunanAverage, anhuiStandard, hunanPlan, hunanBeds], metrics, regions);

  it('keeps a province’s average standard in its own series, labelled 平均, and ranks it after another province’s lower standard', () => {
    const average = series.find((p) => p.region.slug === 'hunan' && p.metric === 'dibao-urban')!;
    expect(average).toMatchObject({ seriesKey: 'average', average: true, qualifiers: ['平均'] });
    const [provinces] = comparisons(series, 'dibao-urban');
    expect(provinces?.series).toEqual([{ target: false }, { target: false, average: true }]);
    expect(provinces?.points.map((p) => [p.region.slug, p.seriesKey])).toEqual([
      ['anhui', 'all'],
      ['hunan', 'average'],
    ]);
  });

  it('gives a 2021–2025 plan’s target the period key 2021-2025 and sorts it by its last year, just before 2025年', () => {
    const target = series.find((p) => p.documentId === 'hunan/2021-2025-plan')!;
    expect(target).toMatchObject({ periodKey: '2021-2025', target: true, period: { year: 2021, half: null, end_year: 2025 } });
    expect(periodsOf(series.filter((p) => p.metric === 'elderly-care-beds')).map((p) => p.end_year ?? p.year)).toEqual([2025, 2025]);
    expect(periodsOf(series.filter((p) => p.metric === 'elderly-care-beds'))[0]).toEqual({ year: 2021, half: null, end_year: 2025 });
  });
});
