/**
 * The role each number plays in a figure's quote, so validation can tell the number a figure states from the
 * other numbers around it (issue 14): in 由320元提高至380元 the standard is 380 and 320 the one before it; in
 * 月人均增加47元 the 47 is a raise, not a standard. A figure whose value appears in its quote only in another
 * role is published wrong, so it is an error with the fix.
 *
 * Only Arabic digits are read here (with full-width digits, spaced thousands and 万); a value the quote
 * writes in Chinese numerals is left to `quoteStatesNumber`, which finds it but cannot say its role.
 */

export type NumberRole = 'from' | 'to' | 'increase' | 'stated';

export interface QuotedNumber {
  value: number;
  role: NumberRole;
  /** Offset of the number in the quote as read (after full-width digits and spaced thousands are folded). */
  at: number;
}

/** Full-width digits (７５０) and thousands set apart by a space or a comma (5 520, 5,520) read as the plain number. */
export function readDigits(quote: string): string {
  return quote
    .replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/(?<!\d)(\d{1,3})(?:[ \u00a0,](\d{3}))+(?!\d)/g, (group) => group.replace(/[ \u00a0,]/g, ''));
}

// Who and per what a standard is for, written again before the new value (由每人每月355元调整为每人每月400元), and
// a floor (提高到不低于5580元).
const perPerson = '(?:每人每[月年]|每月|每年|月人均|年人均|人均)?(?:不低于|不少于)?';
// The same number restated in brackets in another unit, between it and the verb: 5268元(月人均439元)提高到….
const aside = '(?:[(（][^()（）]*[)）])?';
// A verb of change followed by 到/至/为: what comes after is the new value. 提髙 is 提高 as some copies print it
// (月人均收人380元提髙到430元, sichuan/chengdu 2013 notice).
const changeTo = new RegExp(`(?:提[高髙]|提升|上调|调高|调增|调整|增加|增长|增至|上涨|达到|统一调)?(?:到|至|为)\\s*${perPerson}\\s*$`);
// 增加/提高 directly before a number, without 到/至/为: the number is the size of the change.
const changeBy = /(?:增加|提[高髙]|上调|调高|提升|增长|上涨)了?\s*$/;
// 由/从 before a number: the value before the change.
const fromMarker = /(?:由|从)\s*(?:每人每[月年]|每月|每年|月人均|年人均|人均)?\s*$/;
// After a number (and its unit): a verb of change to another number, so the number was the earlier value.
const followedByChange = new RegExp(`^\\s*(?:元|张|个|%|％|万)?${aside}[^\\d，。；;]{0,12}?(?:提[高髙]|提升|上调|调高|调增|调整|增加|增长|上涨)(?:到|至|为)\\s*${perPerson}\\s*\\d`);

/** Every number of the quote with its role. */
export function quotedNumbers(quote: string): QuotedNumber[] {
  const text = readDigits(quote);
  const found: QuotedNumber[] = [];
  for (const match of text.matchAll(/(?<![\d.])(\d+(?:\.\d+)?)(万)?/g)) {
    const at = match.index;
    const value = Number(match[1]) * (match[2] ? 10000 : 1);
    const before = text.slice(Math.max(0, at - 12), at);
    const after = text.slice(at + match[0].length);
    let role: NumberRole = 'stated';
    if (changeTo.test(before) && /(?:提[高髙]|提升|上调|调高|调增|调整|增加|增长|增至|上涨|达到|统一调|由|从)[^，。；;]*$/.test(before)) role = 'to';
    else if (fromMarker.test(before) || followedByChange.test(after)) role = 'from';
    else if (changeBy.test(before)) role = 'increase';
    found.push({ value, role, at });
  }
  return found;
}

const same = (a: number, b: number): boolean => Math.abs(a - b) < 1e-9;

export interface RoleProblem {
  field: 'value' | 'previous';
  message: string;
  hint: string;
}

/**
 * Whether the figure's `value` (and `previous`, when given) play their roles in the quote. Returns nothing when
 * the quote does not write the value in digits (another check reports a value the quote does not state).
 */
export function figureRoleProblems(quote: string, value: number, previous?: number): RoleProblem[] {
  const numbers = quotedNumbers(quote);
  const asValue = numbers.filter((n) => same(n.value, value));
  const problems: RoleProblem[] = [];
  if (asValue.length > 0 && asValue.every((n) => n.role === 'from')) {
    const raisedTo = numbers.find((n) => n.role === 'to' && n.at > asValue[0]!.at);
    problems.push({
      field: 'value',
      message: `${value} is the value before the change in the quote, not the one the figure states`,
      hint: raisedTo ? `did you mean \`value: ${raisedTo.value}\` with \`previous: ${value}\`?` : 'give the value the quote changes it to as `value`, and this one as `previous`',
    });
  } else if (asValue.length > 0 && asValue.every((n) => n.role === 'increase')) {
    problems.push({
      field: 'value',
      message: `${value} is the size of a raise in the quote (增加/提高${value}), not a standard`,
      hint: 'a figure states the standard itself: quote the sentence that gives the new standard, or remove the figure',
    });
  }
  if (previous !== undefined && numbers.length > 0) {
    const asPrevious = numbers.filter((n) => same(n.value, previous));
    if (asPrevious.length === 0) {
      problems.push({ field: 'previous', message: `the quote does not state the previous value ${previous}`, hint: 'quote the whole 由…提高至… clause, or remove `previous`' });
    } else if (asPrevious.every((n) => n.role === 'to')) {
      problems.push({ field: 'previous', message: `${previous} is the value after the change in the quote, not the one before`, hint: `${previous} belongs in \`value\`; \`previous\` is the number before the change (after 由/从)` });
    }
  }
  if (problems.length === 0 && previous !== undefined && same(previous, value)) {
    // A raise to the same value is no raise: the quote's one number (每人每月410元) was given twice.
    problems.push({ field: 'previous', message: `previous is ${previous}, the figure's own value`, hint: 'give the value before the change as the quote states it (由…提高至…), or remove `previous`' });
  }
  return problems;
}
