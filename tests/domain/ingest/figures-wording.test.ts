/**
 * Figures in the wording real pages use (issue 11): each test is an invented sentence in one such wording.
 * The real pages of tests/fixtures/ingest/pages showed the wordings; none of their sentences is copied here.
 */
import { describe, expect, it } from 'vitest';
import { quoteStatesNumber } from '../../../src/domain/content/validate-content.ts';
import { destination } from '../../../src/domain/ingest/draft.ts';
import { extractFigures } from '../../../src/domain/ingest/figures.ts';
import { formatReport } from '../../../src/domain/ingest/report.ts';
import type { NotInModel } from '../../../src/domain/ingest/types.ts';
import { ingestOne, projectContext } from './helpers.ts';

const figures = (body: string, kind?: string) => extractFigures(body, { metrics: projectContext().metrics, ...(kind ? { kind } : {}) });
const outside = (body: string, kind?: string) => {
  const notInModel: NotInModel[] = [];
  extractFigures(body, { metrics: projectContext().metrics, notInModel, ...(kind ? { kind } : {}) });
  return notInModel;
};
const brief = (body: string, kind?: string) => figures(body, kind).map((f) => `${f.metric} ${f.value} ${f.unit}`);

describe('units as pages write them', () => {
  it('reads 每人每月420元 as 420 元/人/月', () => {
    expect(figures('全县农村低保标准调整为每人每月420元。')).toEqual([{ metric: 'dibao-rural', value: 420, unit: '元/人/月', quote: '全县农村低保标准调整为每人每月420元' }]);
  });

  it.each([
    ['420元/人·月', '元/人/月'],
    ['420元/人月', '元/人/月'],
    ['420元人/.月', '元/人/月'],
    ['420元/月', '元/人/月'],
    ['5040元∕人、年', '元/人/年'],
    ['5040元/人.年', '元/人/年'],
    ['5040元/年/人', '元/人/年'],
    ['5040元/年', '元/人/年'],
  ])('normalises %s to %s', (written, unit) => {
    const [figure] = figures(`城市低保标准为${written}。`);
    expect(figure?.unit).toBe(unit);
    expect(figure?.quote).toBe(`城市低保标准为${written}`);
  });

  it('reads 每年4800元/年 once, as a yearly standard', () => {
    expect(brief('农村低保标准由每年4600元/年提高到4800元/年。')).toEqual(['dibao-rural 4800 元/人/年']);
  });

  it('stores a yearly standard as stated: 年人均, 年标准, 家庭年人均纯收入', () => {
    expect(brief('农村低保年标准为4800元。城市低保标准为家庭年人均收入9600元。')).toEqual(['dibao-rural 4800 元/人/年', 'dibao-urban 9600 元/人/年']);
  });

  it('takes the unit a list or a raise writes once: 由人月230元提高至240元, 每月378元和268元', () => {
    expect(figures('城镇低保标准由人月310元提高至330元。')).toEqual([{ metric: 'dibao-urban', value: 330, unit: '元/人/月', previous: 310, quote: '城镇低保标准由人月310元提高至330元' }]);
    expect(figures('城乡低保标准分别达到每月512元和403元。').map((f) => [f.metric, f.value, f.unit, f.quote])).toEqual([
      ['dibao-urban', 512, '元/人/月', '城乡低保标准分别达到每月512元'],
      ['dibao-rural', 403, '元/人/月', '城乡低保标准分别达到每月512元和403元'],
    ]);
  });

  it('does not read a monthly restatement in brackets as a figure: 年人均由X元(月人均Y元)提高到Z元', () => {
    expect(figures('## 一、城市低保\n\n甲区、乙区:年人均由9600元(月人均800元)提高到10200元(月人均850元)。\n')).toEqual([
      { metric: 'dibao-urban', value: 10200, unit: '元/人/年', previous: 9600, quote: '年人均由9600元(月人均800元)提高到10200元' },
    ]);
  });

  it('reads full-width digits and stray spaces', () => {
    expect(brief('城市低保标准为５５０元／人／月。')).toEqual(['dibao-urban 550 元/人/月']);
    expect(figures('特困人员基本生活费从 900 元/月调标到 1020 元/月。').map((f) => [f.metric, f.value, f.previous])).toEqual([
      ['tekun-urban', 1020, 900],
      ['tekun-rural', 1020, 900],
    ]);
  });

  it('reads beds in 万 and in traditional script, quoting the original characters', () => {
    expect(figures('到2025年,新增养老床位2.5万张。', 'plan')).toEqual([{ metric: 'new-elderly-care-beds', value: 25000, unit: '张', target: true, quote: '新增养老床位2.5万张' }]);
    const [beds] = figures('全市護理型床位達到1500張。', 'summary');
    expect(beds).toEqual({ metric: 'nursing-beds', value: 1500, unit: '张', quote: '全市護理型床位達到1500張' });
    expect(quoteStatesNumber(beds?.quote ?? '', 1500)).toBe(true);
  });
});

