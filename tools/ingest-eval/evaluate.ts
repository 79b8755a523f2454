/**
 * Scores ingestion against labelled documents (the curated content files): for every field, how many
 * drafts state it correctly (true positives), state it wrongly or where the label has nothing (false
 * positives), and leave out or get wrong what the label states (false negatives). Precision =
 * TP / (TP + FP), recall = TP / (TP + FN). Lists (topics, figures, tasks) are scored item by item.
 */
import type { DocumentFrontmatter } from '../../src/schemas/document.ts';
import { destination } from '../../src/domain/ingest/draft.ts';
import type { LabelDocument, PageLabel } from './page-labels.ts';
import type { Draft } from '../../src/domain/ingest/types.ts';

export const scoredFields = ['kind', 'period', 'publisher', 'region', 'published', 'written', 'index_no', 'topics', 'figures', 'tasks'] as const;
export type ScoredField = (typeof scoredFields)[number];

export interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

export type Scores = Record<ScoredField, Tally>;

export function emptyScores(): Scores {
  return Object.fromEntries(scoredFields.map((field) => [field, { tp: 0, fp: 0, fn: 0 }])) as Scores;
}

/** A label: the curated front matter of one document (the schema's output, dates as `YYYY-MM-DD`). */
export type Label = Pick<DocumentFrontmatter, 'kind' | 'period' | 'publisher' | 'region' | 'published' | 'written' | 'source' | 'topics' | 'metrics' | 'tasks'>;

type Loose = Record<string, unknown>;

function scalar(draft: Loose, label: Label, field: ScoredField): [unknown, unknown] {
  switch (field) {
    case 'period': {
      const period = draft.period as { year: number; half: string | null } | undefined;
      return [period ? `${period.year}-${period.half ?? 'year'}` : undefined, `${label.period.year}-${label.period.half ?? 'year'}`];
    }
    case 'index_no':
      return [(draft.source as Loose | undefined)?.index_no, label.source.index_no];
    case 'published':
    case 'written':
      return [draft[field] instanceof Date ? (draft[field] as Date).toISOString().slice(0, 10) : draft[field], label[field]];
    default:
      return [draft[field], label[field as keyof Label]];
  }
}

/** A figure's identity for scoring: every field but `average`, the quote included; absent, `null` and `false` alike. */
export function figureKey(figure: Loose): string {
  return ['metric', 'value', 'unit', 'category', 'scope', 'previous', 'effective', 'target', 'quote']
    .map((key) => {
      const value = figure[key];
      if (key === 'target') return value === true ? 'target' : '';
      return String(value instanceof Date ? value.toISOString().slice(0, 10) : (value ?? ''));
    })
    .join('|');
}

/** A task's identity for scoring: id, group, title, goal, leader, owner. */
export function taskKey(task: Loose): string {
  return ['id', 'group', 'title', 'goal', 'leader', 'owner'].map((key) => String(task[key] ?? '')).join('|');
}

function items(draft: Loose, label: Label, field: 'topics' | 'figures' | 'tasks'): [string[], string[]] {
  if (field === 'topics') return [(draft.topics as string[] | undefined) ?? [], label.topics];
  if (field === 'figures') return [((draft.metrics as Loose[] | undefined) ?? []).map(figureKey), label.metrics.map((m) => figureKey(m as unknown as Loose))];
  return [((draft.tasks as Loose[] | undefined) ?? []).map(taskKey), label.tasks.map((t) => taskKey(t as unknown as Loose))];
}

/** Adds one draft compared with its label; `undefined` on either side scores a missed or a spurious document. */
export function scoreDocument(scores: Scores, draft: Pick<Draft, 'frontmatter'> | undefined, label: Label | undefined): void {
  const fm = (draft?.frontmatter ?? {}) as Loose;
  for (const field of scoredFields) {
    const tally = scores[field];
    if (field === 'topics' || field === 'figures' || field === 'tasks') {
      const [got, want] = label ? items(fm, label, field) : [items(fm, emptyLabel, field)[0], []];
      const remaining = [...want];
      for (const item of got) {
        const at = remaining.indexOf(item);
        if (at >= 0) {
          tally.tp += 1;
          remaining.splice(at, 1);
        } else tally.fp += 1;
      }
      tally.fn += remaining.length;
      continue;
    }
    const [got, want] = label ? scalar(fm, label, field) : [scalar(fm, emptyLabel, field)[0], undefined];
    if (got !== undefined && got === want) tally.tp += 1;
    else {
      if (got !== undefined) tally.fp += 1;
      if (want !== undefined) tally.fn += 1;
    }
  }
}

