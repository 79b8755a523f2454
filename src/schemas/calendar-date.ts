import { z } from 'zod';

const dateHint = 'write the date as YYYY-MM-DD, e.g. 2023-08-28, as the source gives it';

/**
 * A calendar date as `YYYY-MM-DD`. YAML turns an unquoted `2023-08-28` into a Date at UTC midnight and leaves
 * an impossible one such as `2023-13-45` as a string, so both arrive here; only real dates pass. Anything else
 * an author may write (`20230828`, an empty `published:`) gets the same kind of message and hint, never zod's
 * bare "Invalid input": authors write `string | Date`, the check accepts every value so that it can say so.
 */
export const calendarDateSchema = z
  .custom<string | Date>(() => true)
  .transform((value, ctx) => {
    if (value === null) {
      ctx.addIssue({ code: 'custom', message: 'the date is empty', params: { hint: `${dateHint}, or remove the field when the source gives no date` } });
      return z.NEVER;
    }
    const text = dateText(value);
    if (!isRealCalendarDate(text)) {
      // 20230228 is a date written without its hyphens: say the form, and which date it would be.
      const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
      const hyphenated = compact ? `${compact[1]}-${compact[2]}-${compact[3]}` : undefined;
      if (hyphenated && isRealCalendarDate(hyphenated)) {
        ctx.addIssue({ code: 'custom', message: `${JSON.stringify(text)} is not in the form YYYY-MM-DD`, params: { hint: `write it as ${hyphenated}` } });
        return z.NEVER;
      }
      ctx.addIssue({ code: 'custom', message: `${JSON.stringify(text)} is not a real date`, params: { hint: dateHint } });
      return z.NEVER;
    }
    return text;
  });

function dateText(value: unknown): string {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString().slice(0, 10);
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value) ?? String(value);
}

/** Whether `text` is `YYYY-MM-DD` and names a day that exists (no 2023-02-30). */
export function isRealCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
