import { describe, expect, it } from 'vitest';
import { addressDate, fusedTitle, issuedTitle, kindInTitle } from '../../../src/domain/ingest/infer.ts';
import { ingestText } from '../../../src/domain/ingest/ingest.ts';
import type { Draft } from '../../../src/domain/ingest/types.ts';
import { ingestOne, projectContext } from './helpers.ts';

const inferred = (draft: Draft, field: string) => draft.report.inferred.find((item) => item.field === field);
const missing = (draft: Draft, field: string) => draft.report.missing.find((item) => item.field === field);
/** The one draft of a text copied from `url`. */
const fromAddress = (text: string, url: string) => {
  const drafts = ingestText(text, 'test.txt', projectContext(), { url });
  expect(drafts).toHaveLength(1);
  return drafts[0] as Draft;
};

describe('the kind, from the title’s own word first', () => {
  it.each([
    ['某某县民政局2023年工作计划', 'plan'],
    ['2024年民政工作要点', 'plan'],
    ['2019年社会救助工作思路', 'plan'],
    ['某区民政局2022年工作情况汇报', 'summary'],
    ['2021年民政工作总结和2022年工作计划', 'summary'],
    ['民政局2020年上半年工作总结及下半年工作计划', 'summary'],
    ['2023年重点工作任务分解', 'task-list'],
    ['关于2023年10月份民生实事项目进展情况的通报', 'task-list'],
    ['某县民政事业发展“十四五”规划', 'plan'],
    ['关于调整城乡最低生活保障标准的通知', 'notice'],
    ['关于提高我县城乡最低生活保障补助水平的通知', 'notice'],
  ])('reads %s as %s', (title, kind) => {
    expect(kindInTitle(title)?.kind).toBe(kind);
  });

  it('reads the document a 印发 notice issues, not the notice', () => {
    expect(issuedTitle('某市人民政府关于印发某市“十四五”民政事业发展规划（2021—2025年）的通知')).toBe('某市“十四五”民政事业发展规划（2021—2025年）');
    expect(kindInTitle('某区人民政府办公室关于印发2022年区政府工作报告目标任务的通知')?.kind).toBe('task-list');
  });

  it('reads a traditional-character title through its simplified reading', () => {
    const draft = ingestOne('關於調整城鄉最低生活保障標準的通知\n從2019年7月1日起,調整我縣城鄉居民最低生活保障標準,城市居民最低生活保障標準由每人每月580元提高到610元。\n');
    expect(draft.frontmatter.kind).toBe('notice');
    expect(draft.frontmatter.title).toBe('關於調整城鄉最低生活保障標準的通知');
    expect(draft.frontmatter.period).toEqual({ year: 2019, half: null });
  });

  it('reads a page that announces raised standards as a notice, in force from the year it names', () => {
    const draft = ingestOne('2019年10月29日,市民政局召开新闻发布会。自2019年10月1日起,我市提高城乡低保和特困人员救助供养标准。城市低保标准由每人每月600元提高到620元。\n');
    expect(draft.frontmatter.kind).toBe('notice');
    expect(draft.frontmatter.period).toEqual({ year: 2019, half: null });
    expect(inferred(draft, 'period.year')?.from).toContain('自2019年10月1日起');
  });

  it('counts 明年1月1日起 from the page’s date in its address', () => {
    const draft = fromAddress('明年1月1日起,城乡居民最低生活保障标准将有所提高。城镇居民最低生活保障标准由每人每月355元调整为每人每月400元。\n', 'http://news.example.com/system/2008/12/16/015084030.shtml');
    expect(draft.frontmatter.kind).toBe('notice');
    expect(draft.frontmatter.period).toEqual({ year: 2009, half: null });
    expect(inferred(draft, 'period.year')?.from).toContain('counted from the page\'s address (2008/12/16');
  });

  it('leaves a notice’s year out when 今年起 has no date to count from, and says why', () => {
    const draft = ingestOne('某省今年将提高城乡居民最低生活保障标准\n会议决定,今年起低保标准将从现在的城市每人每月300元提高到城市每人每月380元。该标准是2013年7月1日起执行的。\n');
    expect(draft.frontmatter.period).toBeUndefined();
    expect(missing(draft, 'period.year')?.why).toContain('今年起');
  });

  it('reads a title the copy ran into the text, and keeps it as the printed title', () => {
    expect(fusedTitle('X区民政局2022年工作总结和2023年工作要点一、2022年工作完成情况(一)社会救助')).toBe('X区民政局2022年工作总结和2023年工作要点');
    const draft = ingestOne('X区民政局2022年工作总结和2023年工作要点一、2022年工作完成情况(一)社会救助精准高效。当前低保对象已全部纳入保障。\n');
    expect(draft.frontmatter.kind).toBe('summary');
    expect(draft.frontmatter.period).toEqual({ year: 2022, half: null });
    expect(draft.frontmatter.title).toBe('X区民政局2022年工作总结和2023年工作要点');
    expect(draft.frontmatter.title_editorial).toBeUndefined();
  });
});

