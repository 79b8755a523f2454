/**
 * The measure of a maintainer's work: for each published document that came from a real page, which fields of
 * the fresh draft (`npm run ingest -- --url ADDRESS PAGE`) the maintainer had to change before committing it.
 * Comparing the committed file with a draft made now, rather than recording edits at the time, keeps the table
 * honest as the rules improve: a field the ingester now gets right drops out of it.
 */
import type { DocumentEntry } from '../../src/domain/content/validate-content.ts';
import { figureKey, taskKey } from './evaluate.ts';
import type { Draft } from '../../src/domain/ingest/types.ts';

type Loose = Record<string, unknown>;

export interface MaintainerWork {
  /** The page, e.g. `017.txt`. */
  page: string;
  /** The committed document's id. */
  document: string;
  /** Each field changed by hand, e.g. `region`, `figures +2 −1`, `body 3/20 lines`. */
  changed: string[];
}

function comparable(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return JSON.stringify(value, Object.keys(value as object).sort());
  return String(value);
}

function period(value: unknown): string {
  const p = (value ?? {}) as Loose;
  return value ? `${p.year}-${p.half ?? 'year'}${p.end_year ? `-${p.end_year}` : ''}` : '';
}

/** How many items of `want` are not in `got` (added by hand) and of `got` not in `want` (removed). */
function listChange(got: string[], want: string[]): { added: number; removed: number } {
  const remaining = [...got];
  let added = 0;
  for (const item of want) {
    const at = remaining.indexOf(item);
    if (at >= 0) remaining.splice(at, 1);
    else added += 1;
  }
  return { added, removed: remaining.length };
}

function describeList(name: string, got: string[], want: string[]): string | undefined {
  const { added, removed } = listChange(got, want);
  if (added === 0 && removed === 0) return undefined;
  return `${name} ${[added > 0 ? `+${added}` : '', removed > 0 ? `−${removed}` : ''].filter(Boolean).join(' ')}`;
}

function bodyLines(body: string): string[] {
  return body
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** The fields in which `document` (as committed) differs from `draft` (as ingested now). */
export function changedFields(draft: Pick<Draft, 'frontmatter' | 'body'>, document: Pick<DocumentEntry, 'data' | 'body'>): string[] {
  const fm = draft.frontmatter as Loose;
  const data = document.data as unknown as Loose;
  const changed: string[] = [];
  for (const field of ['title', 'title_editorial', 'kind', 'publisher', 'region', 'published', 'written']) {
    if (comparable(fm[field]) !== comparable(data[field])) changed.push(field);
  }
  if (period(fm.period) !== period(data.period)) changed.push('period');
  const draftSource = (fm.source ?? {}) as Loose;
  const source = (data.source ?? {}) as Loose;
  for (const field of ['url', 'index_no', 'doc_no']) {
    if (comparable(draftSource[field]) !== comparable(source[field])) changed.push(`source.${field}`);
  }
  const topics = describeList('topics', ((fm.topics as string[] | undefined) ?? []).slice().sort(), ((data.topics as string[] | undefined) ?? []).slice().sort());
  if (topics) changed.push(topics);
  const figures = describeList('figures', ((fm.metrics as Loose[] | undefined) ?? []).map(figureKey), ((data.metrics as Loose[] | undefined) ?? []).map(figureKey));
  if (figures) changed.push(figures);
  const tasks = describeList('tasks', ((fm.tasks as Loose[] | undefined) ?? []).map(taskKey), ((data.tasks as Loose[] | undefined) ?? []).map(taskKey));
  if (tasks) changed.push(tasks);
  if (comparable(fm.note) !== comparable(data.note)) changed.push('note');
  const committed = bodyLines(document.body);
  const { added } = listChange(bodyLines(draft.body), committed);
  if (added > 0) changed.push(`body ${added}/${committed.length} lines`);
  return changed;
}

/**
 * Pairs each committed document with the page its `source.url` names and compares it with that page's draft.
 * `ingest` returns the page's drafts; of several, the one for the document's region and period is compared.
 */
export function maintainerWork(documents: DocumentEntry[], addresses: Map<string, string>, ingest: (page: string, url: string) => Draft[]): MaintainerWork[] {
  const pageOf = new Map([...addresses].map(([page, url]) => [url, page]));
  const work: MaintainerWork[] = [];
  for (const document of documents) {
    const url = document.data.source.url;
    const page = url ? pageOf.get(url) : undefined;
    if (!page || !url) continue;
    const drafts = ingest(page, url);
    const draft =
      drafts.find((d) => d.frontmatter.region === document.data.region && period(d.frontmatter.period) === period(document.data.period)) ??
      drafts.find((d) => d.frontmatter.region === document.data.region) ??
      drafts[0];
    const changed = draft ? changedFields(draft, document) : ['no draft: the page was refused'];
    work.push({ page, document: document.id, changed });
  }
  return work.sort((a, b) => a.page.localeCompare(b.page));
}
