import { describe, expect, it } from 'vitest';
import { headlineFigures, maxHeadlineFigures } from '../../src/domain/headline-figures.ts';
import { metricPoints } from '../../src/domain/metric-series.ts';
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
  metrics: [
    { metric: 'dibao-urban', value: 6600, unit: '元/人/年', category: 'A', quote: 'A类标准为每人每年6600元' },
    { metric: 'dibao-urban', value: 420, unit: '元/人/月', category: 'B', quote: 'B类提高至420元' },
  ],
});
const xuanzhou2023 = doc('anhui/xuancheng/xuanzhou/2023-year-task-list', {
  region: 'anhui/xuancheng/xuanzhou',
  period: { year: 2023, half: null },
  kind: 'task-list',
  metrics: [{ metric: 'dibao-urban', value: 780, unit: '元/人/月', quote: '城市最低生活保障标准为780元/月/人' }],
});
const anhuiPlan = doc('anhui/2024-year-plan', {
  region: 'anhui',
  period: { year: 2024, half: null },
  kind: 'plan',
  metrics: [{ metric: 'elderly-care-beds', value: 10000, unit: '张', target: true, quote: '新增1万张养老床位' }],
});

describe('the home page’s latest figures', () => {
  it('shows for each metric the figures of the newest document that states it, with region, period and quote', () => {
    const lines = headlineFigures(metricPoints([zixing2022, xuanzhou2023, zixing2023, anhuiPlan], metrics, regions), metrics);
    const dibao = lines.find((l) => l.metric === 'dibao-urban')!;
    // 2023 (whole year) ends after 2023年上半年, so 宣州区's list is the newest.
    expect(dibao).toMatchObject({ documentId: 'anhui/xuancheng/xuanzhou/2023-year-task-list', period: { year: 2023, half: null }, omitted: 0 });
    expect(dibao.region.name).toBe('宣州区');
    expect(dibao.points.map((p) => [p.stated.value, p.stated.unit, p.url])).toEqual([[780, '元/人/月', quoteUrl('anhui/xuancheng/xuanzhou/2023-year-task-list', '城市最低生活保障标准为780元/月/人')]]);
  });

  it('keeps a yearly standard as the document states it, never a converted number', () => {
    const [line] = headlineFigures(metricPoints([zixing2022, zixing2023], metrics, regions), metrics);
    expect(line!.points.map((p) => [p.qualifiers.join(' '), p.stated.value, p.stated.unit])).toEqual([
      ['A类', 6600, '元/人/年'],
      ['B类', 420, '元/人/月'],
    ]);
  });

  it('marks a plan’s goal as a goal', () => {
    const [line] = headlineFigures(metricPoints([anhuiPlan], metrics, regions), metrics);
    expect(line!.points[0]!.qualifiers).toEqual(['目标']);
  });

  it('lists metrics in their page order and caps the lines and the figures per line', () => {
    const lines = headlineFigures(metricPoints([zixing2023, anhuiPlan], metrics, regions), metrics);
    expect(lines.map((l) => l.metric)).toEqual(['elderly-care-beds', 'dibao-urban']);
    expect(headlineFigures(metricPoints([zixing2023, anhuiPlan], metrics, regions), metrics, { maxMetrics: 1 }).map((l) => l.metric)).toEqual(['elderly-care-beds']);
    const capped = headlineFigures(metricPoints([zixing2023], metrics, regions), metrics, { maxFigures: 1 });
    expect(capped[0]!.points.map((p) => p.qualifiers)).toEqual([['A类']]);
    expect(capped[0]!.omitted).toBe(1);
    expect(maxHeadlineFigures).toBeGreaterThanOrEqual(3);
  });

  it('gives a metric without figures no line, and no lines at all when no document states a figure', () => {
    expect(headlineFigures(metricPoints([anhuiPlan], metrics, regions), metrics).map((l) => l.metric)).toEqual(['elderly-care-beds']);
    expect(headlineFigures([], metrics)).toEqual([]);
  });
});