describe('multi-year plans', () => {
  it('reads 十四五 in the title as 2021–2025', () => {
    const draft = ingestOne('长汀县“十四五”民政事业发展专项规划\n本规划是指导全县民政事业发展的纲领性文件,推进社会救助体系建设。\n');
    expect(draft.frontmatter.kind).toBe('plan');
    expect(draft.frontmatter.period).toEqual({ year: 2021, half: null, end_year: 2025 });
  });

  it.each([
    ['十二五', 2011, 2015],
    ['十三五', 2016, 2020],
    ['十五五', 2026, 2030],
  ])('reads %s as %i–%i', (plan, year, endYear) => {
    expect(ingestOne(`某市“${plan}”民政事业发展规划\n推进养老服务体系建设,完善社会救助制度。\n`).frontmatter.period).toEqual({ year, half: null, end_year: endYear });
  });

  it('reads an explicit (2021—2025年) range', () => {
    const draft = ingestOne('标题: 某市人民政府关于印发某市民政事业发展规划(2021—2025年)的通知\n各乡镇人民政府:现将规划印发给你们,请认真贯彻执行。\n');
    expect(draft.frontmatter.period).toEqual({ year: 2021, half: null, end_year: 2025 });
  });

  it('reads a plan that names itself in its opening, with its 规划期', () => {
    const draft = ingestOne('发布机构: 厦门市民政局\n加快民政事业发展,对经济社会全面发展具有重要战略意义。\n《厦门市“十二五”民政事业发展专项规划》(以下简称《规划》),规划期为2011-2015年。\n');
    expect(draft.frontmatter.kind).toBe('plan');
    expect(draft.frontmatter.period).toEqual({ year: 2011, half: null, end_year: 2015 });
    expect(draft.frontmatter.title).toBe('厦门市民政局2011—2015年规划');
    expect(draft.frontmatter.title_editorial).toBe(true);
  });
});

describe('the year and the half, from all the evidence', () => {
  it('keeps a year although nothing names the half, as the whole year, and says so', () => {
    const draft = ingestOne('发布日期: 2023-03-17\n现对2023年全市民政工作做出如下安排。推进养老服务体系建设,完善社会救助制度。\n');
    expect(draft.frontmatter.period).toEqual({ year: 2023, half: null });
    expect(inferred(draft, 'period.half')?.from).toBe('nothing names a half (上半年, 下半年, 1-6月): the whole year');
  });

  it('reads the year of a plan from the page’s address when the text names none', () => {
    const draft = fromAddress('现对全市民政工作做出如下安排。推进养老服务体系建设,完善社会救助制度,继续做好各项工作。\n', 'https://www.example.gov.cn/art/2023/3/17/art_1229084723_4225695.html');
    expect(draft.frontmatter.period).toEqual({ year: 2023, half: null });
    expect(inferred(draft, 'period.year')?.from).toContain('the page\'s address');
  });

  it('does not take a summary’s year from its page’s date alone: it is published after the period', () => {
    const draft = fromAddress('各项工作取得明显成效。现将工作总结如下:一是完成了低保提标,二是建成了养老服务中心。\n', 'http://www.example.gov.cn/c120497/202303/2681636e.shtml');
    expect(draft.frontmatter.kind).toBe('summary');
    expect(missing(draft, 'period.year')?.why).toContain('a summary is published after the period it covers');
  });

  it.each([
    ['今年以来,我局扎实开展了各项民政工作,现将上半年的工作总结如下:一、民政业务工作。完成了低保审核。'],
    ['今年1-6月,我局在县委、县政府的领导下,完成了各项工作。现将工作情况汇报如下。'],
  ])('reads a mid-year report as H1: %s', (text) => {
    const draft = ingestOne(`名称: 某县民政局2019年工作汇报\n${text}\n`);
    expect(draft.frontmatter.period).toEqual({ year: 2019, half: 'H1' });
  });

  it('does not read a masked year (20xx) as a year', () => {
    const draft = ingestOne('20xx年我市民政工作在市委、市政府的领导下取得了明显成效。一、20xx年全市民政工作情况。完成了各项工作。\n');
    expect(draft.frontmatter.period).toBeUndefined();
    expect(missing(draft, 'period.year')?.why).toContain('20xx');
  });

  it('reports a 范文 title year the content contradicts, and leaves the year out', () => {
    const draft = ingestOne('2021镇民政办上半年工作情况汇报 .doc\n今年1-6月,我办认真学习贯彻党的十七大精神,扎实做好救灾捐赠工作,完成了各项工作。\n');
    expect(draft.frontmatter.title).toBe('2021镇民政办上半年工作情况汇报 .doc');
    expect(draft.frontmatter.period).toBeUndefined();
    expect(inferred(draft, 'period.half')?.value).toBe('H1');
    expect(draft.report.notes.some((note) => note.includes('the title says 2021') && note.includes('十七大'))).toBe(true);
  });

  it('reads dates from page addresses', () => {
    expect(addressDate('http://mzt.example.gov.cn/2018/06-22/663231.html')?.date).toBe('2018-06-22');
    expect(addressDate('http://mzj.example.gov.cn/jhgh/201203/t20120326_506029.htm')?.date).toBe('2012-03-26');
    expect(addressDate('https://example.com/p-49664146.html')).toBeUndefined();
  });
});

