/**
 * The open-data files: `/data/metrics.csv|json`, `/data/tasks.csv`, `/data/documents.json`. Their columns are a
 * promise to everyone who scripts against them: names and order are fixed here, documented in docs/data.md
 * and on /data/, and pinned by tests. Values are as the documents state them (a yearly standard stays yearly,
 * with its unit); every row carries the absolute URL of the sentence it came from. New columns are appended at the
 * end (`end_year`, `average`, then `target`, `effective`, `has_note`), never inserted, so a script that reads
 * columns by position keeps working.
 */
import type { DocumentFrontmatter } from '../schemas/document.ts';
import type { Region } from '../schemas/region.ts';
import { absoluteUrl, documentPath, quoteUrl, taskRowUrl } from './urls.ts';
import { recordsToCsv } from './csv.ts';

export const metricColumns = ['region', 'region_name', 'region_code', 'document', 'year', 'half', 'metric', 'category', 'scope', 'value', 'unit', 'previous', 'quote', 'url', 'end_year', 'average', 'target', 'effective', 'has_note'] as const;
export const taskColumns = ['region', 'region_name', 'region_code', 'document', 'group', 'id', 'title', 'goal', 'leader', 'owner', 'status', 'evidence', 'url'] as const;

export type MetricColumn = (typeof metricColumns)[number];
export type TaskColumn = (typeof taskColumns)[number];

export interface MetricRow {
  region: string;
  region_name: string;
  region_code: string;
  document: string;
  year: number;
  half: 'H1' | 'H2' | null;
  metric: string;
  category: string | null;
  scope: string | null;
  value: number;
  unit: string;
  previous: number | null;
  quote: string;
  url: string;
  /** Last year of a multi-year plan (2021—2025 → 2025); `null` for a document of one year. */
  end_year: number | null;
  /** Whether the value is an average over the region's subdivisions (全省平均). */
  average: boolean;
  /** Whether the document states a goal (a plan's 新增1万张), not a result it reports. */
  target: boolean;
  /** `YYYY-MM-DD` from which the value applies, where the document states it (从2023年1月1日起 → 2023-01-01). */
  effective: string | null;
  /**
   * Whether the document carries an editor's note (`note`, 编者注: how the copy was cleaned, a year the source may
   * have wrong): read it on the document's page before quoting the figure.
   */
  has_note: boolean;
}

export interface TaskRow {
  region: string;
  region_name: string;
  region_code: string;
  document: string;
  group: string;
  id: string;
  title: string;
  goal: string | null;
  leader: string | null;
  owner: string | null;
  status: string;
  evidence: string | null;
  url: string;
}

export interface OpenDataDocument {
  id: string;
  data: DocumentFrontmatter;
}

export interface OpenDataContext {
  /** The site's origin, e.g. `https://gongkai.example.org`. */
  site: URL | string;
  regions: ReadonlyMap<string, Region>;
  /** Display name of a region, e.g. `上海市 崇明区`. */
  regionName: (slug: string) => string;
}


/** The three region columns every CSV starts with. */
export function regionColumns(slug: string, context: OpenDataContext) {
  return { region: slug, region_name: context.regionName(slug), region_code: context.regions.get(slug)?.code ?? '' };
}

/** One row per figure, documents in the given order, figures in document order. */
export function metricRows(documents: readonly OpenDataDocument[], context: OpenDataContext): MetricRow[] {
  return documents.flatMap((doc) =>
    doc.data.metrics.map((figure) => ({
      ...regionColumns(doc.data.region, context),
      document: doc.id,
      year: doc.data.period.year,
      half: doc.data.period.half,
      metric: figure.metric,
      category: figure.category ?? null,
      scope: figure.scope ?? null,
      value: figure.value,
      unit: figure.unit,
      previous: figure.previous ?? null,
      quote: figure.quote,
      url: absoluteUrl(context.site, quoteUrl(doc.id, figure.quote)),
      end_year: doc.data.period.end_year ?? null,
      average: figure.average === true,
      target: figure.target === true,
      effective: figure.effective ?? null,
      has_note: Boolean(doc.data.note),
    })),
  );
}

/** One row per listed task; `url` is the task's row on its list's page, `evidence` the summary's words. */
export function taskRows(documents: readonly OpenDataDocument[], context: OpenDataContext): TaskRow[] {
  return documents.flatMap((doc) =>
    doc.data.tasks.map((task) => ({
      ...regionColumns(doc.data.region, context),
      document: doc.id,
      group: task.group,
      id: task.id,
      title: task.title,
      goal: task.goal ?? null,
      leader: task.leader ?? null,
      owner: task.owner ?? null,
      status: task.status,
      evidence: task.evidence?.quote ?? null,
      url: absoluteUrl(context.site, taskRowUrl(doc.id, task.id)),
    })),
  );
}

