/**
 * Every content error carries `path:line:col` of the field, value or body text at fault. Expected positions are
 * found by searching the file's text for the line an author would look at, not by the code under test.
 */
import { describe, expect, it } from 'vitest';
import { formatContentIssues, formatGithubAnnotations, formatJsonLines, type ContentIssue } from '../../../src/domain/content/content-issue.ts';
import { validateContent } from '../../../src/domain/content/validate-content.ts';
import { loadRegions, RegionIndex } from '../../../src/domain/regions.ts';
import { documentPath, sources, validBody } from './fixtures.ts';

const regions = new RegionIndex(loadRegions());

/** 1-based line and column of the first `needle` in `text` (counted in the text as written, CRLF or not). */
function at(text: string, needle: string, after = ''): { line: number; column: number } {
  const offset = text.indexOf(needle, after ? text.indexOf(after) : 0);
  if (offset === -1) throw new Error(`"${needle}" is not in the text`);
  const before = text.slice(0, offset).replace(/^\uFEFF/, '');
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1) ?? '').length + 1 };
}

/** A document written by hand, as an author lays it out (block lists, one figure per item). */
const threeFigures = `---
title: 资兴市民政局2023年上半年工作总结
kind: summary
period: { year: 2023, half: H1 }
publisher: 资兴市民政局
region: hunan/chenzhou/zixing
published: 2023-07-10
topics: [social-assistance]
metrics:
  - metric: dibao-urban
    category: A
    value: 550
    previous: 500
    unit: 元/人/月
    quote: 城市低保A类由500元/月.人提高至550元/月.人
  - metric: dibao-urban
    category: B
    value: 450
    unit: 元/人/月
    quote: B类提高至450元
  - metric: dibao-urban
    category: C
    value: 7
    unit: 元/人/月
    quote: C类提高至350元
---
## 一、社会救助

城市低保A类由500元/月.人提高至550元/月.人。B类提高至450元，C类提高至350元。
`;

function issuesOf(text: string, path = documentPath): ContentIssue[] {
  return validateContent(sources({ [path]: text }), regions).issues;
}

describe('positions of content errors', () => {
  it('places a nested figure’s bad value (metrics[2].value) at the value on its line', () => {
    const [issue, ...rest] = issuesOf(threeFigures);
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ field: 'metrics[2].value', ...at(threeFigures, '7', 'category: C') });
  });

  it('places a missing field of a figure at the first key of that figure’s mapping', () => {
    const text = threeFigures.replace('    unit: 元/人/月\n    quote: B类', '    quote: B类');
    const issue = issuesOf(text).find((i) => i.field === 'metrics[1].unit');
    expect(issue?.message).toBe('required field is missing');
    expect(issue).toMatchObject(at(text, 'metric: dibao-urban', 'value: 550\n'));
  });

  it('places a missing top-level field at the front matter’s first line', () => {
    const text = threeFigures.replace('publisher: 资兴市民政局\n', '').replace('title: 资兴市民政局2023年上半年工作总结\n', '');
    expect(issuesOf(text).find((i) => i.field === 'title')).toMatchObject({ line: 2, column: 1 });
  });

  it('places an unknown field at its key, not at its value', () => {
    const text = threeFigures.replace('    previous: 500\n', '    previosu: 500\n');
    expect(issuesOf(text).find((i) => i.field === 'metrics[0].previosu')).toMatchObject(at(text, 'previosu'));
  });

  it('places a quote the page cannot mark on the body line where the quote is written', () => {
    // The quote is in the body, but across the start of the bold: the page cannot mark it.
    const body = '## 一、社会救助\n\n城市低保A类由500元/月.人提高至**550元/月.人**。\n';
    const text = threeFigures
      .replace(/---\n## [\s\S]*$/, `---\n${body}`)
      .replace(/  - metric: dibao-urban\n    category: B[\s\S]*?(?=---)/, '')
      .replace('quote: 城市低保A类由500元/月.人提高至550元/月.人', "quote: '城市低保A类由500元/月.人提高至**550元/月.人'");
    const issue = issuesOf(text).find((i) => i.field === 'metrics[0].quote');
    expect(issue?.message).toContain('cannot mark it');
    // The body line (after the front matter), not the quote's line in the front matter.
    expect(issue).toMatchObject(at(text, '城市低保A类由500', '---\n##'));
  });

  it('places a quote missing from the body at the quote in the front matter', () => {
    const text = threeFigures.replace('quote: B类提高至450元', 'quote: B类提高到450元');
    expect(issuesOf(text).find((i) => i.field === 'metrics[1].quote')).toMatchObject(at(text, 'B类提高到450元'));
  });

  it('gives a CRLF file the same lines and columns as its LF form', () => {
    const lf = issuesOf(threeFigures);
    const crlf = issuesOf(threeFigures.replace(/\n/g, '\r\n'));
    expect(crlf.map(({ line, column }) => ({ line, column }))).toEqual(lf.map(({ line, column }) => ({ line, column })));
    expect(crlf[0]).toMatchObject(at(threeFigures.replace(/\n/g, '\r\n'), '7', 'category: C'));
  });

  it('does not count a byte-order mark as a column', () => {
    const text = `\uFEFF${threeFigures.replace('kind: summary', 'kind: report')}`;
    expect(issuesOf(text).find((i) => i.field === 'kind')).toMatchObject({ line: 3, column: 7 });
  });

  it('refuses front matter after a blank first line, placing the error at line 1', () => {
    // The project reads front matter only from the file's first line, as Astro and Hugo do.
    const [issue] = issuesOf(`\n${threeFigures}`);
    expect(issue).toMatchObject({ line: 1, column: 1 });
    expect(issue?.message).toContain('the file does not start with a `---` front-matter block');
  });

  it('places a YAML syntax error where the parser stopped', () => {
    const text = threeFigures.replace('topics: [social-assistance]', 'topics: [social-assistance');
    const [issue] = issuesOf(text);
    expect(issue?.message).toMatch(/^malformed YAML/);
    expect(issue?.line).toBeGreaterThanOrEqual(at(text, 'topics:').line);
  });

  it('places an error in abbreviations.yaml at the offending form', () => {
    const abbreviations = '- forms: [低保, 最低生活保障]\n- forms:\n    - 特困\n    - 低保\n';
    const { issues } = validateContent({ ...sources({}), abbreviations: { path: 'content/search/abbreviations.yaml', text: abbreviations } }, regions);
    expect(issues).toEqual([expect.objectContaining({ field: 'entry 2', value: '低保', ...at(abbreviations, '低保', '特困') })]);
  });

  it('places an error in a metric file at its field', () => {
    const metric = 'name: 城市最低生活保障标准\nunit: 元/人/月\nmeasure: sometimes\n';
    const { issues } = validateContent({ ...sources({}), metrics: [{ path: 'content/metrics/dibao-urban.yaml', text: metric }] }, regions);
    expect(issues.find((i) => i.field === 'measure')).toMatchObject(at(metric, 'sometimes'));
  });

  it('leaves a problem of the whole file without a position rather than guessing one', () => {
    const [issue] = issuesOf(`---\ntitle: x\n---\n${validBody}`, 'content/documents/x.txt');
    expect(issue).not.toHaveProperty('line');
  });
});

