import { describe, expect, it } from 'vitest';
import { hasTraditionalCharacters, toSimplified } from '../../../src/domain/ingest/script.ts';

describe('toSimplified', () => {
  it('reads 靜安區民政局關於調整城鄉最低生活保障標準的通知 as simplified Chinese', () => {
    expect(toSimplified('靜安區民政局關於調整城鄉最低生活保障標準的通知')).toBe('静安区民政局关于调整城乡最低生活保障标准的通知');
  });

  it('keeps every character at its index, so a match in the reading is a quote of the original', () => {
    const original = '新增護理型床位500張，總結(jié)如下';
    const reading = toSimplified(original);
    expect(reading.length).toBe(original.length);
    const at = reading.indexOf('护理型床位500张');
    expect(original.slice(at, at + '护理型床位500张'.length)).toBe('護理型床位500張');
  });

  it('leaves simplified text, digits, Latin and punctuation unchanged', () => {
    const text = '资兴市城市低保A类由500元/月.人提高至550元/月.人（2023年）';
    expect(toSimplified(text)).toBe(text);
    expect(hasTraditionalCharacters(text)).toBe(false);
    expect(hasTraditionalCharacters('貴州省民政廳')).toBe(true);
  });
});
