/**
 * Promises across years (issue 18): a task's history through the same bureau's plans and task lists, read only
 * from the links maintainers confirmed (`tasks[].continues`) and the reports they recorded (`tasks[].evidence`).
 * Nothing here matches wording: src/domain/task-matching.ts proposes, content decides, this module only walks
 * the links. So a history says exactly what the quoted sentences say: 提出 2021 → 再次提出 2022（目标由“…”改为“…”）→
 * 总结称已完成 2022, each step with its document's sentence.
 *
 * A task is "not mentioned again" (dropped) only where the site can say so: a year's plan or task list whose task
 * no later document continues, while the bureau's next plan or task list was compared with it (at least one of
 * its tasks links back to it), and no summary reported on the task. Without that comparison the site says
 * nothing: an unlinked task may simply be one nobody has checked yet.
 */
import type { DocumentFrontmatter, DocumentKind } from '../schemas/document.ts';
import { taskStatusDefinitions, type Task, type TaskStatus } from '../schemas/task.ts';
import { recordsToCsv } from './csv.ts';
import { regionColumns, type OpenDataContext } from './open-data.ts';
import { absoluteUrl, quoteUrl, taskRowUrl } from './urls.ts';

export interface HistoryDocument {
  id: string;
  data: Pick<DocumentFrontmatter, 'title' | 'kind' | 'region' | 'period' | 'tasks'>;
}

/** What a later summary said of the task (its `status` with `evidence`), or that it said nothing (`not-mentioned`). */
export interface HistoryReport {
  status: TaskStatus;
  /** e.g. `总结称已完成`, `总结未提及`. */
  label: string;
  /** The summary quoted; absent for `not-mentioned`, which names no sentence. */
  document?: { id: string; title: string; year: number };
  quote?: string;
}

export interface HistoryStep {
  documentId: string;
  documentTitle: string;
  kind: DocumentKind;
  year: number;
  taskId: string;
  title: string;
  goal?: string;
  /** 提出 for the first time the site holds, 再次提出 after. */
  verb: '提出' | '再次提出';
  /** The goal as the earlier step wrote it and as this one does, when both give one and they differ. */
  goalChange?: { from: string; to: string };
  /** Whether both this step and the one it continues give a goal, worded the same. */
  sameGoal: boolean;
  /** This document's sentence that sets out the task (the confirmed link's quote). */
  quote?: string;
  report?: HistoryReport;
}

export interface TaskHistory {
  /** `<document>#<task>` of the first step. */
  key: string;
  region: string;
  /** In time order (period, then document id). */
  steps: HistoryStep[];
}

export interface DroppedTask {
  region: string;
  documentId: string;
  documentTitle: string;
  year: number;
  taskId: string;
  title: string;
  goal?: string;
  status: TaskStatus;
  /** The later documents compared with this one (each links at least one task back to it), oldest first. */
  laterDocuments: { id: string; title: string; year: number }[];
}

/** One confirmed link, as the open data lists it. */
export interface TaskLink {
  region: string;
  document: string;
  task: string;
  title: string;
  goal?: string;
  year: number;
  earlierDocument: string;
  earlierTask: string;
  earlierTitle: string;
  earlierGoal?: string;
  earlierYear: number;
  quote: string;
  earlierQuote: string;
}

export interface TaskHistoryIndex {
  /** The history of a task that is in a chain of two or more; undefined otherwise. */
  of(documentId: string, taskId: string): TaskHistory | undefined;
  /** Every chain of two or more steps, newest last step first. */
  repeated: TaskHistory[];
  dropped: DroppedTask[];
  links: TaskLink[];
  /** The other documents whose tasks a document's histories show (its page's cache key reads them). */
  linkedDocuments(documentId: string): readonly string[];
  /**
   * The task under which a document's page shows this task's history: the first of the document's tasks, in
   * list order, in the same chain (usually the task itself). Undefined when the task has no history.
   */
  shownUnder(documentId: string, taskId: string): string | undefined;
}

const reportingStatuses: ReadonlySet<TaskStatus> = new Set(['done', 'in-progress', 'not-started']);

function startMonth(period: DocumentFrontmatter['period']): number {
  return period.year * 12 + (period.half === 'H2' ? 6 : 0);
}

const keyOf = (documentId: string, taskId: string) => `${documentId}#${taskId}`;

