/**
 * The per-build site model: one walk up a region's ancestors, documents newest first, the documents within each
 * region, the evidence index the summary pages and their cache keys both read, facets, figures and tasks.
 */
import { describe, expect, it } from 'vitest';
import { ancestorsAndSelf, countDocumentsByRegion, documentsWithinRegions, regionFullName, regionLineage } from '../../src/domain/region-tree.ts';
import { RegionIndex } from '../../src/domain/regions.ts';
import { buildSiteModel, type ModelDocument } from '../../src/domain/site-model.ts';
import { documentFrontmatterSchema } from '../../src/schemas/document.ts';
import type { MetricDefinition } from '../../src/schemas/metric.ts';
import type { Region } from '../../src/schemas/region.ts';
import type { Topic } from '../../src/schemas/topic.ts';

const regions: Region[] = [
  { slug: 'anhui', name: '安徽省', level: 'province', code: '340000' },
  { slug: 'anhui/xuancheng', name: '宣城市', level: 'city', parent: 'anhui', code: '341800' },
  { slug: 'anhui/xuancheng/xuanzhou', name: '宣州区', level: 'county', parent: 'anhui/xuancheng', code: '341802' },
  { slug: 'anhui/hefei', name: '合肥市', level: 'city', parent: 'anhui', code: '340100' },
  { slug: 'shanghai', name: '上海市', level: 'province', code: '310000' },
  { slug: 'shanghai/shanghai', name: '上海市', level: 'city', parent: 'shanghai', code: '310100' },
  { slug: 'shanghai/shanghai/chongming', name: '崇明区', level: 'county', parent: 'shanghai/shanghai', code: '310151' },
  { slug: 'hunan', name: '湖南省', level: 'province', code: '430000' },
];
const bySlug = new Map(regions.map((region) => [region.slug, region]));

const metric = { name: '城市最低生活保障标准', short_name: '城市低保标准', unit: '元/人/月', conversions: [], measure: 'standard', has_categories: false, topic: 'social-assistance', order: 2 } as unknown as MetricDefinition;
const beds = { ...metric, name: '养老床位', short_name: '养老床位', unit: '张', measure: 'count', order: 1 } as unknown as MetricDefinition;
const topics: [string, Topic][] = [['social-assistance', { name: '社会救助' } as Topic]];

function doc(id: string, fields: Record<string, unknown>): ModelDocument {
  return { id, data: documentFrontmatterSchema.parse({ title: id, kind: 'summary', topics: ['social-assistance'], ...fields }) };
}

const taskList = doc('anhui/xuancheng/xuanzhou/2023-year-task-list', {
  kind: 'task-list',
  region: 'anhui/xuancheng/xuanzhou',
  period: { year: 2023, half: null },
  tasks: [
    { id: '1-1', group: '社会救助', title: '提高低保标准', status: 'done', evidence: { document: 'anhui/xuancheng/xuanzhou/2023-h2-summary', quote: '低保标准提高到每人每月780元' } },
    { id: '1-2', group: '社会救助', title: '提高特困标准', status: 'done', evidence: { document: 'anhui/xuancheng/xuanzhou/2023-h2-summary', quote: '特困供养标准提高' } },
    { id: '1-3', group: '养老服务', title: '新增床位', status: 'awaiting-summary' },
  ],
});
const summary = doc('anhui/xuancheng/xuanzhou/2023-h2-summary', {
  region: 'anhui/xuancheng/xuanzhou',
  period: { year: 2023, half: 'H2' },
  published: '2024-01-15',
  metrics: [{ metric: 'dibao-urban', value: 780, previous: 750, unit: '元/人/月', quote: '低保标准提高到每人每月780元' }],
});
const hefei = doc('anhui/hefei/2022-year-plan', { kind: 'plan', region: 'anhui/hefei', period: { year: 2022, half: null } });
const chongming = doc('shanghai/shanghai/chongming/2023-h1-summary', { region: 'shanghai/shanghai/chongming', period: { year: 2023, half: 'H1' } });
const model = buildSiteModel({ documents: [hefei, summary, chongming, taskList], regions, metrics: [['dibao-urban', metric], ['beds', beds]], topics });

describe('the walk up a region’s ancestors', () => {
  it('gives the region itself first and its province last, nothing for an unknown slug', () => {
    expect(ancestorsAndSelf(bySlug, 'anhui/xuancheng/xuanzhou').map((r) => r.slug)).toEqual(['anhui/xuancheng/xuanzhou', 'anhui/xuancheng', 'anhui']);
    expect(ancestorsAndSelf(bySlug, 'nowhere')).toEqual([]);
  });

  it('is the lineage, province first, of the site model, the region index and a breadcrumb', () => {
    const expected = ['anhui', 'anhui/xuancheng', 'anhui/xuancheng/xuanzhou'];
    expect(regionLineage(bySlug, 'anhui/xuancheng/xuanzhou').map((r) => r.slug)).toEqual(expected);
    expect(model.regions.lineage('anhui/xuancheng/xuanzhou').map((r) => r.slug)).toEqual(expected);
    expect(new RegionIndex(regions).lineage('anhui/xuancheng/xuanzhou').map((r) => r.slug)).toEqual(expected);
  });

  it('names a region in full without repeating a municipality’s city level', () => {
    expect(regionFullName(bySlug, 'shanghai/shanghai/chongming')).toBe('上海市 崇明区');
    expect(model.regions.fullName('anhui/xuancheng/xuanzhou')).toBe('安徽省 宣城市 宣州区');
  });

  it('counts and lists each document in its region and every ancestor', () => {
    expect(Object.fromEntries(countDocumentsByRegion([hefei, summary, taskList], regions))).toEqual({ anhui: 3, 'anhui/hefei': 1, 'anhui/xuancheng': 2, 'anhui/xuancheng/xuanzhou': 2 });
    expect(documentsWithinRegions([hefei, summary], bySlug).get('anhui')).toEqual([hefei, summary]);
  });
});

