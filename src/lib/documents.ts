/** Queries over the documents collection for pages. */
import { join } from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import { documentBody, documentPathOf } from '../domain/content/document-files.ts';
import { documentDate } from '../domain/periods.ts';
import { renderDocumentBody, type RenderedDocument } from '../domain/markdown/render-document.ts';
import type { DocumentFrontmatter } from '../schemas/document.ts';
import type { Task } from '../schemas/task.ts';
import { contentRoot } from './content-loaders.ts';

export type DocumentItem = CollectionEntry<'documents'>;

/** Sort key of the lists: the one document date rule (src/domain/periods.ts), shared with the search index. */
export function documentSortKey(data: DocumentFrontmatter): string {
  return documentDate(data);
}

// Memoised as promises, here and in regions.ts and listing.ts: callers that start together (getStaticPaths
// mapping over every path with an async function) share one computation instead of each making their own —
// once per region made a 3,000-document build spend 2.3 s rebuilding the same region index 3,350 times.
let cached: Promise<DocumentItem[]> | undefined;

/** Every document, newest first (ties by id, so the order is stable between builds). */
export function allDocuments(): Promise<DocumentItem[]> {
  cached ??= getCollection('documents').then((docs) =>
    docs.sort((a, b) => documentSortKey(b.data).localeCompare(documentSortKey(a.data)) || a.id.localeCompare(b.id)),
  );
  return cached;
}

/** Absolute path of a document's file (the build's working directory is the project). */
export function documentFile(id: string): string {
  return join(contentRoot(), documentPathOf(id));
}

/** A task of a plan or task list whose evidence quotes a later summary. */
export interface ReportedTask {
  /** The plan or task list the task belongs to. */
  list: DocumentItem;
  task: Task & { evidence: NonNullable<Task['evidence']> };
}

let reportedBySummary: Promise<Map<string, ReportedTask[]>> | undefined;

/**
 * The tasks, of any document, whose evidence quotes the summary `summaryId`: the summary's page anchors each
 * quote (the task table links there) and lists the tasks it reports on. Indexed once per build.
 */
export async function tasksReportedIn(summaryId: string): Promise<ReportedTask[]> {
  reportedBySummary ??= allDocuments().then((docs) => {
    const index = new Map<string, ReportedTask[]>();
    for (const list of docs) {
      for (const task of list.data.tasks) {
        if (!task.evidence) continue;
        const reported = index.get(task.evidence.document) ?? [];
        reported.push({ list, task: task as ReportedTask['task'] });
        index.set(task.evidence.document, reported);
      }
    }
    return index;
  });
  return (await reportedBySummary).get(summaryId) ?? [];
}

/**
 * Reads and renders a document's body from its file, anchoring its own figures' quotes and the evidence
 * quotes of the tasks that other documents say it reports on.
 */
export function renderDocument(doc: DocumentItem, reported: readonly ReportedTask[] = []): RenderedDocument & { body: string } {
  const file = documentFile(doc.id);
  const body = documentBody(contentRoot(), doc.id);
  const quotes = [...doc.data.metrics.map((m) => m.quote), ...reported.map(({ task }) => task.evidence.quote)];
  const rendered = renderDocumentBody(body, quotes);
  if (rendered.unmarkedQuotes.length > 0) {
    const citedBy = (quote: string) => {
      const lists = reported.filter(({ task }) => task.evidence.quote === quote).map(({ list, task }) => `task ${task.id} of ${documentFile(list.id)}`);
      return lists.length > 0 ? ` (evidence of ${lists.join(', ')})` : ' (a figure’s quote)';
    };
    throw new Error(
      `${file}: these quotes could not be anchored, because they cross Markdown formatting or the edge of another quote: ` +
        `${rendered.unmarkedQuotes.map((quote) => `"${quote}"${citedBy(quote)}`).join('; ')}. ` +
        'Shorten the quote so it lies within plain text, and either inside or outside each other quote.',
    );
  }
  return { ...rendered, body };
}
