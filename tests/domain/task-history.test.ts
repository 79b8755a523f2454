/** Tasks followed across a bureau's years, from confirmed links only: histories, repeated and dropped tasks, the links CSV. */
import { describe, expect, it } from 'vitest';
import { buildTaskHistories, taskHistoryView, taskLinkColumns, taskLinksCsv, type HistoryDocument } from '../../src/domain/task-history.ts';
import type { Task } from '../../src/schemas/task.ts';

const region = 'zhejiang/hangzhou/yuhang';
const id = (stem: string) => `${region}/${stem}`;

function plan(year: number, tasks: Task[], kind: HistoryDocument['data']['kind'] = 'plan'): HistoryDocument {
  return { id: id(`${year}-year-${kind}`), data: { title: `余杭区民政局${year}年工作计划`, kind, region, period: { year, half: null }, tasks } };
}

const beds2021: Task = { id: '1-1', group: '一、养老服务', title: '增加养老床位供给', goal: '全年新增养老床位200张', status: 'awaiting-summary' };
const homes2021: Task = { id: '1-2', group: '一、养老服务', title: '推进适老化改造', goal: '完成适老化改造100户', status: 'awaiting-summary' };
const stations2021: Task = { id: '2-1', group: '二、儿童福利', title: '建设未成年人保护工作站', status: 'awaiting-summary' };
const beds2022: Task = {
  id: '1-1', group: '一、养老服务', title: '增加养老床位供给', goal: '全年新增养老床位300张', status: 'done',
  evidence: { document: id('2022-year-summary'), quote: '全年新增养老床位300张，已完成年度目标' },
  continues: { document: id('2021-year-plan'), task: '1-1', earlier_quote: '全年新增养老床位200张。', quote: '全年新增养老床位300张。' },
};
const homes2022: Task = {
  id: '1-2', group: '一、养老服务', title: '推进适老化改造', goal: '完成适老化改造100户', status: 'not-mentioned',
  continues: { document: id('2021-year-plan'), task: '1-2', earlier_quote: '完成适老化改造100户。', quote: '继续完成适老化改造100户。' },
};
const summary2022: HistoryDocument = { id: id('2022-year-summary'), data: { title: '余杭区民政局2022年工作总结', kind: 'summary', region, period: { year: 2022, half: null }, tasks: [] } };
const documents = [plan(2022, [beds2022, homes2022]), plan(2021, [beds2021, homes2021, stations2021]), summary2022];

