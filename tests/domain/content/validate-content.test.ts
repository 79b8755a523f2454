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
    expect(issues[0]?.hint).toBe('use one of: "plan", "summary", "task-list"');
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
