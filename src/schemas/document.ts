import { z } from 'zod';
import { calendarDateSchema } from './calendar-date.ts';
import { metricValueSchema } from './metric.ts';
import { taskSchema } from './task.ts';

/**
 * What a document is: 工作计划/要点/安排 (also a multi-year 规划, with `period.end_year`), 工作总结,
 * 重点工作任务清单, or a notice that sets standards (关于提高城乡低保标准的通知, 我区提高…标准).
 */
export const documentKinds = ['plan', 'summary', 'task-list', 'notice'] as const;
export type DocumentKind = (typeof documentKinds)[number];

export const documentKindNames: Record<DocumentKind, string> = {
  plan: '工作计划',
  summary: '工作总结',
  'task-list': '重点工作任务清单',
  notice: '标准通知',
};

/** Half of the year a document covers; `null` for the whole year. */
export const halves = ['H1', 'H2'] as const;
export type Half = (typeof halves)[number];

export const periodSchema = z
  .object({
    /** Calendar year the document covers, e.g. `2023`; a multi-year plan's first year (`2021` for 十四五); a notice's year its standards take effect. */
    year: z.number().int().min(1949).max(2100),
    /** `H1` (上半年), `H2` (下半年) or `null` (the whole year); always `null` with `end_year`. */
    half: z.enum(halves).nullable(),
    /** Last year a multi-year plan covers, after `year`, e.g. `2025` for 十四五 (2021—2025); absent for one year. */
    end_year: z.number().int().min(1949).max(2100).optional(),
  }).strict()
  .superRefine((period, ctx) => {
    if (period.end_year === undefined) return;
    if (period.end_year <= period.year) {
      ctx.addIssue({
        code: 'custom',
        path: ['end_year'],
        input: period.end_year,
        message: `end_year ${period.end_year} is not after year ${period.year}`,
        params: { hint: 'a multi-year plan runs from `year` to a later `end_year` (十四五: year 2021, end_year 2025); a plan of one year has no `end_year`' },
      });
    }
    if (period.half !== null) {
      ctx.addIssue({
        code: 'custom',
        path: ['half'],
        input: period.half,
        message: `a period with end_year (${period.end_year}) has no half`,
        params: { hint: 'set `half: null`, or remove `end_year` if the document covers only half a year' },
      });
    }
  });
export type Period = z.output<typeof periodSchema>;

/** Where the text was published. Every field is optional and is never invented. */
export const sourceSchema = z.object({
  /** Address of the page the text was copied from, e.g. `https://www.xuanzhou.gov.cn/…`. */
  url: z.url({ protocol: /^https?$/ }).optional(),
  /** 索引号 as printed, e.g. `11341703003249426F/202308-00030`. */
  index_no: z.string().min(1).optional(),
  /** 文号 / 发文字号 as printed, e.g. `沈皇民发〔2023〕5号`. */
  doc_no: z.string().min(1).optional(),
  /** Date the text was copied from the source, e.g. `2026-11-20`. */
  retrieved: calendarDateSchema.optional(),
}).strict();

/**
 * One correction of a published document (修订记录): when and what changed, in Chinese. A transparency site that
 * silently changes a number loses the trust it exists for, so `npm run check -- --since <ref>` refuses a changed
 * figure, date or body without a new entry here.
 */
export const documentChangeSchema = z.object({
  /** Date of the correction, e.g. `2024-03-02`. */
  date: calendarDateSchema,
  /** What changed and why, in Chinese, e.g. `更正城市低保标准：原录入780元有误，原文为790元`. */
  note: z.string().min(1),
}).strict();
export type DocumentChange = z.output<typeof documentChangeSchema>;

/** Front matter of a document file, `content/documents/<region path>/<year>-<period>-<kind>.md`. */
export const documentFrontmatterSchema = z.object({
  /** Title as the source gives it, e.g. `2023年区民政局重点工作任务一清单`. */
  title: z.string().min(1),
  /** `true` when the source gives no title and `title` was written by the maintainer; pages say so. */
  title_editorial: z.boolean().optional(),
  /** `plan` | `summary` | `task-list` | `notice`. */
  kind: z.enum(documentKinds),
  /** `{ year, half, end_year }`, e.g. `{ year: 2023, half: H1 }` or `{ year: 2021, half: null, end_year: 2025 }`. */
  period: periodSchema,
  /** 发布机构 / 公开主体 as written, e.g. `宣州区民政局`; left out when the source does not name it. */
  publisher: z.string().min(1).optional(),
  /** Region slug path, e.g. `anhui/xuancheng/xuanzhou`; must name a region of the division table. */
  region: z.string().min(1),
  /** 发布日期, where the source gives it, e.g. `2023-08-28`. */
  published: calendarDateSchema.optional(),
  /** 成文日期 / 生成日期, where the source gives it. */
  written: calendarDateSchema.optional(),
  /** Where the text was published: `{ url, index_no, doc_no, retrieved }`. */
  source: sourceSchema.default({}),
  /** Topic ids (files in content/topics/), e.g. `[elderly-care, social-assistance]`. */
  topics: z.array(z.string().min(1)).default([]),
  /** Figures the body states, each with its quote. */
  metrics: z.array(metricValueSchema).default([]),
  /** Rows of a key-task list. */
  tasks: z.array(taskSchema).default([]),
  /** What the maintainer wants readers to know about this copy, in Chinese (e.g. `原文在网页上重复粘贴一次，已去重`). */
  note: z.string().min(1).optional(),
  /** Corrections since the document was first published, oldest first: `[{ date: 2024-03-02, note: 更正… }]`. */
  changes: z.array(documentChangeSchema).default([]),
}).strict();

export type DocumentFrontmatterInput = z.input<typeof documentFrontmatterSchema>;
export type DocumentFrontmatter = z.output<typeof documentFrontmatterSchema>;

/** File stem a document must have: `<year>-<h1|h2|year>-<kind>`, or `<year>-<end_year>-<kind>` for a multi-year plan (`2021-2025-plan`). */
export function documentFileStem(frontmatter: Pick<DocumentFrontmatter, 'period' | 'kind'>): string {
  if (frontmatter.period.end_year !== undefined) return `${frontmatter.period.year}-${frontmatter.period.end_year}-${frontmatter.kind}`;
  const half = frontmatter.period.half === null ? 'year' : frontmatter.period.half.toLowerCase();
  return `${frontmatter.period.year}-${half}-${frontmatter.kind}`;
}
