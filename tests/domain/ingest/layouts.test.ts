/**
 * Real pages' layouts, with invented inputs: every way a header and a byline are printed, every kind of site
 * chrome (dropped and reported), the dates as pages write them, and one page giving one document.
 */
import { describe, expect, it } from 'vitest';
import { boilerplateReason, chromeRuns, runReasons } from '../../../src/domain/ingest/boilerplate.ts';
import { splitLines } from '../../../src/domain/ingest/ingest.ts';
import { resolveMetadata, scanMetadata } from '../../../src/domain/ingest/metadata.ts';
import { chineseDate, fusedDateReadings, normaliseDate } from '../../../src/domain/ingest/text.ts';
import { ingest, ingestOne } from './helpers.ts';

const nonBlank = (text: string) => splitLines(text).filter((line) => line.text.trim() !== '');
const scan = (text: string) => scanMetadata(nonBlank(text));
const read = (text: string) => resolveMetadata(scan(text).values);
const paragraph = '2023年,我局坚持以人民为中心,扎实做好社会救助、养老服务和社区治理各项工作,群众满意度不断提高。';

describe('metadata in every layout', () => {
  it('reads bullets with spaced-out labels: - 索 引 号:', () => {
    const metadata = read('- 索 引 号:AB123-05-2012-003\n- 发布机构:某某市民政局\n- 公文生成日期:2012-03-26\n');
    expect([metadata.index_no?.value, metadata.publisher?.value, metadata.written?.value]).toEqual(['AB123-05-2012-003', '某某市民政局', '2012-03-26']);
  });

  it('reads labels padded with spaces to a width, two pairs a line', () => {
    const metadata = read('索引号 : 0113/2021-01 文       号 : 某民政发〔2020〕1号\n名       称: 2020年全市民政工作要点 发布日期: 2021年01月12日\n');
    expect(metadata.index_no?.value).toBe('0113/2021-01');
    expect(metadata.doc_no?.value).toBe('某民政发〔2020〕1号');
    expect(metadata.title?.value).toBe('2020年全市民政工作要点');
    expect(metadata.published).toMatchObject({ value: '2021-01-12', key: '发布日期' });
  });

  it('reads a whole header run together on one line', () => {
    const metadata = read('索  引  号:1153-/2022-08 公文目录:政府文件 发文机关:某市政府办 成文日期:2022年08月24日 发文字号:某政通〔2022〕24号 主  题  词: 标      题:某市“十四五”民政事业发展规划 发布日期:2022年08月25日\n');
    expect(metadata).toMatchObject({ index_no: { value: '1153-/2022-08' }, publisher: { value: '某市政府办' }, written: { value: '2022-08-24' }, doc_no: { value: '某政通〔2022〕24号' }, published: { value: '2022-08-25' } });
    expect(metadata.title?.value).toBe('某市“十四五”民政事业发展规划');
  });

  it('reads one label per line with its value on the next, in a bulleted traditional-character box', () => {
    const metadata = read('• 印發機關:\n某省民政廳\n• 印發日期:\n2021年8月18日\n');
    expect(metadata.publisher).toEqual({ value: '某省民政廳', line: 1, key: '印發機關' });
    expect(metadata.written?.value).toBe('2021-08-18');
  });

  it('reads traditional labels through their simplified reading and keeps the values as printed: 發布機構', () => {
    const metadata = read('發布機構:某縣民政局 發文字號:某民發〔2021〕10號\n');
    expect(metadata.publisher?.value).toBe('某縣民政局');
    expect(metadata.doc_no?.value).toBe('某民發〔2021〕10號');
  });

  it('does not take a title line as the value of an empty key before it', () => {
    const { values } = scan('时效:\n区政府办公室关于印发某区“十四五”养老服务发展规划的通知\n');
    expect(values).toEqual([{ key: '时效', field: 'other', value: '', line: 1 }]);
  });

  it('reads a 文号 printed alone under the issuer', () => {
    expect(read('某县人民政府办公室文件\n某府辦〔2011〕124號\n').doc_no?.value).toBe('某府辦〔2011〕124號');
  });
});

