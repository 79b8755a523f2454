/**
 * Page-level fields on small invented pages, each in the general form of a wording or layout bureaus and the
 * sites that copy them use: a news byline that opens with its date, a site menu on one line, a task table's
 * header above the text, a report whose figures stand at the end of June.
 */
import { describe, expect, it } from 'vitest';
import { boilerplateReason } from '../../../src/domain/ingest/boilerplate.ts';
import { scanMetadata } from '../../../src/domain/ingest/metadata.ts';
import { ingestOne } from './helpers.ts';

const lines = (text: string) => text.split('\n').map((line, i) => ({ no: i + 1, text: line }));
const inferred = (text: string, field: string) => ingestOne(text).report.inferred.find((entry) => entry.field === field)?.value;

describe('a news byline that opens with its date and no key', () => {
  const page = '全市养老服务体系建设稳步推进\n2024-03-15 09:20:11 星期五 来源: 某某晚报 作者: 记者 王明\n记者从市民政局获悉,去年全市新建社区养老服务站42个,城乡社区养老服务实现全覆盖。\n';

  it('reads the date as published and the 来源 as a publisher candidate', () => {
    const scanned = scanMetadata(lines(page));
    expect(scanned.values).toContainEqual(expect.objectContaining({ field: 'published', line: 2, byline: true }));
    expect(scanned.values).toContainEqual(expect.objectContaining({ field: 'source', value: '某某晚报', line: 2 }));
    expect(scanned.consumed.get(2)).toMatch(/^page byline/);
  });

  it('gives the draft the published date and the byline publisher', () => {
    const draft = ingestOne(page);
    expect(draft.frontmatter.published).toBe('2024-03-15');
    expect(draft.frontmatter.publisher).toBe('某某晚报');
  });

  it('reads the weekday written 周五 as well, and the date in 年月日', () => {
    const scanned = scanMetadata(lines('2023年11月3日 周五 来源：某某县融媒体中心\n'));
    expect(scanned.values).toContainEqual(expect.objectContaining({ field: 'published', line: 1 }));
  });

  it('leaves a sentence that opens with a date alone', () => {
    const scanned = scanMetadata(lines('2024-03-15 全县召开民政工作会议,来源于各乡镇的代表参加。\n'));
    expect(scanned.consumed.size).toBe(0);
  });
});

describe('a site menu copied as one line', () => {
  it('is dropped as site chrome', () => {
    expect(boilerplateReason('网站首页 范文大全 工作计划 工作总结 心得体会 演讲致辞 公文写作')).toMatch(/^site menu on one line/);
  });

  it('keeps a line of six people’s names, a line with punctuation and a short heading', () => {
    expect(boilerplateReason('张伟 王芳 李强 刘洋 陈静 杨军')).toBeUndefined();
    expect(boilerplateReason('养老服务 社会救助 儿童福利,三项工作同步推进')).toBeUndefined();
    expect(boilerplateReason('社会救助 养老服务')).toBeUndefined();
  });

  it('is not taken for the title, so the title printed under it is', () => {
    const draft = ingestOne('网站首页 范文大全 工作计划 工作总结 心得体会 演讲致辞 公文写作\n\n某县民政局2022年工作总结\n\n2022年,我局认真贯彻落实上级决策部署,各项民政工作取得了新的成效,全年共发放各类救助资金一千二百万元。\n');
    expect(draft.frontmatter.title).toBe('某县民政局2022年工作总结');
    expect(draft.frontmatter.period).toEqual({ year: 2022, half: null });
  });
});

describe('a task table whose header comes first', () => {
  it('does not take the header run together for the headline', () => {
    const draft = ingestOne('项目内容工作任务牵头单位完成时限\n新建社区老年食堂12个。县民政局,各乡镇2024年12月底前。\n改造特困供养机构3所。县民政局2024年10月底前。\n');
    expect(draft.frontmatter.title).not.toBe('项目内容工作任务牵头单位完成时限');
  });
});

describe('a report whose figures stand at the end of June', () => {
  const report = (opening: string) =>
    `${opening}\n1.全市共有城市低保对象1.2万人,平均保障标准每人每月760元,已累计发放低保资金5600万元。\n2.全市共有特困人员3100人,已全部纳入供养。\n`;

  it('covers the first half of the year it names', () => {
    const text = report('截至2024年6月底:');
    expect(inferred(text, 'period.year')).toBe(2024);
    expect(inferred(text, 'period.half')).toBe('H1');
  });

  it('reads 截止6月30日 so too, and a report as of the end of the year as the whole year', () => {
    expect(inferred(report('截止2023年6月30日,全市社会救助工作情况如下:'), 'period.half')).toBe('H1');
    expect(inferred(report('截至2023年12月底,全市社会救助工作情况如下:'), 'period.half')).not.toBe('H1');
  });
});
