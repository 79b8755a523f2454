/** Quote anchors in a rendered body: every quote a figure or a task's evidence cites gets its own <mark id>. */
import { describe, expect, it } from 'vitest';
import { quoteAnchor } from '../../../src/domain/anchors.ts';
import { renderDocumentBody as renderWithSpans, unmarkedQuotes as unmarkedWithoutRendering } from '../../../src/domain/markdown/render-document.ts';

// Numbers keep their no-break spans (tested in keep-together.test.ts and body-tables.test.ts); here only marks count.
const renderDocumentBody = (body: string, quotes?: string[]) => {
  const rendered = renderWithSpans(body, quotes);
  return { ...rendered, html: rendered.html.replace(/<span class="nobr">([^<]*)<\/span>/g, '$1') };
};

const mark = (quote: string) => `<mark class="quote" id="${quoteAnchor(quote)}">`;

describe('marking quotes in a document body', () => {
  it('marks a quote where it first occurs, escaped', () => {
    const { html, unmarkedQuotes } = renderDocumentBody('低保标准提高至780元。低保标准提高至780元。', ['提高至780元']);
    expect(unmarkedQuotes).toEqual([]);
    expect(html).toBe(`<p>低保标准${mark('提高至780元')}提高至780元</mark>。低保标准提高至780元。</p>\n`);
  });

  it('nests a figure’s quote inside the evidence sentence that contains it, so both anchors exist', () => {
    const sentence = '城市低保标准由755元/月提高至780元/月';
    const figure = '提高至780元/月';
    const { html, unmarkedQuotes } = renderDocumentBody(`全年${sentence}，按时足额发放。`, [figure, sentence]);
    expect(unmarkedQuotes).toEqual([]);
    expect(html).toBe(`<p>全年${mark(sentence)}城市低保标准由755元/月${mark(figure)}提高至780元/月</mark></mark>，按时足额发放。</p>\n`);
  });

  it('marks two quotes side by side, and a quote that shares its start with the one around it', () => {
    expect(renderDocumentBody('甲乙丙丁', ['甲乙', '丙丁']).html).toBe(`<p>${mark('甲乙')}甲乙</mark>${mark('丙丁')}丙丁</mark></p>\n`);
    expect(renderDocumentBody('甲乙丙丁', ['甲乙', '甲乙丙丁']).html).toBe(`<p>${mark('甲乙丙丁')}${mark('甲乙')}甲乙</mark>丙丁</mark></p>\n`);
  });

  it('uses a later occurrence when the first one would cross a longer quote’s edge', () => {
    const { html, unmarkedQuotes } = renderDocumentBody('新增床位500张。床位500张已投用。', ['新增床位500张', '500张。床位']);
    // The longer quote is marked first; the other crosses its edge at every occurrence it has, so it is reported.
    expect(html).toContain(`${mark('新增床位500张')}新增床位500张</mark>`);
    expect(unmarkedQuotes).toEqual(['500张。床位']);
    const later = renderDocumentBody('新增床位500张。全区床位500张已投用。', ['新增床位500张', '床位500张已投用']);
    expect(later.unmarkedQuotes).toEqual([]);
    expect(later.html).toContain(`${mark('床位500张已投用')}床位500张已投用</mark>`);
  });

  it('looks in a later paragraph when the quote fits nowhere in the first one it stands in', () => {
    const { html, unmarkedQuotes } = renderDocumentBody('甲乙丙丁\n\n**另**甲乙', ['乙丙丁', '甲乙']);
    expect(unmarkedQuotes).toEqual([]);
    expect(html).toBe(`<p>甲${mark('乙丙丁')}乙丙丁</mark></p>\n<p><strong>另</strong>${mark('甲乙')}甲乙</mark></p>\n`);
  });

  it('never marks a quote made of the ends of two neighbouring text runs', () => {
    expect(renderDocumentBody('甲乙**丙**丁', ['乙丙']).unmarkedQuotes).toEqual(['乙丙']);
    expect(renderDocumentBody('甲乙\n\n丙丁', ['乙丙']).unmarkedQuotes).toEqual(['乙丙']);
  });

  it('reports a quote that spans a formatting boundary instead of marking part of it', () => {
    const { unmarkedQuotes } = renderDocumentBody('**重点任务：**推进低保提标', ['重点任务：推进']);
    expect(unmarkedQuotes).toEqual(['重点任务：推进']);
  });
});

describe('the unmarked quotes, found without rendering (what validation asks)', () => {
  const cases: [string, string[]][] = [
    ['低保标准提高至780元。低保标准提高至780元。', ['提高至780元']],
    ['新增床位500张。床位500张已投用。', ['新增床位500张', '500张。床位']],
    ['**重点任务：**推进低保提标', ['重点任务：推进', '推进低保提标']],
    ['| 类别 | 标准 |\n| --- | --- |\n| 城市 | 780元/月 |\n\n[链接](https://example.org)中的750元', ['780元/月', '链接](https', '中的750元', '文中没有的句子']],
    ['第一行\n第二行', ['第一行\n第二行', '第二行']],
  ];

  it.each(cases)('names the very quotes a render leaves unmarked in %j', (body, quotes) => {
    expect(unmarkedWithoutRendering(body, quotes)).toEqual(renderWithSpans(body, quotes).unmarkedQuotes);
  });

  it('names a quote crossing another’s edge and one crossing formatting, and keeps the order given', () => {
    expect(unmarkedWithoutRendering('新增床位500张。床位500张已投用。**重点任务：**推进', ['重点任务：推进', '500张。床位', '新增床位500张'])).toEqual(['重点任务：推进', '500张。床位']);
  });
});
