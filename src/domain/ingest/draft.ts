/**
 * A draft as a content file: YAML front matter in the schema's key order (js-yaml), then the Markdown body.
 * Also where the draft belongs: `documents/<region path>/<year>-<h1|h2|year>-<kind>.md` (a multi-year plan
 * `<year>-<end_year>-plan.md`, e.g. `2021-2025-plan.md`) when region, period and kind are known, otherwise
 * `drafts/<input name>-<n>.md` with the reason.
 */
import * as yaml from 'js-yaml';
import { documentFileStem, type DocumentKind, type Period } from '../../schemas/document.ts';
import type { Draft, DraftFrontmatter } from './types.ts';

const frontmatterOrder = ['title', 'title_editorial', 'kind', 'period', 'publisher', 'region', 'published', 'written', 'source', 'topics', 'metrics', 'tasks', 'note'];
const metricOrder = ['metric', 'value', 'unit', 'category', 'scope', 'previous', 'effective', 'target', 'average', 'quote'];
const taskOrder = ['id', 'group', 'title', 'goal', 'leader', 'owner', 'deadline', 'progress', 'status', 'evidence'];
const sourceOrder = ['url', 'index_no', 'doc_no', 'retrieved'];

function ordered(object: Record<string, unknown>, order: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of order) if (object[key] !== undefined) out[key] = object[key];
  for (const key of Object.keys(object)) if (!(key in out) && object[key] !== undefined) out[key] = object[key];
  return out;
}

/** The front matter with keys in schema order and empty lists and objects left out. */
export function orderedFrontmatter(frontmatter: DraftFrontmatter): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...frontmatter };
  if (Array.isArray(copy.metrics)) copy.metrics = copy.metrics.length > 0 ? copy.metrics.map((m) => ordered(m as Record<string, unknown>, metricOrder)) : undefined;
  if (Array.isArray(copy.tasks)) copy.tasks = copy.tasks.length > 0 ? copy.tasks.map((t) => ordered(t as Record<string, unknown>, taskOrder)) : undefined;
  if (Array.isArray(copy.topics) && copy.topics.length === 0) copy.topics = undefined;
  if (copy.source && typeof copy.source === 'object') {
    const source = ordered(copy.source as Record<string, unknown>, sourceOrder);
    copy.source = Object.keys(source).length > 0 ? source : undefined;
  }
  if (copy.period && typeof copy.period === 'object') copy.period = ordered(copy.period as Record<string, unknown>, ['year', 'half', 'end_year']);
  return ordered(copy, frontmatterOrder);
}

/** The content file a maintainer commits: `---`, YAML, `---`, a blank line, the body. */
export function serializeDraft(draft: Pick<Draft, 'frontmatter' | 'body'>): string {
  const front = yaml.dump(orderedFrontmatter(draft.frontmatter), { lineWidth: -1 });
  return `---\n${front}---\n\n${draft.body.replace(/^\n+/, '')}`;
}

/**
 * `documentPath` is where a held draft (a news report) belongs once a maintainer decides to publish it: its fields
 * are all known, only the decision is left.
 */
export type Destination = { kind: 'document'; path: string } | { kind: 'draft'; path: string; why: string; documentPath?: string };

/** Where a draft goes, relative to the content folder. */
export function destination(draft: Pick<Draft, 'frontmatter' | 'input' | 'index'> & { held?: string | undefined }): Destination {
  const { region, period, kind } = draft.frontmatter;
  const missing = [region ? undefined : 'region', period ? undefined : 'period', kind ? undefined : 'kind'].filter((field) => field !== undefined);
  const name = draft.input.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  if (missing.length === 0 && typeof region === 'string') {
    const stem = documentFileStem({ period: period as Period, kind: kind as DocumentKind });
    const path = `documents/${region}/${stem}.md`;
    // A news report is not published unless a maintainer decides it should be: it waits in drafts/.
    if (draft.held) return { kind: 'draft', path: `drafts/${name}-${draft.index}.md`, why: draft.held, documentPath: path };
    return { kind: 'document', path };
  }
  const why = `the text does not settle ${missing.join(', ')}`;
  return { kind: 'draft', path: `drafts/${name}-${draft.index}.md`, why: draft.held ? `${why}; and ${draft.held}` : why };
}
