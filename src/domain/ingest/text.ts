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

/** `2023-08-28`, `2023年8月28日`, `2023/8/28`, `2023.08.28` → `2023-08-28`; anything else → undefined. */
export function normaliseDate(text: string): string | undefined {
  const match = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$/.exec(text);
  if (!match) return undefined;
  const date = `${match[1]}-${(match[2] ?? '').padStart(2, '0')}-${(match[3] ?? '').padStart(2, '0')}`;
  return isRealCalendarDate(date) ? date : undefined;
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
