/**
 * Page-level readings that hold for any bureau's page, each on an invented page (none copied from the corpus)
 * with a negative case beside it: a masked year is unknown, not the title's; a meeting's year is not the period a
 * report of it covers; 今年 is the page's own year.
 */
import { describe, expect, it } from 'vitest';
import { destination } from '../../../src/domain/ingest/draft.ts';
import { toSimplified } from '../../../src/domain/ingest/script.ts';
import { ingestOne } from './helpers.ts';

const year = (text: string) => ingestOne(text).frontmatter.period?.year;
const missing = (text: string, field: string) => ingestOne(text).report.missing.find((entry) => entry.field === field)?.why;

describe('a year the text masks (20xx年)', () => {
  const template = '2021年社区居委会工作总结\n\n20xx年,我社区在街道党工委的领导下,认真落实各项民生政策,全年走访困难家庭一百余户,为他们办理了临时救助。\n\n二、20xx年工作打算\n\n明年我们将继续做好社会救助工作。\n';

  it('leaves the year out although the title names one, and says why', () => {
    expect(year(template)).toBeUndefined();
    expect(missing(template, 'period.year')).toMatch(/template's label.*20xx年/);
  });

  it('keeps the title year when the text also writes that year', () => {
    expect(year(template.replace('明年我们将', '2021年底我们还将'))).toBe(2021);
  });

  it('keeps the title year of a text that masks nothing', () => {
    expect(year(template.replaceAll('20xx', '2021'))).toBe(2021);
  });
});

describe('a title year that names a meeting', () => {
  const news = '2024年全市民政工作会议召开\n\n会议全面总结了2023年全市民政工作,2023年,全市新增养老床位1200张,城乡低保对象应保尽保,2023年共发放救助资金3.1亿元。会议对今后工作作了部署。\n';

  it('is not the year of the period the report covers: the text’s own year is', () => {
    const draft = ingestOne(news);
    expect(draft.frontmatter.period?.year).toBe(2023);
    expect(draft.report.notes.join('\n')).toMatch(/names a meeting/);
  });

  it('a title year that qualifies the document itself still counts', () => {
    expect(year('某县民政局2024年工作要点\n\n2024年,全县民政工作的总体要求是坚持以人民为中心,会议精神要认真落实到每一项工作中去,确保群众满意。\n')).toBe(2024);
  });
});

describe('今年 in the text', () => {
  const report = '民政局上半年工作总结\n\n发布时间:2023-07-10 来源:某某县民政局\n\n今年以来,我局围绕全县中心工作,扎实推进各项民政工作,上半年共发放低保金一千二百万元,新建社区养老服务站六个,进展顺利。\n';

  it('is the year of the byline’s date', () => {
    expect(ingestOne(report).frontmatter.period).toEqual({ year: 2023, half: 'H1' });
  });

  it('without a 今年 a summary’s byline date still does not give its year', () => {
    expect(year(report.replace('今年以来,', ''))).toBeUndefined();
  });

  it('counts from the signature date before the byline’s, where both are printed', () => {
    const signed = report.replace('进展顺利。\n', '进展顺利。\n\n某某县民政局\n\n2022年12月28日\n').replace('2023-07-10', '2023-01-05');
    expect(year(signed)).toBe(2022);
  });
});

describe('a news report (新闻报道) of a bureau’s work', () => {
  const reported = '全市养老服务工作推进会召开\n\n3月8日,全市养老服务工作推进会在市民政局召开。会议总结了去年全市养老服务工作,全市新增养老床位800张,部署了今年的重点任务,要求各县区抓好落实。\n';

  it('is drafted in full but held out of content/documents/, with the reason', () => {
    const draft = ingestOne(`${reported}\n来源:某某市民政局\n`);
    expect(draft.held).toMatch(/^a news report \(the (headline|lead) reports/);
    expect(destination({ ...draft, frontmatter: { ...draft.frontmatter, region: 'henan', period: { year: 2023, half: null }, kind: 'summary' } })).toEqual(expect.objectContaining({ kind: 'draft', why: draft.held, documentPath: 'documents/henan/2023-year-summary.md' }));
  });

  it('is recognised by a dateline, a reporter in the lead, or an event held on a date', () => {
    expect(ingestOne('某某网5月6日讯 近日,某某县提高了城乡低保标准,城市低保标准提高到每人每月700元,农村低保标准提高到每人每年6000元。\n').held).toMatch(/dateline/);
    expect(ingestOne('养老服务提质增效\n\n记者日前从省民政厅获悉,去年全省新建街道综合养老服务中心120个,社区养老服务设施覆盖率达到95%。\n').held).toMatch(/记者/);
    expect(ingestOne('民政系统表彰先进\n\n12月30日,某某县民政局年度总结表彰会在县会议中心举行,会议表彰了一批先进集体和先进个人。\n').held).toMatch(/event held/);
  });

  it('a bureau’s own summary or notice is not held', () => {
    expect(ingestOne('某县民政局2023年工作总结\n\n2023年,我局召开全县民政工作会议,部署全年工作,全年累计发放低保金3600万元,新增养老床位120张。\n').held).toBeUndefined();
    expect(ingestOne('关于提高城乡低保标准的通知\n\n各乡镇人民政府:经县政府研究,从2024年1月1日起,城市低保标准提高到每人每月720元。\n').held).toBeUndefined();
  });

  it('about projects and their progress is a report, not a task list', () => {
    const draft = ingestOne('我市十项民生实事进展顺利\n\n记者从市政府获悉,今年以来,我市十项民生实事项目进展顺利,截至6月底已完成年度计划的六成,新建社区食堂25个,改造老旧小区40个,项目推进情况良好。\n');
    expect(draft.frontmatter.kind).not.toBe('task-list');
  });
});

describe('a standard raised by a percentage', () => {
  it('is a result a report states, not a notice of standards', () => {
    const draft = ingestOne('去年,全省城乡低保标准分别提高了8%和10%,特困人员基本生活标准同步提高,全年共救助困难群众一百二十万人次,临时救助力度进一步加大,各项工作取得新的进展。今年要继续做好兜底保障工作,推动社会救助体系建设。全省各级民政部门要认真贯彻落实会议精神。\n'.repeat(2));
    expect(draft.frontmatter.kind).not.toBe('notice');
  });

  it('a raise that states the new amount is still a notice', () => {
    expect(ingestOne('经研究,决定提高城乡低保标准,城市低保标准由每人每月650元提高到每人每月700元,提高7.7%。\n').frontmatter.kind).toBe('notice');
  });
});

describe('variant characters (异体字) a traditional page prints', () => {
  it('read 陜 as 陕 and 髙 as 高, so 陜西省 is a place', () => {
    expect(toSimplified('陜西省民政廳 髙陵區')).toBe('陕西省民政厅 高陵区');
    const draft = ingestOne('陜西省民政廳2019年工作要點\n\n2019年,全省民政工作的總體要求是:堅持以人民為中心,兜牢民生底線,全面提升民政服務水平,確保各項工作落到實處。\n');
    expect(draft.frontmatter.region).toBe('shaanxi');
    expect(draft.frontmatter.title).toBe('陜西省民政廳2019年工作要點');
  });
});

describe('a place the text names once, as its own', () => {
  it('is the region when the text otherwise speaks of itself at that level (全县, 全省)', () => {
    const county = ingestOne('上半年民政工作情况汇报\n\n今年以来,在县委、县政府的领导下,全县民政工作稳步推进。汛期来临,永泰人民积极参与防汛救灾,县民政局及时下拨救灾资金,全县未发生因灾死亡事件,受灾群众基本生活得到保障。\n');
    expect(county.frontmatter.region).toBe('fujian/fuzhou/yongtai');
    const province = ingestOne('“十三五”民政工作回顾\n\n“十三五”时期,甘肃省民政系统认真贯彻中央决策部署,全省城乡低保制度不断完善,全省养老服务体系基本建成,基层社会治理能力明显提升,各项民政事业取得新的进展。\n');
    expect(province.frontmatter.region).toBe('gansu');
  });

  it('is not the region when the text names it only in passing, or names another place of its level too', () => {
    expect(ingestOne('上半年民政工作情况汇报\n\n今年以来,全县民政工作稳步推进,我们组织人员赴永泰县考察学习养老服务工作经验,全县养老服务水平不断提高,受灾群众基本生活得到保障。\n').frontmatter.region).toBeUndefined();
    expect(ingestOne('上半年民政工作情况汇报\n\n今年以来,全县民政工作稳步推进,永泰人民积极参与防汛救灾,我们还赴闽清县考察学习了养老服务经验,全县受灾群众基本生活得到保障。\n').frontmatter.region).toBeUndefined();
  });
});

describe('an autonomous prefecture called by its short name', () => {
  it('reads 巴州 beside 新疆 as 巴音郭楞, and 湘西州 as 湘西', () => {
    expect(ingestOne('2020年巴州民政工作总结\n\n2020年,新疆巴州民政局认真落实各项民生政策,全州城乡低保应保尽保,巴州民政系统圆满完成了全年各项目标任务。\n').frontmatter.region).toBe('xinjiang/bayinguolengmenggu');
    expect(ingestOne('2020年湘西州民政工作总结\n\n2020年,湘西州民政局认真落实各项民生政策,全州城乡低保应保尽保,圆满完成了全年各项目标任务。\n').frontmatter.region).toBe('hunan/xiangxi');
  });

  it('leaves 巴州 beside 四川 the district of 巴中', () => {
    expect(ingestOne('2020年巴州区民政工作总结\n\n2020年,四川省巴中市巴州区民政局认真落实各项民生政策,巴州民政系统圆满完成了全年各项目标任务。\n').frontmatter.region).toBe('sichuan/bazhong/bazhou');
  });

  it('keeps 海南 the province: a prefecture’s bare place name another division already has is not added', () => {
    expect(ingestOne('2020年海南民政工作总结\n\n2020年,海南民政系统认真落实各项民生政策,全省城乡低保应保尽保,海南民政圆满完成了全年各项目标任务。\n').frontmatter.region).toBe('hainan');
  });
});

describe('the line above the byline', () => {
  it('is the title when no line reads as a headline by its words', () => {
    const draft = ingestOne('首页\n\n季度进展\n\n发布日期: 2023-12-25 来源: 区府办\n\n第一季度进展情况:已完成社区食堂选址,第二季度已建成社区食堂3家,第三季度已建成8家,第四季度全部建成并投入使用。\n');
    expect(draft.frontmatter.title).toBe('季度进展');
  });

  it('is not taken over a line that reads as a headline, nor when it is an organ’s name or a sentence', () => {
    expect(ingestOne('社会救助\n\n时间: 2022年05月06日 来源:民政局\n\n2022年城市低保保障标准760元∕人、月\n\n城市低保对象按标准补差发放,全县共有城市低保对象1200户。\n').frontmatter.title).toBe('2022年城市低保保障标准760元∕人、月');
    expect(ingestOne('某某县民政局\n\n发布日期: 2023-12-25 来源: 区府办\n\n第一季度进展情况:已完成社区食堂选址,第二季度已建成社区食堂3家,第三季度已建成8家。\n').frontmatter.title_editorial).toBe(true);
  });
});

describe('the publisher', () => {
  const notice = '关于印发某某区养老服务发展规划的通知\n\n来源:区府办 发布日期: 2022-06-01\n\n各街道办事处,区各有关部门:\n\n现将《某某区养老服务发展规划》印发给你们,请认真贯彻执行。\n\n某某市某某区人民政府办公室\n\n2022年5月20日\n';

  it('is the byline’s 来源 before the signature of a document the page carries', () => {
    expect(ingestOne(notice).frontmatter.publisher).toBe('区府办');
  });

  it('is read on past a 发布机构 printed empty', () => {
    expect(ingestOne(`索引号: 11000000000000000X-2022-001 发布机构:\n${notice}`).frontmatter.publisher).toBe('区府办');
  });

  it('is the issuer a red-header document prints at its head and signs with, over a byline’s department', () => {
    const redHeader = '发布时间:2021-03-05 信息来源:法制办\n\n某某县人民政府办公室\n\n关于调整城乡低保标准的通知\n\n各乡镇人民政府,县直各单位:\n\n经县人民政府研究,从2021年4月1日起,城市低保标准调整为每人每月600元。\n\n某某县人民政府办公室\n\n2021年3月1日\n';
    expect(ingestOne(redHeader).frontmatter.publisher).toBe('某某县人民政府办公室');
  });

  it('is the outlet a news dateline names, as printed, without a mirror’s pinyin', () => {
    expect(ingestOne('東南網(wǎng)3月5日訊 記者從市民政局獲悉,從今年4月1日起,全市城市低保標準提高到每人每月800元。\n').frontmatter.publisher).toBe('東南網');
    expect(ingestOne('本报讯 记者从市民政局获悉,从今年4月1日起,全市城市低保标准提高到每人每月800元。\n').frontmatter.publisher).toBeUndefined();
  });
});

describe('news headlines and bylines in their other common forms', () => {
  it('reads 某某召开…会议 as a meeting reported, and a parenthesised reporter byline as news', () => {
    expect(ingestOne('省民政厅召开全省养老服务工作座谈会\n\n会议总结了去年全省养老服务工作,全省新增养老床位3000张,会议要求各地抓好今年各项任务的落实。\n').held).toMatch(/meeting held/);
    expect(ingestOne('养老服务提质增效\n\n本报讯(记者 王明 通讯员 李华)去年全市新建社区养老服务站42个,城乡社区养老服务实现全覆盖。\n').held).toMatch(/^a news report/);
  });

  it('does not take a notice that convenes a meeting for a report of one', () => {
    expect(ingestOne('关于召开全县民政工作会议的通知\n\n各乡镇人民政府:经研究,定于2024年1月15日召开全县民政工作会议,请各单位主要负责同志参加。\n').held).toBeUndefined();
  });
});

describe('a title wrapped onto a second line', () => {
  it('takes the wrapped words into the title and out of the body', () => {
    const draft = ingestOne('某区民政局 2022 年工作总结和 2023 年工作\n要点\n2022 年以来,区民政局紧紧围绕区委区政府中心工作,扎实推进各项工作,现将有关情况总结如下:\n');
    expect(draft.frontmatter.title).toBe('某区民政局 2022 年工作总结和 2023 年工作要点');
    expect(draft.body).not.toMatch(/^要点/m);
    expect(draft.dropped).toContainEqual(expect.objectContaining({ line: 2, reason: expect.stringMatching(/wrapped/) }));
  });

  it('leaves a short first line of text alone when the title is already whole', () => {
    const draft = ingestOne('某区民政局2022年工作总结\n综述\n2022年以来,区民政局紧紧围绕区委区政府中心工作,扎实推进各项工作,现将有关情况总结如下:\n');
    expect(draft.frontmatter.title).toBe('某区民政局2022年工作总结');
    expect(draft.body).toMatch(/综述/);
  });
});

describe('a date alone on a line under the headline', () => {
  const page = (date: string) => `全县城乡低保标准提高\n\n${date}\n\n从4月1日起,全县城市低保标准提高到每人每月800元,农村低保标准提高到每人每年7200元。\n`;

  it('is the page’s published date, day-first portal dates too', () => {
    expect(ingestOne(page('2023-03-02')).frontmatter.published).toBe('2023-03-02');
    expect(ingestOne(page('24.01.2017  19:33')).frontmatter.published).toBe('2017-01-24');
  });

  it('is not read when the day could be a month, in a run of dates, or under a signature', () => {
    expect(ingestOne(page('03.02.2023')).frontmatter.published).toBeUndefined();
    expect(ingestOne(page('2023-03-02\n2023-03-02')).frontmatter.published).toBeUndefined();
    const signed = ingestOne('某某县民政局关于2022年工作情况的报告\n\n2022年,我局认真履行职责,全年共发放低保金3600万元,新增养老床位120张,各项工作取得新的进展。\n\n某某县民政局\n\n2023-01-10\n');
    expect(signed.frontmatter.published).toBeUndefined();
  });
});

describe('a 文号 run into the addressees on one line', () => {
  it('is read as doc_no while the line stays in the body', () => {
    const draft = ingestOne('关于提高城乡低保标准的通知\n某府发〔2019〕12号各区县人民政府,市政府各部门:经市政府研究,从2019年7月起提高城乡低保标准,城市低保标准提高到每人每月620元。\n');
    expect(draft.frontmatter.source?.doc_no).toBe('某府发〔2019〕12号');
    expect(draft.body).toMatch(/某府发〔2019〕12号各区县人民政府/);
  });

  it('is not read from a sentence that cites another document’s number', () => {
    const draft = ingestOne('关于提高城乡低保标准的通知\n根据省政府《关于进一步加强社会救助工作的意见》(某政发〔2018〕3号)精神,经市政府研究,从2019年7月起提高城乡低保标准。\n');
    expect(draft.frontmatter.source?.doc_no).toBeUndefined();
  });
});

describe('a five-year plan period’s first or last year named as the text’s own', () => {
  it('gives the year when the text names no other', () => {
    expect(year('民政工作综述\n\n全省民政系统科学谋划“十四五”开局蓝图,编制民政事业发展规划,推进十件民政大事落地落实,社会救助兜底保障有力,养老服务体系不断完善,各项工作取得了实实在在的成效。\n')).toBe(2021);
  });

  it('gives none when the text names another year', () => {
    expect(year('民政工作综述\n\n全省民政系统在“十四五”开局良好的基础上,2023年继续推进十件民政大事落地落实,2023年社会救助兜底保障有力,养老服务体系不断完善,各项工作取得了成效。\n')).toBe(2023);
  });
});

describe('a summary of a year’s work meeting', () => {
  it('covers the year before the meeting’s, when the text names it', () => {
    const draft = ingestOne('2024年全县民政工作会议召开\n\n会议回顾了2023年工作:全县新增了养老床位300张,城乡低保对象应保尽保,全年共发放了救助资金3100万元,已建成社区养老服务站12个,完成了敬老院改造5所,各项工作取得了新成效,民政服务对象的获得感不断增强,群众满意度明显提高。会议还对今年工作作了安排,要求各乡镇抓好落实,确保各项任务按期完成。\n\n会议指出,过去一年,全县民政系统克服了多重困难,兜底保障更加有力,基层治理不断加强,社会事务服务持续优化,已形成了较为完善的社会救助体系,为全县经济社会发展作出了积极贡献。\n');
    expect(draft.frontmatter.kind).toBe('summary');
    expect(draft.frontmatter.period?.year).toBe(2023);
  });

  it('a masked year with one digit left (202x年) is masked too', () => {
    expect(year('2021年社区工作总结\n\n202x年,我社区在街道党工委的领导下,认真落实各项民生政策,全年走访困难家庭一百余户,为他们办理了临时救助,取得了较好的成效。\n')).toBeUndefined();
  });
});

describe('a news report of a work meeting', () => {
  it('is a summary by its wording even where its lead mentions standards raised', () => {
    const draft = ingestOne('全省民政工作会议在省城召开\n\n记者从全省民政工作会议获悉,去年我省提高了城乡低保标准,城市低保标准提高到每人每月780元,全省新增了养老床位1.2万张,已建成街道综合养老服务中心300个,完成了特困供养机构改造100所。会议指出,过去一年全省民政系统克服了疫情影响,兜底保障有力,各项工作取得了新的成效,群众获得感明显增强。\n\n会议还表彰了一批先进集体和先进个人,他们在社会救助、养老服务、基层治理等工作中作出了突出贡献,已成为全省民政系统学习的榜样,会议号召全省民政干部职工向他们学习。\n');
    expect(draft.frontmatter.kind).toBe('summary');
  });

  it('a news report of a government’s decision to raise standards is still a notice of them', () => {
    expect(ingestOne('记者从市政府常务会议获悉,会议决定从今年7月1日起提高城乡低保标准,城市低保标准提高到每人每月780元,农村低保标准提高到每人每年7200元。\n').frontmatter.kind).toBe('notice');
  });
});
