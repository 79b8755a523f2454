/**
 * The task-completion chart: for each region and year, the listed tasks stacked by status. The colours are
 * the statuses' own (src/charts/chart-island.ts maps each tone to a light and a dark colour).
 */
import type { StatusRollup } from '../domain/task-status.ts';
import { taskGroupAnchor } from '../domain/task-pages.ts';
import { taskStatusDefinitions, taskStatuses, type TaskStatus } from '../schemas/task.ts';
import { barChartHeight, type ChartModel } from './chart-model.ts';

export interface TaskStatusContext {
  id: string;
  csvPath: string;
  regionName: (slug: string) => string;
  /** Link to a region-year's task list, e.g. `/tasks/anhui/#tasks-anhui-xuancheng-xuanzhou-2023`. */
  listAnchor: (rollup: StatusRollup) => string;
  /** Link to the tasks of one status in that list; by default the list's link with `-<status>` appended. */
  statusAnchor?: (rollup: StatusRollup, status: TaskStatus) => string;
  /**
   * Give each table row (and count cell) the id its task list once had on /tasks/, so that a link saved when
   * the lists were on that page still lands on the region-year's counts, one click from its list.
   */
  rowIds?: boolean;
}

/** Anchor-safe key of a region and year. */
export function rollupAnchor(rollup: Pick<StatusRollup, 'region' | 'year'>): string {
  return taskGroupAnchor(rollup);
}

export function taskStatusChart(rollups: readonly StatusRollup[], context: TaskStatusContext): ChartModel {
  const rowLabel = (r: StatusRollup) => `${r.region ? context.regionName(r.region) : '全部地区'} ${r.year ?? ''}${r.year ? '年' : ''}`.trim();
  const statusUrl = context.statusAnchor ?? ((r: StatusRollup, status: TaskStatus) => `${context.listAnchor(r)}-${status}`);
  const datasets = taskStatuses.map((status) => ({
    label: taskStatusDefinitions[status].label,
    colour: `tone-${status}` as const,
    values: rollups.map((r) => r.counts[status]),
    urls: rollups.map((r) => (r.counts[status] > 0 ? statusUrl(r, status) : null)),
  }));
  const rowId = (r: StatusRollup, suffix = '') => (context.rowIds ? { id: `${rollupAnchor(r)}${suffix}` } : {});
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
        { text: rowLabel(r), href: context.listAnchor(r), ...rowId(r) },
        ...taskStatuses.map((s) => ({ text: String(r.counts[s]), value: r.counts[s], ...rowId(r, `-${s}`), ...(r.counts[s] > 0 ? { href: statusUrl(r, s) } : {}) })),
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
