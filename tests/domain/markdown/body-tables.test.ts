import { describe, expect, it } from 'vitest';
import { renderDocumentBody } from '../../../src/domain/markdown/render-document.ts';

const table = '| 序号 | 重点工作事项 | 分管领导 |\n|---|---|---|\n| 1 | 到2023年底培育社区社会组织15家 | 周利宏 |\n| 2 | 全区养老床位总数达6331张 | 张文娟 |\n';

describe('a table in a document body', () => {
  it('labels each body cell with its column header, for the phone cards', () => {
    const { html } = renderDocumentBody(table);
    expect(html).toContain('<table class="card-table">');
    expect(html).toContain('<td data-label="分管领导">周利宏</td>');
    expect(html).toContain('<th>重点工作事项</th>');
  });

  it('names each table’s scroll box 表格 1, 表格 2 … in document order, counting again in the next body', () => {
    const labels = (html: string) => [...html.matchAll(/aria-label="([^"]*)"/g)].map((m) => m[1]);
    expect(labels(renderDocumentBody(`${table}\n正文\n\n${table}\n- 列表\n\n${table}`).html)).toEqual(['表格 1', '表格 2', '表格 3']);
    expect(labels(renderDocumentBody(table).html)).toEqual(['表格 1']);
  });

  it('keeps numbers with their units and periods on one line inside cells', () => {
    const { html } = renderDocumentBody(table);
    expect(html).toContain('到<span class="nobr">2023年底</span>培育社区社会组织<span class="nobr">15家</span>');
  });

  it('keeps a number inside a marked quote in a cell on one line too', () => {
    const { html } = renderDocumentBody('| 工作目标 |\n|---|\n| 标准为780元/月/人 & 更高 |\n', ['标准为780元/月/人 & 更高']);
    expect(html).toContain('<mark class="quote" id="');
    expect(html).toContain('">标准为<span class="nobr">780元/月/人</span> &amp; 更高</mark>');
  });

  it('still marks a quote inside a cell, and escapes a header used as a label', () => {
    const { html, unmarkedQuotes } = renderDocumentBody('| 事项 "x" <b> |\n|---|\n| 全区养老床位总数达6331张 |\n', ['全区养老床位总数达6331张']);
    expect(unmarkedQuotes).toEqual([]);
    expect(html).toContain('<td data-label="事项 &quot;x&quot; &lt;b&gt;"><mark class="quote"');
  });

  it('keeps numbers with their units together in running text too, the text unchanged', () => {
    const { html } = renderDocumentBody('全年新增养老床位300张，2023年上半年城市低保标准提高至780元/人/月。');
    expect(html).toBe('<p>全年新增养老床位<span class="nobr">300张</span>，<span class="nobr">2023年上半年</span>城市低保标准提高至<span class="nobr">780元/人/月</span>。</p>\n');
    expect(html.replace(/<[^>]+>/g, '')).toBe('全年新增养老床位300张，2023年上半年城市低保标准提高至780元/人/月。\n');
  });

  it('keeps numbers together inside a marked quote and in list items', () => {
    const { html } = renderDocumentBody('1. 新增床位500张\n2. 提高至780元', ['新增床位500张']);
    expect(html).toContain('>新增床位<span class="nobr">500张</span></mark>');
    expect(html).toContain('<li>提高至<span class="nobr">780元</span></li>');
  });
});