interface Node {
  doc: HistoryDocument;
  task: Task;
  key: string;
  parent?: Node;
  children: Node[];
}

export function buildTaskHistories(documents: readonly HistoryDocument[]): TaskHistoryIndex {
  const byId = new Map(documents.map((doc) => [doc.id, doc]));
  const nodes = new Map<string, Node>();
  for (const doc of documents) for (const task of doc.data.tasks) nodes.set(keyOf(doc.id, task.id), { doc, task, key: keyOf(doc.id, task.id), children: [] });

  const links: TaskLink[] = [];
  for (const node of nodes.values()) {
    const link = node.task.continues;
    if (!link) continue;
    // Validation rejects a link to a missing task; a model built from unchecked content just leaves it out.
    const parent = nodes.get(keyOf(link.document, link.task));
    if (!parent || parent.doc.id === node.doc.id) continue;
    node.parent = parent;
    parent.children.push(node);
    links.push({
      region: node.doc.data.region,
      document: node.doc.id,
      task: node.task.id,
      title: node.task.title,
      ...(node.task.goal === undefined ? {} : { goal: node.task.goal }),
      year: node.doc.data.period.year,
      earlierDocument: parent.doc.id,
      earlierTask: parent.task.id,
      earlierTitle: parent.task.title,
      ...(parent.task.goal === undefined ? {} : { earlierGoal: parent.task.goal }),
      earlierYear: parent.doc.data.period.year,
      quote: link.quote,
      earlierQuote: link.earlier_quote,
    });
  }

  const byTime = (a: Node, b: Node) => startMonth(a.doc.data.period) - startMonth(b.doc.data.period) || a.doc.id.localeCompare(b.doc.id) || a.task.id.localeCompare(b.task.id);
  const histories = new Map<string, TaskHistory>();
  const historyOf = new Map<string, TaskHistory>();
  for (const node of nodes.values()) {
    if (node.children.length === 0 || node.parent) continue;
    const members: Node[] = [];
    const stack = [node];
    const seen = new Set<string>();
    while (stack.length > 0) {
      const current = stack.pop()!;
      if (seen.has(current.key)) continue;
      seen.add(current.key);
      members.push(current);
      stack.push(...current.children);
    }
    // Each link points to an earlier period (checked), so a chain has a first task; a cycle in unchecked
    // content has none and gets no history.
    members.sort(byTime);
    const history: TaskHistory = { key: node.key, region: node.doc.data.region, steps: members.map((m) => stepOf(m, byId)) };
    histories.set(node.key, history);
    for (const member of members) historyOf.set(member.key, history);
  }
  const lastYear = (h: TaskHistory) => h.steps[h.steps.length - 1]!.year;
  const repeated = [...histories.values()].sort((a, b) => lastYear(b) - lastYear(a) || a.region.localeCompare(b.region) || a.key.localeCompare(b.key));

  const linked = new Map<string, Set<string>>();
  for (const history of histories.values()) {
    const ids = new Set(history.steps.flatMap((s) => [s.documentId, ...(s.report?.document ? [s.report.document.id] : [])]));
    for (const id of ids) {
      const set = linked.get(id) ?? new Set<string>();
      for (const other of ids) if (other !== id) set.add(other);
      linked.set(id, set);
    }
  }

  const shownUnder = new Map<string, string>();
  for (const doc of documents) {
    const first = new Map<string, string>();
    for (const task of doc.data.tasks) {
      const history = historyOf.get(keyOf(doc.id, task.id));
      if (!history) continue;
      if (!first.has(history.key)) first.set(history.key, task.id);
      shownUnder.set(keyOf(doc.id, task.id), first.get(history.key)!);
    }
  }

  return {
    of: (documentId, taskId) => historyOf.get(keyOf(documentId, taskId)),
    shownUnder: (documentId, taskId) => shownUnder.get(keyOf(documentId, taskId)),
    repeated,
    dropped: droppedTasks(documents, nodes),
    links: links.sort((a, b) => a.region.localeCompare(b.region) || a.year - b.year || a.document.localeCompare(b.document) || a.task.localeCompare(b.task)),
    linkedDocuments: (documentId) => [...(linked.get(documentId) ?? [])].sort(),
  };
}