describe('the subject of a figure', () => {
  it('gives 城乡 … 分别 X、Y to the urban then the rural metric', () => {
    expect(brief('全市城乡低保标准分别提高至每人每月900元、700元。')).toEqual(['dibao-urban 900 元/人/月', 'dibao-rural 700 元/人/月']);
    expect(brief('城乡特困人员基本生活标准分别为每人每年9000元和7000元。')).toEqual(['tekun-urban 9000 元/人/年', 'tekun-rural 7000 元/人/年']);
  });

  it('reads a scope written before each amount: 城市每人每月…、农村每人每年…', () => {
    expect(figures('全区低保标准从城市每人每月420元、农村每人每年3000元,提高到城市每人每月450元、农村每人每年3300元。').map((f) => [f.metric, f.value, f.unit, f.previous])).toEqual([
      ['dibao-urban', 450, '元/人/月', 420],
      ['dibao-rural', 3300, '元/人/年', 3000],
    ]);
  });

  it('gives a standard that names no scope to both the urban and the rural metric', () => {
    expect(brief('特困供养标准达到每人每月1000元。')).toEqual(['tekun-urban 1000 元/人/月', 'tekun-rural 1000 元/人/月']);
  });

  it('reads a generic 补贴标准 as the standard of the subject named before it', () => {
    expect(brief('生活补贴:一级困难残疾人,补贴标准为每人每月120元;其他困难残疾人,补贴标准为每人每月80元。')).toEqual([
      'disability-living-subsidy 120 元/人/月',
      'disability-living-subsidy 80 元/人/月',
    ]);
  });

  it('reads 城市、农村低保 as both scopes, in the order of the list', () => {
    expect(brief('城市、农村低保标准分别为每人每月800元、600元。')).toEqual(['dibao-urban 800 元/人/月', 'dibao-rural 600 元/人/月']);
  });

  it('does not carry a subject from an earlier sentence to a sum that is not called a standard', () => {
    expect(brief('二是低保提标。为低保对象每人每月发放一次性补贴100元。')).toEqual([]);
  });

  it('carries a section heading’s subject to the paragraphs under it', () => {
    expect(brief('## 二、农村低保\n\n甲县、乙县:年人均由4000元提高到4400元。\n')).toEqual(['dibao-rural 4400 元/人/年']);
  });

  it('tells orphans raised in institutions from those living in the community', () => {
    expect(brief('社会散居孤儿基本生活费由每人每月1100元提高到1200元,机构集中养育孤儿基本生活费提高到每人每月1700元。')).toEqual([
      'orphan-allowance-dispersed 1200 元/人/月',
      'orphan-allowance-institutional 1700 元/人/月',
    ]);
  });

  it('reads classes: 一类/二类/三类 and A类 as A, B, C', () => {
    expect(figures('农村低保分为三个类别,一类900元/年/人、二类700元/年/人、三类500元/年/人。').map((f) => [f.category, f.value, f.quote])).toEqual([
      ['A', 900, '一类900元/年/人'],
      ['B', 700, '二类700元/年/人'],
      ['C', 500, '三类500元/年/人'],
    ]);
  });

  it('reads a share written after the nursing beds it is of', () => {
    expect(brief('全市护理型床位达到1200张,占比58.5%。', 'summary')).toEqual(['nursing-beds 1200 张', 'nursing-bed-share 58.5 %']);
  });

  it('reads a class written before the subject: 城市A类低保标准', () => {
    expect(figures('城市A类低保标准为每人每月600元,B类为每人每月500元。').map((f) => [f.metric, f.category, f.value, f.quote])).toEqual([
      ['dibao-urban', 'A', 600, '城市A类低保标准为每人每月600元'],
      ['dibao-urban', 'B', 500, 'B类为每人每月500元'],
    ]);
  });

  it('reads the share of nursing beds as a percentage, a target in a plan', () => {
    expect(figures('到2025年,养老机构护理型床位占比达到60%。', 'plan')).toEqual([{ metric: 'nursing-bed-share', value: 60, unit: '%', target: true, quote: '养老机构护理型床位占比达到60%' }]);
  });
});

