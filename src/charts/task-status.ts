/**
 * The task-completion chart: for each region and year, the listed tasks stacked by status. The colours are
 * the statuses' own (src/charts/chart-island.ts maps each tone to a light and a dark colour).
 */
import type { StatusRollup } from '../domain/task-status.ts';
import { taskStatusDefinitions, taskStatuses } from '../schemas/task.ts';
import { barChartHeight, type ChartModel } from './chart-model.ts';

export interface TaskStatusContext {
  id: string;
  csvPath: string;
  regionName: (slug: string) => string;
  /** In-page anchor of a region-year's task list, e.g. `#tasks-anhui-xuancheng-xuanzhou-2023`. */
  listAnchor: (rollup: StatusRollup) => string;
}

/** Anchor-safe key of a region and year. */
export function rollupAnchor(rollup: Pick<StatusRollup, 'region' | 'year'>): string {
  return `tasks-${(rollup.region ?? 'all').replace(/\//g, '-')}-${rollup.year ?? 'all'}`;
}

export function taskStatusChart(rollups: readonly StatusRollup[], context: TaskStatusContext): ChartModel {
  const rowLabel = (r: StatusRollup) => `${r.region ? context.regionName(r.region) : '全部地区'} ${r.year ?? ''}${r.year ? '年' : ''}`.trim();
  const datasets = taskStatuses.map((status) => ({
    label: taskStatusDefinitions[status].label,
    colour: `tone-${status}` as const,
    values: rollups.map((r) => r.counts[status]),
    urls: rollups.map((r) => (r.counts[status] > 0 ? `${context.listAnchor(r)}-${status}` : null)),
  }));
  const total = rollups.reduce((sum, r) => sum + r.total, 0);
  const title = '重点任务进展：各地区各年度任务按状态统计';
  return {
    title,
    label: `堆叠横向柱状图：${title}，共 ${rollups.length} 组、${total} 项任务，单位：项。各数值见下表。`,
    spec: {
      id: context.id,
      type: 'bar',
      horizontal: true,
      stacked: true,
      labels: rollups.map(rowLabel),
      datasets,
      unit: '项',
      height: barChartHeight(rollups.length, 1),
      integer: true,
    },
    table: {
      caption: `各地区各年度重点任务的进展（单位：项；按任务清单所属年度；来源：各地任务清单及其后续工作总结；状态含义见“任务状态说明”）`,
      columns: [
        { label: '地区与年度' },
        ...taskStatuses.map((s) => ({ label: taskStatusDefinitions[s].label, numeric: true, href: `#status-${s}` })),
        { label: '合计', numeric: true },
      ],
      rows: rollups.map((r) => [
        { text: rowLabel(r), href: context.listAnchor(r) },
        ...taskStatuses.map((s) => ({ text: String(r.counts[s]), value: r.counts[s], ...(r.counts[s] > 0 ? { href: `${context.listAnchor(r)}-${s}` } : {}) })),
        { text: String(r.total) },
      ]),
    },
    csvPath: context.csvPath,
    csv: {
      header: ['地区与年度', '地区', '年度', ...taskStatuses.map((s) => taskStatusDefinitions[s].label), '合计'],
      rows: rollups.map((r) => [rowLabel(r), r.region ?? '', r.year ?? '', ...taskStatuses.map((s) => r.counts[s]), r.total]),
    },
  };
}