function stepOf(node: Node, byId: ReadonlyMap<string, HistoryDocument>): HistoryStep {
  const { doc, task, parent } = node;
  // The first step's sentence is the one its continuation quoted as the earlier one.
  const quote = task.continues?.quote ?? node.children.map((c) => c.task.continues?.earlier_quote).find((q) => q !== undefined);
  const goalChange = parent?.task.goal !== undefined && task.goal !== undefined && parent.task.goal !== task.goal ? { from: parent.task.goal, to: task.goal } : undefined;
  return {
    documentId: doc.id,
    documentTitle: doc.data.title,
    kind: doc.data.kind,
    year: doc.data.period.year,
    taskId: task.id,
    title: task.title,
    ...(task.goal === undefined ? {} : { goal: task.goal }),
    verb: parent ? '再次提出' : '提出',
    ...(goalChange ? { goalChange } : {}),
    sameGoal: parent?.task.goal !== undefined && parent.task.goal === task.goal,
    ...(quote === undefined ? {} : { quote }),
    ...reportOf(task, byId),
  };
}

function reportOf(task: Task, byId: ReadonlyMap<string, HistoryDocument>): { report?: HistoryReport } {
  if (task.status === 'not-mentioned') return { report: { status: task.status, label: taskStatusDefinitions[task.status].label } };
  if (!reportingStatuses.has(task.status) || !task.evidence) return {};
  const summary = byId.get(task.evidence.document);
  return {
    report: {
      status: task.status,
      label: `总结称${taskStatusDefinitions[task.status].label}`,
      ...(summary ? { document: { id: summary.id, title: summary.data.title, year: summary.data.period.year } } : {}),
      quote: task.evidence.quote,
    },
  };
}

function droppedTasks(documents: readonly HistoryDocument[], nodes: ReadonlyMap<string, Node>): DroppedTask[] {
  const isYearList = (doc: HistoryDocument) => (doc.data.kind === 'plan' || doc.data.kind === 'task-list') && doc.data.period.end_year === undefined;
  // Which later documents were compared with each document: those with a task linking back to it.
  const comparedBy = new Map<string, Map<string, HistoryDocument>>();
  for (const node of nodes.values()) {
    if (!node.parent || !isYearList(node.doc)) continue;
    const earlier = node.parent.doc.id;
    const later = comparedBy.get(earlier) ?? new Map<string, HistoryDocument>();
    later.set(node.doc.id, node.doc);
    comparedBy.set(earlier, later);
  }
  const out: DroppedTask[] = [];
  for (const doc of documents) {
    const later = comparedBy.get(doc.id);
    if (!later || !isYearList(doc)) continue;
    const laterDocuments = [...later.values()]
      .sort((a, b) => startMonth(a.data.period) - startMonth(b.data.period) || a.id.localeCompare(b.id))
      .map((d) => ({ id: d.id, title: d.data.title, year: d.data.period.year }));
    for (const task of doc.data.tasks) {
      const node = nodes.get(keyOf(doc.id, task.id))!;
      if (node.children.length > 0 || reportingStatuses.has(task.status)) continue;
      out.push({
        region: doc.data.region,
        documentId: doc.id,
        documentTitle: doc.data.title,
        year: doc.data.period.year,
        taskId: task.id,
        title: task.title,
        ...(task.goal === undefined ? {} : { goal: task.goal }),
        status: task.status,
        laterDocuments,
      });
    }
  }
  return out.sort((a, b) => b.year - a.year || a.region.localeCompare(b.region) || a.documentId.localeCompare(b.documentId));
}

/** The columns of `/data/task-links.csv`, one row per confirmed link; documented in docs/data.md. */
export const taskLinkColumns = [
  'region', 'region_name', 'region_code', 'document', 'task', 'year', 'title', 'goal',
  'earlier_document', 'earlier_task', 'earlier_year', 'earlier_title', 'earlier_goal', 'quote', 'earlier_quote', 'url', 'earlier_url',
] as const;
export type TaskLinkColumn = (typeof taskLinkColumns)[number];

