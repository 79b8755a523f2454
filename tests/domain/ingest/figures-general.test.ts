/**
 * The general reading of figures (issue 11, round 3): lists of one kind, raises by an amount, breakdowns in
 * brackets, the people a programme covers, and the quotes of every page. Each rule is tested on an invented
 * sentence in the general form, with sentences that must give no figure beside it; none is copied from a page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { quoteStatesNumber } from '../../../src/domain/content/validate-content.ts';
import { decodeBytes } from '../../../src/domain/ingest/decode.ts';
import { extractFigures } from '../../../src/domain/ingest/figures.ts';
import type { NotInModel } from '../../../src/domain/ingest/types.ts';
import { fixturesDir, ingest, projectContext } from './helpers.ts';

const figures = (body: string, kind?: string) => extractFigures(body, { metrics: projectContext().metrics, ...(kind ? { kind } : {}) });
const brief = (body: string, kind?: string) => figures(body, kind).map((f) => `${f.metric} ${f.value} ${f.unit}${f.average ? ' average' : ''}${f.target ? ' target' : ''}`);

describe('a 分别 list is the run of amounts of one kind', () => {
  it('gives urban then rural to the two standards and leaves the growth rates after them out', () => {
    expect(brief('全市城市、农村低保平均标准分别达到812元/月和7020元/年,增幅分别为3.1%和6.2%。', 'summary')).toEqual([
      'dibao-urban 812 元/人/月 average',
      'dibao-rural 7020 元/人/年 average',
    ]);
  });

  it('does not pair a list of standards with a list of percentages in the next clause', () => {
    expect(brief('城乡特困人员基本生活标准分别达到1230元/月、960元/月,分别增长5%和8%。')).toEqual(['tekun-urban 1230 元/人/月', 'tekun-rural 960 元/人/月']);
  });

  it('gives no figure for growth rates alone', () => {
    expect(brief('城乡低保平均标准分别提高4.2%和7.5%。')).toEqual([]);
  });
});

describe('a raise by an amount is not a value', () => {
  it('reads 月人均增加 as the raise, with the period marker before the verb', () => {
    expect(brief('农村低保标准由每人每年5100元提高至每人每年5400元,年人均增加300元。')).toEqual(['dibao-rural 5400 元/人/年']);
  });

  it('gives no figure for a sentence that only states the increase', () => {
    expect(brief('今年城市低保标准月人均提高35元,农村低保标准年人均增加260元。')).toEqual([]);
  });
});

describe('a breakdown in brackets', () => {
  it('keeps the total and leaves out the parts of each place (其中…)', () => {
    expect(brief('全县新增养老床位600张(其中:城关镇200张,河口乡150张,西山镇250张),护理型床位达到300张。', 'summary')).toEqual([
      'new-elderly-care-beds 600 张',
      'nursing-beds 300 张',
    ]);
  });

  it('gives no figure for a breakdown whose total names no metric', () => {
    expect(brief('全年建成敬老院5所(其中:东镇100张,南乡80张)。')).toEqual([]);
  });
});

describe('the total of elderly-care beds', () => {
  it('reads 养老总床位 as the number of elderly-care beds', () => {
    expect(brief('全区拥有养老总床位5230张,其中护理型床位1710张。', 'summary')).toEqual(['elderly-care-beds 5230 张', 'nursing-beds 1710 张']);
  });
});

describe('the people a programme covers name its standard in a statistical report', () => {
  it('reads 城镇低保对象 N人, 平均保障标准 X元 as that scope’s standard, quoting the standard', () => {
    expect(figures('全市共有城镇低保对象3.2万人,全市平均保障标准612元/人.月,平均补助水平401元/人.月;共有农村低保对象12.5万人,平均保障标准4980元/人.年。', 'summary')).toEqual([
      { metric: 'dibao-urban', value: 612, unit: '元/人/月', average: true, quote: '全市平均保障标准612元/人.月' },
      { metric: 'dibao-rural', value: 4980, unit: '元/人/年', average: true, quote: '平均保障标准4980元/人.年' },
    ]);
  });

  it('does not read the standard of another programme for a group of 低保 households as a 低保 standard', () => {
    expect(brief('护理补贴:低保家庭中的重度残疾人,补贴标准为每人每月260元。')).toEqual(['disability-care-subsidy 260 元/人/月']);
  });

  it('gives no figure for the people, their money or their count', () => {
    const notInModel: NotInModel[] = [];
    expect(extractFigures('全县城市低保对象2100人,发放低保资金860万元,月人均补差320元。', { metrics: projectContext().metrics, notInModel })).toEqual([]);
    expect(notInModel.map((entry) => entry.quote)).toEqual(['月人均补差320元']);
  });

  it('gives no figure when the people have no scope of their own and nothing else names one', () => {
    expect(brief('根据低保对象家庭收入的不同,补助标准分为两档:一档500元,二档300元。')).toEqual([]);
  });
});

describe('every figure of every real page', () => {
  const pagesDir = join(fixturesDir, 'ingest', 'pages');
  const pages = readdirSync(pagesDir).filter((name) => /^\d{3}\.txt$/.test(name));

  it('reads figures from the pages at all (so the checks below check something)', () => {
    const count = pages.flatMap((page) => ingest(decodeBytes(readFileSync(join(pagesDir, page))).text, page)).flatMap((draft) => (draft.frontmatter.metrics ?? []) as unknown[]).length;
    expect(count).toBeGreaterThan(60);
  });

  it.each(pages)('%s: quotes each figure as an exact substring of the body it writes, stating the value', (page) => {
    const drafts = ingest(decodeBytes(readFileSync(join(pagesDir, page))).text, page);
    for (const draft of drafts) {
      for (const figure of (draft.frontmatter.metrics ?? []) as { quote: string; value: number }[]) {
        expect(draft.body, `${page}: quote «${figure.quote}»`).toContain(figure.quote);
        expect(quoteStatesNumber(figure.quote, figure.value), `${page}: «${figure.quote}» states ${figure.value}`).toBe(true);
      }
    }
  });
});
