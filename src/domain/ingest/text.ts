/** Small text helpers the ingestion modules share: outline markers, dates, comparison keys. */
import { isRealCalendarDate } from '../../schemas/calendar-date.ts';
import { parseChineseNumeral } from '../content/validate-content.ts';

/**
 * The outline markers of Chinese official documents, from the top: 一、 → （一） → 1、/1. → （1）.
 * `rank` is the Markdown heading depth each becomes.
 */
export type MarkerKind = 'cn' | 'cn-paren' | 'num' | 'num-paren';

export interface Marker {
  kind: MarkerKind;
  /** The item number, e.g. 3 for 三、 or （3）. */
  number: number;
  /** The marker as written, e.g. `（一）`. */
  text: string;
  /** Markdown heading depth for this kind: 2, 3, 4 or 5. */
  rank: number;
}

const markerPatterns: { kind: MarkerKind; pattern: RegExp; rank: number }[] = [
  { kind: 'cn', pattern: /^([一二三四五六七八九十]{1,3})、/, rank: 2 },
  { kind: 'cn-paren', pattern: /^[（(]([一二三四五六七八九十]{1,3})[)）]/, rank: 3 },
  // 1、 or 1. but not 1.9亿元 or a date such as 2023.08.28
  { kind: 'num', pattern: /^(\d{1,2})(?:、|[.．](?![\d]))/, rank: 4 },
  { kind: 'num-paren', pattern: /^[（(](\d{1,2})[)）]/, rank: 5 },
];

export function outlineMarker(text: string): Marker | undefined {
  const trimmed = text.trimStart();
  for (const { kind, pattern, rank } of markerPatterns) {
    const match = pattern.exec(trimmed);
    if (!match) continue;
    const digits = match[1] ?? '';
    const number = /^\d+$/.test(digits) ? Number(digits) : parseChineseNumeral(digits);
    if (number === undefined) continue;
    return { kind, number, text: match[0], rank };
  }
  return undefined;
}

/**
 * A calendar date as real pages print it, → `YYYY-MM-DD`; anything else → undefined. Pages write
 * `2023-08-28`, `2023年8月28日`, `2023/8/28`, `2023.08.28`, with stray spaces (`2023- 12- 25`) and a time after
 * it (`2021-01-12 16:30:04`, `2023- 12- 25 17: 53`), day first as European mirrors do (`24.01.2017 19:33`), or in
 * Chinese numerals as signatures do (`二○一一年十二月九日`).
 */
export function normaliseDate(text: string): string | undefined {
  const trimmed = text.trim().replace(/\s+\d{1,2}\s*[:：]\s*\d{2}(\s*[:：]\s*\d{2})?$/, '');
  const ymd = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(trimmed);
  if (ymd) return calendarDate(ymd[1], ymd[2], ymd[3]);
  // Day first only with dots or slashes and a four-digit year last: 24.01.2017.
  const dmy = /^(\d{1,2})\s*[.]\s*(\d{1,2})\s*[.]\s*(\d{4})$/.exec(trimmed);
  if (dmy) return calendarDate(dmy[3], dmy[2], dmy[1]);
  const chinese = chineseDate(trimmed);
  return chinese?.day !== undefined ? calendarDate(String(chinese.year), String(chinese.month), String(chinese.day)) : undefined;
}

function calendarDate(year: string | undefined, month: string | undefined, day: string | undefined): string | undefined {
  const date = `${year}-${(month ?? '').padStart(2, '0')}-${(day ?? '').padStart(2, '0')}`;
  return isRealCalendarDate(date) ? date : undefined;
}

/** Digits of a year written in Chinese numerals, ○ and 〇 (and the look-alikes O, 零) for zero. */
const yearDigits: Record<string, number> = { '○': 0, '〇': 0, 零: 0, O: 0, Ｏ: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** `二○一一年十二月九日` → 2011, 12, 9; `二○一一年十二月` → 2011, 12 (no day). */
export function chineseDate(text: string): { year: number; month: number; day?: number } | undefined {
  const match = /^([○〇零OＯ一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月(?:\s*([一二三四五六七八九十]{1,3})\s*日)?$/.exec(text.trim());
  if (!match) return undefined;
  const year = Number([...(match[1] ?? '')].map((char) => yearDigits[char]).join(''));
  const month = parseChineseNumeral(match[2] ?? '');
  const day = match[3] ? parseChineseNumeral(match[3]) : undefined;
  if (month === undefined || month < 1 || month > 12 || (match[3] && day === undefined)) return undefined;
  return day === undefined ? { year, month } : { year, month, day };
}

/**
 * A date whose 年 and 月 the copy lost: `2022121日` is 2022年1月21日 or 2022年12月1日. Returns every reading that
 * is a real date; one reading means the date is unambiguous (`201811日` → 2018-01-01, `20221231日` → 2022-12-31).
 */
export function fusedDateReadings(text: string): string[] {
  const match = /^\s*((?:19|20)\d{2})(\d{2,4})\s*日\s*$/.exec(text);
  if (!match) return [];
  const [year, rest] = [match[1] ?? '', match[2] ?? ''];
  const readings: string[] = [];
  for (let cut = 1; cut < rest.length; cut++) {
    const [month, day] = [rest.slice(0, cut), rest.slice(cut)];
    if (month.length > 2 || day.length > 2) continue;
    const date = calendarDate(year, month, day);
    if (date && !readings.includes(date)) readings.push(date);
  }
  return readings;
}

/** Whether a line is only a date (the lists of dates a site's sidebar leaves in a copy). */
export function isBareDate(text: string): boolean {
  return /^\s*\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(\s+\d{1,2}:\d{2}(:\d{2})?)?\s*$/.test(text);
}

/** Text without any whitespace: copies of one passage differ in stray spaces (`20232 人` vs `20232人`). */
export function compact(text: string): string {
  return text.replace(/[\s\u3000]+/g, '');
}

/** `"a"` → `"a"`; a long text shortened for reports with an ellipsis. */
export function excerpt(text: string, length = 40): string {
  const chars = [...text];
  return chars.length <= length ? text : `${chars.slice(0, length).join('')}…`;
}

/**
 * A title without the name of the site a browser's title bar or a 文库 adds after a separator:
 * `讷河市民政局2022年工作总结 - 豆丁文库`, `关于…的通知_某某市人民政府门户网站`. Only a trailing part that names
 * a site or an organ goes; a title's own dash (2021—2025年) stays.
 */
export function withoutSiteName(title: string): string {
  const suffix = /\s*(?:\s[-–—|]\s*|_|｜|\|)\s*[^\s\-–—_|｜]{2,24}(?:文库|文庫|网|網|网站|網站|门户|門戶|门户网站|人民政府|政府|民政局|民政厅|民政廳|频道|頻道|之窗|在线|在線|首页|首頁)\s*$/;
  const match = suffix.exec(title);
  if (!match || match.index < 4) return title;
  return title.slice(0, match.index).trim();
}
