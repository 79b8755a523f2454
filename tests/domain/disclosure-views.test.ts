import { describe, expect, it } from 'vitest';
import { bureauRecord, buildDisclosure, type DisclosureDocument } from '../../src/domain/disclosure.ts';
import { bureauRecordView, datesText, disclosureColumns, disclosureCsv, disclosurePageView, disclosureProvincePageViews, disclosureRows } from '../../src/domain/disclosure-views.ts';
import type { Region } from '../../src/schemas/region.ts';

const xiaoxian = 'anhui/suzhou/xiaoxian';
const doc = (id: string, data: Partial<DisclosureDocument['data']> & Pick<DisclosureDocument['data'], 'kind' | 'period'>): DisclosureDocument => ({
  id: `${xiaoxian}/${id}`,
  data: { title: `萧县${id}`, region: xiaoxian, ...data },
});
const docs = [
  doc('2015-year-task-list', { kind: 'task-list', period: { year: 2015, half: null }, published: '2015-04-24' }),
  doc('2019-year-plan', { kind: 'plan', period: { year: 2019, half: null }, written: '2019-02-27', published: '2019-03-01' }),
  doc('2019-year-summary', { kind: 'summary', period: { year: 2019, half: null }, written: '2020-01-10', published: '2020-01-10' }),
];

describe('datesText', () => {
  it('says both dates and the days between them, or which date the source leaves out', () => {
    expect(datesText({ written: '2024-02-27', published: '2024-03-01', delayDays: 3 })).toBe('成文 2024年2月27日，发布 2024年3月1日，成文后 3\u00a0天发布');
    expect(datesText({ written: '2020-01-10', published: '2020-01-10', delayDays: 0 })).toBe('成文 2020年1月10日，发布 2020年1月10日，成文当天发布');
    expect(datesText({ written: '2023-03-05', published: '2023-03-01', delayDays: -4 })).toBe('成文 2023年3月5日，发布 2023年3月1日，原文所注发布日期早于成文日期 4\u00a0天');
    expect(datesText({ published: '2015-04-24' })).toBe('发布 2015年4月24日（原文未注明成文日期）');
    expect(datesText({ written: '2015-04-20' })).toBe('成文 2015年4月20日（原文未注明发布日期）');
    expect(datesText({})).toBe('原文未注明成文日期和发布日期');
  });
});

describe('a bureau’s record as its table shows it', () => {
  const view = bureauRecordView(bureauRecord(xiaoxian, docs));

  it('shows consecutive years the site holds nothing of as one row, and every other year as its own', () => {
    expect(view.years.map((y) => y.label)).toEqual(['2015年', '2016—2018年', '2019年']);
    expect(view.years[1]!.gaps).toEqual(['本站未收录2016—2018年的工作计划、工作总结或任务清单']);
  });

  it('links each held document under its period and kind, with its dates', () => {
    expect(view.years[2]!.cells.plan).toEqual([{ href: `/documents/${xiaoxian}/2019-year-plan/`, label: '2019年工作计划', dates: '成文 2019年2月27日，发布 2019年3月1日，成文后 2\u00a0天发布' }]);
    expect(view.years[2]!.cells['h1-summary']).toEqual([]);
  });

  it('sums up what it holds and how much of it is dated, counting each empty year as a gap', () => {
    expect(view.summary).toBe('本站收录该部门2015—2019年的工作计划、工作总结和任务清单共 3 份，其中 2 份同时注明成文日期和发布日期；对照这些文件，本站未收录 5 项。');
  });
});

