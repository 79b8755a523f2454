import { describe, expect, it } from 'vitest';
import { formatContentIssues } from '../../../src/domain/content/content-issue.ts';
import { validateContent } from '../../../src/domain/content/validate-content.ts';
import { loadRegions, RegionIndex } from '../../../src/domain/regions.ts';
import { documentPath, documentText, sources, validBody, validFrontmatter } from './fixtures.ts';

const regions = new RegionIndex(loadRegions());

function validate(frontmatter: Record<string, unknown>, body = validBody, path = documentPath) {
  return validateContent(sources({ [path]: documentText(frontmatter, body) }), regions);
}

function withChange(change: (fm: Record<string, any>) => void): Record<string, unknown> {
  const fm = validFrontmatter();
  change(fm);
  return fm;
}

const planPath = 'content/documents/hunan/chenzhou/zixing/2021-2025-plan.md';
const planBody = '## 一、发展目标\n\n到2025年，城市低保标准达到每人每月800元。\n';

/** 资兴市 十四五 plan: 2021–2025, with a target for 2025. */
function multiYearPlan(period: Record<string, unknown> = { year: 2021, half: null, end_year: 2025 }): Record<string, unknown> {
  return {
    title: '资兴市“十四五”民政事业发展规划',
    kind: 'plan',
    period,
    region: 'hunan/chenzhou/zixing',
    metrics: [{ metric: 'dibao-urban', value: 800, unit: '元/人/月', target: true, quote: '城市低保标准达到每人每月800元' }],
  };
}

const noticePath = 'content/documents/hunan/chenzhou/zixing/2023-year-notice.md';
const noticeBody = '自2023年1月1日起，城市低保标准由每人每月650元提高至680元。\n';

/** 资兴市 关于提高城乡低保标准的通知, effective 2023-01-01. */
function notice(change: (fm: Record<string, any>) => void = () => {}): Record<string, unknown> {
  const fm: Record<string, any> = {
    title: '关于提高城乡低保标准的通知',
    kind: 'notice',
    period: { year: 2023, half: null },
    region: 'hunan/chenzhou/zixing',
    published: '2022-12-20',
    metrics: [{ metric: 'dibao-urban', value: 680, previous: 650, unit: '元/人/月', effective: '2023-01-01', quote: '城市低保标准由每人每月650元提高至680元' }],
  };
  change(fm);
  return fm;
}

