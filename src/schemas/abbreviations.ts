import { z } from 'zod';

/**
 * One group of `content/search/abbreviations.yaml`: forms that mean the same thing (低保 ↔ 最低生活保障). The file's
 * rules (two forms or more, no form in two groups) are checked by src/domain/search/abbreviations.ts, which words
 * every problem for `npm run check`; this schema gives editors the shape of the file, and matches what that check
 * accepts (a number form such as `110` is read as text; keys other than these are ignored there, so not refused here).
 */
export const abbreviationGroupSchema = z.looseObject({
  /** The equivalent forms as documents write them, two or more, e.g. `[低保, 最低生活保障]`. */
  forms: z.array(z.union([z.string().min(1), z.number()])).min(2),
  /** Where the forms are used and why they are equivalent, in Chinese, e.g. `城乡居民最低生活保障制度`. */
  note: z.string().optional(),
});

/** The whole file: a list of groups. */
export const abbreviationsFileSchema = z.array(abbreviationGroupSchema);

export type AbbreviationGroupInput = z.input<typeof abbreviationGroupSchema>;