const located: ContentIssue[] = [
  { file: 'content/documents/hunan/chenzhou/zixing/2023-h1-summary.md', line: 24, column: 12, field: 'metrics[2].value', value: 7, message: 'the quote does not state 7', hint: 'check the value against the quote; a figure must be stated by its quote' },
  { file: 'content/documents/a,b:c.md', line: 3, column: 1, field: 'title', message: '50% of\r\nthe title', hint: 'fix: it' },
  { file: 'content/documents/x.txt', message: 'documents must be Markdown files under content/documents/', hint: 'rename it' },
];
const warning: ContentIssue = { file: 'content/documents/.DS_Store', message: 'a file the operating system writes', hint: 'delete it' };

describe('report formats', () => {
  it('puts path:line:col in front of each placed error in the human report, keeping its text', () => {
    expect(formatContentIssues(located)).toBe(`3 content errors in 3 files:

content/documents/hunan/chenzhou/zixing/2023-h1-summary.md
  ✗ content/documents/hunan/chenzhou/zixing/2023-h1-summary.md:24:12 metrics[2].value: the quote does not state 7
    → check the value against the quote; a figure must be stated by its quote

content/documents/a,b:c.md
  ✗ content/documents/a,b:c.md:3:1 title: 50% of\r\nthe title
    → fix: it

content/documents/x.txt
  ✗ documents must be Markdown files under content/documents/
    → rename it`);
  });

  it('writes GitHub annotations with %, CR and LF escaped, and , and : escaped in properties', () => {
    expect(formatGithubAnnotations(located, [warning]).split('\n')).toEqual([
      '::warning file=content/documents/.DS_Store,title=content warning::a file the operating system writes%0A→ delete it',
      '::error file=content/documents/hunan/chenzhou/zixing/2023-h1-summary.md,line=24,col=12,title=content error%3A metrics[2].value::the quote does not state 7%0A→ check the value against the quote; a figure must be stated by its quote',
      '::error file=content/documents/a%2Cb%3Ac.md,line=3,col=1,title=content error%3A title::50%25 of%0D%0Athe title%0A→ fix: it',
      '::error file=content/documents/x.txt,title=content error::documents must be Markdown files under content/documents/%0A→ rename it',
    ]);
  });

  it('writes one JSON object per line with severity, place, field, value, message and hint', () => {
    const lines = formatJsonLines(located, [warning]).split('\n').map((line) => JSON.parse(line));
    expect(lines).toEqual([
      { severity: 'warning', file: 'content/documents/.DS_Store', message: 'a file the operating system writes', hint: 'delete it' },
      { severity: 'error', file: located[0]!.file, line: 24, column: 12, field: 'metrics[2].value', value: 7, message: 'the quote does not state 7', hint: located[0]!.hint },
      { severity: 'error', file: 'content/documents/a,b:c.md', line: 3, column: 1, field: 'title', message: '50% of\r\nthe title', hint: 'fix: it' },
      { severity: 'error', file: 'content/documents/x.txt', message: located[2]!.message, hint: 'rename it' },
    ]);
  });
});
