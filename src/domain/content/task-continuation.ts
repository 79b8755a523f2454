/**
 * What may link a task to the earlier task it continues (再次提出, issue 18): a page will say "提出 2021 → 再次提出
 * 2022", and a wrong link would tell readers a bureau repeated a promise it never made. So the earlier document
 * must be the same bureau's (the same region) plan or task list, cover a time that starts before this document's,
 * hold the task named, and each quote must stand in its own document's body and name the task (share a
 * two-character term with its title or goal). A proposal that `npm run tasks:suggest -- --region --write` put into
 * a file carries `unconfirmedMarker` until a maintainer has read both sentences; the check fails on it, so an
 * unread proposal is never published.
 */
import type { DocumentKind, Period } from '../../schemas/document.ts';
import { namesTask } from './task-evidence.ts';

/** The comment `tasks:suggest --write` puts above each proposed `continues:`; deleting it is the confirm step. */
export const unconfirmedMarker = '# tasks:suggest proposal, unconfirmed';

export interface ContinuationSide {
  id: string;
  kind?: DocumentKind | undefined;
  region?: string | undefined;
  period?: Period | undefined;
  /** Ids of the document's tasks, as far as they are valid. */
  taskIds: ReadonlySet<string>;
  /** Whether `quote` stands in the document's body (as validate-content reads bodies). */
  hasInBody(quote: string): boolean;
}

export interface ContinuationProblem {
  field: 'document' | 'task' | 'earlier_quote' | 'quote';
  message: string;
  hint: string;
}

/** Months since year 0 at which a period starts: 2023 H2 → 2023·12+6. */
function startMonth(period: Period): number {
  return period.year * 12 + (period.half === 'H2' ? 6 : 0);
}

export interface ContinuationLink {
  document: string;
  task: string;
  earlier_quote: string;
  quote: string;
}

/**
 * The problems of one `continues:` link. `earlier` is undefined when no document has that id; `earlierTask`
 * when the document has no task of that id.
 */
export function continuationProblems(
  link: ContinuationLink,
  task: { title?: string | undefined; goal?: string | undefined },
  later: ContinuationSide,
  earlier: ContinuationSide | undefined,
  earlierTask: { title?: string | undefined; goal?: string | undefined } | undefined,
): ContinuationProblem[] {
  const problems: ContinuationProblem[] = [];
  if (!later.hasInBody(link.quote)) {
    problems.push({ field: 'quote', message: 'the quote does not appear in the body', hint: 'copy the sentence that sets out this task exactly from the body below the front matter' });
  } else if (!namesTask(link.quote, task)) {
    problems.push({ field: 'quote', message: 'the quote shares no term with the task’s title or goal', hint: 'quote the sentence of this document that sets out this task' });
  }
  if (!earlier) {
    problems.push({ field: 'document', message: `document "${link.document}" does not exist`, hint: 'give the earlier plan’s or task list’s path under content/documents/ without .md' });
    return problems;
  }
  if (earlier.id === later.id) {
    problems.push({ field: 'document', message: 'a task cannot continue a task of its own document', hint: 'give the same bureau’s earlier plan or task list' });
    return problems;
  }
  if (earlier.kind !== undefined && earlier.kind !== 'plan' && earlier.kind !== 'task-list') {
    problems.push({ field: 'document', message: `${earlier.id} is a ${earlier.kind}: a task continues a task of a plan or task list`, hint: 'a summary’s report on a task goes in `evidence`; give the earlier plan or task list here' });
  }
  if (earlier.region && later.region && earlier.region !== later.region) {
    problems.push({ field: 'document', message: `${earlier.id} is about ${earlier.region}, not this document’s region ${later.region}`, hint: 'link a task only to the same bureau’s earlier document' });
  }
  if (earlier.period && later.period && startMonth(earlier.period) >= startMonth(later.period)) {
    problems.push({ field: 'document', message: `${earlier.id} does not cover an earlier time than this document`, hint: 'give a plan or task list of an earlier year (or half-year); the later document is the one that says `continues`' });
  }
  if (!earlier.taskIds.has(link.task)) {
    problems.push({ field: 'task', message: `${earlier.id} has no task "${link.task}"`, hint: `use the id of one of its tasks${earlier.taskIds.size > 0 ? `: ${[...earlier.taskIds].slice(0, 12).join(', ')}${earlier.taskIds.size > 12 ? ' …' : ''}` : ' (it lists none)'}` });
  }
  if (!earlier.hasInBody(link.earlier_quote)) {
    problems.push({ field: 'earlier_quote', message: `the quote does not appear in ${earlier.id}`, hint: 'copy the sentence that sets out the task exactly from that document’s body' });
  } else if (earlierTask && !namesTask(link.earlier_quote, earlierTask)) {
    problems.push({ field: 'earlier_quote', message: `the quote shares no term with the title or goal of task ${link.task} of ${earlier.id}`, hint: 'quote the sentence of the earlier document that sets out that task' });
  }
  return problems;
}

/** What `quotedGoals` reads of a document: its id and tasks, as far as they could be read. */
export interface GoalSide {
  id: string;
  data: { tasks: readonly { id?: string | undefined; goal?: string | undefined; continues?: { document: string; task: string } | undefined }[] };
}

/** A goal a task's history quotes, and the other task of the change, for the error message. */
export interface QuotedGoal {
  /** 目标由“from”改为“to”. */
  from: string;
  to: string;
  /** `<document>#<task>` of the task at the other end of the link. */
  other: string;
}

/**
 * The goals a history will quote as 目标由“X”改为“Y” (src/domain/task-history.ts): both ends of every link whose two
 * tasks give different goals, keyed `<document>#<task>`. A page puts these words in quotation marks beside each
 * plan's sentence, so each must stand in its own document's body like any quote; a goal the maintainer typed in
 * differently from the body (a year added, 张 for 个) would otherwise be published as the bureau's words.
 */
export function quotedGoals(documents: Iterable<GoalSide>): Map<string, QuotedGoal> {
  const all = [...documents];
  const byId = new Map(all.map((doc) => [doc.id, doc]));
  const out = new Map<string, QuotedGoal>();
  for (const doc of all) {
    for (const task of doc.data.tasks) {
      const link = task.continues;
      if (!link || task.id === undefined || task.goal === undefined) continue;
      const earlier = byId.get(link.document)?.data.tasks.find((t) => t.id === link.task);
      if (earlier?.goal === undefined || earlier.goal === task.goal) continue;
      const change = { from: earlier.goal, to: task.goal };
      out.set(`${doc.id}#${task.id}`, { ...change, other: `${link.document}#${link.task}` });
      out.set(`${link.document}#${link.task}`, { ...change, other: `${doc.id}#${task.id}` });
    }
  }
  return out;
}

/** 1-based lines of a file that still carry the unconfirmed-proposal marker, with the marker's column. */
export function unconfirmedProposalLines(text: string): { line: number; column: number }[] {
  const out: { line: number; column: number }[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const column = line.indexOf(unconfirmedMarker);
    if (column >= 0) out.push({ line: i + 1, column: column + 1 });
  });
  return out;
}
