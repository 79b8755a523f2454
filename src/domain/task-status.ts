/**
 * Task completion rolled up: how many of a bureau's listed tasks its later summary reports done, in progress,
 * not started, never mentions, or cannot yet say (no summary). Counted per region and year (the year of the
 * list), and totalled per region and per year. The statuses are the maintainers' (content), never guessed here.
 */
import type { DocumentFrontmatter } from '../schemas/document.ts';
import { taskStatuses, type Task, type TaskStatus } from '../schemas/task.ts';
import { groupBy } from './grouping.ts';

export interface TaskDocument {
  id: string;
  data: Pick<DocumentFrontmatter, 'title' | 'region' | 'period' | 'tasks'>;
}

export type StatusCounts = Record<TaskStatus, number>;

export interface StatusRollup {
  /** `anhui/xuancheng/xuanzhou@2023` for a region and year; the region slug or the year alone for totals. */
  key: string;
  region?: string;
  year?: number;
  counts: StatusCounts;
  total: number;
  /** The task lists counted, by id. */
  documents: string[];
}

export function emptyCounts(): StatusCounts {
  return Object.fromEntries(taskStatuses.map((s) => [s, 0])) as StatusCounts;
}

export function countStatuses(tasks: readonly Pick<Task, 'status'>[]): StatusCounts {
  const counts = emptyCounts();
  for (const task of tasks) counts[task.status] += 1;
  return counts;
}

/** One task with the document that lists it. */
export interface ListedTask {
  documentId: string;
  documentTitle: string;
  region: string;
  year: number;
  task: Task;
}

export function listedTasks(documents: readonly TaskDocument[]): ListedTask[] {
  return documents.flatMap((doc) =>
    doc.data.tasks.map((task) => ({ documentId: doc.id, documentTitle: doc.data.title, region: doc.data.region, year: doc.data.period.year, task })),
  );
}

function rollup(tasks: readonly ListedTask[], keyOf: (t: ListedTask) => string, fields: (t: ListedTask) => { region?: string; year?: number }): StatusRollup[] {
  return [...groupBy(tasks, keyOf)].map(([key, group]) => ({
    key,
    ...fields(group[0]!),
    counts: countStatuses(group.map((t) => t.task)),
    total: group.length,
    documents: [...new Set(group.map((t) => t.documentId))],
  }));
}

/** Counts per region and year, newest year first, then by region slug. */
export function statusByRegionAndYear(documents: readonly TaskDocument[]): StatusRollup[] {
  return rollup(listedTasks(documents), (t) => `${t.region}@${t.year}`, (t) => ({ region: t.region, year: t.year })).sort(
    (a, b) => (b.year ?? 0) - (a.year ?? 0) || (a.region ?? '').localeCompare(b.region ?? ''),
  );
}

/** Counts per region over all years, by region slug. */
export function statusByRegion(documents: readonly TaskDocument[]): StatusRollup[] {
  return rollup(listedTasks(documents), (t) => t.region, (t) => ({ region: t.region })).sort((a, b) => a.key.localeCompare(b.key));
}

/** Counts per year over all regions, newest first. */
export function statusByYear(documents: readonly TaskDocument[]): StatusRollup[] {
  return rollup(listedTasks(documents), (t) => String(t.year), (t) => ({ year: t.year })).sort((a, b) => (b.year ?? 0) - (a.year ?? 0));
}

