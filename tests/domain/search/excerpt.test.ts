import { describe, expect, it } from 'vitest';
import { excerptAround, firstMatch, highlightRanges } from '../../../src/domain/search/excerpt.ts';

describe('highlights for a page', () => {
  it('marks every occurrence in the original text, across line breaks and full-width forms', () => {
    const text = '提高低保标\n准。ＩＰｖ６改造与ipv6。';
    const ranges = highlightRanges(text, '低保标准 IPv6');
    expect(ranges.map(([s, e]) => text.slice(s, e))).toEqual(['低保标\n准', 'ＩＰｖ６', 'ipv6']);
  });

  it('gives the first match to scroll to, or null', () => {
    expect(firstMatch('第一条 为了规范社会救助。', '社会救助')).toEqual({ offset: 8, length: 4, text: '社会救助' });
    expect(firstMatch('第一条', '龘')).toBeNull();
  });
});

describe('excerptAround', () => {
  it('keeps a short text whole', () => {
    const text = '推进殡葬改革。';
    expect(excerptAround(text, 2, 4, [[2, 4]])).toEqual({ text: '推进殡葬改革。', highlights: [[2, 4]] });
  });

  it('closes up a long line hard-wrapped inside a word but keeps a space between words', () => {
    const line = '根据市委市政府的统一部署和全年工作安排，结合本区实际，今年要把城乡低保标';
    const text = `${line}\n准提高到每人每月550元，推进IPv6 改造工作全面完成。`;
    const at = line.indexOf('低保');
    const excerpt = excerptAround(text, at, at + 5, [[at, at + 5]]);
    expect(excerpt.text).toBe(`${line}准提高到每人每月550元，推进IPv6 改造工作全面完成。`);
    expect(excerpt.text.slice(...(excerpt.highlights[0] as [number, number]))).toBe('低保标准');
  });

  it('keeps a short heading line apart from the text after it', () => {
    const text = '一、完善社会救助制度\n全面落实低保标准动态调整机制。';
    const at = text.indexOf('低保');
    expect(excerptAround(text, at, at + 2, [[at, at + 2]]).text).toBe('全面落实低保标准动态调整机制。');
    expect(excerptAround(text, 2, 4, [[2, 4]]).text).toBe('一、完善社会救助制度 全面落实低保标准动态调整机制。');
  });

  it('marks a cut in the middle of a long sentence with an ellipsis', () => {
    const text = `${'甲'.repeat(200)}低保${'乙'.repeat(200)}`;
    const excerpt = excerptAround(text, 200, 202, [[200, 202]]);
    expect(excerpt.text.startsWith('…')).toBe(true);
    expect(excerpt.text.endsWith('…')).toBe(true);
    expect(excerpt.text.length).toBeLessThanOrEqual(125);
    expect(excerpt.text.slice(...(excerpt.highlights[0] as [number, number]))).toBe('低保');
  });
});