describe('multi-year plans and notices', () => {
  it('accepts a 2021–2025 plan at 2021-2025-plan.md and keeps its end_year', () => {
    const { issues, model } = validate(multiYearPlan(), planBody, planPath);
    expect(issues).toEqual([]);
    expect(model.documents[0]?.data.period).toEqual({ year: 2021, half: null, end_year: 2025 });
  });

  it('rejects an end_year that is not after year', () => {
    const { issues } = validate(multiYearPlan({ year: 2021, half: null, end_year: 2021 }), planBody, planPath);
    expect(issues).toEqual([expect.objectContaining({ field: 'period.end_year', value: 2021, message: 'end_year 2021 is not after year 2021' })]);
    expect(issues[0]?.hint).toContain('十四五: year 2021, end_year 2025');
  });

  it('rejects a multi-year period with a half', () => {
    const { issues } = validate(multiYearPlan({ year: 2021, half: 'H1', end_year: 2025 }), planBody, planPath);
    expect(issues).toEqual([expect.objectContaining({ field: 'period.half', value: 'H1', message: 'a period with end_year (2025) has no half' })]);
    expect(issues[0]?.hint).toContain('set `half: null`');
  });

  it('rejects end_year on a summary: only a plan covers several years', () => {
    const fm = { ...multiYearPlan(), kind: 'summary' };
    const { issues } = validate(fm, planBody, 'content/documents/hunan/chenzhou/zixing/2021-2025-summary.md');
    expect(issues).toEqual([expect.objectContaining({ field: 'period.end_year', value: 2025, message: 'only a plan covers several years (kind is "summary")' })]);
  });

  it('names the expected file 2021-2025-plan.md when a multi-year plan sits at 2021-year-plan.md', () => {
    const { issues } = validate(multiYearPlan(), planBody, 'content/documents/hunan/chenzhou/zixing/2021-year-plan.md');
    expect(issues).toEqual([expect.objectContaining({ field: 'period', message: 'the file name "2021-year-plan.md" does not match period and kind (expected "2021-2025-plan.md")' })]);
  });

  it('accepts a notice dated by the year its standards take effect, at 2023-year-notice.md', () => {
    const { issues, model } = validate(notice(), noticeBody, noticePath);
    expect(issues).toEqual([]);
    expect(model.documents[0]?.data.kind).toBe('notice');
  });

  it('rejects a notice whose period.year is not the year its standards take effect', () => {
    const fm = notice((n) => (n.period = { year: 2022, half: null }));
    const { issues } = validate(fm, noticeBody, 'content/documents/hunan/chenzhou/zixing/2022-year-notice.md');
    expect(issues).toEqual([expect.objectContaining({ field: 'period.year', value: 2022, message: "the notice's standards take effect in 2023 (metrics[0].effective is 2023-01-01), not 2022" })]);
    expect(issues[0]?.hint).toContain('rename the file to 2023-year-notice.md');
  });

  it('rejects a notice with a half', () => {
    const { issues } = validate(notice((n) => (n.period = { year: 2023, half: 'H2' })), noticeBody, 'content/documents/hunan/chenzhou/zixing/2023-h2-notice.md');
    expect(issues).toEqual([expect.objectContaining({ field: 'period.half', value: 'H2', message: 'a notice has no half: its period is the year its standards take effect' })]);
  });

  it('rejects a notice with tasks', () => {
    const task = { id: '1-1', group: '一、重点工作', title: '提高低保标准', goal: '提高至680元', leader: '周利宏', owner: '社会救助科', status: 'awaiting-summary' };
    const { issues } = validate(notice((n) => (n.tasks = [task])), noticeBody, noticePath);
    expect(issues).toEqual([expect.objectContaining({ field: 'tasks', value: 1, message: 'a notice lists no tasks (1 given)' })]);
    expect(issues[0]?.hint).toContain('correct `kind`');
  });

  it('accepts average: true on a figure and keeps it', () => {
    const { issues, model } = validate(notice((n) => (n.metrics[0].average = true)), noticeBody, noticePath);
    expect(issues).toEqual([]);
    expect(model.documents[0]?.data.metrics[0]?.average).toBe(true);
  });

  it('rejects average on a count such as beds', () => {
    const beds = `name: 养老床位总数\nshort_name: 养老床位\nname_en: Beds\nunit: 张\nmeasure: count\ncounts: 床位总数\nexcludes: 新增\ntopic: social-assistance\n`;
    const fm = notice((n) => (n.metrics = [{ metric: 'elderly-care-beds', value: 680, unit: '张', average: true, quote: '城市低保标准由每人每月650元提高至680元' }]));
    const content = sources({ [noticePath]: documentText(fm, noticeBody) });
    content.metrics.push({ path: 'content/metrics/elderly-care-beds.yaml', text: beds });
    const { issues } = validateContent(content, regions);
    // The borrowed 低保 quote is also reported for naming another metric (figure-subject.ts); the average is what this pins.
    expect(issues).toContainEqual(expect.objectContaining({ field: 'metrics[0].average', message: 'elderly-care-beds is a count: it has no average over subdivisions' }));
  });

  it('rejects average written as text', () => {
    const { issues } = validate(notice((n) => (n.metrics[0].average = '平均')), noticeBody, noticePath);
    expect(issues).toEqual([expect.objectContaining({ field: 'metrics[0].average', message: 'expected boolean, got the text "平均"' })]);
  });

  it('words every multi-year plan and notice error as pinned', () => {
    const docs = {
      [planPath]: documentText(multiYearPlan({ year: 2025, half: 'H2', end_year: 2021 }), planBody),
      'content/documents/hunan/chenzhou/zixing/2022-h1-notice.md': documentText(notice((n) => {
        n.period = { year: 2022, half: 'H1' };
        n.tasks = [{ id: '1-1', group: '一', title: '提高低保标准', goal: '—', leader: '周利宏', owner: '社会救助科', status: 'awaiting-summary' }];
      }), noticeBody),
      'content/documents/hunan/chenzhou/zixing/2023-2025-summary.md': documentText({ ...multiYearPlan({ year: 2023, half: null, end_year: 2025 }), kind: 'summary' }, planBody),
    };
    const { issues } = validateContent(sources(docs), regions);
    expect(formatContentIssues(issues)).toMatchSnapshot();
  });
});