const emptyLabel: Label = { kind: 'plan', period: { year: 0, half: null }, region: '', source: {}, topics: [], metrics: [], tasks: [] };

export function precision(tally: Tally): number | undefined {
  return tally.tp + tally.fp === 0 ? undefined : tally.tp / (tally.tp + tally.fp);
}

export function recall(tally: Tally): number | undefined {
  return tally.tp + tally.fn === 0 ? undefined : tally.tp / (tally.tp + tally.fn);
}

/** What differs between a draft and its label, field by field, for a readable eval and test failure. */
export function differences(draft: Pick<Draft, 'frontmatter'>, label: Label): string[] {
  const out: string[] = [];
  const fm = draft.frontmatter as Loose;
  for (const field of scoredFields) {
    if (field === 'topics' || field === 'figures' || field === 'tasks') {
      const [got, want] = items(fm, label, field);
      const missing = want.filter((item) => !got.includes(item));
      const extra = got.filter((item) => !want.includes(item));
      if (missing.length > 0) out.push(`${field}: missing ${missing.join('; ')}`);
      if (extra.length > 0) out.push(`${field}: extra ${extra.join('; ')}`);
      continue;
    }
    const [got, want] = scalar(fm, label, field);
    if (got !== want) out.push(`${field}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Real pages against their truth labels (tests/fixtures/ingest/pages/labels/NNN.yaml, see page-labels.ts).

/**
 * What is checked once per labelled document (or, for `documents`, `publish` and `lines`, once per page): right
 * or wrong. `null` in a label means "not stated", so the draft is right only when it leaves the field out.
 */
export const pageChecks = [
  'documents', 'publish', 'kind', 'year', 'half', 'end_year', 'title', 'publisher', 'region', 'published', 'written',
  'index_no', 'doc_no', 'url', 'tasks', 'valid', 'lines',
] as const;
export type PageCheck = (typeof pageChecks)[number];

/**
 * Lists scored item by item (precision and recall): `figures` (every field but `average`, the quote exactly),
 * `figures_in_quote` (every field, the quote containing the label's shortest one), `figure_values` (the looser
 * "value found": metric and value, the quote containing the label's) and `task_titles`.
 */
export const pageLists = ['figures', 'figures_in_quote', 'figure_values', 'task_titles'] as const;
export type PageList = (typeof pageLists)[number];

export interface Check {
  right: number;
  checked: number;
}

export interface PageScores {
  checks: Record<PageCheck, Check>;
  lists: Record<PageList, Tally>;
  /**
   * The `tasks` check again, counted only on documents whose label lists task rows: the bar ("task rows
   * right on ≥ 80% of task pages") is set on these. Kept out of `checks` so the field-check totals stay comparable.
   */
  taskPages: Check;
}

/**
 * The lists of several splits added up: the figure bar is set over all real pages, development and
 * held-out together, so the eval states that number instead of leaving it to be summed by hand.
 */
export function sumLists(...scores: PageScores[]): Record<PageList, Tally> {
  return Object.fromEntries(
    pageLists.map((list) => [list, scores.reduce((sum, score) => ({ tp: sum.tp + score.lists[list].tp, fp: sum.fp + score.lists[list].fp, fn: sum.fn + score.lists[list].fn }), { tp: 0, fp: 0, fn: 0 })]),
  ) as Record<PageList, Tally>;
}

export function emptyPageScores(): PageScores {
  return {
    checks: Object.fromEntries(pageChecks.map((check) => [check, { right: 0, checked: 0 }])) as Record<PageCheck, Check>,
    lists: Object.fromEntries(pageLists.map((list) => [list, { tp: 0, fp: 0, fn: 0 }])) as Record<PageList, Tally>,
    taskPages: { right: 0, checked: 0 },
  };
}

/** The task-page check of several splits added up (the bar is set over all real pages). */
export function sumTaskPages(...scores: PageScores[]): Check {
  return scores.reduce((sum, score) => ({ right: sum.right + score.taskPages.right, checked: sum.checked + score.taskPages.checked }), { right: 0, checked: 0 });
}

export function addPageScores(into: PageScores, from: PageScores): void {
  for (const check of pageChecks) {
    into.checks[check].right += from.checks[check].right;
    into.checks[check].checked += from.checks[check].checked;
  }
  for (const list of pageLists) {
    into.lists[list].tp += from.lists[list].tp;
    into.lists[list].fp += from.lists[list].fp;
    into.lists[list].fn += from.lists[list].fn;
  }
  into.taskPages.right += from.taskPages.right;
  into.taskPages.checked += from.taskPages.checked;
}

/** What one page's ingestion produced, with what the caller found out about it. */
export interface PageOutcome {
  /** The page's decoded text; empty when it could not be read. */
  text: string;
  /** Its drafts; none when ingestion refused it. */
  drafts: Pick<Draft, 'frontmatter' | 'body' | 'dropped' | 'input' | 'index'>[];
  /** Why ingestion refused the page, if it did. */
  refused?: string;
  /** Content-validation problems of each draft as written (index-aligned with `drafts`); empty = valid. */
  validation: string[][];
}

export interface PageScoreOptions {
  /** Score `source.url` (where labelled) only once ingestion can be given the page's address. */
  scoreUrl: boolean;
}

/** Strips Markdown marks (a backslash escape reads as the character it escapes) and spacing, so a line and its place in a body compare as text. */
const bareText = (text: string) => text.replace(/^#+ |^- |^\\/gm, '').replace(/^\|( --- \|)+$/gm, '').replace(/\\([!-/:-@[-`{-~])/g, '$1').replace(/[|\s]/g, '');

/** Non-blank input lines that are in no body and in no draft's `dropped` list: ingestion must lose nothing. */
export function lostLines(text: string, drafts: PageOutcome['drafts']): { line: number; text: string }[] {
  const bodies = drafts.map((draft) => bareText(draft.body)).join('\n');
  const dropped = new Set(drafts.flatMap((draft) => draft.dropped.map((line) => line.line)));
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((line, i) => ({ line: i + 1, text: line }))
    .filter(({ line, text: content }) => content.trim() !== '' && !dropped.has(line) && !bodies.includes(bareText(content)));
}

const asDateText = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : value);
/** A draft's value as compared: absent, empty and `null` all mean "not stated". */
const stated = (value: unknown): string | undefined => {
  const v = asDateText(value);
  return v === undefined || v === null || v === '' ? undefined : String(v).trim();
};

