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

describe('the quote of a clause', () => {
  it('starts at the time word that opens the clause (今年又新增…)', () => {
    expect(figures('在去年建成敬老院3所的基础上,今年又新增床位260张。', 'plan').map((f) => f.quote)).toEqual(['今年又新增床位260张']);
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

describe('a second value of one figure in one sentence', () => {
  it('keeps the first and reports the second for review when nothing tells them apart', () => {
    const notInModel: NotInModel[] = [];
    const found = extractFigures('全县农村特困人员分散供养标准提高到年人均4200元,加上乡镇补助,年人均不低于4500元。', { metrics: projectContext().metrics, notInModel });
    expect(found.map((f) => f.value)).toEqual([4200]);
    expect(notInModel.map((entry) => entry.quote)).toEqual(['年人均不低于4500元']);
  });

  it('keeps both when a class, a scope or a raise tells them apart', () => {
    expect(brief('城市低保A类标准为每人每月700元,B类为每人每月560元;农村低保标准由每人每年5000元提高到5300元。')).toEqual([
      'dibao-urban 700 元/人/月',
      'dibao-urban 560 元/人/月',
      'dibao-rural 5300 元/人/年',
    ]);
  });
});

describe('a result stated with its growth is not a goal', () => {
  it('reads 达到…,同比增长 in a plan as what was reached, not a target', () => {
    expect(brief('去年全市低保平均保障标准达到每人每月760元,同比增长5.1%。', 'plan')).toEqual(['dibao-urban 760 元/人/月 average', 'dibao-rural 760 元/人/月 average']);
  });

  it('still reads a plan’s goal as a target', () => {
    expect(brief('全市低保平均保障标准达到每人每月800元。', 'plan')).toEqual(['dibao-urban 800 元/人/月 average target', 'dibao-rural 800 元/人/月 average target']);
  });
});

describe('orphans of both kinds named as a pair', () => {
  it('gives a 分别 list institutional then dispersed', () => {
    expect(brief('全市孤儿集中、分散供养标准分别达到2150元/月、1580元/月。')).toEqual(['orphan-allowance-institutional 2150 元/人/月', 'orphan-allowance-dispersed 1580 元/人/月']);
    expect(brief('机构、散居孤儿基本生活费分别为每人每月1900元、1400元。')).toEqual(['orphan-allowance-institutional 1900 元/人/月', 'orphan-allowance-dispersed 1400 元/人/月']);
  });

  it('still reports a bare 孤儿 standard as not in the model', () => {
    expect(brief('孤儿基本生活费标准提高到每人每月1500元。')).toEqual([]);
  });
});

describe('a standard written without its period', () => {
  it('takes the period its programme was stated in earlier in the paragraph', () => {
    expect(brief('农村特困人员分散供养标准提高到年人均4100元。集中供养标准提高到5200元。')).toEqual(['tekun-rural 4100 元/人/年', 'tekun-rural 5200 元/人/年']);
  });

  it('is monthly when the paragraph states no period for its programme in that scope', () => {
    expect(brief('城市低保标准为每人每年7200元。农村低保标准为360元。')).toEqual(['dibao-urban 7200 元/人/年', 'dibao-rural 360 元/人/月']);
  });
});

describe('every figure of every real page', () => {
  const pagesDir = join(fixturesDir, 'ingest', 'pages');
  const pages = readdirSync(pagesDir).filter((name) => /^\d{3}\.txt$/.test(name));
  /** The page's text, as the ingester reads it; a page that cannot be decoded is a broken fixture. */
  const pageText = (page: string): string => {
    const decoded = decodeBytes(readFileSync(join(pagesDir, page)));
    if (!decoded.ok) throw new Error(`tests/fixtures/ingest/pages/${page}: cannot be decoded (${decoded.reason}); restore the page from the corpus copy`);
    return decoded.text;
  };

  it('reads figures from the pages at all (so the checks below check something)', () => {
    const count = pages.flatMap((page) => ingest(pageText(page), page)).flatMap((draft) => (draft.frontmatter.metrics ?? []) as unknown[]).length;
    expect(count).toBeGreaterThan(60);
  });

  it.each(pages)('%s: quotes each figure as an exact substring of the body it writes, stating the value', (page) => {
    const drafts = ingest(pageText(page), page);
    for (const draft of drafts) {
      for (const figure of (draft.frontmatter.metrics ?? []) as { quote: string; value: number }[]) {
        expect(draft.body, `${page}: quote «${figure.quote}»`).toContain(figure.quote);
        expect(quoteStatesNumber(figure.quote, figure.value), `${page}: «${figure.quote}» states ${figure.value}`).toBe(true);
      }
    }
  });
});