describe('content validation', () => {
  it('accepts a valid document and keeps its figures', () => {
    const { issues, model } = validate(validFrontmatter());
    expect(issues).toEqual([]);
    expect(model.documents).toHaveLength(1);
    expect(model.documents[0]?.id).toBe('hunan/chenzhou/zixing/2023-h1-summary');
    expect(model.documents[0]?.data.metrics[0]?.value).toBe(550);
  });

  it('names a missing required field and how to add it', () => {
    const { issues } = validate(withChange((fm) => delete fm.title));
    expect(issues).toEqual([expect.objectContaining({ file: documentPath, field: 'title', message: 'required field is missing' })]);
    expect(issues[0]?.hint).toContain('add `title`');
  });

  it('names a mistyped field and suggests checking its spelling', () => {
    const { issues } = validate(withChange((fm) => (fm.publishr = '资兴市民政局')));
    expect(issues[0]?.message).toBe('unknown field `publishr`');
    expect(issues[0]?.hint).toContain('check the spelling');
  });

  it('rejects an unknown kind and lists the allowed ones', () => {
    const { issues } = validate(withChange((fm) => (fm.kind = 'report')));
    expect(issues[0]).toMatchObject({ field: 'kind', value: 'report' });
    expect(issues[0]?.hint).toBe('use one of: "plan", "summary", "task-list", "notice"');
  });

  it('rejects a date that is not a real date such as 2023-13-45', () => {
    const text = documentText(validFrontmatter()).replace("published: '2023-07-10'", 'published: 2023-13-45');
    const { issues } = validateContent(sources({ [documentPath]: text }), regions);
    expect(issues[0]).toMatchObject({ field: 'published', message: '"2023-13-45" is not a real date' });
    expect(issues[0]?.hint).toContain('YYYY-MM-DD');
  });

  it('rejects 2023-02-30 although it has the right shape', () => {
    const { issues } = validate(withChange((fm) => (fm.published = '2023-02-30')));
    expect(issues[0]?.message).toBe('"2023-02-30" is not a real date');
  });

  it('reports a region that does not exist, with a suggestion when the name is known', () => {
    const { issues } = validate(withChange((fm) => (fm.region = '资兴')));
    expect(issues[0]).toMatchObject({ field: 'region', message: 'region "资兴" does not exist' });
    expect(issues[0]?.hint).toBe('did you mean hunan/chenzhou/zixing?');
  });

  it('reports a metric and a topic that do not exist', () => {
    const { issues } = validate(
      withChange((fm) => {
        fm.topics = ['elderly'];
        fm.metrics[0].metric = 'dibao-city';
      }),
    );
    expect(issues.map((i) => [i.field, i.message])).toEqual([
      ['topics[0]', 'topic "elderly" does not exist'],
      ['metrics[0].metric', 'metric "dibao-city" does not exist'],
    ]);
  });

  it('rejects a negative figure', () => {
    const { issues } = validate(withChange((fm) => (fm.metrics[0].value = -550)));
    expect(issues[0]).toMatchObject({ field: 'metrics[0].value', value: -550 });
    expect(issues[0]?.hint).toContain('never negative');
  });

  it('rejects a figure written as text instead of a number', () => {
    const { issues } = validate(withChange((fm) => (fm.metrics[0].value = '550元')));
    expect(issues[0]).toMatchObject({ field: 'metrics[0].value', message: 'expected number, got the text "550元"' });
    expect(issues[0]?.hint).toContain('without quotes or units');
  });

  it('rejects a quote that does not appear in the body', () => {
    const { issues } = validate(withChange((fm) => (fm.metrics[0].quote = '城市低保A类提高至550元')));
    expect(issues[0]).toMatchObject({ field: 'metrics[0].quote', message: 'the quote does not appear in the body' });
  });

  it('rejects a value its quote does not state', () => {
    const { issues } = validate(withChange((fm) => (fm.metrics[0].value = 560)));
    expect(issues[0]).toMatchObject({ field: 'metrics[0].value', message: 'the quote does not state 560' });
  });

  it('rejects a value that is the quote\'s number before the change (由500…提高至550), with the fix', () => {
    const { issues } = validate(withChange((fm) => (fm.metrics[0].value = 500)));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ field: 'metrics[0].value', value: 500, message: '500 is the value before the change in the quote, not the one the figure states' });
    expect(issues[0]?.hint).toBe('did you mean `value: 550` with `previous: 500`?');
    expect(formatContentIssues(issues)).toMatchSnapshot();
  });

  it('rejects a previous value that is the quote\'s number after the change, or one the quote does not state', () => {
    const swapped = validate(withChange((fm) => (fm.metrics[0].previous = 550))).issues;
    expect(swapped).toMatchObject([{ field: 'metrics[0].previous', value: 550, message: '550 is the value after the change in the quote, not the one before' }]);
    const absent = validate(withChange((fm) => (fm.metrics[0].previous = 450))).issues;
    expect(absent).toMatchObject([{ field: 'metrics[0].previous', value: 450, message: 'the quote does not state the previous value 450' }]);
    expect(validate(withChange((fm) => (fm.metrics[0].previous = 500))).issues).toEqual([]);
  });

  it('rejects a value that is only the size of a raise (增加47元), not a standard', () => {
    const body = `## 一、社会救助\n\n城市低保月人均增加47元。\n`;
    const fm = withChange((f) => {
      f.metrics[0].value = 47;
      f.metrics[0].quote = '城市低保月人均增加47元';
    });
    const { issues } = validate(fm, body);
    expect(issues.find((issue) => issue.field === 'metrics[0].value')?.message).toBe('47 is the size of a raise in the quote (增加/提高47), not a standard');
  });

  it('rejects a unit the metric does not have', () => {
    const { issues } = validate(withChange((fm) => (fm.metrics[0].unit = '元/月.人')));
    expect(issues[0]).toMatchObject({ field: 'metrics[0].unit' });
    expect(issues[0]?.hint).toContain('write 元/月.人 as 元/人/月');
  });

  it('rejects duplicate task ids', () => {
    const task = { id: '1-1', group: '一、重点工作', title: '提高低保标准', goal: '城市低保A类提高至550元', leader: '周利宏', owner: '社会救助科', status: 'awaiting-summary' };
    const { issues } = validate(withChange((fm) => (fm.tasks = [task, { ...task, title: '另一项' }])));
    expect(issues[0]).toMatchObject({ field: 'tasks[1].id', message: 'duplicate task id "1-1" (also tasks[0])' });
  });

  it('reports malformed YAML with its line', () => {
    const text = `---\ntitle: 标题\nkind: [plan\n---\n正文\n`;
    const { issues } = validateContent(sources({ [documentPath]: text }), regions);
    expect(issues[0]?.message).toMatch(/^malformed YAML: .* \(line \d+\)$/);
  });

  it('rejects a file whose name does not match its period and kind', () => {
    const { issues } = validate(validFrontmatter(), validBody, 'content/documents/hunan/chenzhou/zixing/2023-h2-summary.md');
    expect(issues[0]?.message).toContain('expected "2023-h1-summary.md"');
  });

  it('reads a file stem with two years but no end_year as a multi-year plan that lacks end_year', () => {
    const { issues } = validate(multiYearPlan({ year: 2021, half: null }), planBody, 'content/documents/hunan/chenzhou/zixing/2021-2025-plan.md');
    expect(issues).toEqual([expect.objectContaining({ field: 'period', message: 'the file name "2021-2025-plan.md" does not match period and kind (expected "2021-year-plan.md")' })]);
    expect(issues[0]?.hint).toBe('for a multi-year plan add `end_year: 2025` to `period` (with `half: null`); otherwise rename the file to 2021-year-plan.md');
  });

  it('reports every error in every file, not only the first', () => {
    const broken = withChange((fm) => {
      delete fm.title;
      fm.kind = 'report';
      fm.metrics[0].value = -1;
    });
    const other = withChange((fm) => (fm.region = 'nowhere'));
    const { issues } = validateContent(
      sources({ [documentPath]: documentText(broken), 'content/documents/hunan/chenzhou/zixing/2023-h1-summary-2.md': documentText(other) }),
      regions,
    );
    expect(issues).toHaveLength(4);
    expect(formatContentIssues(issues)).toMatchSnapshot();
  });
});

