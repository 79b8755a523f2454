import { describe, expect, it } from 'vitest';
import { formatContentIssues } from '../../../src/domain/content/content-issue.ts';
import { evidenceProblems } from '../../../src/domain/content/task-evidence.ts';
import { validateContent } from '../../../src/domain/content/validate-content.ts';
import { loadRegions, RegionIndex } from '../../../src/domain/regions.ts';
import { documentPath, documentText, sources, validFrontmatter } from './fixtures.ts';

const task = { title: '提高城乡低保标准', goal: '城市低保标准提高至780元' };
const list = { id: 'anhui/xuancheng/xuanzhou/2023-year-task-list', kind: 'task-list' as const, region: 'anhui/xuancheng/xuanzhou', period: { year: 2023, half: null } };
const summary = { id: 'anhui/xuancheng/xuanzhou/2023-year-summary', kind: 'summary' as const, region: 'anhui/xuancheng/xuanzhou', period: { year: 2023, half: null } };

describe('evidenceProblems', () => {
  it('accepts a clause of the same bureau’s later report that names the task', () => {
    expect(evidenceProblems(task, list, summary, '城乡低保标准分别提高至每人每月780元、755元')).toEqual([]);
    expect(evidenceProblems(task, list, { ...summary, period: { year: 2023, half: 'H1' } }, '城乡低保标准分别提高至每人每月780元')).toEqual([]);
    expect(evidenceProblems(task, list, { ...summary, period: { year: 2024, half: null } }, '城乡低保标准分别提高至每人每月780元')).toEqual([]);
  });

  it('accepts a report of the city or province above the task’s region', () => {
    expect(evidenceProblems(task, list, { ...summary, region: 'anhui/xuancheng' }, '全市城乡低保标准分别提高至每人每月780元')).toEqual([]);
  });

  it('rejects the case of the issue: another region, an earlier year, a plan, two characters', () => {
    const problems = evidenceProblems(task, list, { id: 'shanghai/2009-year-plan', kind: 'plan', region: 'shanghai', period: { year: 2009, half: null } }, '上海');
    expect(problems.map((p) => p.message)).toEqual([
      'shanghai/2009-year-plan is a plan: it says what will be done, not what was',
      "shanghai/2009-year-plan is about shanghai, not the task's region anhui/xuancheng/xuanzhou or a region above it",
      "shanghai/2009-year-plan covers a time before the task's period began",
      'the quote has 2 characters: too short to say what was done',
    ]);
  });

  it('rejects a report of a lower region, and a first-half report for a second-half plan', () => {
    expect(evidenceProblems(task, { ...list, region: 'anhui/xuancheng' }, summary, '城乡低保标准分别提高至每人每月780元')[0]?.field).toBe('document');
    const h2 = { ...list, period: { year: 2023, half: 'H2' as const } };
    expect(evidenceProblems(task, h2, { ...summary, period: { year: 2023, half: 'H1' } }, '城乡低保标准分别提高至每人每月780元').map((p) => p.field)).toEqual(['document']);
  });

  it('rejects a long quote about something else', () => {
    expect(evidenceProblems(task, list, summary, '全年共开展养老服务培训十二场次').map((p) => p.message)).toEqual(['the quote shares no term with the task’s title or goal']);
  });
});

describe('task evidence in validation', () => {
  it('reports each problem of evidence on the task’s field, with the fix', () => {
    const regions = new RegionIndex(loadRegions());
    const plan = { title: '上海市民政局2009年工作要点', kind: 'plan', period: { year: 2009, half: null }, publisher: '上海市民政局', region: 'shanghai', topics: ['social-assistance'], metrics: [] };
    const withTask = validFrontmatter();
    (withTask as { tasks: unknown[] }).tasks = [{ id: '1-1', group: '一、社会救助', title: '提高城乡低保标准', status: 'done', evidence: { document: 'shanghai/2009-year-plan', quote: '上海' } }];
    const { issues } = validateContent(
      sources({ [documentPath]: documentText(withTask), 'content/documents/shanghai/2009-year-plan.md': documentText(plan, '上海市民政局2009年工作要点。\n') }),
      regions,
    );
    expect(issues.map((issue) => issue.field)).toEqual(['tasks[0].evidence.document', 'tasks[0].evidence.document', 'tasks[0].evidence.document', 'tasks[0].evidence.quote']);
    expect(formatContentIssues(issues)).toMatchSnapshot();
  });
});