/** The draft's and the label's value of one per-document check; `undefined` = not stated. */
function checkValues(fm: Loose, doc: LabelDocument, check: PageCheck): [string | undefined, string | undefined] {
  const period = fm.period as Loose | undefined;
  const source = (fm.source ?? {}) as Loose;
  switch (check) {
    case 'year':
      return [stated(period?.year), stated(doc.period.year)];
    case 'half':
      // A stated year with no half is the whole year: `null` there is a value ("year"), not silence.
      return [period ? String(period.half ?? 'year') : undefined, doc.period.year === null ? undefined : String(doc.period.half ?? 'year')];
    case 'end_year':
      return [stated(period?.end_year), stated(doc.period.end_year)];
    case 'title':
      // A page that prints no title is right with no title or an editorial one (title_editorial: true).
      return [fm.title_editorial === true ? undefined : stated(fm.title), stated(doc.title)];
    case 'index_no':
    case 'doc_no':
    case 'url':
      return [stated(source[check]), stated(doc[check])];
    case 'kind':
    case 'publisher':
    case 'region':
    case 'published':
    case 'written':
      return [stated(fm[check]), stated(doc[check])];
    default:
      throw new Error(`${check} is not a per-document field`);
  }
}

const perDocumentFields = ['kind', 'year', 'half', 'end_year', 'title', 'publisher', 'region', 'published', 'written', 'index_no', 'doc_no', 'url'] as const;


/**
 * Counts figures whose quote contains the label's: the label's quote is the shortest fragment that states the
 * value, so any quote that states it contains that fragment. `same` says which other fields must match:
 * metric and value for the looser "value found" count, every field for `figures_in_quote`.
 */
function scoreByQuote(tally: Tally, got: Loose[], want: Loose[], same: (a: Loose, b: Loose) => boolean): void {
  const remaining = [...want];
  for (const figure of got) {
    const at = remaining.findIndex((label) => same(label, figure) && String(figure.quote ?? '').includes(String(label.quote ?? '')));
    if (at >= 0) {
      tally.tp += 1;
      remaining.splice(at, 1);
    } else tally.fp += 1;
  }
  tally.fn += remaining.length;
}

const sameValue = (a: Loose, b: Loose) => a.metric === b.metric && Number(a.value) === Number(b.value);
const sameButQuote = (a: Loose, b: Loose) => figureKey({ ...a, quote: '' }) === figureKey({ ...b, quote: '' });

