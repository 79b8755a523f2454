import { describe, expect, it } from 'vitest';
import { maxTasksPerPage, taskGroupAnchor, taskListPages } from '../../src/domain/task-pages.ts';
import { taskPagePath } from '../../src/domain/urls.ts';
import { listedTasks, statusByRegionAndYear, type ListedTask } from '../../src/domain/task-status.ts';
import { taskStatuses, type TaskStatus } from '../../src/schemas/task.ts';
import { task } from './figures-fixtures.ts';

/** A task as listedTasks gives it; statuses with a report carry evidence as the schema demands. */
function listed(region: string, year: number, id: string, status: TaskStatus, documentId = `${region}/${year}-year-task-list`): ListedTask {
  return {
    documentId,
    documentTitle: `${region} ${year}年清单`,
    region,
    year,
    task: task(id, status, `${region}/${year}-year-summary`),
  };
}

const xuanzhou = 'anhui/xuancheng/xuanzhou';
const zixing = 'hunan/chenzhou/zixing';

describe('the task list pages', () => {
  it('gives each province its own pages, grouped by region and year, newest year first, tasks under their status', () => {
    const tasks = [
      listed(xuanzhou, 2023, '1-1', 'awaiting-summary'),
      listed(xuanzhou, 2023, '1-2', 'done'),
      listed(zixing, 2023, '1', 'not-mentioned'),
      listed(xuanzhou, 2024, '1-1', 'in-progress'),
      listed('anhui', 2023, '2', 'done'),
    ];
    const { pages, provinces, locate } = taskListPages(tasks);
    expect(provinces).toEqual([
      { province: 'anhui', total: 4, pages: 1 },
      { province: 'hunan', total: 1, pages: 1 },
    ]);
    expect(pages.map((p) => p.path)).toEqual(['/tasks/anhui/', '/tasks/hunan/']);
    const [anhui] = pages;
    expect(anhui!.sections.map((s) => s.key)).toEqual([`${xuanzhou}@2024`, 'anhui@2023', `${xuanzhou}@2023`]);
    const section = anhui!.sections[2]!;
    expect(section).toMatchObject({ anchor: 'tasks-anhui-xuancheng-xuanzhou-2023', continued: false, total: 2 });
    expect(section.statuses.map((s) => [s.status, s.anchor, s.items.map((t) => t.task.id)])).toEqual([
      ['done', 'tasks-anhui-xuancheng-xuanzhou-2023-done', ['1-2']],
      ['awaiting-summary', 'tasks-anhui-xuancheng-xuanzhou-2023-awaiting-summary', ['1-1']],
    ]);
    expect(section.documents).toEqual([{ id: `${xuanzhou}/2023-year-task-list`, title: `${xuanzhou} 2023年清单` }]);
    expect(locate.get(`${xuanzhou}@2023`)).toBe('/tasks/anhui/#tasks-anhui-xuancheng-xuanzhou-2023');
    expect(locate.get(`${xuanzhou}@2023#awaiting-summary`)).toBe('/tasks/anhui/#tasks-anhui-xuancheng-xuanzhou-2023-awaiting-summary');
  });

  it('moves a region-year that does not fit to the next page rather than cutting it', () => {
    const tasks = [
      ...['1', '2', '3'].map((id) => listed(xuanzhou, 2024, id, 'done')),
      ...['1', '2', '3'].map((id) => listed(xuanzhou, 2023, id, 'done')),
    ];
    const { pages } = taskListPages(tasks, { perPage: 4 });
    expect(pages.map((p) => [p.path, p.taskCount, p.sections.map((s) => s.key)])).toEqual([
      ['/tasks/anhui/', 3, [`${xuanzhou}@2024`]],
      ['/tasks/anhui/page/2/', 3, [`${xuanzhou}@2023`]],
    ]);
    expect(pages[0]!.url).toEqual({ next: '/tasks/anhui/page/2/' });
    expect(pages[1]!.url).toEqual({ prev: '/tasks/anhui/' });
  });

  it('continues a region-year longer than a page on the next, with its anchors where each status starts', () => {
    const tasks = [...['1', '2', '3'].map((id) => listed(xuanzhou, 2023, id, 'done')), ...['4', '5'].map((id) => listed(xuanzhou, 2023, id, 'not-mentioned'))];
    const { pages, locate } = taskListPages(tasks, { perPage: 2 });
    expect(pages.map((p) => p.taskCount)).toEqual([2, 2, 1]);
    const sections = pages.map((p) => p.sections[0]!);
    expect(sections.map((s) => [s.anchor, s.continued])).toEqual([
      ['tasks-anhui-xuancheng-xuanzhou-2023', false],
      [undefined, true],
      [undefined, true],
    ]);
    expect(sections[1]!.statuses.map((s) => [s.status, s.anchor, s.total])).toEqual([
      ['done', undefined, 3],
      ['not-mentioned', 'tasks-anhui-xuancheng-xuanzhou-2023-not-mentioned', 2],
    ]);
    expect(locate.get(`${xuanzhou}@2023#not-mentioned`)).toBe('/tasks/anhui/page/2/#tasks-anhui-xuancheng-xuanzhou-2023-not-mentioned');
  });

  it('has no pages when no document lists tasks', () => {
    expect(taskListPages([])).toEqual({ pages: [], locate: new Map(), provinces: [] });
  });

  it('refuses a page size that is not a positive whole number', () => {
    expect(() => taskListPages([], { perPage: 0 })).toThrow(/positive integer/);
  });

  it('names pages and anchors the way the overview links to them', () => {
    expect(taskPagePath('anhui', 1)).toBe('/tasks/anhui/');
    expect(taskPagePath('anhui', 3)).toBe('/tasks/anhui/page/3/');
    expect(taskGroupAnchor({ region: xuanzhou, year: 2023 })).toBe('tasks-anhui-xuancheng-xuanzhou-2023');
  });
});

