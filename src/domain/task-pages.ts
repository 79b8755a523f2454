/**
 * The full task lists, sharded so that no page grows with the whole corpus: one set of pages per province
 * (`/tasks/<province>/`, then `/tasks/<province>/page/2/` …), each page holding at most `maxTasksPerPage`
 * tasks. At 100,000 documents (~160,000 tasks) a single /tasks/ page was 50 MB of HTML; a province's pages are
 * now a few hundred tasks each, however large the corpus.
 *
 * Within a province, tasks are grouped by region and year (the rows of the /tasks/ overview), newest year
 * first, then by status in `taskStatuses` order, then in list order. A group is never split across pages when
 * it fits on one; a group longer than a page (a very long list) is continued on the next page. Every group and
 * every status within it has a stable anchor on the page where it starts, and `locate` says which page that is,
 * so the overview's counts link straight to the right page and heading.
 */
import { taskStatuses, type TaskStatus } from '../schemas/task.ts';
import type { ListedTask } from './task-status.ts';
import { taskPagePath } from './urls.ts';

/** Tasks per page: ~100 KB of HTML, quick on a phone, and a handful of pages for a province at 100,000 documents. */
export const maxTasksPerPage = 200;

/** Anchor of a region's tasks of one year, e.g. `tasks-anhui-xuancheng-xuanzhou-2023`; `-<status>` is appended for a status. */
export function taskGroupAnchor(group: { region?: string; year?: number }): string {
  return `tasks-${(group.region ?? 'all').replace(/\//g, '-')}-${group.year ?? 'all'}`;
}

/** The province a region belongs to: the first part of its slug path (`anhui/xuancheng/xuanzhou` → `anhui`). */
export function provinceOf(regionSlug: string): string {
  return regionSlug.split('/')[0] ?? regionSlug;
}


/** The tasks of one status within a group, as far as they are on this page. */
export interface TaskStatusBlock {
  status: TaskStatus;
  items: ListedTask[];
  /** How many tasks of this status the whole group has (some may be on the next page). */
  total: number;
  /** `tasks-<region>-<year>-<status>`, set only on the page where this status's tasks start. */
  anchor?: string;
}

/** A region's tasks of one year, as far as they are on this page. */
export interface TaskGroupSection {
  /** `<region>@<year>`, the key of the overview's rollup. */
  key: string;
  region: string;
  year: number;
  /** Set only on the page where the group starts; a continued group carries no anchor. */
  anchor?: string;
  /** Whether the group started on an earlier page. */
  continued: boolean;
  /** Tasks of the whole group. */
  total: number;
  /** The lists the group's tasks come from: id and title, in order first seen. */
  documents: { id: string; title: string }[];
  statuses: TaskStatusBlock[];
}

export interface TaskListPage {
  province: string;
  currentPage: number;
  lastPage: number;
  path: string;
  url: { prev?: string; next?: string };
  /** Tasks on this page (at most `maxTasksPerPage`). */
  taskCount: number;
  /** Tasks of the province over all its pages. */
  provinceTotal: number;
  sections: TaskGroupSection[];
}

export interface TaskPages {
  /** Every province's pages, provinces in slug order. */
  pages: TaskListPage[];
  /** Where each group (`<region>@<year>`) and each group's status (`<region>@<year>#<status>`) starts: `path#anchor`. */
  locate: Map<string, string>;
  /** Provinces with tasks, in slug order, with their task count and number of pages. */
  provinces: { province: string; total: number; pages: number }[];
}

interface Group {
  key: string;
  region: string;
  year: number;
  /** Ordered by status, then in list order. */
  tasks: ListedTask[];
}

/** Groups a province's tasks by region and year, newest year first, then by region slug (the overview's order). */
function groupsOf(tasks: readonly ListedTask[]): Group[] {
  const groups = new Map<string, Group>();
  for (const task of tasks) {
    const key = `${task.region}@${task.year}`;
    const group = groups.get(key);
    if (group) group.tasks.push(task);
    else groups.set(key, { key, region: task.region, year: task.year, tasks: [task] });
  }
  const rank = new Map(taskStatuses.map((s, i) => [s, i]));
  for (const group of groups.values()) {
    // A stable sort keeps list order within a status.
    group.tasks.sort((a, b) => (rank.get(a.task.status) ?? 0) - (rank.get(b.task.status) ?? 0));
  }
  return [...groups.values()].sort((a, b) => b.year - a.year || a.region.localeCompare(b.region));
}