describe('disclosure.csv', () => {
  const regions: Region[] = [
    { slug: 'anhui', name: '安徽省', level: 'province', code: '340000' },
    { slug: 'anhui/suzhou', name: '宿州市', level: 'city', parent: 'anhui', code: '341300' },
    { slug: xiaoxian, name: '萧县', level: 'county', parent: 'anhui/suzhou', code: '341322' },
  ];
  const index = buildDisclosure(docs, { published: regions, publishedChildren: (slug) => regions.filter((r) => r.parent === slug) });
  const rows = disclosureRows(index, (slug) => ({ region: regions.find((r) => r.slug === slug)!, fullName: '安徽省 宿州市 萧县' }), 'https://example.org');

  it('has a row per year and slot: each held document, or the slot not in this site with the gap it makes', () => {
    expect(rows).toHaveLength(5 * 4);
    expect(rows.filter((r) => r.year === 2017).map((r) => [r.slot, r.held, r.gap])).toEqual([
      ['plan', false, 'year-missing'],
      ['h1-summary', false, 'year-missing'],
      ['year-end-summary', false, 'year-missing'],
      ['task-list', false, 'year-missing'],
    ]);
    expect(rows.filter((r) => r.year === 2019).map((r) => [r.slot, r.held, r.delay_days, r.gap])).toEqual([
      ['plan', true, 2, null],
      ['h1-summary', false, null, 'h1-summary-missing'],
      ['year-end-summary', true, 0, null],
      ['task-list', false, null, null],
    ]);
    expect(rows.find((r) => r.document === `${xiaoxian}/2015-year-task-list`)).toMatchObject({ written: null, published: '2015-04-24', delay_days: null, url: `https://example.org/documents/${xiaoxian}/2015-year-task-list/` });
  });

  it('writes the columns in their documented order with empty fields for what is not stated', () => {
    const [header, first] = disclosureCsv(rows).replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toBe(disclosureColumns.join(','));
    expect(first).toBe(`${xiaoxian},安徽省 宿州市 萧县,341322,2015,,plan,false,,,,,,,https://example.org/regions/${xiaoxian}/`);
  });

  it('gives the national page a line per province, in counts, each linking to the province’s page', () => {
    const page = disclosurePageView(index);
    expect(page.totals).toBe('1 个民政部门 · 3 份文件 · 本站未收录 5 项');
    expect(page.provinces).toEqual([{ id: 'region-340000', name: '安徽省', href: '/disclosure/anhui/', bureaus: '1 个', documents: '3 份', gaps: '5 项', own: '' }]);
  });

  it('gives each province a page with a line per city and per county, each linking to its region page’s record', () => {
    const [anhui, ...others] = disclosureProvincePageViews(index);
    expect(others).toEqual([]);
    expect(anhui).toMatchObject({ province: 'anhui', name: '安徽省', regionHref: '/regions/anhui/', totals: '1 个民政部门 · 3 份文件 · 本站未收录 5 项' });
    expect(anhui!.own).toBeUndefined();
    expect(anhui!.rows).toEqual([{ id: 'region-341300', name: '宿州市', href: '/regions/anhui/suzhou/#publishing-record', level: '地级', held: false, documents: '', years: '', latest: '', dated: '', gaps: '' }]);
    expect(anhui!.cities).toEqual([
      {
        id: 'region-341300-counties',
        name: '宿州市',
        totals: '1 个民政部门 · 3 份文件 · 本站未收录 5 项',
        rows: [{ id: 'region-341322', name: '萧县', href: `/regions/${xiaoxian}/#publishing-record`, level: '县级', held: true, documents: '3 份', years: '2015—2019年', latest: '2019年：工作计划、年度总结', dated: '2 份', gaps: '5 项' }],
      },
    ]);
  });
});

describe('a bureau the site holds only a multi-year plan of', () => {
  it('still shows the plan’s years on its national line, and says no one-year document is held', () => {
    const regions: Region[] = [
      { slug: 'tianjin', name: '天津市', level: 'province', code: '120000' },
      { slug: 'tianjin/tianjin', name: '天津市', level: 'city', parent: 'tianjin', code: '120100' },
      { slug: 'tianjin/tianjin/jinghai', name: '静海区', level: 'county', parent: 'tianjin/tianjin', code: '120118' },
    ];
    const plan: DisclosureDocument = { id: 'tianjin/tianjin/jinghai/2021-2025-plan', data: { title: '静海区民政事业发展“十四五”规划', region: 'tianjin/tianjin/jinghai', kind: 'plan', period: { year: 2021, half: null, end_year: 2025 } } };
    const index = buildDisclosure([plan], { published: regions, publishedChildren: (slug) => regions.filter((r) => r.parent === slug) });
    const row = disclosureProvincePageViews(index)[0]!.cities[0]!.rows[0]!;
    expect(row).toMatchObject({ name: '静海区', held: true, documents: '1 份', years: '2021—2025年（多年规划）', latest: '仅收录多年规划', gaps: '0 项' });
  });
});