describe('bylines are read, not only dropped', () => {
  it('reads 发布时间 into published and 信息来源 as a publisher candidate', () => {
    const { values, consumed } = scan('发布时间:2014-03-05 09:18 信息来源:法制办\n');
    expect(values.every((value) => value.byline)).toBe(true);
    expect(consumed.get(1)).toBe('page byline (发布时间: read into published, 信息来源: read as a publisher candidate (来源))');
    expect(resolveMetadata(values)).toMatchObject({ published: { value: '2014-03-05', byline: true }, source: { value: '法制办' } });
  });

  it('reads 日期: … 来源: … and a 浏览次数 with no count', () => {
    expect(read('日期:2022年05月17日 来源:某市人大 浏览次数:\n')).toMatchObject({ published: { value: '2022-05-17' }, source: { value: '某市人大' } });
  });

  it('reads a spaced-out date and time: 发布日期: 2023- 12- 25 17: 53 来源: 区府办', () => {
    expect(read('发布日期: 2023- 12- 25 17: 53 来源: 区府办 浏览次数:\n').published?.value).toBe('2023-12-25');
  });

  it('keeps the address printed with a 来源 apart from the name', () => {
    const metadata = read('来源:某市民政局(http://mzj.example.gov.cn/art/2023/3/30/art_1.html)\n');
    expect(metadata.source?.value).toBe('某市民政局');
    expect(metadata.url?.value).toBe('http://mzj.example.gov.cn/art/2023/3/30/art_1.html');
  });

  it('prefers the header to the byline and says when they differ', () => {
    const metadata = read('发布时间:2022-04-26\n发布日期: 2022-04-25\n');
    expect(metadata.published?.value).toBe('2022-04-25');
    expect(metadata.problems[0]).toContain('kept the header');
  });

  it('does not read a headline that starts with 时间: as a byline', () => {
    expect(scan('时间:2025-05-22 09:16:28某学院在某省招生计划人数和专业代..\n').values).toEqual([]);
  });

  it('gives the draft the byline’s 发布时间 and says where it came from', () => {
    const draft = ingestOne(`某县民政局2023年工作总结\n时间:2024-01-05 来源:办公室 作者:佚名\n${paragraph}\n`);
    expect(draft.frontmatter.published).toBe('2024-01-05');
    expect(draft.report.inferred.find((item) => item.field === 'published')?.from).toBe('metadata 时间 (line 2)');
  });

  it('reads the date under a signature as written, and leaves the signature in the body', () => {
    const draft = ingestOne(`${paragraph}\n某县人民政府办公室\n2014年3月3日\n`);
    expect(draft.frontmatter.written).toBe('2014-03-03');
    expect(draft.body).toContain('2014年3月3日');
  });
});

describe('dates as real pages write them', () => {
  it.each([
    ['2023- 12- 25 17: 53', '2023-12-25'],
    ['24.01.2017  19:33', '2017-01-24'],
    ['2021-01-12 16:30:04', '2021-01-12'],
    ['二○一一年十二月九日', '2011-12-09'],
    ['二〇二〇年一月三十一日', '2020-01-31'],
    ['2023年8月28日', '2023-08-28'],
  ])('reads %s as %s', (text, date) => {
    expect(normaliseDate(text)).toBe(date);
  });

  it('reads 二○一一年十二月 as a year and a month, not a day', () => {
    expect(chineseDate('二○一一年十二月')).toEqual({ year: 2011, month: 12 });
    expect(normaliseDate('二○一一年十二月')).toBeUndefined();
  });

  it('reads a fused date only where one reading is a real date', () => {
    expect(fusedDateReadings('201811日')).toEqual(['2018-01-01']);
    expect(fusedDateReadings('20221231日')).toEqual(['2022-12-31']);
    expect(fusedDateReadings('2022121日')).toEqual(['2022-01-21', '2022-12-01']);
  });

  it('settles a fused signature date by the 发布日期 and reports it', () => {
    const metadata = read('发布日期:2022-01-21\n某区人民政府办公室\n2022121日\n');
    expect(metadata.written?.value).toBe('2022-01-21');
    expect(metadata.problems).toEqual(['line 3 prints the fused date "2022121日"; read as 2022-01-21 (of 2022-01-21 or 2022-12-01, the only one not after the 发布日期 2022-01-21)']);
  });

  it('leaves out an ambiguous fused date and says which days it can be', () => {
    const metadata = read('某区人民政府办公室\n2022121日\n');
    expect(metadata.written).toBeUndefined();
    expect(metadata.problems[0]).toContain('can be 2022-01-21 or 2022-12-01; left out');
  });
});

