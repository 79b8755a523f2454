import { z } from 'zod';

/**
 * Where a listed task stands, as read from the same bureau's later summary. Maintainers set it; ingestion
 * and `npm run tasks:suggest` only propose.
 */
export const taskStatuses = ['done', 'in-progress', 'not-started', 'not-mentioned', 'awaiting-summary'] as const;
export type TaskStatus = (typeof taskStatuses)[number];

/** Chinese label and definition of each status; shown wherever a status is. */
export const taskStatusDefinitions: Record<TaskStatus, { label: string; definition: string }> = {
  done: { label: '已完成', definition: '后续工作总结明确报告该事项已完成或目标已实现。' },
  'in-progress': { label: '推进中', definition: '后续工作总结报告该事项正在推进、部分完成或尚未全部达标。' },
  'not-started': { label: '未启动', definition: '后续工作总结明确报告该事项尚未开展。' },
  'not-mentioned': { label: '总结未提及', definition: '同一机构已发布后续工作总结，但总结中找不到与该事项对应的内容。' },
  'awaiting-summary': { label: '待总结', definition: '同一机构尚未发布（或本站尚未收录）覆盖该时段的工作总结，无法判断进展。' },
};

/** Where the later summary reports on a task. */
export const taskEvidenceSchema = z.object({
  /** Id of the summary document, its path under content/documents/ without `.md`, e.g. `anhui/xuancheng/xuanzhou/2023-h2-summary`. */
  document: z.string().min(1),
  /** Exact fragment of that summary's body that reports on the task. */
  quote: z.string().min(2),
}).strict();

/**
 * Where a task was set out before: the same bureau's earlier plan or task list that this task continues
 * (再次提出, the same task again or with a changed target). `npm run tasks:suggest -- --region` proposes it; a
 * maintainer confirms it; `npm run check` checks that both documents exist, are the same region's, in that order,
 * and that each quote stands in its document's body.
 */
export const taskContinuationSchema = z.object({
  /** Id of the earlier plan or task list, its path under content/documents/ without `.md`, e.g. `zhejiang/hangzhou/yuhang/2021-year-plan`. */
  document: z.string().min(1),
  /** Id of the task in that document's `tasks`, e.g. `1-2`. */
  task: z.string().regex(/^[0-9A-Za-z][0-9A-Za-z.-]*$/),
  /** Exact sentence of the earlier document's body that sets the task out, e.g. `全年新增养老床位200张。`. */
  earlier_quote: z.string().min(2),
  /** Exact sentence of this document's body that sets it out again, e.g. `全年新增养老床位300张。`. */
  quote: z.string().min(2),
}).strict();

/** One row of a key-task list (重点工作任务清单) or one numbered item of a task list (民生实事). */
export const taskSchema = z.object({
  /** Unique within the document: section number and the row's 序号, e.g. `3-8`. */
  id: z.string().regex(/^[0-9A-Za-z][0-9A-Za-z.-]*$/),
  /** The list's section the row sits in, e.g. `一、区委十四届六次全会任务`. */
  group: z.string().min(1),
  /** 重点工作事项, e.g. `稳步提高城乡居民最低生活保障标准`. */
  title: z.string().min(1),
  /** 工作目标, as written; left out when the list has no goal column. */
  goal: z.string().min(1).optional(),
  /** 分管领导, as written (names separated by spaces); left out when the list names no leader. */
  leader: z.string().min(1).optional(),
  /** 责任科室 / 牵头单位 / 责任单位, as written, e.g. `社会救助科`; left out when the list names none. */
  owner: z.string().min(1).optional(),
  /** 完成时限 / 时间节点, as written, e.g. `2023年12月底前`. */
  deadline: z.string().min(1).optional(),
  /** 进展情况 / 完成情况, as written (quarterly columns joined, each after its header), e.g. `已完成改造12家`. */
  progress: z.string().min(1).optional(),
  /** `done` | `in-progress` | `not-started` | `not-mentioned` | `awaiting-summary`. */
  status: z.enum(taskStatuses),
  /** The later summary's report on the task, when there is one. */
  evidence: taskEvidenceSchema.optional(),
  /** The earlier task this one continues (same bureau, earlier plan or task list), with both documents' words. */
  continues: taskContinuationSchema.optional(),
}).strict();

export type TaskContinuation = z.output<typeof taskContinuationSchema>;
export type TaskInput = z.input<typeof taskSchema>;
export type Task = z.output<typeof taskSchema>;
