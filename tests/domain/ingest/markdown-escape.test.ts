/**
 * A copied line keeps every character on the page: what Markdown would read as syntax (`#`, `- `, `1. `, `>`,
 * `*`, `|`, backticks, `<`, `[x](y)`, `\`, `_`, `&nbsp;`) is escaped in the drafted body, the draft's page (the
 * site's renderer) shows exactly the source lines, and its figures' quotes still validate. The text is read back
 * from the rendered HTML with cheerio, not with the code under test.
 */
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { readContentSources } from '../../../src/domain/content/read-content.ts';
import { validateContent } from '../../../src/domain/content/validate-content.ts';
import { destination, serializeDraft } from '../../../src/domain/ingest/draft.ts';
import { literalMarkdown } from '../../../src/domain/ingest/markdown-text.ts';
import type { Draft } from '../../../src/domain/ingest/types.ts';
import { renderDocumentBody } from '../../../src/domain/markdown/render-document.ts';
import { ingestOne, projectContext, repo } from './helpers.ts';

/** The text of each block of the rendered page: paragraphs, headings, list items, table cells. */
function pageBlocks(body: string): string[] {
  const $ = load(renderDocumentBody(body).html);
  return $('p, h1, h2, h3, h4, h5, h6, li, th, td')
    .map((_, element) => $(element).text())
    .get()
    .filter((text) => text.trim() !== '');
}

// Invented: a summary whose lines open with, or hold, everything Markdown reads as syntax.
const lines = [
  '# 号开头的一行：全区低保对象共1200人，按月足额发放。',
  '- 开头的一行：全年临时救助300人次，及时化解急难。',
  '1. 开头的一行：城乡低保标准统一提高，保障水平稳步提升，困难群众获得感持续增强。',
  '> 开头的一行：养老服务设施建设有序推进。',
  '* 开头的一行：殡葬改革深入推进。',
  '| 开头的一行：婚姻登记规范运行。',
  '`代码`开头的一行：社会组织登记管理规范。',
  '<b>尖括号</b>开头的一行：儿童福利保障有力。',
  '[链接](http://example.com)开头的一行：慈善事业健康发展。',
  '\\反斜杠开头的一行：地名管理规范有序。',
  '资金*专项*使用，确保专款专用；[](){}；a_b_c；资金_专项_使用；20**年**目标；&nbsp;与&amp;实体。',
  '资金|专项使用，确保专款专用。',
  '城市低保标准由每人每月600元提高到650元。',
];
const page = ['宣州区民政局2023年工作总结', '发布机构：宣州区民政局', '发布日期：2024-01-10', '', ...lines, ''].join('\n');

describe('Markdown characters of the source', () => {
  const draft = ingestOne(page);

  it('are escaped in the body so the page shows every source line as it was copied', () => {
    expect(pageBlocks(draft.body)).toEqual(lines);
  });

  it('keep a sentence with a pipe in it a paragraph, not a one-row table', () => {
    expect(renderDocumentBody(draft.body).html).not.toContain('<table');
    // A paragraph of one line cannot be a table, so the pipe renders as itself and needs no backslash.
    expect(draft.body).toContain('\n资金|专项使用，确保专款专用。\n');
  });

  it('leave a line that renders as itself unescaped', () => {
    expect(draft.body).toContain('\n城市低保标准由每人每月600元提高到650元。\n');
  });

  it('do not stop the figures quoting the text the page shows, and the draft validates', () => {
    const { metrics, topics } = readContentSources(repo);
    const figures = (draft.frontmatter.metrics ?? []) as { quote: string }[];
    expect(figures.map((figure) => figure.quote)).toContain('城市低保标准由每人每月600元提高到650元');
    const path = `content/${destination(draft as Draft).path}`;
    const { issues } = validateContent({ documents: [{ path, text: serializeDraft(draft) }], metrics, topics }, projectContext().regions);
    expect(issues.filter((issue) => /quote/.test(issue.field ?? ''))).toEqual([]);
  });
});

describe('a quote copied from the page', () => {
  const { metrics, topics } = readContentSources(repo);
  const file = (quote: string) =>
    [
      '---',
      'title: 宣州区民政局2023年工作总结',
      'kind: summary',
      'period: { year: 2023, half: null }',
      'publisher: 宣州区民政局',
      'region: anhui/xuancheng/xuanzhou',
      'topics: [social-assistance]',
      'metrics:',
      '  - metric: dibao-urban',
      '    value: 650',
      '    unit: 元/人/月',
      '    previous: 600',
      `    quote: ${JSON.stringify(quote)}`,
      '---',
      '',
      // As ingestion writes it: the source's `*` escaped.
      '城市低保\\*标准\\*由每人每月600元提高到650元。',
      '',
    ].join('\n');
  const quoteIssues = (quote: string) => {
    const { issues } = validateContent({ documents: [{ path: 'content/documents/anhui/xuancheng/xuanzhou/2023-year-summary.md', text: file(quote) }], metrics, topics }, projectContext().regions);
    return issues.filter((issue) => /quote|value|previous/.test(issue.field ?? ''));
  };

  it('validates against the body as rendered, without the backslashes the Markdown has', () => {
    expect(quoteIssues('城市低保*标准*由每人每月600元提高到650元')).toEqual([]);
  });

  it('is still refused when the page does not show it', () => {
    expect(quoteIssues('城市低保标准由每人每月600元提高到650元')).toEqual([expect.objectContaining({ field: 'metrics[0].quote', message: 'the quote does not appear in the body' })]);
  });
});

describe('literalMarkdown', () => {
  it.each([
    ['资金*专项*使用', '资金\\*专项\\*使用'],
    ['1. 开头', '1\\. 开头'],
    ['# 开头', '\\# 开头'],
    ['---', '\\---'],
    ['C:\\目录', 'C:\\目录'],
    ['转义\\*号', '转义\\\\\\*号'],
    ['&nbsp;实体', '\\&nbsp;实体'],
    ['全区低保对象共1200人。', '全区低保对象共1200人。'],
    ['a_b_c 与 2023-08-28', 'a_b_c 与 2023-08-28'],
  ])('writes %j as %j', (text, markdown) => {
    expect(literalMarkdown(text)).toBe(markdown);
  });

  it('escapes a heading’s trailing #, which Markdown would drop as a closing mark', () => {
    expect(literalMarkdown('标题 #', (markdown) => `## ${markdown}`)).toBe('标题 \\#');
  });
});