/** Scores multisets: each wanted item matched at most once. Returns what is missing and what is extra. */
function scoreItems(tally: Tally, got: string[], want: string[]): { missing: string[]; extra: string[] } {
  const remaining = [...want];
  const extra: string[] = [];
  for (const item of got) {
    const at = remaining.indexOf(item);
    if (at >= 0) {
      tally.tp += 1;
      remaining.splice(at, 1);
    } else {
      tally.fp += 1;
      extra.push(item);
    }
  }
  tally.fn += remaining.length;
  return { missing: remaining, extra };
}

const show = (value: string | undefined) => (value === undefined ? 'not stated' : JSON.stringify(value));

/**
 * Scores one page: its drafts, in order, against the label's documents, in order. Returns the scores and a
 * readable list of every difference (for development pages; callers keep held-out differences to themselves).
 */
export function scorePage(outcome: PageOutcome, label: PageLabel, options: PageScoreOptions): { scores: PageScores; differences: string[] } {
  const scores = emptyPageScores();
  const out: string[] = [];
  const { drafts } = outcome;
  const check = (name: PageCheck, right: boolean, difference?: () => string) => {
    scores.checks[name].checked += 1;
    if (right) scores.checks[name].right += 1;
    else if (difference) out.push(difference());
  };

  if (outcome.refused) out.push(`refused: ${outcome.refused}`);
  check('documents', drafts.length === label.documents.length, () => `documents: ${drafts.length} draft(s), ${label.documents.length} labelled`);
  const inContent = drafts.filter((draft) => destination(draft).kind === 'document').length;
  check('publish', label.publish ? drafts.length > 0 && inContent === drafts.length : inContent === 0, () =>
    label.publish ? `publish: ${drafts.length - inContent} of ${drafts.length} draft(s) not placed in content/documents (region, period or kind not settled)` : `publish: the label says not to publish (${label.why_not ?? 'no reason given'}), but ${inContent} draft(s) go to content/documents`,
  );

  for (let i = 0; i < Math.max(drafts.length, label.documents.length); i++) {
    const draft = drafts[i];
    const doc = label.documents[i];
    const fm = (draft?.frontmatter ?? {}) as Loose;
    const at = label.documents.length > 1 || drafts.length > 1 ? `document ${i + 1} ` : '';
    const gotFigures = ((fm.metrics as Loose[] | undefined) ?? []);
    const wantFigures = (doc?.figures ?? []) as unknown as Loose[];
    const figures = scoreItems(scores.lists.figures, gotFigures.map(figureKey), wantFigures.map(figureKey));
    for (const item of figures.missing) out.push(`${at}figures: missing ${item}`);
    for (const item of figures.extra) out.push(`${at}figures: extra ${item}`);
    scoreByQuote(scores.lists.figures_in_quote, gotFigures, wantFigures, sameButQuote);
    scoreByQuote(scores.lists.figure_values, gotFigures, wantFigures, sameValue);
    const gotTasks = ((fm.tasks as Loose[] | undefined) ?? []);
    const titles = scoreItems(scores.lists.task_titles, gotTasks.map((task) => String(task.title ?? '')), doc?.task_titles ?? []);
    if (titles.missing.length > 0) out.push(`${at}task titles: missing ${titles.missing.join('; ')}`);
    if (titles.extra.length > 0) out.push(`${at}task titles: extra ${titles.extra.join('; ')}`);
    if (!doc) continue; // an extra draft: counted by `documents` and by its spurious figures and tasks
    if (!draft) out.push(`${at}no draft for this labelled document`);

    for (const field of perDocumentFields) {
      const [got, want] = checkValues(fm, doc, field);
      if (field === 'url' && (!options.scoreUrl || want === undefined)) continue;
      check(field, draft !== undefined && got === want, () => `${at}${field}: got ${show(got)}, want ${show(want)}`);
    }
    const tasksRight = draft !== undefined && gotTasks.length === doc.tasks;
    check('tasks', tasksRight, () => `${at}tasks: ${gotTasks.length} row(s), ${doc.tasks} labelled`);
    if (doc.tasks > 0) {
      scores.taskPages.checked += 1;
      if (tasksRight) scores.taskPages.right += 1;
    }
    if (doc.region !== null && doc.period.year !== null) {
      const problems = draft ? (outcome.validation[i] ?? []) : ['no draft'];
      check('valid', draft !== undefined && problems.length === 0, () => `${at}not valid content as written: ${problems.join('; ')}`);
    }
  }

  const lost = lostLines(outcome.text, drafts);
  check('lines', outcome.text !== '' && lost.length === 0, () => `lines: ${lost.length} input line(s) in no body and not dropped, e.g. line ${lost[0]?.line}: ${lost[0]?.text.trim().slice(0, 60)}`);
  return { scores, differences: out };
}
