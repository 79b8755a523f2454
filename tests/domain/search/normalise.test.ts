import { describe, expect, it } from 'vitest';
import { normalise, normaliseWithMap, queryParts } from '../../../src/domain/search/normalise.ts';

describe('normalise', () => {
  it('drops white space of every kind, including line breaks and the ideographic space', () => {
    expect(normalise('低保标\n准 每人\u3000每月\t550 元')).toBe('低保标准每人每月550元');
  });

  it('folds full-width letters and digits and lower-cases Latin (NFKC + lower case)', () => {
    expect(normalise('ＩＰｖ６ 改造，２０２３年 A类')).toBe('ipv6改造,2023年a类');
  });

  it('drops invisible format characters such as zero-width spaces and BOMs', () => {
    expect(normalise('\ufeff低\u200b保')).toBe('低保');
  });

  it('keeps characters outside the Basic Multilingual Plane whole', () => {
    expect(normalise('𠀋 字')).toBe('𠀋字');
  });

  it('maps every normalised character back to the original text it came from', () => {
    const original = '低保标\n准（ＩＰ）';
    const mapped = normaliseWithMap(original);
    expect(mapped.text).toBe('低保标准(ip)');
    const at = mapped.text.indexOf('标准');
    expect(original.slice(mapped.start[at], mapped.end[at + 1])).toBe('标\n准');
    const ip = mapped.text.indexOf('ip');
    expect(original.slice(mapped.start[ip], mapped.end[ip + 1])).toBe('ＩＰ');
  });

  it('gives the same text with and without the map', () => {
    const text = '第一条　为了规范Ａ类\r\n事项，ﬁ ligature é\u0301 𠀋';
    expect(normaliseWithMap(text).text).toBe(normalise(text));
  });
});

describe('queryParts', () => {
  it('splits a query on white space into required parts, normalised', () => {
    expect(queryParts(' 低保  标准\u3000ＩＰｖ６ ')).toEqual(['低保', '标准', 'ipv6']);
  });

  it('keeps a repeated part once and drops parts that normalise to nothing', () => {
    expect(queryParts('低保 低保 \u200b')).toEqual(['低保']);
    expect(queryParts('   ')).toEqual([]);
  });
});
