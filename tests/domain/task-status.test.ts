import { describe, expect, it } from 'vitest';
import { countStatuses, statusByRegion, statusByRegionAndYear, statusByYear } from '../../src/domain/task-status.ts';
import { doc, task } from './figures-fixtures.ts';

const xuanzhou2023 = doc('anhui/xuancheng/xuanzhou/2023-year-task-list', {
  region: 'anhui/xuancheng/xuanzhou',
  period: { year: 2023, half: null },
  kind: 'task-list',
  tasks: [task('1-1', 'done'), task('1-2', 'done'), task('1-3', 'in-progress'), task('1-4', 'not-mentioned')],
});
const xuanzhou2024 = doc('anhui/xuancheng/xuanzhou/2024-year-task-list', {
  region: 'anhui/xuancheng/xuanzhou',
  period: { year: 2024, half: null },
  kind: 'task-list',
  tasks: [task('1-1', 'awaiting-summary'), task('1-2', 'awaiting-summary')],
});
const zixing2023 = doc('hunan/chenzhou/zixing/2023-year-plan', {
  region: 'hunan/chenzhou/zixing',
  period: { year: 2023, half: null },
  kind: 'plan',
  tasks: [task('1', 'not-started')],
});
const documents = [xuanzhou2023, xuanzhou2024, zixing2023];

describe('task status roll-up', () => {
  it('counts every status, including those no task has', () => {
    expect(countStatuses(xuanzhou2023.data.tasks)).toEqual({ done: 2, 'in-progress': 1, 'not-started': 0, 'not-mentioned': 1, 'awaiting-summary': 0 });
  });

  it('counts per region and year, newest year first', () => {
    const rows = statusByRegionAndYear(documents);
    expect(rows.map((r) => [r.key, r.total])).toEqual([
      ['anhui/xuancheng/xuanzhou@2024', 2],
      ['anhui/xuancheng/xuanzhou@2023', 4],
      ['hunan/chenzhou/zixing@2023', 1],
    ]);
    expect(rows[1]!.counts.done).toBe(2);
    expect(rows[1]!.documents).toEqual(['anhui/xuancheng/xuanzhou/2023-year-task-list']);
  });

  it('totals per region over all years', () => {
    const xuanzhou = statusByRegion(documents).find((r) => r.region === 'anhui/xuancheng/xuanzhou')!;
    expect(xuanzhou.total).toBe(6);
    expect(xuanzhou.counts).toEqual({ done: 2, 'in-progress': 1, 'not-started': 0, 'not-mentioned': 1, 'awaiting-summary': 2 });
  });

  it('totals per year over all regions', () => {
    expect(statusByYear(documents).map((r) => [r.year, r.total, r.counts['not-started']])).toEqual([
      [2024, 2, 0],
      [2023, 5, 1],
    ]);
  });
});
