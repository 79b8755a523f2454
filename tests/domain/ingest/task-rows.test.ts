/**
 * Task rows in the layouts bureaus publish beyond one clean table: several tables in one document, a table the
 * capture cut off, tasks a progress report names in prose. Every input is invented (places, offices, numbers),
 * written in the corpus's styles, not copied from a page.
 */
import { describe, expect, it } from 'vitest';
import { ingestOne } from './helpers.ts';

const lines = (...text: string[]) => `${text.join('\n')}\n`;

describe('two task tables in one document', () => {
  it('keeps the rows of a second table that numbers from 1 again, its ids prefixed by its place (2.1)', () => {
    const draft = ingestOne(lines(
      '名称: 某县人民政府办公室关于印发2024年政府工作报告目标任务分解的通知',
      '附件1',
      '序号', '2024年预期目标', '责任单位',
      '1', '城乡居民收入增长6%左右', '县人力社保局',
      '2', '新增城镇就业3000人', '县人力社保局',
      '附件2',
      '序号', '工作任务', '牵头单位',
      '1', '建成县级养老服务指导中心', '县民政局',
      '2', '完成农村敬老院改造5所', '县民政局',
    ));
    expect(draft.frontmatter.tasks?.map((task) => [task.id, task.group, task.title])).toEqual([
      ['1', '附件1', '城乡居民收入增长6%左右'],
      ['2', '附件1', '新增城镇就业3000人'],
      ['2.1', '附件2', '建成县级养老服务指导中心'],
      ['2.2', '附件2', '完成农村敬老院改造5所'],
    ]);
    expect(draft.report.notes).toContain('task table 2 numbers its rows from 1 again: its task ids are 2.1, 2.2');
  });

  it('leaves ids alone when the second table goes on with its own numbers', () => {
    const draft = ingestOne(lines(
      '名称: 2024年民生实事任务分解',
      '附件1',
      '序号', '工作任务', '牵头单位',
      '1', '新建老年助餐点8个', '区民政局',
      '2', '改造城镇老旧小区电梯20部', '区住建委',
      '附件2',
      '序号 | 工作任务 | 牵头单位 |',
      '3 | 新增普惠托育位200个 | 区卫健委 |',
    ));
    expect(draft.frontmatter.tasks?.map((task) => task.id)).toEqual(['1', '2', '3']);
    expect(draft.report.notes.some((note) => note.includes('numbers its rows from 1 again'))).toBe(false);
  });
});

describe('a task table the capture cut off', () => {
  const cutTable = (...row: string[]) =>
    lines('名称: 2023年重点工作任务分解表', '序号', '工作任务', '牵头单位', '配合单位', '1', '建设智慧养老服务平台', '区民政局', '区大数据局', ...row);

  it('makes the last row a task with the cells captured, leaving out the cell the cut fell in', () => {
    const draft = ingestOne(cutTable('2', '打造15分钟养老服务圈', '在全区布局社区嵌入式养老服务设施,推动日间照料中心与卫生服'));
    expect(draft.frontmatter.tasks?.at(-1)).toEqual({ id: '2', group: '2023年重点工作任务分解表', title: '打造15分钟养老服务圈', status: 'awaiting-summary' });
    expect(draft.report.notes.some((note) => note.includes('cut off by the capture after 2 of 4 cells: 牵头单位, 配合单位 not captured'))).toBe(true);
    // Nothing is lost: the cut text stays in the body's table.
    expect(draft.body).toContain('在全区布局社区嵌入式养老服务设施,推动日间照料中心与卫生服');
  });

  it('keeps a last cell that is whole by its look (an office in 牵头单位) on the task', () => {
    const draft = ingestOne(cutTable('2', '打造15分钟养老服务圈', '区民政局'));
    expect(draft.frontmatter.tasks?.at(-1)).toMatchObject({ id: '2', title: '打造15分钟养老服务圈', owner: '区民政局' });
  });

  it('makes no task of a row cut inside its title, which may be half a title', () => {
    const draft = ingestOne(cutTable('2', '打造15分钟养老服'));
    expect(draft.frontmatter.tasks?.map((task) => task.id)).toEqual(['1']);
    expect(draft.body).toContain('打造15分钟养老服');
  });
});