describe('every error of a file at once', () => {
  it('still checks region, topics, figures and quotes when a date is not a real date', () => {
    const text = documentText(
      withChange((fm) => {
        fm.region = 'nowhere';
        fm.topics = ['elderly'];
        fm.metrics[0].quote = '城市低保A类提高至550元';
        fm.metrics.push({ metric: 'dibao-urban', value: 550, unit: '元/月.人', effective: '2023-02-30', quote: '550元/月.人' });
      }),
    ).replace("published: '2023-07-10'", 'published: 2023-13-45');
    const { issues, model } = validateContent(sources({ [documentPath]: text }), regions);
    expect(model.documents).toEqual([]);
    expect(issues.map((i) => i.field)).toEqual(['published', 'metrics[1].effective', 'region', 'topics[0]', 'metrics[0].quote', 'metrics[1].unit']);
    expect(formatContentIssues(issues)).toMatchSnapshot();
  });

  it('checks the file name against period and kind when another field fails', () => {
    const { issues } = validate(withChange((fm) => (fm.title = '')), validBody, 'content/documents/hunan/chenzhou/zixing/2023-h2-summary.md');
    expect(issues.map((i) => [i.field, i.message])).toEqual([
      ['title', 'is empty'],
      ['period', 'the file name "2023-h2-summary.md" does not match period and kind (expected "2023-h1-summary.md")'],
    ]);
  });

  it('finds evidence in a summary that has an error of its own, and does not call it missing', () => {
    const summaryPath = 'content/documents/hunan/chenzhou/zixing/2023-h1-summary.md';
    const task = { id: '1-1', group: '一、重点工作', title: '提高低保标准', status: 'done', evidence: { document: 'hunan/chenzhou/zixing/2023-h1-summary', quote: '不在正文里的一句' } };
    const list = { title: '资兴市2023年重点工作任务清单', kind: 'task-list', period: { year: 2023, half: null }, region: 'hunan/chenzhou/zixing', tasks: [task] };
    const { issues } = validateContent(
      sources({ [summaryPath]: documentText(withChange((fm) => (fm.published = '2023-13-45'))), 'content/documents/hunan/chenzhou/zixing/2023-year-task-list.md': documentText(list, '任务清单见下表。\n') }),
      regions,
    );
    expect(issues.map((i) => [i.field, i.message])).toEqual([
      ['published', '"2023-13-45" is not a real date'],
      ['tasks[0].evidence.quote', 'the quote does not appear in hunan/chenzhou/zixing/2023-h1-summary'],
    ]);
  });

  it('does not also tell a done task with invalid evidence that it needs evidence', () => {
    const task = { id: '1-1', group: '一、重点工作', title: '提高低保标准', status: 'done', evidence: { document: 'hunan/chenzhou/zixing/2023-h1-summary' } };
    const { issues } = validate(withChange((fm) => (fm.tasks = [task])));
    expect(issues.map((i) => [i.field, i.message])).toEqual([['tasks[0].evidence.quote', 'required field is missing']]);
  });

  it('words an empty date and a date written as a number with the date hint, not "Invalid input"', () => {
    const text = documentText(withChange((fm) => (fm.written = 20230710))).replace("published: '2023-07-10'", 'published:');
    const { issues } = validateContent(sources({ [documentPath]: text }), regions);
    expect(issues.map((i) => [i.field, i.message, i.hint])).toEqual([
      ['published', 'the date is empty', 'write the date as YYYY-MM-DD, e.g. 2023-08-28, as the source gives it, or remove the field when the source gives no date'],
      ['written', '"20230710" is not in the form YYYY-MM-DD', 'write it as 2023-07-10'],
    ]);
  });

  it('names the form a task id must have', () => {
    const task = { id: '1 2', group: '一、重点工作', title: '提高低保标准', status: 'awaiting-summary' };
    const { issues } = validate(withChange((fm) => (fm.tasks = [task])));
    expect(issues).toEqual([expect.objectContaining({ field: 'tasks[0].id', value: '1 2', message: '"1 2" is not in the expected form' })]);
    expect(issues[0]?.hint).toContain('e.g. 3-8');
  });
});

