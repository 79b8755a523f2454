import { z } from 'zod';
import { calendarDateSchema } from './calendar-date.ts';

/**
 * A published document taken down or moved: `content/withdrawn.yaml` lists one entry per old address, and the
 * site keeps a tombstone page (已撤回) there, so a URL a journalist cited never turns into a 404.
 */
export const withdrawnDocumentSchema = z.object({
  /** The old document id, its path under content/documents/ without `.md`, e.g. `anhui/xuancheng/xuanzhou/2023-h2-summary`. */
  id: z.string().regex(/^[a-z0-9-]+(\/[a-z0-9-]+)*$/),
  /** The title it was published with, e.g. `宣州区民政局2023年下半年工作总结`. */
  title: z.string().min(1),
  /** Date it was withdrawn, e.g. `2024-03-02`. */
  date: calendarDateSchema,
  /** Why, in Chinese, e.g. `原文已由发布机构撤下` or `与另一份文件重复`. */
  reason: z.string().min(1),
  /** Id of the document that replaces it, when there is one (a rename, a corrected copy). */
  replaced_by: z.string().min(1).optional(),
}).strict();

/** The whole file: a list of withdrawn documents. */
export const withdrawnListSchema = z.array(withdrawnDocumentSchema);

export type WithdrawnDocumentInput = z.input<typeof withdrawnDocumentSchema>;
export type WithdrawnDocument = z.output<typeof withdrawnDocumentSchema>;
