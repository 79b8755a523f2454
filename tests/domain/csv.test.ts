import { describe, expect, it } from 'vitest';
import { csvField, recordsToCsv, toCsv } from '../../src/domain/csv.ts';

describe('CSV', () => {
  it('starts with a UTF-8 byte-order mark so spreadsheet programs read Chinese correctly', () => {
    const csv = toCsv(['地区'], [['资兴市']]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('ends every line with CRLF, the last one too', () => {
    expect(toCsv(['a', 'b'], [[1, 2]], { bom: false })).toBe('a,b\r\n1,2\r\n');
  });

  it('quotes fields with commas, quotes or line breaks and doubles the quotes inside', () => {
    expect(csvField('由500元,提高至550元')).toBe('"由500元,提高至550元"');
    expect(csvField('“暖民心”与"双招双引"')).toBe('"“暖民心”与""双招双引"""');
    expect(csvField('第一行\n第二行')).toBe('"第一行\n第二行"');
    expect(csvField('回车\r')).toBe('"回车\r"');
    expect(csvField('城市低保标准为780元/月/人')).toBe('城市低保标准为780元/月/人');
  });

  it('writes nothing for missing values and plain digits for numbers', () => {
    expect(toCsv(['a', 'b', 'c', 'd'], [[null, undefined, 0, 0.08333]], { bom: false })).toBe('a,b,c,d\r\n,,0,0.08333\r\n');
    expect(csvField(1e21)).toBe('1000000000000000000000');
  });

  it('writes records in the order of the given columns', () => {
    expect(recordsToCsv(['b', 'a'], [{ a: 1, b: 2 }], { bom: false })).toBe('b,a\r\n2,1\r\n');
  });
});
