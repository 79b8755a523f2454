/**
 * Scoring real pages against truth labels (`npm run ingest:eval`): the rules of the measuring stick, on small
 * invented pages and labels, independent of what the ingester currently gets right.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readContentSources } from '../../../src/domain/content/read-content.ts';
import { draftProblems, evaluatePages, type Definitions } from '../../../tools/ingest-eval/eval-set.ts';
import { emptyPageScores, lostLines, scorePage, sumLists, sumTaskPages, type PageOutcome } from '../../../tools/ingest-eval/evaluate.ts';
import { pageSplit, readPageLabel, type PageLabel } from '../../../tools/ingest-eval/page-labels.ts';
import type { Draft } from '../../../src/domain/ingest/types.ts';
import { projectContext, repo } from '../../domain/ingest/helpers.ts';

const page = ['关于提高城乡低保标准的通知', '发布日期：2023-03-01', '城市低保标准由每人每月500元提高到550元。'].join('\n');

function labelOf(yaml: string): PageLabel {
  const reading = readPageLabel(yaml);
  if (!reading.ok) throw new Error(reading.problems.join('\n'));
  return reading.label;
}

const label = labelOf(`
file: 001.txt
publish: true
documents:
  - title: 关于提高城乡低保标准的通知
    kind: notice
    period: { year: 2023, half: null, end_year: null }
    publisher: null
    region: shanghai
    published: 2023-03-01
    written: null
    index_no: null
    doc_no: null
    url: http://example.gov.cn/1.html
    figures:
      - { metric: dibao-urban, value: 550, unit: 元/人/月, previous: 500, quote: 每人每月500元提高到550元 }
    tasks: 0
    task_titles: []
`);

function draftOf(frontmatter: Record<string, unknown>, body = '城市低保标准由每人每月500元提高到550元。', dropped: Draft['dropped'] = []): Draft {
  return { input: '001.txt', index: 1, lines: [1, 3], frontmatter, body, dropped, report: { inferred: [], missing: [], notes: [] } };
}

const rightFrontmatter = {
  title: '关于提高城乡低保标准的通知',
  kind: 'notice',
  period: { year: 2023, half: null },
  region: 'shanghai',
  published: '2023-03-01',
  source: { url: 'http://example.gov.cn/1.html' },
  metrics: [{ metric: 'dibao-urban', value: 550, unit: '元/人/月', previous: 500, quote: '每人每月500元提高到550元' }],
};
const headerLines: Draft['dropped'] = [
  { reason: 'title', text: '关于提高城乡低保标准的通知', line: 1 },
  { reason: 'metadata', text: '发布日期：2023-03-01', line: 2 },
];

const outcome = (drafts: Draft[], validation: string[][] = drafts.map(() => [])): PageOutcome => ({ text: page, drafts, validation });
const score = (drafts: Draft[], options = { scoreUrl: true }) => scorePage(outcome(drafts), label, options);

describe('scoring a page against its label', () => {
  it('counts every check right when the draft states exactly what the label states', () => {
    const { scores, differences } = score([draftOf(rightFrontmatter, undefined, headerLines)]);
    expect(differences).toEqual([]);
    for (const [check, { right, checked }] of Object.entries(scores.checks)) expect([check, right]).toEqual([check, checked]);
    expect(scores.checks.kind).toEqual({ right: 1, checked: 1 });
    expect(scores.lists.figures).toEqual({ tp: 1, fp: 0, fn: 0 });
  });

  it('counts a field the label leaves null as right only when the draft leaves it out too', () => {
    const { scores, differences } = score([draftOf({ ...rightFrontmatter, publisher: '上海市民政局', written: '2023-02-28' }, undefined, headerLines)]);
    expect(scores.checks.publisher).toEqual({ right: 0, checked: 1 });
    expect(scores.checks.written).toEqual({ right: 0, checked: 1 });
    expect(differences).toContain('publisher: got "上海市民政局", want not stated');
  });

  it('takes an editorial title as right for a page that prints no title', () => {
    const untitled = labelOf(`file: 001.txt\npublish: true\ndocuments:\n  - { title: null, kind: notice, period: { year: 2023 }, region: shanghai }\n`);
    const { scores } = scorePage(outcome([draftOf({ ...rightFrontmatter, title: '上海市调整低保标准', title_editorial: true })]), untitled, { scoreUrl: false });
    expect(scores.checks.title).toEqual({ right: 1, checked: 1 });
  });

  it('reads a stated year with no half as the whole year, and a multi-year plan by its end_year', () => {
    const plan = labelOf(`file: 001.txt\npublish: true\ndocuments:\n  - { title: null, kind: plan, period: { year: 2021, half: null, end_year: 2025 }, region: shanghai }\n`);
    const oneYear = scorePage(outcome([draftOf({ kind: 'plan', period: { year: 2021, half: null }, region: 'shanghai' })]), plan, { scoreUrl: false }).scores;
    expect([oneYear.checks.year.right, oneYear.checks.half.right, oneYear.checks.end_year.right]).toEqual([1, 1, 0]);
    const fiveYears = scorePage(outcome([draftOf({ kind: 'plan', period: { year: 2021, half: null, end_year: 2025 }, region: 'shanghai' })]), plan, { scoreUrl: false }).scores;
    expect(fiveYears.checks.end_year).toEqual({ right: 1, checked: 1 });
  });

  it('scores a figure right only when every field and the quote match, and counts the value found when its quote holds the label’s', () => {
    const longerQuote = { ...rightFrontmatter, metrics: [{ metric: 'dibao-urban', value: 550, unit: '元/人/月', previous: 500, quote: '城市低保标准由每人每月500元提高到550元' }] };
    const { scores, differences } = score([draftOf(longerQuote)]);
    expect(scores.lists.figures).toEqual({ tp: 0, fp: 1, fn: 1 });
    expect(scores.lists.figure_values).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(scores.lists.figures_in_quote).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(differences).toContain('figures: missing dibao-urban|550|元/人/月|||500|||每人每月500元提高到550元');
    const noPrevious = score([draftOf({ ...rightFrontmatter, metrics: [{ metric: 'dibao-urban', value: 550, unit: '元/人/月', quote: '每人每月500元提高到550元' }] })]).scores;
    expect(noPrevious.lists.figures).toEqual({ tp: 0, fp: 1, fn: 1 });
    expect(noPrevious.lists.figures_in_quote).toEqual({ tp: 0, fp: 1, fn: 1 });
    expect(noPrevious.lists.figure_values).toEqual({ tp: 1, fp: 0, fn: 0 });
    const wrongValue = score([draftOf({ ...rightFrontmatter, metrics: [{ metric: 'dibao-urban', value: 500, unit: '元/人/月', quote: '每人每月500元提高到550元' }] })]).scores;
    expect(wrongValue.lists.figure_values).toEqual({ tp: 0, fp: 1, fn: 1 });
  });

  it('counts task rows by their number and task titles item by item', () => {
    const list = labelOf(`file: 001.txt\npublish: true\ndocuments:\n  - { title: null, kind: task-list, period: { year: 2023 }, region: shanghai, tasks: 2, task_titles: [城乡低保提标, 两项补贴] }\n`);
    const { scores } = scorePage(outcome([draftOf({ kind: 'task-list', period: { year: 2023, half: null }, region: 'shanghai', tasks: [{ id: '1-1', title: '城乡低保提标' }, { id: '1-2', title: '养老床位' }] })]), list, { scoreUrl: false });
    expect(scores.checks.tasks).toEqual({ right: 1, checked: 1 });
    expect(scores.lists.task_titles).toEqual({ tp: 1, fp: 1, fn: 1 });
  });

  it('counts a task page only where the label lists task rows, outside the field checks', () => {
    const list = labelOf(`file: 001.txt\npublish: true\ndocuments:\n  - { title: null, kind: task-list, period: { year: 2023 }, region: shanghai, tasks: 2, task_titles: [城乡低保提标, 两项补贴] }\n`);
    const oneRow = scorePage(outcome([draftOf({ kind: 'task-list', period: { year: 2023, half: null }, region: 'shanghai', tasks: [{ id: '1', title: '城乡低保提标' }] })]), list, { scoreUrl: false }).scores;
    expect(oneRow.taskPages).toEqual({ right: 0, checked: 1 });
    expect(oneRow.checks.tasks).toEqual({ right: 0, checked: 1 });
    // A notice that lists no task is not a task page, although its `tasks` check (0 rows) is scored.
    const notice = score([draftOf(rightFrontmatter)]).scores;
    expect(notice.taskPages).toEqual({ right: 0, checked: 0 });
    expect(notice.checks.tasks).toEqual({ right: 1, checked: 1 });
  });

  it('scores a page with no draft as wrong on every check and every labelled figure as missed', () => {
    const { scores, differences } = scorePage({ text: page, drafts: [], refused: 'no document text', validation: [] }, label, { scoreUrl: true });
    expect(scores.checks.documents).toEqual({ right: 0, checked: 1 });
    expect(scores.checks.region).toEqual({ right: 0, checked: 1 });
    expect(scores.checks.valid).toEqual({ right: 0, checked: 1 });
    expect(scores.checks.lines).toEqual({ right: 0, checked: 1 });
    expect(scores.lists.figures).toEqual({ tp: 0, fp: 0, fn: 1 });
    expect(differences[0]).toBe('refused: no document text');
  });

  it('counts an extra draft against the number of documents and its figures as spurious', () => {
    const { scores } = score([draftOf(rightFrontmatter, undefined, headerLines), draftOf(rightFrontmatter)]);
    expect(scores.checks.documents).toEqual({ right: 0, checked: 1 });
    expect(scores.checks.kind).toEqual({ right: 1, checked: 1 });
    expect(scores.lists.figures).toEqual({ tp: 1, fp: 1, fn: 0 });
  });

  it('scores url only where the page has an address, and validity only where the label has region and year', () => {
    expect(score([draftOf(rightFrontmatter)], { scoreUrl: false }).scores.checks.url.checked).toBe(0);
    const noRegion = labelOf(`file: 001.txt\npublish: false\nwhy_not: 范文\ndocuments:\n  - { title: null, kind: summary, period: { year: null }, region: null }\n`);
    expect(scorePage(outcome([draftOf({ kind: 'summary' })]), noRegion, { scoreUrl: false }).scores.checks.valid.checked).toBe(0);
    const invalid = scorePage(outcome([draftOf(rightFrontmatter)], [['metrics[0].quote: the quote does not appear in the body']]), label, { scoreUrl: false });
    expect(invalid.scores.checks.valid).toEqual({ right: 0, checked: 1 });
  });

  it('counts a page as published when its drafts go to content/documents, and a page not to publish as right when none does', () => {
    expect(score([draftOf(rightFrontmatter)]).scores.checks.publish).toEqual({ right: 1, checked: 1 });
    expect(score([draftOf({ ...rightFrontmatter, region: undefined })]).scores.checks.publish).toEqual({ right: 0, checked: 1 });
    const news = labelOf(`file: 001.txt\npublish: false\nwhy_not: 新闻报道\ndocuments:\n  - { title: null, kind: summary, period: { year: 2023 }, region: shanghai }\n`);
    expect(scorePage(outcome([draftOf({ kind: 'summary', title: '会议', title_editorial: true })]), news, { scoreUrl: false }).scores.checks.publish).toEqual({ right: 1, checked: 1 });
  });

  it('finds an input line that is in no body and not dropped', () => {
    expect(lostLines(page, [draftOf(rightFrontmatter, undefined, headerLines)])).toEqual([]);
    expect(lostLines(page, [draftOf(rightFrontmatter)]).map((line) => line.line)).toEqual([1, 2]);
  });
});

describe('reading page labels', () => {
  it('reads left-out and null fields as not stated, and dates as YYYY-MM-DD text', () => {
    const doc = label.documents[0];
    expect([doc?.publisher, doc?.written, doc?.period.end_year, doc?.figures[0]?.category, doc?.figures[0]?.target]).toEqual([null, null, null, null, null]);
    expect(doc?.published).toBe('2023-03-01');
  });

  it('names every problem by its path: an unknown kind, a number where text belongs, an unknown field', () => {
    const reading = readPageLabel('file: 001.txt\npublish: true\ndocuments:\n  - { title: x, kind: report, period: { year: 2023 }, index_no: 0012, colour: red }\n');
    expect(reading.ok).toBe(false);
    const problems = reading.ok ? [] : reading.problems.join('\n');
    expect(problems).toContain('documents[0].kind');
    expect(problems).toContain('documents[0].index_no');
    expect(problems).toContain('colour');
  });

  it('holds out every fourth page', () => {
    expect(['001.txt', '004.txt', '008.yaml', '030.txt', '060.txt'].map(pageSplit)).toEqual(['development', 'held-out', 'held-out', 'development', 'held-out']);
  });
});

describe('validating a draft as written', () => {
  const sources = readContentSources(repo);
  const definitions: Definitions = { metrics: sources.metrics, topics: sources.topics, regions: projectContext().regions };

  it('finds a complete draft valid content, with the same validation as npm run check', () => {
    expect(draftProblems(draftOf(rightFrontmatter), definitions)).toEqual([]);
  });

  it('names what is wrong: a quote not in the body, a draft with no region', () => {
    expect(draftProblems(draftOf(rightFrontmatter, '城市低保标准提高。'), definitions).join('\n')).toContain('metrics[0].quote');
    expect(draftProblems(draftOf({ ...rightFrontmatter, region: undefined }), definitions)).not.toEqual([]);
  });
});

describe('evaluating a folder of pages', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-eval-pages-'));
  const labelsDir = join(dir, 'labels');
  mkdirSync(labelsDir);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  for (const file of ['001.txt', '002.txt', '003.txt', '004.txt']) writeFileSync(join(dir, file), page);
  writeFileSync(join(labelsDir, '001.yaml'), `file: 001.txt\npublish: true\ndocuments:\n  - { title: 关于提高城乡低保标准的通知, kind: notice, period: { year: 2023 }, region: shanghai, published: 2023-03-01, url: 'http://example.gov.cn/1.html' }\n`);
  writeFileSync(join(labelsDir, '002.yaml'), `file: 002.txt\npublish: true\ndocuments:\n  - { title: x, kind: report }\n`);
  writeFileSync(join(labelsDir, '004.yaml'), `file: 004.txt\npublish: true\ndocuments:\n  - { title: 关于提高城乡低保标准的通知, kind: notice, period: { year: 2023 }, region: shanghai, url: 'http://example.gov.cn/4.html' }\n`);
  writeFileSync(join(dir, 'sources.json'), JSON.stringify([{ file: '001.txt', address: 'http://example.gov.cn/1.html' }]));

  it('scores each labelled page in its split, lists pages with no label, and reports a label it cannot read', () => {
    const sources = readContentSources(repo);
    const result = evaluatePages({
      pagesDir: dir,
      labelsDir,
      context: projectContext(),
      definitions: { metrics: sources.metrics, topics: sources.topics, regions: projectContext().regions },
      addresses: new Map([['001.txt', 'http://example.gov.cn/1.html']]),
    });
    expect(result.pages.map((p) => [p.file, p.split, p.labelProblems === undefined])).toEqual([
      ['001.txt', 'development', true],
      ['002.txt', 'development', false],
      ['004.txt', 'held-out', true],
    ]);
    expect(result.unlabelled).toEqual({ development: ['003.txt'], 'held-out': [] });
    expect(result.totals.development.checks.documents.checked).toBe(1);
    expect(result.totals.development.checks.url.checked).toBe(1);
    expect(result.totals['held-out'].checks.url.checked).toBe(0);
    expect(result.totals['held-out'].checks.kind.checked).toBe(1);
  });

  it('prints per-split tables, hides held-out differences unless asked, and ends with one JSON line', () => {
    const run = (...extra: string[]) => {
      try {
        return execFileSync(process.execPath, [join(repo, 'tools/ingest-eval/cli.ts'), '--pages', dir, ...extra], { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      } catch (error) {
        // The unreadable label of 002 makes the command exit 1; its output is still complete.
        return String((error as { stdout?: string }).stdout ?? '');
      }
    };
    const output = run();
    const lines = output.trim().split('\n');
    const json = JSON.parse(lines.at(-1) as string) as Record<string, Record<string, unknown>>;
    expect(Object.keys(json)).toEqual(['seeds', 'variants', 'development', 'held_out', 'all_pages', 'maintainer_work']);
    expect(json.development?.pages).toBe(1);
    expect(json.held_out?.pages).toBe(1);
    expect(output).toContain('002.txt label: documents[0].kind');
    expect(output).toContain('differences of held-out pages are not shown');
    expect(run('--show-held-out')).not.toContain('differences of held-out pages are not shown');
  }, 60_000);
});

describe('the figure bar over all real pages', () => {
  it('adds up the lists of the development and held-out splits, list by list', () => {
    const development = emptyPageScores();
    const heldOut = emptyPageScores();
    development.lists.figure_values = { tp: 70, fp: 1, fn: 3 };
    heldOut.lists.figure_values = { tp: 20, fp: 4, fn: 6 };
    heldOut.lists.task_titles = { tp: 2, fp: 0, fn: 1 };
    const all = sumLists(development, heldOut);
    expect(all.figure_values).toEqual({ tp: 90, fp: 5, fn: 9 });
    expect(all.task_titles).toEqual({ tp: 2, fp: 0, fn: 1 });
    expect(all.figures).toEqual({ tp: 0, fp: 0, fn: 0 });
  });

  it('adds up the task pages of both splits', () => {
    const development = emptyPageScores();
    const heldOut = emptyPageScores();
    development.taskPages = { right: 2, checked: 3 };
    heldOut.taskPages = { right: 1, checked: 2 };
    expect(sumTaskPages(development, heldOut)).toEqual({ right: 3, checked: 5 });
  });
});
