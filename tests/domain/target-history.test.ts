/** Plan targets followed across a bureau's years, derived from the stated figures alone: chains, reports, the CSV. */
import { describe, expect, it } from 'vitest';
import { metricPoints, type SourceDocument } from '../../src/domain/metric-series.ts';
import { buildTargetHistories, targetHistoryView, targetLinkColumns, targetLinksCsv } from '../../src/domain/target-history.ts';
import type { DocumentKind, Period } from '../../src/schemas/document.ts';
import type { MetricDefinition, MetricValue } from '../../src/schemas/metric.ts';
import type { Region } from '../../src/schemas/region.ts';

const yuhang: Region = { slug: 'zhejiang/hangzhou/yuhang', name: '余杭区', level: 'county', parent: 'zhejiang/hangzhou', code: '330110' };
const xihu: Region = { slug: 'zhejiang/hangzhou/xihu', name: '西湖区', level: 'county', parent: 'zhejiang/hangzhou', code: '330106' };
const regions = new Map([yuhang, xihu].map((r) => [r.slug, r]));
const beds: MetricDefinition = {
  name: '新增养老床位', short_name: '新增养老床位', name_en: 'New elderly-care beds', unit: '张',
  conversions: [{ unit: '万张', factor: 10000, label: '万张折算为张' }], measure: 'count', counts: '新增', excludes: '总数', has_categories: false, topic: 'elderly-care', order: 30,
};
const metrics = new Map([['new-elderly-care-beds', beds]]);

interface Doc extends SourceDocument {
  data: SourceDocument['data'] & { kind: DocumentKind };
}

function doc(stem: string, kind: DocumentKind, period: Period, figures: Partial<MetricValue>[], region = yuhang): Doc {
  return {
    id: `${region.slug}/${stem}`,
    data: {
      title: `${region.name}${stem}`, kind, period, region: region.slug,
      metrics: figures.map((f) => ({ metric: 'new-elderly-care-beds', unit: '张', value: 0, quote: `新增养老床位${f.value}张`, ...f }) as MetricValue),
    },
  };
}

const year = (y: number): Period => ({ year: y, half: null });
const plan2021 = doc('2021-year-plan', 'plan', year(2021), [{ value: 200, target: true }]);
const summary2021 = doc('2021-year-summary', 'summary', year(2021), [{ value: 180 }]);
const plan2022 = doc('2022-year-plan', 'plan', year(2022), [{ value: 300, target: true }]);
const summary2022 = doc('2022-year-summary', 'summary', year(2022), [{ value: 300 }]);

function index(documents: Doc[]) {
  return buildTargetHistories(metricPoints(documents, metrics, regions), documents);
}

describe('a target raised across two plans, each year with its summary', () => {
  const targets = index([plan2021, summary2021, plan2022, summary2022]);

  it('is one chain: each target with the change from the year before and what the year’s summary reports', () => {
    expect(targets.chains).toHaveLength(1);
    expect(targets.chains[0]!.steps.map((s) => [s.target.stated.value, s.change, s.report?.stated.value, s.report?.outcome])).toEqual([
      [200, undefined, 180, 'below'],
      [300, 'raised', 300, 'reached'],
    ]);
  });

  it('says in one line only the values the documents state, with the site’s comparison of them', () => {
    expect(targetHistoryView(targets.chains[0]!).line).toBe('2021年目标 200 张 → 2021年总结报告 180 张（低于目标） → 2022年目标 300 张（目标提高） → 2022年总结报告 300 张（达到目标）');
  });

  it('links each figure to its quote and marks the figures of the page showing it', () => {
    const view = targetHistoryView(targets.chains[0]!, plan2022.id);
    expect(view.entries.map((e) => [e.href.replace(/#q-.*/, ''), e.current])).toEqual([
      [`/documents/${plan2021.id}/`, false],
      [`/documents/${summary2021.id}/`, false],
      [`/documents/${plan2022.id}/`, true],
      [`/documents/${summary2022.id}/`, false],
    ]);
    expect(view.entries[2]!.quote).toBe('新增养老床位300张');
  });

  it('is shown on every document in it, each naming the others for its cache key', () => {
    for (const d of [plan2021, summary2021, plan2022, summary2022]) expect(targets.ofDocument(d.id)).toEqual(targets.chains);
    expect(targets.linkedDocuments(plan2021.id)).toEqual([summary2021.id, plan2022.id, summary2022.id].sort());
    expect(targets.ofMetric('new-elderly-care-beds')).toEqual(targets.chains);
  });
});

describe('what is not linked', () => {
  it('compares a stated 万张 with 张 in the metric’s unit, and says unchanged', () => {
    const wan = doc('2022-year-plan', 'plan', year(2022), [{ value: 0.02, unit: '万张', target: true, quote: '新增养老床位0.02万张' }]);
    expect(index([plan2021, wan]).chains[0]!.steps[1]!.change).toBe('unchanged');
  });

  it('a target alone, without a later target or a summary figure, is no chain', () => {
    expect(index([plan2021, summary2022]).chains).toEqual([]);
  });

  it('never sets a multi-year goal against a one-year one, nor gives it a yearly summary’s figure', () => {
    const fiveYear = doc('2021-2025-plan', 'plan', { year: 2021, half: null, end_year: 2025 }, [{ value: 1000, target: true }]);
    const targets = index([fiveYear, plan2022, doc('2025-year-summary', 'summary', year(2025), [{ value: 1200 }])]);
    expect(targets.chains).toEqual([]);
  });

  it('leaves out a period that states two targets of one series, and other regions’ figures', () => {
    const twice = doc('2022-year-plan', 'plan', year(2022), [{ value: 300, target: true }, { value: 50, target: true, quote: '其中新增养老床位50张' }]);
    const elsewhere = doc('2022-year-plan', 'plan', year(2022), [{ value: 400, target: true }], xihu);
    expect(index([plan2021, twice, elsewhere]).chains).toEqual([]);
  });

  it('takes no target from a summary: its 下一步 goals are dated by the period it reports on', () => {
    const nextYear = doc('2021-year-summary', 'summary', year(2021), [{ value: 180 }, { value: 300, target: true, quote: '明年新增养老床位300张' }]);
    const targets = index([plan2021, nextYear, plan2022]);
    expect(targets.chains[0]!.steps.map((s) => [s.target.documentId, s.report?.stated.value])).toEqual([[plan2021.id, 180], [plan2022.id, undefined]]);
  });

  it('gives no report when the period’s summaries state two figures of the series', () => {
    const two = doc('2021-year-summary', 'summary', year(2021), [{ value: 180 }, { value: 20, quote: '其中护理型新增养老床位20张' }]);
    expect(index([plan2021, two, plan2022]).chains[0]!.steps[0]!.report).toBeUndefined();
  });
});

describe('target-links.csv', () => {
  it('has a row per link: the next plan’s target and each summary’s figure, with both quotes', () => {
    const targets = index([plan2021, summary2021, plan2022, summary2022]);
    const csv = targetLinksCsv(targets.links, { site: 'https://gongkai.example.org', regions, regionName: () => '浙江省 杭州市 余杭区' });
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe(targetLinkColumns.join(','));
    expect(lines.slice(1).map((l) => l.split(',').slice(7, 11))).toEqual([
      ['next-target', 'raised', plan2021.id, '2021'],
      ['report', 'below', plan2021.id, '2021'],
      ['report', 'reached', plan2022.id, '2022'],
    ]);
    expect(lines[1]).toContain(',新增养老床位200张,https://gongkai.example.org/documents/zhejiang/hangzhou/yuhang/2021-year-plan/#q-');
  });
});
