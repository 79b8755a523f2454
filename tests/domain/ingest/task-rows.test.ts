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

describe('tasks a progress report names and counts in one sentence', () => {
  it('reads the tasks a sentence lists before its own count, split where the count says', () => {
    const draft = ingestOne(lines(
      '名称: 2024年市级民生实事进展情况',
      '发布日期: 2024-07-10',
      '市民政局牵头的困难群众救助提标,新建20个社区老年食堂两项市级民生实事进展顺利。一是提标工作已于4月完成,二是已建成老年食堂13个。',
    ));
    expect(draft.frontmatter.kind).toBe('task-list');
    expect(draft.frontmatter.tasks).toEqual([
      { id: '1', group: '市级民生实事', title: '困难群众救助提标', status: 'awaiting-summary' },
      { id: '2', group: '市级民生实事', title: '新建20个社区老年食堂', status: 'awaiting-summary' },
    ]);
  });

  it('splits at 、 and 和 when that is what gives the count, and keeps a quoted name whole', () => {
    const draft = ingestOne(lines(
      '名称: 某县2023年民生实事推进情况',
      '今年县民政局承担的农村幸福院改造、“助老暖心”服务和老年助餐服务三项民生实事全部启动,目前已完成投资1200万元。',
    ));
    expect(draft.frontmatter.tasks?.map((task) => task.title)).toEqual(['农村幸福院改造', '“助老暖心”服务', '老年助餐服务']);
  });

  it('reads no tasks where no way of splitting the list gives the stated count', () => {
    const draft = ingestOne(lines('名称: 某县2023年民生实事推进情况', '今年县民政局承担的农村幸福院改造、老年助餐服务三项民生实事全部启动,已完成投资1200万元。'));
    expect(draft.frontmatter.tasks).toBeUndefined();
  });

  it('reads no tasks from a count that names none (全年完成民生实事10项, 承担了三项重点任务)', () => {
    const draft = ingestOne(lines('名称: 某县2023年民生实事推进情况', '全年完成民生实事10项,进展总体顺利。县民政局承担了三项重点任务,均已启动。'));
    expect(draft.frontmatter.tasks).toBeUndefined();
  });

  it('makes no tasks of such a sentence in a summary', () => {
    const draft = ingestOne(lines(
      '名称: 某区民政局2023年工作总结',
      '一、主要工作',
      '区民政局牵头的困难群众救助提标,新建社区老年食堂两项民生实事已全部完成,全年共救助困难群众3200人次,发放救助资金1500万元。',
      '二、存在的问题',
      '养老服务供给仍不均衡,专业人才不足。',
    ));
    expect(draft.frontmatter.kind).toBe('summary');
    expect(draft.frontmatter.tasks).toBeUndefined();
  });
});

describe('the page of one task, its progress period by period', () => {
  const progress = ['二季度进展情况:已完成选址8处,开工建设5处。', '三季度进展情况:已建成老年助餐点6个,投入运营4个。'];

  it('is a task list of one task, named by the breadcrumb where the title names only the page (工作进展)', () => {
    const draft = ingestOne(lines('首页 > 专题专栏 > 2024年十大民生实事 > 新建老年助餐点10个', '工作进展', '发布时间:2024-10-12 来源:区民政局 浏览次数:', ...progress));
    expect(draft.frontmatter.kind).toBe('task-list');
    expect(draft.frontmatter.period).toEqual({ year: 2024, half: null });
    expect(draft.frontmatter.tasks).toEqual([{ id: '1', group: '2024年十大民生实事', title: '新建老年助餐点10个', progress: progress.join(' '), status: 'awaiting-summary' }]);
  });

  it('is named by its title where the title names the task', () => {
    const draft = ingestOne(lines('首页 > 专题专栏 > 2024年十大民生实事', '新建老年助餐点10个', '发布时间:2024-10-12 来源:区民政局 浏览次数:', ...progress));
    expect(draft.frontmatter.tasks?.map((task) => [task.group, task.title])).toEqual([['新建老年助餐点10个', '新建老年助餐点10个']]);
  });

  it('does not read a summary with a quarter’s paragraph among its text as one task’s progress', () => {
    const draft = ingestOne(lines(
      '名称: 某区民政局2024年上半年工作总结',
      '今年以来,区民政局围绕中心工作,扎实推进各项民政事业发展,取得了明显成效。现将有关情况总结如下。',
      '一季度:完成低保年审,核减不符合条件对象120户。',
      '二季度:新建老年助餐点6个,开展养老机构安全检查两轮,排查整改隐患35处。',
      '下一步,我们将继续加大工作力度,确保全年目标任务圆满完成。',
    ));
    expect(draft.frontmatter.kind).toBe('summary');
    expect(draft.frontmatter.tasks).toBeUndefined();
  });
});
