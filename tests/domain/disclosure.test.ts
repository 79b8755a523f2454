import { describe, expect, it } from 'vitest';
import { buildDisclosure, bureauRecord, publishingDelayDays, recordSlotOf, yearGaps, type DisclosureDocument } from '../../src/domain/disclosure.ts';
import type { Region } from '../../src/schemas/region.ts';

type Data = DisclosureDocument['data'];
const doc = (id: string, data: Partial<Data> & Pick<Data, 'kind' | 'period'>): DisclosureDocument => ({
  id,
  data: { title: `${id} 的标题`, region: id.split('/').slice(0, -1).join('/'), ...data },
});
const xuanzhou = 'anhui/xuancheng/xuanzhou';

describe('publishingDelayDays', () => {
  it('is the exact day difference of the two calendar dates', () => {
    expect(publishingDelayDays('2023-08-20', '2023-08-28')).toBe(8);
    expect(publishingDelayDays('2023-08-28', '2023-08-28')).toBe(0);
  });

  it('counts across a month end and a year end', () => {
    expect(publishingDelayDays('2023-01-31', '2023-02-01')).toBe(1);
    expect(publishingDelayDays('2023-04-30', '2023-05-01')).toBe(1);
    expect(publishingDelayDays('2023-12-29', '2024-01-03')).toBe(5);
    expect(publishingDelayDays('2022-12-31', '2024-01-01')).toBe(366);
  });

  it('counts 29 February in a leap year and not in a common one', () => {
    expect(publishingDelayDays('2024-02-28', '2024-03-01')).toBe(2);
    expect(publishingDelayDays('2023-02-28', '2023-03-01')).toBe(1);
    expect(publishingDelayDays('2024-02-29', '2025-02-28')).toBe(365);
    expect(publishingDelayDays('2024-01-01', '2025-01-01')).toBe(366);
    expect(publishingDelayDays('2100-02-28', '2100-03-01')).toBe(1);
    expect(publishingDelayDays('2000-02-28', '2000-03-01')).toBe(2);
  });

  it('is negative when the stated 发布日期 comes before the 成文日期, as the source states them', () => {
    expect(publishingDelayDays('2023-03-05', '2023-03-01')).toBe(-4);
  });

  it('is undefined unless both dates are stated: no date is inferred', () => {
    expect(publishingDelayDays(undefined, '2023-08-28')).toBeUndefined();
    expect(publishingDelayDays('2023-08-28', undefined)).toBeUndefined();
    expect(publishingDelayDays(undefined, undefined)).toBeUndefined();
  });
});

describe('recordSlotOf', () => {
  it('puts a 下半年 summary and a whole-year summary in the year-end place, a 上半年 summary in its own', () => {
    expect(recordSlotOf({ kind: 'summary', period: { year: 2023, half: 'H1' } })).toBe('h1-summary');
    expect(recordSlotOf({ kind: 'summary', period: { year: 2023, half: 'H2' } })).toBe('year-end-summary');
    expect(recordSlotOf({ kind: 'summary', period: { year: 2023, half: null } })).toBe('year-end-summary');
    expect(recordSlotOf({ kind: 'plan', period: { year: 2017, half: 'H2' } })).toBe('plan');
    expect(recordSlotOf({ kind: 'task-list', period: { year: 2023, half: null } })).toBe('task-list');
  });

  it('leaves notices and multi-year plans out of the yearly places', () => {
    expect(recordSlotOf({ kind: 'notice', period: { year: 2024, half: null } })).toBeUndefined();
    expect(recordSlotOf({ kind: 'plan', period: { year: 2021, half: null, end_year: 2025 } })).toBeUndefined();
  });
});