describe('site chrome is dropped and reported', () => {
  it.each([
    ['您的位置:首页 >> 政务公开 >> 计划总结', 'breadcrumb trail (您的位置:首页 >> …)'],
    ['某某网 > 总结报告范文 > 半年工作总结 > 民政局上半年工作总结', 'breadcrumb trail (您的位置:首页 >> …)'],
    ['>政府动态>专题专栏>民生实事', 'breadcrumb trail (您的位置:首页 >> …)'],
    ['字号 大 中 小', 'site toolbar (字号 大 中 小, 关怀版, 无障碍, 打印 关闭 …)'],
    ['字体:大 中 小 背景色', 'site toolbar (字号 大 中 小, 关怀版, 无障碍, 打印 关闭 …)'],
    ['关怀版 无障碍', 'site toolbar (字号 大 中 小, 关怀版, 无障碍, 打印 关闭 …)'],
    ['打印 关闭', 'site toolbar (字号 大 中 小, 关怀版, 无障碍, 打印 关闭 …)'],
    ['分享到:', 'page navigation'],
    ['【打印本页】 【关闭窗口】', 'download prompt'],
    ['扫一扫在手机打开当前页', 'download prompt'],
    ['第1页共9页', 'page counter (第1页共9页)'],
    ['本文档由用户上传,本站不保证质量,付费之前请仔细阅读内容', 'document-sharing site notice (文库: upload, paywall, 下载后可任意编辑)'],
    ['下载后可任意编辑', 'document-sharing site notice (文库: upload, paywall, 下载后可任意编辑)'],
    ['- 17.70 KB', 'document-sharing site notice (文库: upload, paywall, 下载后可任意编辑)'],
    ['文件下载:', 'empty site label (文件下载:, 关联文件:, 访问量:)'],
    ['Counties, cities and municipal departments: in order to further guarantee and improve livelihood', 'text in English the site added (a translation, not the document)'],
  ])('drops %s', (line, reason) => {
    expect(boilerplateReason(line)).toBe(reason);
  });

  it.each([['附件:'], ['二、提高城乡低保对象补差水平'], ['首页设计大赛在我市举办,共收到作品120件。'], ['城市低保标准 > 农村低保标准的地区,按城市标准执行。']])('keeps the document line %s', (line) => {
    expect(boilerplateReason(line)).toBeUndefined();
  });

  it('drops a list of unrelated headlines with timestamps, truncated ones included', () => {
    const lines = nonBlank(`${paragraph}\n某学院对比某大学哪个好 附分数线..\n时间:2025-05-22 09:16:28某职业学院招生计划人数..\n时间:2025-05-22 09:13:20某学院对比某学院..\n时间:2025-05-22 09:10:51\n某大学在某省招生计划(参考)2025-05-2\n`);
    expect([...chromeRuns(lines)]).toEqual([2, 3, 4, 5, 6].map((no) => [no, runReasons.headlines]));
  });

  it('drops a table of contents up to where its first entry comes back as a heading', () => {
    const lines = nonBlank(`某县“十四五”民政事业发展规划\n目 录\n前 言\n第一章 发展基础\n第二章 总体要求\n第三章 保障措施\n前 言\n${paragraph}\n`);
    expect([...chromeRuns(lines).keys()]).toEqual([2, 3, 4, 5, 6]);
  });

  it('drops a menu of short links above the document, not a table’s cells below its text', () => {
    const lines = nonBlank(`招商政策\n投资流程\n厂房价格\n注册公司\n${paragraph}\n序号\n工作任务\n牵头单位\n配合单位\n`);
    expect([...chromeRuns(lines).keys()]).toEqual([1, 2, 3, 4]);
  });

  it('drops a page counter fused onto the text and keeps the text', () => {
    const draft = ingestOne(`第1页共7页${paragraph}\n`);
    expect(draft.dropped).toEqual([{ reason: 'page counter (第1页共9页)', text: '第1页共7页', line: 1 }]);
    expect(draft.body).toBe(`${paragraph}\n`);
  });
});

describe('one page, one document', () => {
  it('does not split on a toolbar and a breadcrumb above the title', () => {
    const drafts = ingest(`字号 大 中 小\n您的位置:首页 >> 工作计划\n某县民政局2023年工作计划\n${paragraph}\n一、社会救助\n${paragraph}\n`);
    expect(drafts).toHaveLength(1);
  });

  it('does not split on the title printed again above the text or before the footer', () => {
    const title = '某县民政局2023年上半年工作总结';
    const drafts = ingest(`${title}\n时间:2023-07-01 10:05:00\n${title}\n${paragraph}\n一、社会救助\n${paragraph}\n${title}\n主办:某县人民政府办公室\n`);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]?.dropped.filter((line) => line.reason.includes('second title line')).map((line) => line.line)).toEqual([3, 7]);
  });

  it('keeps a notice and the plan it 印发 as one document', () => {
    const drafts = ingest(`某区政府办公室关于印发某区“十四五”养老服务发展规划的通知\n现将《某区“十四五”养老服务发展规划》印发给你们,请认真落实,遵照执行。现将有关事项通知如下,请各单位认真贯彻。\n某区“十四五”养老服务发展规划\n${paragraph}\n`);
    expect(drafts).toHaveLength(1);
  });

  it('keeps attachments with their notice, and 一、 starting again in each chapter', () => {
    const drafts = ingest(`某区人民政府办公室关于印发2022年区政府工作报告目标任务的通知\n${paragraph}\n附件1\n2022年区政府工作报告重点工作任务分解表\n第一章 总体要求\n一、指导思想\n${paragraph}\n第二章 主要任务\n一、社会救助\n${paragraph}\n`);
    expect(drafts).toHaveLength(1);
  });

  it('does not start a document at a byline after the text', () => {
    expect(ingest(`${paragraph}\n${paragraph.replace('2023', '2022')}\n信息来源: 区府办 发布日期:2023-01-05\n`)).toHaveLength(1);
  });

  it('still splits where a second document’s header follows the first one’s text', () => {
    const second = '索引号: 0001/2023-02\n发布机构: 某区民政局\n发布日期: 2023-07-01\n';
    const drafts = ingest(`索引号: 0001/2023-01\n发布机构: 某县民政局\n发布日期: 2023-01-05\n${paragraph}\n${second}${paragraph.replace('2023', '2022')}\n`);
    expect(drafts).toHaveLength(2);
    expect(drafts[1]?.frontmatter.publisher).toBe('某区民政局');
  });
});
