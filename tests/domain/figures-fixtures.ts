/** Small inline regions, metric definitions and documents for the figure, task and open-data tests. */
import { documentFrontmatterSchema, type DocumentFrontmatterInput } from '../../src/schemas/document.ts';
import { metricDefinitionSchema, type MetricDefinition } from '../../src/schemas/metric.ts';
import type { Region } from '../../src/schemas/region.ts';
import type { Task, TaskStatus } from '../../src/schemas/task.ts';

export const regionList: Region[] = [
  { slug: 'hunan', name: '湖南省', level: 'province', code: '430000' },
  { slug: 'hunan/chenzhou', name: '郴州市', level: 'city', parent: 'hunan', code: '431000' },
  { slug: 'hunan/chenzhou/zixing', name: '资兴市', level: 'county', parent: 'hunan/chenzhou', code: '431081' },
  { slug: 'anhui', name: '安徽省', level: 'province', code: '340000' },
  { slug: 'anhui/xuancheng', name: '宣城市', level: 'city', parent: 'anhui', code: '341800' },
  { slug: 'anhui/xuancheng/xuanzhou', name: '宣州区', level: 'county', parent: 'anhui/xuancheng', code: '341802' },
];
export const regions = new Map(regionList.map((r) => [r.slug, r]));

const yearly = [{ unit: '元/人/年', factor: 1 / 12, label: '年标准 ÷ 12 折算为月标准' }];
export const metrics = new Map<string, MetricDefinition>([
  ['dibao-urban', metricDefinitionSchema.parse({ name: '城市最低生活保障标准', short_name: '城市低保标准', name_en: 'Urban dibao', unit: '元/人/月', conversions: yearly, measure: 'standard', counts: '每人每月保障线', excludes: '补差', has_categories: true, topic: 'social-assistance', order: 40 })],
  ['elderly-care-beds', metricDefinitionSchema.parse({ name: '养老床位总数', short_name: '养老床位', name_en: 'Beds', unit: '张', measure: 'count', counts: '床位总数', excludes: '新增', topic: 'elderly-care', order: 10 })],
]);

export function doc(id: string, data: Partial<DocumentFrontmatterInput> & Pick<DocumentFrontmatterInput, 'region' | 'period'>) {
  return { id, data: documentFrontmatterSchema.parse({ title: `${id} 标题`, kind: 'summary', ...data }) };
}

/** A task list row; a status a later report decided (done, in progress, not started) carries that report's quote, as the schema demands. */
export function task(id: string, status: TaskStatus, evidenceDocument = 'x/summary'): Task {
  return {
    id,
    group: '一、重点任务',
    title: `任务${id}`,
    goal: '目标',
    leader: '张三',
    owner: '社会救助科',
    status,
    ...(status === 'done' || status === 'in-progress' || status === 'not-started' ? { evidence: { document: evidenceDocument, quote: '已完成' } } : {}),
  };
}