describe('quotes the page cannot anchor, reported before the build', () => {
  const boldBody = '## 一、社会救助\n\n城市低保A类由500元/月.人提高至**550元/月.人**。\n';

  it('rejects a figure’s quote that crosses bold, naming the marks', () => {
    const { issues } = validate(withChange((fm) => (fm.metrics[0].quote = '城市低保A类由500元/月.人提高至**550元/月.人')), boldBody);
    expect(issues).toEqual([expect.objectContaining({ field: 'metrics[0].quote', message: 'the quote contains Markdown marks (`**`), so its page cannot mark it' })]);
  });

  it('rejects a quote that runs over a line break', () => {
    const body = '城市低保A类由500元/月.人\n提高至550元/月.人。\n';
    const { issues } = validate(withChange((fm) => (fm.metrics[0].quote = '城市低保A类由500元/月.人\n提高至550元/月.人')), body);
    expect(issues).toEqual([expect.objectContaining({ field: 'metrics[0].quote', message: 'the quote runs over a line break, so its page cannot mark it' })]);
  });

  it('accepts a quote inside the bold part, which the page marks', () => {
    const { issues } = validate(withChange((fm) => (fm.metrics[0] = { metric: 'dibao-urban', category: 'A', value: 550, unit: '元/人/月', quote: '550元/月.人' })), boldBody);
    expect(issues).toEqual([]);
  });

  it('reports a task’s evidence that crosses the edge of a figure’s quote in the task list, naming the figure', () => {
    const summaryPath = 'content/documents/hunan/chenzhou/zixing/2023-h1-summary.md';
    const listPath = 'content/documents/hunan/chenzhou/zixing/2023-year-task-list.md';
    // The figure quotes 城市低保A类由500元/月.人提高至550元/月.人; the evidence starts inside it and runs on.
    const task = { id: '1-1', group: '一、重点工作', title: '提高低保标准', status: 'done', evidence: { document: 'hunan/chenzhou/zixing/2023-h1-summary', quote: '提高至550元/月.人。' } };
    const list = { title: '资兴市2023年重点工作任务清单', kind: 'task-list', period: { year: 2023, half: null }, region: 'hunan/chenzhou/zixing', tasks: [task] };
    const { issues } = validateContent(sources({ [summaryPath]: documentText(validFrontmatter()), [listPath]: documentText(list, '任务清单见下表。\n') }), regions);
    expect(issues).toEqual([
      expect.objectContaining({
        file: listPath,
        field: 'tasks[0].evidence.quote',
        message: `the quote crosses the edge of another quote in ${summaryPath} (metrics[0].quote), so its page cannot mark both`,
      }),
    ]);
  });

  it('words every anchoring error as pinned', () => {
    const summaryPath = 'content/documents/hunan/chenzhou/zixing/2023-h1-summary.md';
    const listPath = 'content/documents/hunan/chenzhou/zixing/2023-year-task-list.md';
    const body = '## 一、社会救助\n\n**重点任务：**城市低保A类由500元/月.人提高至550元/月.人。\n';
    const summary = withChange((fm) => {
      fm.metrics[0].quote = '**重点任务：**城市低保A类由500元/月.人提高至550元/月.人';
      fm.metrics.push({ metric: 'dibao-urban', category: 'A', value: 550, unit: '元/人/月', quote: '提高至550元/月.人' });
    });
    const task = { id: '1-1', group: '一', title: '提高低保标准', status: 'done', evidence: { document: 'hunan/chenzhou/zixing/2023-h1-summary', quote: '由500元/月.人提高至550' } };
    const list = { title: '资兴市2023年重点工作任务清单', kind: 'task-list', period: { year: 2023, half: null }, region: 'hunan/chenzhou/zixing', tasks: [task] };
    const { issues } = validateContent(sources({ [summaryPath]: documentText(summary, body), [listPath]: documentText(list, '任务清单见下表。\n') }), regions);
    expect(formatContentIssues(issues)).toMatchSnapshot();
  });
});

