import { describe, expect, it } from 'vitest';
import { alignRow, columnWords, splitRunTogether, type Column } from '../../../src/domain/ingest/tables.ts';
import { ingestOne } from './helpers.ts';

const roles = (text: string) => columnWords(text)?.map((column) => column.role);

describe('task-table headers', () => {
  it('reads a header whose cells run together into its column words', () => {
    expect(roles('实事内容工作任务责任单位进展情况')).toEqual(['title', 'title', 'owner', 'progress']);
  });

  it('reads 2022年预期目标 as a goal column and 完成时限 as a deadline', () => {
    expect(roles('2022年预期目标')).toEqual(['goal']);
    expect(roles('完成时限')).toEqual(['deadline']);
  });

  it('does not read a statistics header (项目 2022年 2023年) as column words', () => {
    expect(columnWords('项目2022年2023年户数')).toBeUndefined();
  });
});

describe('task tables in pipes', () => {
  it('reads 序号 | 项目 | 牵头单位 | 完成时限 | 进展情况 with the deadline and progress kept on the task', () => {
    const draft = ingestOne('名称: 2024年民生实事项目清单\n序号 | 项目 | 牵头单位 | 完成时限 | 进展情况 |\n1 | 新建助餐点20个 | 区民政局 | 2024年10月底 | 已建成16个 |\n2 | 改造农村敬老院3所 | 区民政局 | 2024年12月底 | |\n');
    expect(draft.frontmatter.tasks).toEqual([
      { id: '1', group: '2024年民生实事项目清单', title: '新建助餐点20个', owner: '区民政局', deadline: '2024年10月底', progress: '已建成16个', status: 'awaiting-summary' },
      { id: '2', group: '2024年民生实事项目清单', title: '改造农村敬老院3所', owner: '区民政局', deadline: '2024年12月底', status: 'awaiting-summary' },
    ]);
  });

  it('gives a row that lost its merged leader and office cells the cells above (rowspan)', () => {
    const draft = ingestOne('名称: 2023年重点工作任务清单\n序号 | 重点工作事项 | 工作目标 | 分管领导 | 责任科室 |\n1 | 提高低保标准 | 城市低保标准提高到每人每月800元。 | 周利宏 | 社会救助科 |\n2 | 做好临时救助 | 全年临时救助1000人次以上。 |\n');
    expect(draft.frontmatter.tasks?.[1]).toMatchObject({ id: '2', title: '做好临时救助', leader: '周利宏', owner: '社会救助科' });
    expect(draft.report.notes).toContain('table row on line 4 has 3 of 5 cells; 分管领导, 责任科室 taken from the row above (merged cells)');
  });

  it('keeps a table with no column words a plain Markdown table with no tasks', () => {
    const draft = ingestOne('项目 | 2022年 | 2023年 |\n城市低保户数 | 4500 | 4329 |\n');
    expect(draft.frontmatter.tasks).toBeUndefined();
    expect(draft.body).toBe('| 项目 | 2022年 | 2023年 |\n| --- | --- | --- |\n| 城市低保户数 | 4500 | 4329 |\n');
  });

  it('reads a table copied one cell per line, each line ending in a pipe, by the width of its header', () => {
    const draft = ingestOne('主要成效\n要点 |\n重点内容 |\n社会救助体系不断完善 |\n全省城市低保标准达到每人每年6756元。 |\n养老服务稳步推进 |\n新建养老机构15家。 |\n');
    expect(draft.body).toContain('| 要点 | 重点内容 |\n| --- | --- |\n| 社会救助体系不断完善 | 全省城市低保标准达到每人每年6756元。 |\n| 养老服务稳步推进 | 新建养老机构15家。 |');
  });
});

