/**
 * Amounts as government pages write them: a number with its unit and, for money, the period it is paid for.
 * Pages write one per-person monthly standard as 每人每月420元, 420元/人/月, 420元/月.人, 420元∕人、月,
 * 420元人/.月, 人月420元 or 月人均420元, and a yearly one as 每年4800元/年 or 年人均5580元; a list or a raise
 * often writes the unit once (每月378元和268元, 由人月230元提高至240元). Everything here runs over the
 * *reading* of the text (simplified, ASCII digits), which keeps every index of the original.
 */
import { parseChineseNumeral } from '../content/validate-content.ts';
import { toSimplified } from './script.ts';

/** Full-width digits, letters and signs as ASCII, one character for one: ０-９ → 0-9, ％ → %, ／ → /. */
function halfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** What the rules read: simplified characters (護 → 护, 張 → 张) and ASCII digits, index for index. */
export function readingOf(text: string): string {
  return halfWidth(toSimplified(text));
}

export type Period = 'month' | 'year';

export interface Amount {
  /** Where the number starts and the unit ends, in the text searched. */
  start: number;
  end: number;
  value: number;
  /** `money` per person (元 with a period, stated or inherited), `total` money (万元), beds (张), percent, people. */
  kind: 'money' | 'total' | 'beds' | 'percent' | 'people';
  /** For money: the period of the standard, stated by the unit, a marker before the number, or the list. */
  period?: Period;
  /** Where the period marker before the number starts (每人每月 in 每人每月420元), for quotes. */
  markerStart?: number;
  /** The period came from an earlier amount of the same list or raise (由人月230元提高至240元). */
  inherited?: boolean;
}

/**
 * A number as written: 420, 1.2 (with 万: 2.5万 → 25000), and one whose thousands a copy set apart with a
 * space (5 520元, 4 560张: a typeset page's digit grouping, or a stray space of the copy).
 */
const digits = String.raw`\d{1,3}(?:[ \u00a0]\d{3})+(?![\d])(?:\.\d+)?|\d+(?:\.\d+)?`;
/** 元 and what may follow it to say per person and per month or year: /人/月, /月.人, ∕人、年, 人/.月, 每人每月. */
const perUnit = String.raw`(?:\s*[/∕每]\s*)?[人月年](?:[\s/∕.·•・、每]{0,2}[人月年])?`;
const amountPattern = new RegExp(String.raw`(${digits})\s*(万|亿)?\s*(?:(元)(${perUnit})?|(张)|(%)|(人次|人|户|名))`, 'g');
/** Beds written in Chinese numerals: 新增一万二千张. */
const chineseBeds = /([零〇一二两三四五六七八九十百千万]+)\s*张/g;
/** A period marker written before the number: 每人每月420元, 人月230元, 年人均5580元, 家庭月人均收入760元. */
const periodMarkers = /(每人每月|每月每人|人均每月|每人每年|每年每人|人均每年|人月|人年|月人均|年人均|每月|每年|按月|按年|(?<!\d)[年月](?:保障|救助|补助|供养)?标准)/g;

function periodOfUnit(unit: string): Period | undefined {
  const month = unit.includes('月');
  const year = unit.includes('年');
  if (month === year) return undefined;
  return month ? 'month' : 'year';
}

function periodOfMarker(marker: string): Period {
  return marker.includes('月') ? 'month' : 'year';
}

/** A number that lost digits or is masked: X元, 20xx, 9596.X万元, 1—5 written as 15. */
function masked(reading: string, start: number, end: number): boolean {
  return /[Xx*＊×]/.test(reading[start - 1] ?? '') || /^[.．]?[Xx*＊]/.test(reading.slice(end, end + 2));
}

/**
 * Every amount of `reading` (one sentence), in order. A money amount without its own period takes one from a
 * marker between the previous amount and itself, else from the previous money amount of the sentence.
 */
export function amountsIn(reading: string): Amount[] {
  const found: Amount[] = [];
  for (const match of reading.matchAll(amountPattern)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    if (masked(reading, start, start + (match[1]?.length ?? 0))) continue;
    // Part of a longer number (a date 2023年, an id) is not an amount.
    if (/[\d.]/.test(reading[start - 1] ?? '')) continue;
    const scale = match[2] === '万' ? 10000 : match[2] === '亿' ? 1e8 : 1;
    const value = Math.round(Number.parseFloat((match[1] ?? '').replace(/[ \u00a0]/g, '')) * scale * 1e6) / 1e6;
    if (!Number.isFinite(value)) continue;
    if (match[3]) {
      if (match[2]) {
        found.push({ start, end, value, kind: 'total' });
        continue;
      }
      const unit = match[4] ?? '';
      // 元人民币 is not a per-person unit: keep the 人 out of the amount.
      const period = periodOfUnit(unit);
      const ownEnd = unit && !period && !unit.includes('/') ? start + match[0].length - unit.length : end;
      found.push({ start, end: ownEnd, value, kind: 'money', ...(period ? { period } : {}) });
    } else if (match[5]) found.push({ start, end, value, kind: 'beds' });
    else if (match[6]) found.push({ start, end, value, kind: 'percent' });
    else found.push({ start, end, value, kind: 'people' });
  }
  for (const match of reading.matchAll(chineseBeds)) {
    const value = parseChineseNumeral((match[1] ?? '').replace(/〇/g, '零'));
    const start = match.index ?? 0;
    if (value === undefined || found.some((a) => a.start <= start && start < a.end)) continue;
    found.push({ start, end: start + match[0].length, value, kind: 'beds' });
  }
  found.sort((a, b) => a.start - b.start);
  let previous: Amount | undefined;
  let last: Amount | undefined;
  for (const amount of found) {
    if (amount.kind !== 'money') continue;
    // A marker belongs to the amount right after it, never to one past a restatement (由10968元(月人均914元)提高到11040元).
    const from = last?.end ?? 0;
    last = amount;
    const markers = [...reading.slice(from, amount.start).matchAll(periodMarkers)];
    const marker = markers.at(-1);
    if (marker) {
      const markerStart = from + (marker.index ?? 0);
      amount.markerStart = markerStart;
      amount.period ??= periodOfMarker(marker[0]);
    } else if (!amount.period && previous?.period) {
      amount.period = previous.period;
      amount.inherited = true;
    }
    if (!restatement(reading, found, amount)) previous = amount;
  }
  return found;
}

/**
 * An amount in brackets right after another one restates it in another period: 年人均由10968元(月人均914元).
 * It is not a figure of its own, and the list goes on from the amount it restates.
 */
export function restatement(reading: string, amounts: Amount[], amount: Amount): boolean {
  const open = reading.lastIndexOf('(', amount.start);
  const openFull = reading.lastIndexOf('（', amount.start);
  const at = Math.max(open, openFull);
  if (at < 0 || /[)）]/.test(reading.slice(at, amount.start))) return false;
  return amounts.some((other) => other !== amount && other.end <= at && at - other.end <= 1 && other.kind === amount.kind);
}