describe('the task list pages at 100,000 documents', () => {
  // ~160,000 tasks from 5,000 lists in 34 provinces (docs/scale.md): no page may grow with the corpus. The moduli
  // give every list its own region and year.
  const provinceCount = 34;
  const documents = Array.from({ length: 5000 }, (_, i) => {
    const province = `p${String(i % provinceCount).padStart(2, '0')}`;
    const region = `${province}/c${i % 7}/x${i % 13}`;
    const year = 2015 + (i % 10);
    // One list of 400 rows, longer than a page, so the split path runs at scale too.
    const rows = i === 0 ? 400 : 32;
    return {
      id: `${region}/${year}-year-task-list`,
      data: {
        title: `清单${i}`,
        region,
        period: { year, half: null },
        tasks: Array.from({ length: rows }, (_, r) => listed(region, year, `${i}-${r}`, taskStatuses[(i + r) % taskStatuses.length]!).task),
      },
    };
  });
  const tasks = listedTasks(documents);
  const { pages, locate, provinces } = taskListPages(tasks);

  it('puts every task on exactly one page, and no page holds more than the page size', () => {
    expect(tasks.length).toBeGreaterThan(160_000);
    expect(Math.max(...pages.map((p) => p.taskCount))).toBeLessThanOrEqual(maxTasksPerPage);
    expect(pages.reduce((sum, p) => sum + p.taskCount, 0)).toBe(tasks.length);
    const onPages = pages.flatMap((p) => p.sections.flatMap((s) => s.statuses.flatMap((b) => b.items)));
    expect(new Set(onPages).size).toBe(tasks.length);
  });

  it('fills pages rather than scattering tasks over near-empty ones', () => {
    expect(provinces).toHaveLength(provinceCount);
    expect(pages.length).toBeLessThan(Math.ceil((tasks.length / maxTasksPerPage) * 1.5));
    // A page ends only when the next region-year would not fit on it.
    const onPage = (section: (typeof pages)[number]['sections'][number]) => section.statuses.reduce((sum, b) => sum + b.items.length, 0);
    for (const [i, page] of pages.entries()) {
      const next = pages[i + 1];
      if (!next || next.province !== page.province) continue;
      expect(page.taskCount + onPage(next.sections[0]!)).toBeGreaterThan(maxTasksPerPage);
    }
  });

  it('links every region-year and every status of the overview to a page that has its anchor', () => {
    const anchorsOn = new Map(pages.map((p) => [p.path, new Set(p.sections.flatMap((s) => [s.anchor, ...s.statuses.map((b) => b.anchor)]).filter(Boolean))]));
    for (const rollup of statusByRegionAndYear(documents)) {
      const [path, anchor] = locate.get(rollup.key)!.split('#');
      expect(anchorsOn.get(path!)?.has(anchor)).toBe(true);
      for (const status of taskStatuses.filter((s) => rollup.counts[s] > 0)) {
        const [statusPath, statusAnchor] = locate.get(`${rollup.key}#${status}`)!.split('#');
        expect(anchorsOn.get(statusPath!)?.has(statusAnchor)).toBe(true);
      }
    }
  });
});