describe('the site model', () => {
  it('orders documents newest first by the one date rule, ties by id', () => {
    // summary: published 2024-01-15; task list (undated 2023): end of 2023; chongming: end of H1 2023; hefei: end of 2022.
    expect(model.documents.map((d) => d.id)).toEqual([summary.id, taskList.id, chongming.id, hefei.id]);
    expect(model.documentById.get(hefei.id)).toBe(hefei);
  });

  it('publishes the regions with documents in or under them, in code order, with their published children', () => {
    expect(model.regions.published.map((r) => r.slug)).toEqual(['shanghai', 'shanghai/shanghai', 'shanghai/shanghai/chongming', 'anhui', 'anhui/hefei', 'anhui/xuancheng', 'anhui/xuancheng/xuanzhou']);
    expect(model.regions.publishedChildren('anhui').map((r) => r.slug)).toEqual(['anhui/hefei', 'anhui/xuancheng']);
    expect(model.regions.publishedChildren('hunan')).toEqual([]);
  });

  it('lists the documents within a region newest first', () => {
    expect(model.documentsWithin.get('anhui')?.map((d) => d.id)).toEqual([summary.id, taskList.id, hefei.id]);
    expect(model.documentsWithin.has('hunan')).toBe(false);
  });

  it('indexes task evidence by the summary it quotes, and the documents citing it once each (what the page and its key read)', () => {
    expect(model.reportedIn(summary.id).map(({ list, task }) => [list.id, task.id])).toEqual([
      [taskList.id, '1-1'],
      [taskList.id, '1-2'],
    ]);
    expect(model.citingDocuments(summary.id)).toEqual([taskList]);
    expect(model.reportedIn(hefei.id)).toEqual([]);
    expect(model.citingDocuments(hefei.id)).toEqual([]);
  });

  it('keeps the metrics in their order, and the figures oldest document first, grouped by metric and region', () => {
    expect([...model.metrics.keys()]).toEqual(['beds', 'dibao-urban']);
    expect(model.figures.points.map((p) => [p.documentId, p.stated.value])).toEqual([[summary.id, 780]]);
    expect(model.figures.byRegion.get('anhui/xuancheng/xuanzhou')).toHaveLength(1);
    expect(model.figures.byMetric.get('dibao-urban')?.[0]?.region.slug).toBe('anhui/xuancheng/xuanzhou');
  });

  it('gives the facet links with labels and counts', () => {
    expect(model.facets.links.year.map((l) => [l.label, l.count, l.href])).toEqual([
      ['2023年', 3, '/documents/year/2023/'],
      ['2022年', 1, '/documents/year/2022/'],
    ]);
    expect(model.facets.links.kind.map((l) => [l.value, l.label, l.count])).toEqual([
      ['plan', '工作计划', 1],
      ['summary', '工作总结', 2],
      ['task-list', '重点工作任务清单', 1],
    ]);
    expect(model.facets.links.topic.map((l) => [l.label, l.count])).toEqual([['社会救助', 4]]);
  });

  it('gathers the tasks of the documents that list them', () => {
    expect(model.tasks.documents).toEqual([taskList]);
    expect(model.tasks.listed.map((t) => t.task.id)).toEqual(['1-1', '1-2', '1-3']);
    expect(model.tasks.rollups.map((r) => [r.key, r.total, r.counts.done])).toEqual([['anhui/xuancheng/xuanzhou@2023', 3, 2]]);
  });

  it('follows a task into the next year’s list, naming the summary that reported on it with its year (the summary lists no tasks itself)', () => {
    const next = doc('anhui/xuancheng/xuanzhou/2024-year-task-list', {
      kind: 'task-list',
      region: 'anhui/xuancheng/xuanzhou',
      period: { year: 2024, half: null },
      tasks: [{ id: '1-1', group: '社会救助', title: '提高低保标准', status: 'awaiting-summary', continues: { document: taskList.id, task: '1-1', earlier_quote: '提高低保标准', quote: '继续提高低保标准' } }],
    });
    const withNext = buildSiteModel({ documents: [summary, taskList, next], regions, metrics: [['dibao-urban', metric]], topics });
    const history = withNext.tasks.history.of(next.id, '1-1');
    expect(history?.steps.map((s) => [s.year, s.verb, s.report?.label, s.report?.document?.year])).toEqual([
      [2023, '提出', '总结称已完成', 2023],
      [2024, '再次提出', undefined, undefined],
    ]);
    expect(withNext.tasks.history.dropped.map((d) => d.taskId)).toEqual(['1-3']);
  });
});