export function taskLinksCsv(links: readonly TaskLink[], context: OpenDataContext): string {
  return recordsToCsv(
    taskLinkColumns,
    links.map((link) => ({
      ...regionColumns(link.region, context),
      document: link.document,
      task: link.task,
      year: link.year,
      title: link.title,
      goal: link.goal ?? null,
      earlier_document: link.earlierDocument,
      earlier_task: link.earlierTask,
      earlier_year: link.earlierYear,
      earlier_title: link.earlierTitle,
      earlier_goal: link.earlierGoal ?? null,
      quote: link.quote,
      earlier_quote: link.earlierQuote,
      url: absoluteUrl(context.site, taskRowUrl(link.document, link.task)),
      earlier_url: absoluteUrl(context.site, taskRowUrl(link.earlierDocument, link.earlierTask)),
    })),
  );
}

/** A history as a page shows it: one line in words, then each step with its link and sentence. */
export interface TaskHistoryView {
  /** e.g. `提出 2021 → 再次提出 2022（目标由“新增养老床位200张”改为“新增养老床位300张”）→ 总结称已完成 2022`. */
  line: string;
  steps: {
    documentId: string;
    taskId: string;
    year: number;
    verb: HistoryStep['verb'];
    /** The list's title and the task's own title, as written. */
    documentTitle: string;
    title: string;
    /** The task's row on its list's page. */
    href: string;
    quote?: string;
    goalNote?: string;
    /** Whether this is the task of the page showing the history. */
    current: boolean;
    report?: { label: string; documentTitle?: string; year?: number; href?: string; quote?: string };
  }[];
}

/** `（目标由“X”改为“Y”）` or `（目标表述未变）`, from the goals as both lists write them; empty when either gives none. */
function goalNote(step: HistoryStep): string | undefined {
  if (step.goalChange) return `目标由“${step.goalChange.from}”改为“${step.goalChange.to}”`;
  return step.sameGoal ? '目标表述未变' : undefined;
}

export function taskHistoryView(history: TaskHistory, current?: { documentId: string; taskId: string }): TaskHistoryView {
  const parts: string[] = [];
  for (const step of history.steps) {
    const note = goalNote(step);
    parts.push(`${step.verb} ${step.year}${note ? `（${note}）` : ''}`);
    if (step.report) parts.push(`${step.report.label}${step.report.document ? ` ${step.report.document.year}` : ''}`);
  }
  return {
    line: parts.join(' → '),
    steps: history.steps.map((step) => {
      const note = goalNote(step);
      const report = step.report;
      return {
        documentId: step.documentId,
        taskId: step.taskId,
        year: step.year,
        verb: step.verb,
        documentTitle: step.documentTitle,
        title: step.title,
        href: taskRowUrl(step.documentId, step.taskId),
        ...(step.quote === undefined ? {} : { quote: step.quote }),
        ...(note ? { goalNote: note } : {}),
        current: current !== undefined && current.documentId === step.documentId && current.taskId === step.taskId,
        ...(report
          ? {
              report: {
                label: report.label,
                ...(report.document ? { documentTitle: report.document.title, year: report.document.year } : {}),
                ...(report.document && report.quote ? { href: quoteUrl(report.document.id, report.quote) } : {}),
                ...(report.quote === undefined ? {} : { quote: report.quote }),
              },
            }
          : {}),
      };
    }),
  };
}

/** What each column of task-links.csv holds; shown on /data/ and mirrored in docs/data.md. */
export const taskLinkColumnDescriptions: Record<TaskLinkColumn, string> = {
  region: '地区路径（拼音），同 metrics.csv；两份文件属同一机构',
  region_name: '地区全称',
  region_code: '六位行政区划代码（GB/T 2260）',
  document: '后一份计划或任务清单的文件标识（再次提出该任务的文件）',
  task: '该任务在后一份文件中的编号',
  year: '后一份文件的年度',
  title: '后一份文件中的事项名称，照录',
  goal: '后一份文件中的工作目标，照录；没有则为空',
  earlier_document: '前一份计划或任务清单的文件标识（此前提出该任务的文件）',
  earlier_task: '该任务在前一份文件中的编号',
  earlier_year: '前一份文件的年度',
  earlier_title: '前一份文件中的事项名称，照录',
  earlier_goal: '前一份文件中的工作目标，照录；没有则为空',
  quote: '后一份文件正文中提出该任务的句子，逐字照录',
  earlier_quote: '前一份文件正文中提出该任务的句子，逐字照录',
  url: '后一份文件页面上该任务所在行的地址',
  earlier_url: '前一份文件页面上该任务所在行的地址',
};