describe('a bureau’s record', () => {
  it('shows a plan without its summary as the year-end summary not in this site', () => {
    const record = bureauRecord(xuanzhou, [doc(`${xuanzhou}/2024-year-plan`, { kind: 'plan', period: { year: 2024, half: null }, published: '2024-02-01' })]);
    expect(record.years.map((y) => y.year)).toEqual([2024]);
    expect(record.years[0]!.slots.plan.map((d) => d.id)).toEqual([`${xuanzhou}/2024-year-plan`]);
    expect(record.years[0]!.gaps).toEqual([{ kind: 'year-end-summary-missing', text: '本站未收录2024年的年度（或下半年）工作总结（已收录该年的工作计划）' }]);
    expect(record.gapCount).toBe(1);
  });

  it('shows a year-end summary without its first half as the 上半年 summary not in this site, and a missing plan', () => {
    const gaps = yearGaps(2023, { plan: [], 'h1-summary': [], 'year-end-summary': [{ id: 'x', title: 't', kind: 'summary', period: { year: 2023, half: 'H2' } }], 'task-list': [] });
    expect(gaps.map((g) => g.kind)).toEqual(['plan-missing', 'h1-summary-missing']);
    expect(gaps.every((g) => g.text.startsWith('本站未收录') && !g.text.includes('未公开'))).toBe(true);
  });

  it('opens no gap for a year that has its plan, both summaries and no task list', () => {
    const one = { id: 'x', title: 't', kind: 'plan' as const, period: { year: 2023, half: null } };
    expect(yearGaps(2023, { plan: [one], 'h1-summary': [one], 'year-end-summary': [one], 'task-list': [] })).toEqual([]);
  });

  it('counts a task list as the year’s plan', () => {
    const list = { id: 'x', title: 't', kind: 'task-list' as const, period: { year: 2023, half: null } };
    const summary = { ...list, kind: 'summary' as const, period: { year: 2023, half: 'H2' as const } };
    expect(yearGaps(2023, { plan: [], 'h1-summary': [], 'year-end-summary': [summary], 'task-list': [list] }).map((g) => g.kind)).toEqual(['h1-summary-missing']);
  });

  it('fills every year between the first and the last it holds, a year it holds nothing of being a gap', () => {
    const record = bureauRecord(xuanzhou, [
      doc(`${xuanzhou}/2021-year-plan`, { kind: 'plan', period: { year: 2021, half: null } }),
      doc(`${xuanzhou}/2023-year-plan`, { kind: 'plan', period: { year: 2023, half: null } }),
    ]);
    expect(record.years.map((y) => y.year)).toEqual([2021, 2022, 2023]);
    expect(record.years[1]!.gaps).toEqual([{ kind: 'year-missing', text: '本站未收录2022年的工作计划、工作总结或任务清单' }]);
  });

  it('keeps multi-year plans and notices out of the years, and the documents of sub-regions out of the bureau', () => {
    const record = bureauRecord('hunan/chenzhou', [
      doc('hunan/chenzhou/2021-2025-plan', { kind: 'plan', period: { year: 2021, half: null, end_year: 2025 }, written: '2021-11-20', published: '2021-11-30' }),
      doc('hunan/chenzhou/2024-year-notice', { kind: 'notice', period: { year: 2024, half: null } }),
      doc('hunan/chenzhou/zixing/2023-h1-summary', { kind: 'summary', period: { year: 2023, half: 'H1' } }),
    ]);
    expect(record.years).toEqual([]);
    expect(record.multiYear.map((d) => [d.id, d.delayDays])).toEqual([['hunan/chenzhou/2021-2025-plan', 10]]);
    expect(record.notices).toBe(1);
    expect(record.documentCount).toBe(1);
    expect(record.gapCount).toBe(0);
  });

  it('keeps each document’s stated dates as they are and leaves the delay out where one is missing', () => {
    const record = bureauRecord(xuanzhou, [
      doc(`${xuanzhou}/2023-year-task-list`, { kind: 'task-list', period: { year: 2023, half: null }, written: '2023-02-27', published: '2023-03-01' }),
      doc(`${xuanzhou}/2023-h2-summary`, { kind: 'summary', period: { year: 2023, half: 'H2' }, published: '2024-01-15' }),
    ]);
    const [year] = record.years;
    expect(year!.slots['task-list'][0]).toMatchObject({ written: '2023-02-27', published: '2023-03-01', delayDays: 2 });
    expect(year!.slots['year-end-summary'][0]).toMatchObject({ published: '2024-01-15' });
    expect(year!.slots['year-end-summary'][0]).not.toHaveProperty('delayDays');
    expect(year!.slots['year-end-summary'][0]).not.toHaveProperty('written');
  });
});

describe('the national drill-down', () => {
  const regions: Region[] = [
    { slug: 'anhui', name: '安徽省', level: 'province', code: '340000' },
    { slug: 'anhui/xuancheng', name: '宣城市', level: 'city', parent: 'anhui', code: '341800' },
    { slug: 'anhui/xuancheng/xuanzhou', name: '宣州区', level: 'county', parent: 'anhui/xuancheng', code: '341802' },
    { slug: 'hunan', name: '湖南省', level: 'province', code: '430000' },
    { slug: 'hunan/yueyang', name: '岳阳市', level: 'city', parent: 'hunan', code: '430600' },
  ];
  const children = (slug: string) => regions.filter((r) => r.parent === slug);
  const index = buildDisclosure(
    [
      doc(`${xuanzhou}/2023-year-task-list`, { kind: 'task-list', period: { year: 2023, half: null } }),
      doc('anhui/2024-year-plan', { kind: 'plan', period: { year: 2024, half: null } }),
      doc('anhui/2024-h1-summary', { kind: 'summary', period: { year: 2024, half: 'H1' } }),
      doc('hunan/yueyang/2023-year-notice', { kind: 'notice', period: { year: 2023, half: null } }),
    ],
    { published: regions, publishedChildren: children },
  );

  it('nests each bureau under its province and city, with the totals of everything under a region', () => {
    expect(index.tree.map((p) => p.region.slug)).toEqual(['anhui']);
    const [anhui] = index.tree;
    expect(anhui!.record?.documentCount).toBe(2);
    expect(anhui!.children.map((c) => c.region.slug)).toEqual(['anhui/xuancheng']);
    expect(anhui!.children[0]!.record).toBeUndefined();
    expect(anhui!.children[0]!.children[0]!.record?.region).toBe(xuanzhou);
    expect(anhui!.totals).toEqual({ bureaus: 2, documents: 3, gaps: 2 });
    expect(index.totals).toEqual(anhui!.totals);
  });

  it('leaves out a region that holds only notices, but keeps its record for its region page', () => {
    expect(index.tree.find((p) => p.region.slug === 'hunan')).toBeUndefined();
    expect(index.bySlug.get('hunan/yueyang')).toMatchObject({ notices: 1, documentCount: 0, years: [] });
    expect([...index.listed]).toEqual(['anhui/xuancheng/xuanzhou', 'anhui/xuancheng', 'anhui']);
  });
});