describe('titles and publishers', () => {
  it('takes the headline the page prints above its text as the title', () => {
    const draft = ingestOne('首页 > 民政新闻\n省民政厅牵头负责的2018年省重点民生实事工作进展顺利\n省民政厅牵头负责的城乡低保、特困人员提标两项省重点民生实事进展顺利,已完成提标任务。\n');
    expect(draft.frontmatter.title).toBe('省民政厅牵头负责的2018年省重点民生实事工作进展顺利');
    expect(draft.frontmatter.title_editorial).toBeUndefined();
    expect(draft.frontmatter.kind).toBe('task-list');
  });

  it('composes a title only from a publisher the page names, never from a region’s bureau', () => {
    const draft = ingestOne('2017年,金坛民政的工作思路是创建省级现代民政示范区。金坛民政工作有效开展,完成了地名普查。\n');
    expect(draft.frontmatter.region).toBe('jiangsu/changzhou/jintan');
    expect(draft.frontmatter.publisher).toBeUndefined();
    expect(draft.frontmatter.title_editorial).toBe(true);
    expect(draft.frontmatter.title).toBe('金坛区2017年民政文件');
  });

  it('reads the publisher and region from the signature at the end', () => {
    const draft = ingestOne('关于调整我县城乡居民最低生活保障标准的通知\n将我县城市居民最低生活保障标准从每人每月280元调整为每人每月330元。此标准自下文之日起执行。\n辰溪县人民政府办公室\n2014年3月3日\n');
    expect(draft.frontmatter.publisher).toBe('辰溪县人民政府办公室');
    expect(draft.frontmatter.region).toBe('hunan/huaihua/chenxi');
    expect(draft.frontmatter.period).toEqual({ year: 2014, half: null });
  });

  it('reads the publisher from the issuer a title names before 关于', () => {
    const draft = ingestOne('重庆市沙坪坝区人民政府办公室关于印发2022年区政府工作报告目标任务的通知\n各镇人民政府、街道办事处:现将目标任务分解印发给你们,请认真落实。\n');
    expect(draft.frontmatter.publisher).toBe('重庆市沙坪坝区人民政府办公室');
    expect(draft.frontmatter.region).toBe('chongqing/chongqing/shapingba');
  });

  it('keeps a traditional-character letterhead as printed and reads its region through the simplified reading', () => {
    const draft = ingestOne('大埔縣人民政府辦公室文件\n關于提高我縣城鄉最低生活保障補助水平的通知\n縣政府決定從2011年12月1日起提高我縣城鄉最低生活保障補助水平。\n');
    expect(draft.frontmatter.publisher).toBe('大埔縣人民政府辦公室');
    expect(draft.frontmatter.region).toBe('guangdong/meizhou/dapu');
  });
});

describe('headlines that are not titles', () => {
  it('does not take the site’s name or an organ’s name for the title', () => {
    const draft = ingestOne('某某市民政局欢迎您\n厦门市民政局办公室\n今年以来,我局扎实推进各项民政工作,完成了低保提标,建成了养老服务中心。\n');
    expect(draft.frontmatter.title_editorial).toBe(true);
  });

  it('reads a progress report on 民生实事 as a task list, and a title’s 进展 of work alone as a summary', () => {
    expect(kindInTitle('萧县9月份民生工程进展情况')?.kind).toBe('task-list');
    expect(kindInTitle('2023年上半年民政工作进展情况')?.kind).toBe('summary');
  });
});