export function metricsCsv(rows: readonly MetricRow[]): string {
  return recordsToCsv(metricColumns, rows);
}

export function tasksCsv(rows: readonly TaskRow[]): string {
  return recordsToCsv(taskColumns, rows);
}

/** `metrics.json`: the same rows and keys as the CSV, numbers as numbers and empty fields as `null`. */
export function metricsJson(rows: readonly MetricRow[]): string {
  return `${JSON.stringify(rows.map((row) => Object.fromEntries(metricColumns.map((c) => [c, row[c]]))), null, 1)}\n`;
}

/**
 * `documents.json`: every document's front matter as validated (defaults filled in), with its id and page URL.
 * `period` always has `end_year`, after `year` and `half`: `null` unless the document is a multi-year plan.
 */
export function documentsJson(documents: readonly OpenDataDocument[], context: OpenDataContext): string {
  const records = documents.map((doc) => ({
    id: doc.id,
    url: absoluteUrl(context.site, documentPath(doc.id)),
    ...regionColumns(doc.data.region, context),
    ...doc.data,
    period: { year: doc.data.period.year, half: doc.data.period.half, end_year: doc.data.period.end_year ?? null },
  }));
  return `${JSON.stringify(records, null, 1)}\n`;
}

/** What each column of metrics.csv / metrics.json holds; shown on /data/ and mirrored in docs/data.md. */
export const metricColumnDescriptions: Record<MetricColumn, string> = {
  region: '地区路径（拼音），如 hunan/chenzhou/zixing；也是地区页面的网址 /regions/<region>/',
  region_name: '地区全称，如“湖南省 郴州市 资兴市”',
  region_code: '六位行政区划代码（GB/T 2260），如 431081',
  document: '文件标识，即 content/documents/ 下的路径（不含 .md），文件页面为 /documents/<document>/',
  year: '文件所属年度，如 2023；多年规划为起始年（“十四五”规划为 2021）；标准通知为标准开始执行的年度',
  half: '半年：H1（上半年）、H2（下半年），全年文件为空',
  metric: '指标标识，如 dibao-urban；定义见 /metrics/<metric>/',
  category: '分类施保的类别 A、B、C；不分类为空',
  scope: '城市 urban 或农村 rural（仅当指标本身不区分时填写）；否则为空',
  value: '文件陈述的数值，按 unit 所示单位，未换算',
  unit: '文件陈述的单位（已规范化），如 元/人/月、元/人/年、张',
  previous: '文件同时陈述的调整前数值（如“由500元提高至550元”中的 500），单位同 unit；未陈述为空',
  quote: '原文中陈述该数值的最短片段，逐字照录',
  url: '文件页面上该片段的地址（含 #锚点），打开即定位并高亮该句',
  end_year: '多年规划的最后一年（如 2021—2025 年的“十四五”规划为 2025）；一年期文件为空',
  average: '数值是否为该地区下辖各地的平均数（如“全省城市低保平均标准”）：true 为平均数，false 为该地区执行的标准或统计数',
  target: '数值是否为目标：true 为文件提出的目标（如工作计划的“新增养老床位1万张”、规划的2025年目标），false 为文件报告的实际数或执行的标准',
  effective: '该数值开始执行的日期（YYYY-MM-DD，如“从2023年1月1日起”为 2023-01-01）；文件未陈述为空',
  has_note: '该文件是否附有编者注：true 表示引用前应先读文件页面上的编者注（如整理说明、原文年份可能有误），false 为没有',
};

/** What each column of tasks.csv holds. */
export const taskColumnDescriptions: Record<TaskColumn, string> = {
  region: '地区路径（拼音），同 metrics.csv',
  region_name: '地区全称',
  region_code: '六位行政区划代码（GB/T 2260）',
  document: '任务清单（或含任务表的计划）的文件标识',
  group: '任务所在的清单部分，如“一、区委十四届六次全会任务”',
  id: '任务编号：部分序号-行序号，如 3-8；在同一文件内唯一',
  title: '重点工作事项，照录',
  goal: '工作目标，照录；清单没有这一栏时为空',
  leader: '分管领导，照录（多人以空格分隔）；清单未列时为空',
  owner: '责任科室（牵头单位、责任单位），照录；清单未列时为空',
  status: '进展状态：done（已完成）、in-progress（推进中）、not-started（未启动）、not-mentioned（总结未提及）、awaiting-summary（待总结）',
  evidence: '后续工作总结中报告该任务的原文片段；没有则为空',
  url: '任务清单文件页面上该任务所在行的地址（#task-<id>）',
};
