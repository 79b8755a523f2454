import { z } from 'zod';

/**
 * A calendar date as `YYYY-MM-DD`. YAML turns an unquoted `2023-08-28` into a Date at UTC midnight and leaves
 * an impossible one such as `2023-13-45` as a string, so both arrive here; only real dates pass.
 */
export const calendarDateSchema = z
  .union([z.string(), z.date()])
  .transform((value, ctx) => {
    const text = value instanceof Date ? (Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString().slice(0, 10)) : value.trim();
    if (!isRealCalendarDate(text)) {
      ctx.addIssue({
        code: 'custom',
        message: `"${text}" is not a real date`,
        params: { hint: 'write the date as YYYY-MM-DD, e.g. 2023-08-28, as the source gives it' },
      });
      return z.NEVER;
    }
    return text;
  });

/** Whether `text` is `YYYY-MM-DD` and names a day that exists (no 2023-02-30). */
export function isRealCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