describe('content/search/abbreviations.yaml', () => {
  const withAbbreviations = (text: string) => ({ ...sources({ [documentPath]: documentText(validFrontmatter()) }), abbreviations: { path: 'content/search/abbreviations.yaml', text } });

  it('accepts groups of two or more forms', () => {
    expect(validateContent(withAbbreviations('- forms: [低保, 最低生活保障]\n  note: 城乡低保\n'), regions).issues).toEqual([]);
  });

  it('reports every problem of the file in the content report, each with its entry and the fix', () => {
    const text = '- forms: [低保]\n- forms: [低保, 最低生活保障]\n- forms: [特困, 特困]\n- forms: [临救, 最低生活保障]\n- forms: [社工, ""]\n';
    const { issues } = validateContent(withAbbreviations(text), regions);
    expect(issues.map((i) => i.field)).toEqual(['entry 1', 'entry 3', 'entry 4', 'entry 5']);
    expect(formatContentIssues(issues)).toMatchSnapshot();
  });

  it('reports malformed YAML and a file that is not a list', () => {
    expect(validateContent(withAbbreviations('- forms: [低保, 最低生活保障\n'), regions).issues[0]?.message).toMatch(/^malformed YAML: .* \(line \d+\)$/);
    expect(validateContent(withAbbreviations('forms: [低保, 最低生活保障]\n'), regions).issues).toEqual([
      expect.objectContaining({ file: 'content/search/abbreviations.yaml', message: 'expected a list of groups' }),
    ]);
  });
});

describe('messages for values YAML reads in surprising ways', () => {
  const text = documentText(validFrontmatter());
  const messages = (changed: string) => formatContentIssues(validateContent(sources({ [documentPath]: changed }), regions).issues);

  it('says .inf and .nan are not finite numbers, never "expected number, got number"', () => {
    const inf = messages(text.replace('value: 550', 'value: .inf'));
    expect(inf).toContain('metrics[0].value: .inf is not a finite number');
    expect(messages(text.replace('value: 550', 'value: .nan'))).toContain('metrics[0].value: .nan is not a finite number');
    expect(inf).not.toContain('got number');
  });

  it('says a date written without hyphens is not in the form YYYY-MM-DD, and which date it would be', () => {
    const out = messages(text.replace("published: '2023-07-10'", 'published: 20230228'));
    expect(out).toContain('published: "20230228" is not in the form YYYY-MM-DD');
    expect(out).toContain('→ write it as 2023-02-28');
  });

  it('says a front matter block that is never closed is not closed, rather than missing', () => {
    const out = messages(text.replace(/\n---\n/, '\n'));
    expect(out).toContain('the front matter opened with `---` on line 1 is never closed');
    expect(out).toMatchSnapshot();
  });
});
