import { describe, expect, it } from 'vitest';
import { maxLatestAnswers, metricPageView } from '../../src/domain/metric-page.ts';
import { metricPoints } from '../../src/domain/metric-series.ts';
import { doc, metrics, regions } from './figures-fixtures.ts';
import type { Region } from '../../src/schemas/region.ts';

const dibao = metrics.get('dibao-urban')!;
const dibaoFigure = (value: number) => ({ metric: 'dibao-urban', value, unit: '元/人/月', quote: `城市低保标准${value}元` });
const zixing2022 = doc('hunan/chenzhou/zixing/2022-year-summary', { region: 'hunan/chenzhou/zixing', period: { year: 2022, half: null }, metrics: [dibaoFigure(500)] });
const zixing2023 = doc('hunan/chenzhou/zixing/2023-year-summary', { region: 'hunan/chenzhou/zixing', period: { year: 2023, half: null }, published: '2024-01-10', metrics: [dibaoFigure(550)] });
const xuanzhou2023 = doc('anhui/xuancheng/xuanzhou/2023-year-summary', { region: 'anhui/xuancheng/xuanzhou', period: { year: 2023, half: null }, published: '2024-02-01', metrics: [dibaoFigure(600)] });
const hunanAverage = doc('hunan/2021-2025-plan', {
  kind: 'plan',
  region: 'hunan',
  period: { year: 2021, half: null, end_year: 2025 },
  metrics: [{ ...dibaoFigure(700), average: true, target: true }],
});

describe('the metric page view', () => {
  it('answers first with each region’s latest figure, newest first (within a period, the later published)', () => {
    const view = metricPageView(dibao, metricPoints([zixing2022, zixing2023, xuanzhou2023], metrics, regions));
    expect(view.latest.map((p) => `${p.region.slug} ${p.value}`)).toEqual(['anhui/xuancheng/xuanzhou 600', 'hunan/chenzhou/zixing 550']);
    expect(view.answered).toEqual(view.latest);
    expect(view.documentCount).toBe(3);
    expect(view.onlyPeriod).toBeUndefined();
    expect(view.description).toBe('城市最低生活保障标准（元/人/月）：口径说明、各地最新数值比较和历年变化，共 3 条数据，每条链接到原文。');
    expect(view.breadcrumb).toEqual([{ href: '/metrics/', label: '指标' }, { label: '城市最低生活保障标准' }]);
  });

  it('says when there is one period only, and when averages or multi-year plans need a word', () => {
    const one = metricPageView(dibao, metricPoints([zixing2023, xuanzhou2023], metrics, regions));
    expect(one.onlyPeriod).toBe('2023年');
    expect([one.hasAverages, one.hasMultiYear]).toEqual([false, false]);
    const plan = metricPageView(dibao, metricPoints([zixing2023, hunanAverage], metrics, regions));
    expect([plan.hasAverages, plan.hasMultiYear]).toEqual([true, true]);
  });

  it('says so when no document states the metric', () => {
    const view = metricPageView(dibao, []);
    expect(view.description).toBe('城市最低生活保障标准（元/人/月）：口径说明、各地最新数值比较和历年变化，暂无文件陈述该指标。');
    expect([view.latest, view.documentCount, view.onlyPeriod]).toEqual([[], 0, undefined]);
  });

  it('answers at most maxLatestAnswers regions', () => {
    const many = Array.from({ length: maxLatestAnswers + 3 }, (_, i) =>
      doc(`r${i}/2023-year-summary`, { region: `r${i}`, period: { year: 2023, half: null }, metrics: [dibaoFigure(500 + i)] }),
    );
    const counties = new Map<string, Region>(many.map((_, i) => [`r${i}`, { slug: `r${i}`, name: `县${i}`, level: 'county', code: String(100000 + i) }]));
    const view = metricPageView(dibao, metricPoints(many, metrics, counties));
    expect([view.latest.length, view.answered.length]).toEqual([maxLatestAnswers + 3, maxLatestAnswers]);
  });
});
