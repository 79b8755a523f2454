import { describe, expect, it } from 'vitest';
import { keepTogetherHtml, keepTogetherParts } from '../../src/domain/keep-together.ts';

const kept = (text: string) => keepTogetherParts(text).filter((p) => p.keep).map((p) => p.text);

describe('keepTogetherParts', () => {
  it('keeps a half-year period in one piece', () => {
    expect(kept('2023年上半年工作总结')).toEqual(['2023年上半年']);
  });

  it('keeps a number with its unit, with or without the space', () => {
    expect(kept('城市低保A类由500元/月.人提高至550 元/人/月')).toEqual(['500元/月.人', '550 元/人/月']);
    expect(kept('全区养老床位总数达6,331张，护理型床位占比55.5%')).toEqual(['6,331张', '55.5%']);
    expect(kept('城市最低生活保障标准为780元/月/人')).toEqual(['780元/月/人']);
  });

  it('keeps dates and multi-year periods whole', () => {
    expect(kept('从2023年1月1日起执行')).toEqual(['2023年1月1日']);
    expect(kept('2021—2025年（“十四五”时期）')).toEqual(['2021—2025年']);
    expect(kept('发布于2023-08-28，12月31日前完成')).toEqual(['2023-08-28', '12月31日']);
    expect(kept('到2023年底，每个社区不少于10个')).toEqual(['2023年底', '10个']);
  });

  it('leaves a long code such as a 索引号 free to wrap', () => {
    expect(kept('索引号：11341703003249426F/202308-00030')).toEqual(['202308', '00030']);
  });

  it('leaves single digits and text without numbers alone', () => {
    expect(keepTogetherParts('3')).toEqual([{ text: '3', keep: false }]);
    expect(keepTogetherParts('社会救助科')).toEqual([{ text: '社会救助科', keep: false }]);
    expect(keepTogetherParts('')).toEqual([]);
  });

  it('cuts the text into parts that join back to exactly the text', () => {
    const text = '1.加强志愿服务工作，实现2023年每百万常住人口拥有志愿服务组织15家以上、站点数占100%。';
    expect(keepTogetherParts(text).map((p) => p.text).join('')).toBe(text);
  });
});

describe('keepTogetherHtml', () => {
  it('wraps the kept parts in no-break spans and escapes every part', () => {
    const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    expect(keepTogetherHtml('<b>新增300张</b> & 2023年', escape)).toBe('&lt;b>新增<span class="nobr">300张</span>&lt;/b> &amp; <span class="nobr">2023年</span>');
  });
});
