import { describe, expect, it } from 'vitest';
import { boilerplateReason } from '../../../src/domain/ingest/boilerplate.ts';
import { ingestOne } from './helpers.ts';

describe('site boilerplate', () => {
  it.each([
    ['将本文的Word文档下载到电脑', 'download prompt'],
    ['【打印本页】 【关闭窗口】', 'download prompt'],
    ['更新时间:2023-02-25 01:27:46 发布时间:24小时内 作者:文/会员上传 下载doxc', 'page byline (更新时间 / 作者)'],
    ['2022-12-09', 'run of bare dates (site navigation)'],
    ['© 2025宣州区人民政府 All Rights Reserved', 'site footer (copyright, ICP, 公安备案, contact, 网站标识码)'],
    ['主办:宣州区人民政府办公室 运维电话:(0563)3027267 传真:(0563)3023029', 'site footer (copyright, ICP, 公安备案, contact, 网站标识码)'],
    ['皖ICP备05004400号-1', 'site footer (copyright, ICP, 公安备案, contact, 网站标识码)'],
    ['网站标识码:3418020037 皖公安备案', 'site footer (copyright, ICP, 公安备案, contact, 网站标识码)'],
    ['34180202000313 本站已支持IPv6访问', 'site footer (copyright, ICP, 公安备案, contact, 网站标识码)'],
    ['推荐度:', 'site rating (推荐度)'],
    ['(注:1.只接收对该政策性文件的相关咨询;2.留言时请注明政策性文件名称)', 'site notice (注:…)'],
    ['|', 'lone table pipe left by the copy'],
    ['首页 > 政务公开 > 计划总结', 'page navigation'],
  ])('drops %s', (line, reason) => {
    expect(boilerplateReason(line)).toBe(reason);
  });

  it.each([
    ['五是开展“下载APP、用好平台”宣传活动,引导群众网上办理婚姻登记预约,全年网上预约率达到80%以上。'],
    ['(注:以上数据截至6月底)'],
    ['(一)疫情防控工作'],
    ['2023年上半年,在区委、区政府的正确领导下'],
  ])('keeps the document line %s', (line) => {
    expect(boilerplateReason(line)).toBeUndefined();
  });

  it('records each dropped line of a draft with its reason', () => {
    const draft = ingestOne('2022-12-09\n2022-12-09\n2023年上半年,我局认真做好各项工作。\n推荐度:\n');
    expect(draft.dropped).toEqual([
      { reason: 'run of bare dates (site navigation)', text: '2022-12-09', line: 1 },
      { reason: 'run of bare dates (site navigation)', text: '2022-12-09', line: 2 },
      { reason: 'site rating (推荐度)', text: '推荐度:', line: 4 },
    ]);
    expect(draft.body).toBe('2023年上半年,我局认真做好各项工作。\n');
  });
});