/**
 * Splits groups into pages of at most `perPage` tasks: a group that fits on a page is kept whole (moved to the
 * next page if this one is too full), a longer one is cut into page-sized runs.
 */
function packGroups(groups: readonly Group[], perPage: number): { group: Group; from: number; to: number }[][] {
  const pages: { group: Group; from: number; to: number }[][] = [];
  let current: { group: Group; from: number; to: number }[] = [];
  let used = 0;
  const flush = () => {
    if (current.length > 0) pages.push(current);
    current = [];
    used = 0;
  };
  for (const group of groups) {
    const size = group.tasks.length;
    if (size <= perPage) {
      if (used + size > perPage) flush();
      current.push({ group, from: 0, to: size });
      used += size;
      continue;
    }
    flush();
    for (let from = 0; from < size; from += perPage) {
      const to = Math.min(size, from + perPage);
      current.push({ group, from, to });
      used = to - from;
      if (to < size) flush();
    }
  }
  flush();
  return pages;
}

function sectionOf(group: Group, from: number, to: number): TaskGroupSection {
  const anchor = taskGroupAnchor(group);
  const onPage = group.tasks.slice(from, to);
  const statuses: TaskStatusBlock[] = [];
  for (const status of taskStatuses) {
    const items = onPage.filter((t) => t.task.status === status);
    if (items.length === 0) continue;
    const first = group.tasks.findIndex((t) => t.task.status === status);
    statuses.push({
      status,
      items,
      total: group.tasks.filter((t) => t.task.status === status).length,
      ...(first >= from && first < to ? { anchor: `${anchor}-${status}` } : {}),
    });
  }
  const documents = new Map<string, string>();
  for (const t of group.tasks) if (!documents.has(t.documentId)) documents.set(t.documentId, t.documentTitle);
  return {
    key: group.key,
    region: group.region,
    year: group.year,
    ...(from === 0 ? { anchor } : {}),
    continued: from > 0,
    total: group.tasks.length,
    documents: [...documents].map(([id, title]) => ({ id, title })),
    statuses,
  };
}

/** Every province's task pages, and where each group and status starts. */
export function taskListPages(tasks: readonly ListedTask[], options: { perPage?: number } = {}): TaskPages {
  const perPage = options.perPage ?? maxTasksPerPage;
  if (!Number.isInteger(perPage) || perPage < 1) throw new RangeError(`perPage must be a positive integer, got ${perPage}`);
  const byProvince = new Map<string, ListedTask[]>();
  for (const task of tasks) {
    const province = provinceOf(task.region);
    const list = byProvince.get(province);
    if (list) list.push(task);
    else byProvince.set(province, [task]);
  }
  const pages: TaskListPage[] = [];
  const locate = new Map<string, string>();
  const provinces: TaskPages['provinces'] = [];
  for (const province of [...byProvince.keys()].sort()) {
    const own = byProvince.get(province)!;
    const packed = packGroups(groupsOf(own), perPage);
    provinces.push({ province, total: own.length, pages: packed.length });
    packed.forEach((runs, i) => {
      const n = i + 1;
      const path = taskPagePath(province, n);
      const sections = runs.map(({ group, from, to }) => sectionOf(group, from, to));
      for (const section of sections) {
        if (section.anchor) locate.set(section.key, `${path}#${section.anchor}`);
        for (const block of section.statuses) if (block.anchor) locate.set(`${section.key}#${block.status}`, `${path}#${block.anchor}`);
      }
      pages.push({
        province,
        currentPage: n,
        lastPage: packed.length,
        path,
        url: { ...(n > 1 ? { prev: taskPagePath(province, n - 1) } : {}), ...(n < packed.length ? { next: taskPagePath(province, n + 1) } : {}) },
        taskCount: runs.reduce((sum, r) => sum + r.to - r.from, 0),
        provinceTotal: own.length,
        sections,
      });
    });
  }
  return { pages, locate, provinces };
}
