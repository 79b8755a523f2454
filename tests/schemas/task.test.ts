import { describe, expect, it } from 'vitest';
import { taskSchema } from '../../src/schemas/task.ts';

describe('task schema', () => {
  it('accepts a 民生实事 item with only a title, no goal, leader or owner', () => {
    expect(taskSchema.safeParse({ id: '3', group: '2024年民生实事', title: '新建助餐点16个', status: 'awaiting-summary' }).success).toBe(true);
  });

  it('keeps 完成时限 and 进展情况 as written', () => {
    const task = taskSchema.parse({ id: '1', group: '一、养老服务', title: '新增养老床位', owner: '区民政局', deadline: '2023年12月底前', progress: '已完成80%', status: 'in-progress', evidence: { document: 'a/b/2023-year-summary', quote: '已完成80%' } });
    expect([task.deadline, task.progress]).toEqual(['2023年12月底前', '已完成80%']);
  });

  it('rejects an empty deadline or progress: a field the list does not state is left out', () => {
    expect(taskSchema.safeParse({ id: '1', group: 'g', title: 't', deadline: '', status: 'awaiting-summary' }).success).toBe(false);
    expect(taskSchema.safeParse({ id: '1', group: 'g', title: 't', progress: '', status: 'awaiting-summary' }).success).toBe(false);
  });
});