describe('previous values, averages, dates and targets', () => {
  it('reads 由X调整为Y with the previous value, in lists in order', () => {
    expect(figures('城市低保标准由原来的300元/月、320元/月提高到330元/月、350元/月。').map((f) => [f.value, f.previous])).toEqual([
      [330, 300],
      [350, 320],
    ]);
  });

  it('marks an average standard as an average, and not the new standard a raise from an old average sets', () => {
    expect(figures('全省城市低保平均标准由每人每月300元提高到每人每月330元。')).toEqual([
      { metric: 'dibao-urban', value: 330, unit: '元/人/月', previous: 300, average: true, quote: '全省城市低保平均标准由每人每月300元提高到每人每月330元' },
    ]);
    // 原平均 describes the old figure: the subdivisions' standards averaged 300 before one standard of 330 was set.
    expect(figures('甲市城市低保标准由原平均300元/月提高到330元/月。')).toEqual([
      { metric: 'dibao-urban', value: 330, unit: '元/人/月', previous: 300, quote: '城市低保标准由原平均300元/月提高到330元/月' },
    ]);
  });

  it('counts 明年1月1日起 from the page’s year, and reads no date of effect from it when the page is undated', () => {
    const body = '明年1月1日起，城乡低保标准将有所提高。\n乙县城市低保标准由每人每月410元调整为每人每月450元。\n';
    expect(extractFigures(body, { metrics: projectContext().metrics, kind: 'notice', pageYear: 2015 }).map((f) => f.effective)).toEqual(['2016-01-01']);
    expect(figures(body, 'notice').map((f) => f.effective)).toEqual([undefined]);
  });

  it('gives the next clause’s list of the same length the classes named for the first', () => {
    const got = figures('丙市城市低保标准按一类、二类、三类分别为每人每月510元、480元、450元；农村低保标准分别为每人每年4200元、3960元、3720元。');
    expect(got.map((f) => `${f.metric} ${f.value} ${f.category ?? '-'}`)).toEqual([
      'dibao-urban 510 A', 'dibao-urban 480 B', 'dibao-urban 450 C', 'dibao-rural 4200 A', 'dibao-rural 3960 B', 'dibao-rural 3720 C',
    ]);
  });

  it('reads a number whose thousands a space sets apart, and check accepts the quote that states it so', () => {
    expect(brief('丁县农村低保标准提高到每人每年6 120元。')).toEqual(['dibao-rural 6120 元/人/年']);
    expect(quoteStatesNumber('每人每年6 120元', 6120)).toBe(true);
    expect(quoteStatesNumber('每人每月６４０元', 640)).toBe(true);
    expect(quoteStatesNumber('2023年 120元', 2023120)).toBe(false);
  });

  it('does not read a raise by an amount as the standard: 增加30元, 提高了100元', () => {
    expect(brief('城市低保标准比上年提高了40元/月和50元/月。')).toEqual([]);
  });

  it('reads 从…起 in the sentence, and 自…起 of a sentence that announces the raise', () => {
    expect(figures('从2024年7月1日起,城市低保标准由每人每月700元提高到730元。')[0]?.effective).toBe('2024-07-01');
    expect(figures('从2024年7月份起,城市低保标准提高到每人每月730元。')[0]?.effective).toBe('2024-07-01');
    const found = figures('自2024年1月1日起,我市提高城乡低保标准。\n\n(一)城市低保标准:由每人每月700元提高到730元。\n');
    expect(found.map((f) => [f.metric, f.effective])).toEqual([['dibao-urban', '2024-01-01']]);
  });

  it('reads 自…起执行 after the figures as their date, in the sentence or the one after', () => {
    expect(figures('城市低保标准提高到每人每月700元,自2024年1月1日起执行。')[0]?.effective).toBe('2024-01-01');
    expect(figures('城市低保标准提高到每人每月700元。\n\n此标准自2024年3月1日起执行。\n')[0]?.effective).toBe('2024-03-01');
  });

  it('reads no date from a year that lost its digits or is masked', () => {
    expect(figures('从20241日起,城市低保标准提高到每人每月730元。')[0]?.effective).toBeUndefined();
    expect(figures('从20xx年1月起,城市低保标准提高到每人每月730元。')[0]?.effective).toBeUndefined();
  });

  it('marks a plan’s goal as a target, but not a standard it restates or a raise it records', () => {
    expect(figures('提高最低生活保障标准至1300元/月。', 'plan').every((f) => f.target === true)).toBe(true);
    expect(figures('为了兜牢底线,到2025年农村低保标准达到每人每年9000元。', 'plan')[0]?.target).toBe(true);
    expect(figures('城市低保标准为800元/月/人。', 'plan')[0]?.target).toBeUndefined();
    expect(figures('城市低保标准由每人每月700元提高到730元。', 'plan')[0]?.target).toBeUndefined();
    expect(figures('2020年,全省城市低保标准达到6000元/人·年,比上年提高了300元。', 'plan')[0]?.target).toBeUndefined();
  });

  it('marks the goals of a summary’s section on the next period as targets', () => {
    const body = '## 一、上半年工作开展情况\n\n全区新增养老床位300张。\n\n## 二、下半年工作打算\n\n### (一)养老服务\n\n新增养老床位500张。\n';
    expect(figures(body, 'summary').map((f) => [f.value, f.target])).toEqual([
      [300, undefined],
      [500, true],
    ]);
  });

  it('never marks a notice’s new standard as a target', () => {
    expect(figures('农村低保标准提高至每人每月600元。', 'notice')[0]?.target).toBeUndefined();
  });

  it('keeps only the raise when the old standard is stated again on its own', () => {
    expect(figures('低保标准从城市每人每月500元提高到城市每人每月550元。现行标准是城市每人每月500元。').map((f) => [f.value, f.previous])).toEqual([[550, 500]]);
  });
});