describe('task tables without pipes', () => {
  it('titles a run-together row by its task text without the full stop that ended the cell', () => {
    const draft = ingestOne('2025年民生实事进度表\n实事内容工作任务责任单位进展情况\n建成老年助餐点12个。区民政局,各街道已建成5个。\n改造农村互助幸福院4所。区民政局,各镇已完成设计。\n');
    expect(draft.frontmatter.tasks?.map((task) => task.title)).toEqual(['建成老年助餐点12个', '改造农村互助幸福院4所']);
    // The body keeps the cell as printed.
    expect(draft.body).toContain('建成老年助餐点12个。');
  });

  it('reads a table whose cells come one per line, the header giving the column count', () => {
    const text = ['2024年民生实事任务分解表', '序号', '工作任务', '牵头单位', '配合单位', '1', '新建社区养老服务站10个', '区民政局', '各街道', '2', '为困难老人实施适老化改造200户', '区民政局', '区残联', '附件2', '其他说明。'].join('\n');
    const draft = ingestOne(`${text}\n`);
    expect(draft.frontmatter.tasks).toEqual([
      { id: '1', group: '2024年民生实事任务分解表', title: '新建社区养老服务站10个', owner: '区民政局', status: 'awaiting-summary' },
      { id: '2', group: '2024年民生实事任务分解表', title: '为困难老人实施适老化改造200户', owner: '区民政局', status: 'awaiting-summary' },
    ]);
    expect(draft.body).toContain('| 序号 | 工作任务 | 牵头单位 | 配合单位 |\n| --- | --- | --- | --- |\n| 1 | 新建社区养老服务站10个 | 区民政局 | 各街道 |');
    expect(draft.body).toContain('附件2');
  });

  it('joins a cell that wrapped onto a second line back into its row', () => {
    const text = ['名称: 2023年重点工作任务', '序号', '工作任务', '责任单位', '1', '推进居家养老服务中心提档升级,', '新增示范型中心30家', '区民政局', '2', '开展困难群众走访慰问', '区民政局'].join('\n');
    expect(ingestOne(`${text}\n`).frontmatter.tasks?.[0]).toMatchObject({ title: '推进居家养老服务中心提档升级,新增示范型中心30家', owner: '区民政局' });
  });

  it('splits a row whose cells ran together at the office that owns it, and each quarter’s progress after it', () => {
    const columns: Column[] = [
      { label: '工作任务', role: 'title' },
      { label: '责任单位', role: 'owner' },
      { label: '进展情况（一季度）', role: 'progress' },
      { label: '进展情况（二季度）', role: 'progress' },
    ];
    expect(splitRunTogether('新建老年助餐点12个。区民政局,各街道1.完成选址; 2.完成招标。1.完成建设6个; 2.开始运营。', columns)).toEqual([
      '新建老年助餐点12个。',
      '区民政局,各街道',
      '1.完成选址; 2.完成招标。',
      '1.完成建设6个; 2.开始运营。',
    ]);
  });

  it('reads a run-together table under a quarterly sub-header into tasks with their progress', () => {
    const draft = ingestOne('名称: 2023年民生实事进展情况\n工作任务责任单位进展情况\n一季度二季度\n新建老年助餐点12个。区民政局,各街道已完成选址。已建成6个。\n');
    expect(draft.frontmatter.tasks).toEqual([{ id: '1', group: '2023年民生实事进展情况', title: '新建老年助餐点12个', owner: '区民政局,各街道', progress: '一季度：已完成选址。 二季度：已建成6个。', status: 'awaiting-summary' }]);
  });
});

describe('numbered task lists', () => {
  it('makes the numbered items of a task list without a table its tasks, with their titles', () => {
    const draft = ingestOne('名称: 2024年区民政局民生实事任务清单\n一、养老服务\n1.新建助餐点16个。在全区各街道建成老年助餐点,其中11个正式运营。\n2.综合养老服务中心建设。建成3家综合养老服务中心。\n二、社会救助\n1.提高城乡低保标准。城乡低保标准提高到每人每月900元。\n');
    expect(draft.frontmatter.kind).toBe('task-list');
    expect(draft.frontmatter.tasks?.map((task) => [task.id, task.group, task.title])).toEqual([
      ['1-1', '一、养老服务', '新建助餐点16个'],
      ['1-2', '一、养老服务', '综合养老服务中心建设'],
      ['2-1', '二、社会救助', '提高城乡低保标准'],
    ]);
  });

  it('does not make the numbered items of a plan tasks', () => {
    const draft = ingestOne('名称: 2024年区民政局工作要点\n一、养老服务\n1.新建助餐点16个。在全区各街道建成老年助餐点。\n2.综合养老服务中心建设。建成3家综合养老服务中心。\n');
    expect(draft.frontmatter.tasks).toBeUndefined();
  });
});

describe('alignRow', () => {
  const columns: Column[] = [
    { label: '序号', role: 'no' },
    { label: '事项', role: 'title' },
    { label: '分管领导', role: 'leader' },
    { label: '责任科室', role: 'owner' },
  ];

  it('takes a merged 分管领导 from the row above when the row has the office but not the leader', () => {
    expect(alignRow(['2', '推进婚俗改革', '社会事务科'], columns, ['1', '做好婚姻登记', '谭朝晖', '社会事务科'])).toEqual({ cells: ['2', '推进婚俗改革', '谭朝晖', '社会事务科'], inherited: ['分管领导'] });
  });
});