describe('a task repeated in two years’ plans', () => {
  const index = buildTaskHistories(documents);

  it('has one history, oldest first, reachable from both years’ tasks', () => {
    const history = index.of(id('2021-year-plan'), '1-1');
    expect(history).toBe(index.of(id('2022-year-plan'), '1-1'));
    expect(history?.steps.map((s) => [s.year, s.verb, s.quote])).toEqual([
      [2021, '提出', '全年新增养老床位200张。'],
      [2022, '再次提出', '全年新增养老床位300张。'],
    ]);
  });

  it('says in one line what the sources state: the goal as each plan words it, and what the summary said', () => {
    const line = (taskId: string) => taskHistoryView(index.of(id('2022-year-plan'), taskId)!).line;
    expect(line('1-1')).toBe('提出 2021 → 再次提出 2022（目标由“全年新增养老床位200张”改为“全年新增养老床位300张”） → 总结称已完成 2022');
    expect(line('1-2')).toBe('提出 2021 → 再次提出 2022（目标表述未变） → 总结未提及');
  });

  it('links each step to its task’s row and the summary’s words to their anchor, marking the page’s own task', () => {
    const view = taskHistoryView(index.of(id('2021-year-plan'), '1-1')!, { documentId: id('2021-year-plan'), taskId: '1-1' });
    expect(view.steps.map((s) => [s.href, s.current])).toEqual([
      [`/documents/${region}/2021-year-plan/#task-1-1`, true],
      [`/documents/${region}/2022-year-plan/#task-1-1`, false],
    ]);
    expect(view.steps[1]?.report).toMatchObject({ label: '总结称已完成', documentTitle: '余杭区民政局2022年工作总结', year: 2022 });
    expect(view.steps[1]?.report?.href).toMatch(new RegExp(`^/documents/${region}/2022-year-summary/#q-`));
  });

  it('lists the chains under repeated and names each document the other’s page shows', () => {
    expect(index.repeated.map((h) => h.key)).toEqual([`${id('2021-year-plan')}#1-1`, `${id('2021-year-plan')}#1-2`]);
    expect(index.linkedDocuments(id('2021-year-plan'))).toEqual([id('2022-year-plan'), id('2022-year-summary')]);
    expect(index.of(id('2021-year-plan'), '2-1')).toBeUndefined();
  });

  it('says under which task each page shows a history: the task itself, or the first of its list in the same chain', () => {
    expect(index.shownUnder(id('2022-year-plan'), '1-2')).toBe('1-2');
    expect(index.shownUnder(id('2021-year-plan'), '2-1')).toBeUndefined();
    // A list that splits one earlier task into two shows the chain once, under the first.
    const split = plan(2022, [beds2022, { ...beds2022, id: '1-5', title: '增加护理型床位供给' }]);
    const both = buildTaskHistories([split, plan(2021, [beds2021]), summary2022]);
    expect([both.shownUnder(split.id, '1-1'), both.shownUnder(split.id, '1-5')]).toEqual(['1-1', '1-1']);
    expect(both.of(split.id, '1-5')?.steps.map((s) => [s.year, s.taskId])).toEqual([[2021, '1-1'], [2022, '1-1'], [2022, '1-5']]);
  });
});

describe('a task not mentioned again', () => {
  it('is listed when the next plan was compared with its plan and no summary reported on it', () => {
    const { dropped } = buildTaskHistories(documents);
    expect(dropped.map((d) => [d.documentId, d.taskId, d.laterDocuments.map((l) => l.id)])).toEqual([[id('2021-year-plan'), '2-1', [id('2022-year-plan')]]]);
  });

  it('is not claimed when no later document links back to its plan (nobody compared them)', () => {
    const unlinked = (t: Task): Task => {
      const { continues: _dropped, ...rest } = t;
      return rest;
    };
    const index = buildTaskHistories([plan(2022, [unlinked(beds2022), unlinked(homes2022)]), plan(2021, [beds2021, homes2021, stations2021]), summary2022]);
    expect(index.dropped).toEqual([]);
    expect(index.repeated).toEqual([]);
  });

  it('is not claimed when a summary reported on it', () => {
    const reported: Task = { ...stations2021, status: 'done', evidence: { document: id('2022-year-summary'), quote: '建成未成年人保护工作站' } };
    expect(buildTaskHistories([plan(2022, [beds2022]), plan(2021, [beds2021, homes2021, reported]), summary2022]).dropped.map((d) => d.taskId)).toEqual(['1-2']);
  });
});

describe('task-links.csv', () => {
  it('has a row per confirmed link with both sentences and both rows’ addresses', () => {
    const csv = taskLinksCsv(buildTaskHistories(documents).links, {
      site: 'https://gongkai.example.org',
      regions: new Map([[region, { slug: region, code: '330110', name: '余杭区', level: 'county', parent: 'zhejiang/hangzhou' } as never]]),
      regionName: () => '浙江省 杭州市 余杭区',
    });
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe(taskLinkColumns.join(','));
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe(
      `${region},浙江省 杭州市 余杭区,330110,${id('2022-year-plan')},1-1,2022,增加养老床位供给,全年新增养老床位300张,${id('2021-year-plan')},1-1,2021,增加养老床位供给,全年新增养老床位200张,全年新增养老床位300张。,全年新增养老床位200张。,https://gongkai.example.org/documents/${region}/2022-year-plan/#task-1-1,https://gongkai.example.org/documents/${region}/2021-year-plan/#task-1-1`,
    );
  });
});