describe('what is not a figure', () => {
  it('leaves out averages paid, money and people, and lists the averages as not in the model', () => {
    const body = '城市低保月人均补差不低于300元,发放低保资金1200.5万元,救助2.1万人次;农村低保人均补助水平为180元。';
    expect(figures(body)).toEqual([]);
    expect(outside(body)).toEqual([
      { subject: '月人均补差', quote: '月人均补差不低于300元' },
      { subject: '人均补助水平', quote: '人均补助水平为180元' },
    ]);
  });

  it('leaves out masked and lost numbers: 每人每月X元, 20xx年', () => {
    expect(brief('城市低保标准为每人每月X元,20xx年农村低保标准为每人每年X.X元。')).toEqual([]);
  });

  it('lists figures no metric holds as not in the model: 照料护理标准, 高龄津贴, 认知障碍照护床位, 新增护理型床位', () => {
    const body = '特困人员照料护理标准为每人每月300元。高龄津贴每人每月100元。新增认知障碍照护床位200张,新增护理型床位300张。';
    expect(figures(body)).toEqual([]);
    expect(outside(body).map((entry) => entry.quote)).toEqual(['照料护理标准为每人每月300元', '高龄津贴每人每月100元', '新增认知障碍照护床位200张', '新增护理型床位300张']);
  });

  it('reads a national average quoted for comparison as not this place’s figure', () => {
    expect(brief('全国平均低保标准是城市每人每月700元。')).toEqual([]);
  });

  it('ends a quote at Markdown formatting instead of crossing it', () => {
    const [figure] = figures('**城市低保标准:**由每人每月700元提高到730元。');
    expect(figure?.quote).toBe('每人每月700元提高到730元');
  });
});

describe('the draft report', () => {
  it('lists the figures not in the model under their own heading', () => {
    const draft = ingestOne('2023年县民政局工作总结\n\n一是提标。城市低保标准提高到每人每月700元,高龄津贴提高到每人每月150元。\n');
    expect(draft.report.notInModel).toEqual([{ subject: '高龄津贴', quote: '高龄津贴提高到每人每月150元' }]);
    const report = formatReport(draft, destination(draft), 'content/documents/x.md');
    expect(report).toContain('not in the model: 1');
    expect(report).toContain('高龄津贴 «高龄津贴提高到每人每月150元»');
  });
});
