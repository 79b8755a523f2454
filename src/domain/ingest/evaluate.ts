/**
 * Scores ingestion against labelled documents (the curated content files): for every field, how many
 * drafts state it correctly (true positives), state it wrongly or where the label has nothing (false
 * positives), and leave out or get wrong what the label states (false negatives). Precision =
 * TP / (TP + FP), recall = TP / (TP + FN). Lists (topics, figures, tasks) are scored item by item.
 */
import type { DocumentFrontmatter } from '../../schemas/document.ts';
import type { Draft } from './types.ts';

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

/** A figure's identity for scoring: every field, the quote included. */
export function figureKey(figure: Loose): string {
  return ['metric', 'value', 'unit', 'category', 'previous', 'effective', 'target', 'quote'].map((key) => String(figure[key] instanceof Date ? (figure[key] as Date).toISOString().slice(0, 10) : (figure[key] ?? ''))).join('|');
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
