/**
 * Re-joining lines a copy broke without punctuation: joined only when the characters either side of the break
 * occur together elsewhere in the text, and that is asked of the text once, not once per line break.
 */
import { describe, expect, it } from 'vitest';
import { groupUnits } from '../../../src/domain/ingest/units.ts';
import type { SourceLine } from '../../../src/domain/ingest/types.ts';

const sourceLines = (texts: string[]): SourceLine[] => texts.map((text, i) => ({ no: i + 1, text }));
const evidenceOf = (lines: SourceLine[]) => lines.map((line) => line.text).join('\n');
const texts = (lines: SourceLine[]) => groupUnits(lines, evidenceOf(lines)).units.map((unit) => (unit.type === 'text' ? unit.text : unit.type));

describe('lines broken without punctuation', () => {
  // Invented: a report whose second copy has the sentence whole, and a first copy broken after 最低生活.
  const whole = '全区城乡最低生活保障标准统一提高到每人每月八百元并按时足额发放到位。';
  const broken = ['全区城乡低保工作稳步推进今年累计发放城乡最低生活', '保障金三千二百万元惠及困难群众一万余人次。'];

  it('joins a break the rest of the text shows to be inside a word', () => {
    expect(texts(sourceLines([...broken, whole]))).toEqual([`${broken[0]}${broken[1]}`, whole]);
  });

  it('keeps a break apart when no other text has the characters either side of it together', () => {
    expect(texts(sourceLines(broken))).toEqual(broken);
  });

  it('joins a one-character line to the line before it and reads the break after it from both', () => {
    const head = '全区城乡低保工作稳步推进今年全年累计发放城乡最低生';
    const lines = sourceLines([head, '活', '保障金三千二百万元惠及困难群众一万余人次。', whole]);
    expect(texts(lines)).toEqual([`${head}活保障金三千二百万元惠及困难群众一万余人次。`, whole]);
  });
});

describe('the text is searched once', () => {
  /** A text that counts how often it is searched with `includes`. */
  class CountingText extends String {
    searches = 0;
    override includes(search: string, position?: number): boolean {
      this.searches += 1;
      return super.includes(search, position);
    }
  }

  it('answers every line break of a long copy from one pass over the text, not a search per break', () => {
    // 2,000 long lines of different lengths ending without punctuation: each break used to search the whole text.
    const lines = sourceLines(Array.from({ length: 2000 }, (_, i) => `第${i}段落的文字较长而且没有标点符号结尾用于检验换行处的判断${'方式'.repeat(1 + (i % 9))}`));
    const evidence = new CountingText(evidenceOf(lines));
    const { units } = groupUnits(lines, evidence as unknown as string);
    expect(units).toHaveLength(2000);
    expect(evidence.searches).toBe(0);
  });
});
