/** Proposing which later task continues which earlier one, and writing a proposal into a file as text. */
import { describe, expect, it } from 'vitest';
import { bestSentence, insertProposals, proposeLinks, type LinkableDocument } from '../../src/domain/task-link-proposals.ts';

const earlier: LinkableDocument = {
  id: 'zhejiang/hangzhou/yuhang/2021-year-plan',
  title: '2021年工作计划',
  year: 2021,
  body: '## 一、养老服务\n\n（一）增加养老床位供给。全年新增养老床位200张，优先发展护理型床位。\n\n（二）推进适老化改造，完成适老化改造100户。\n\n## 二、儿童福利\n\n建成镇街未成年人保护工作站5个。\n',
  tasks: [
    { id: '1-1', title: '增加养老床位供给', goal: '全年新增养老床位200张' },
    { id: '1-2', title: '推进适老化改造', goal: '完成适老化改造100户' },
    { id: '2-1', title: '建设未成年人保护工作站', goal: '建成镇街未成年人保护工作站5个' },
  ],
};
const later: LinkableDocument = {
  id: 'zhejiang/hangzhou/yuhang/2022-year-plan',
  title: '2022年工作计划',
  year: 2022,
  body: '## 一、养老服务\n\n继续增加养老床位供给，全年新增养老床位300张。\n\n## 二、社会救助\n\n开展困难群众冬春救助，做到应救尽救。\n',
  tasks: [
    { id: '1-1', title: '增加养老床位供给', goal: '全年新增养老床位300张' },
    { id: '2-1', title: '开展困难群众冬春救助' },
  ],
};

describe('proposeLinks', () => {
  it('pairs the same task across a changed goal, proposes nothing for a new task, and names the earlier tasks left', () => {
    const result = proposeLinks(earlier, later);
    expect(result.proposals.map((p) => [p.later.id, p.earlier.id, p.quote?.sentence, p.earlierQuote?.sentence])).toEqual([
      ['1-1', '1-1', '继续增加养老床位供给，全年新增养老床位300张。', '（一）增加养老床位供给。全年新增养老床位200张，优先发展护理型床位。'],
    ]);
    expect(result.notTakenUp.map((t) => t.id)).toEqual(['1-2', '2-1']);
  });

  it('names a metric both sentences state a figure of, as each states it', () => {
    const withFigures = (doc: LinkableDocument, value: number): LinkableDocument => ({ ...doc, metrics: [{ metric: 'new-elderly-care-beds', value, unit: '张', target: true, quote: `全年新增养老床位${value}张` }] });
    const [proposal] = proposeLinks(withFigures(earlier, 200), withFigures(later, 300)).proposals;
    expect(proposal?.sameMetric).toEqual([{ metric: 'new-elderly-care-beds', earlier: { value: 200, unit: '张', target: true }, later: { value: 300, unit: '张', target: true } }]);
    expect(proposeLinks(earlier, later).proposals[0]?.sameMetric).toEqual([]);
  });

  it('leaves a task already linked alone, and does not offer its earlier task again', () => {
    const linked = { ...later, tasks: [{ ...later.tasks[0]!, continues: { document: earlier.id, task: '1-1', earlier_quote: 'x', quote: 'y' } }, { id: '1-9', title: '增加养老床位供给' }] };
    const result = proposeLinks(earlier, linked);
    expect(result.alreadyLinked).toEqual(['1-1']);
    expect(result.proposals).toEqual([]);
  });

  it('offers no sentence when none names the task', () => {
    expect(bestSentence({ title: '建设婚姻登记中心' }, later.body)).toBeUndefined();
  });
});

describe('insertProposals', () => {
  const file = ['---', 'title: 计划', 'tasks:', '  - id: 1-1', '    title: 增加养老床位供给', '    status: awaiting-summary', '', '  - { id: 2-1, title: 开展困难群众冬春救助, status: awaiting-summary }', 'note: 注', '---', '正文', ''].join('\r\n');
  const [proposal] = proposeLinks(earlier, later).proposals;

  it('puts the block under its task, keeps every other byte and the file’s CRLF line ends', () => {
    const { text, written } = insertProposals(file, [proposal!]);
    expect(written).toEqual(['1-1']);
    const lines = text.split('\r\n');
    expect(lines.slice(5, 12)).toEqual([
      '    status: awaiting-summary',
      '    # tasks:suggest proposal, unconfirmed (score 1): delete this line once both sentences are checked',
      '    continues:',
      '      document: "zhejiang/hangzhou/yuhang/2021-year-plan"',
      '      task: "1-1"',
      '      earlier_quote: "（一）增加养老床位供给。全年新增养老床位200张，优先发展护理型床位。"',
      '      quote: "继续增加养老床位供给，全年新增养老床位300张。"',
    ]);
    expect([...lines.slice(0, 6), ...lines.slice(12)].join('\r\n')).toBe(file);
  });

  it('skips a task in flow style and one that has continues already, saying why', () => {
    const flow = { ...proposal!, later: { id: '2-1', title: '开展困难群众冬春救助' } };
    const once = insertProposals(file, [proposal!]).text;
    expect(insertProposals(once, [proposal!, flow]).skipped).toEqual([
      { task: '1-1', why: 'it has `continues:` already' },
      { task: '2-1', why: 'its `- id:` line was not found in block style: paste the YAML by hand' },
    ]);
  });
});
