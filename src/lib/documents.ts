/** The documents of the site model for pages, and a document's body read and rendered from its file. */
import { join } from 'node:path';
import { documentBody, documentPathOf } from '../domain/content/document-files.ts';
import { renderDocumentBody, type RenderedDocument, type SharedSentenceMark } from '../domain/markdown/render-document.ts';
import type { ReportedTask as ModelReportedTask } from '../domain/site-model.ts';
import { contentRoot } from './content-loaders.ts';
import { siteModel, type DocumentItem } from './site-model.ts';

export type { DocumentItem };
/** Sort key of the lists: the one document date rule (src/domain/periods.ts), shared with the search index. */
export { documentSortKey } from '../domain/site-model.ts';

/** Every document, newest first (ties by id, so the order is stable between builds). */
export async function allDocuments(): Promise<readonly DocumentItem[]> {
  return (await siteModel()).documents;
}

/** Absolute path of a document's file (the build's working directory is the project). */
export function documentFile(id: string): string {
  return join(contentRoot(), documentPathOf(id));
}

/** A task of a plan or task list whose evidence quotes a later summary. */
export type ReportedTask = ModelReportedTask<DocumentItem>;

/**
 * The tasks, of any document, whose evidence quotes the summary `summaryId` (the site model's evidence index,
 * which the summary's cache key reads too): the summary's page anchors each quote (the task table links there)
 * and lists the tasks it reports on.
 */
export async function tasksReportedIn(summaryId: string): Promise<readonly ReportedTask[]> {
  return (await siteModel()).reportedIn(summaryId);
}

/**
 * Reads and renders a document's body from its file, anchoring its own figures' quotes and the evidence
 * quotes of the tasks that other documents say it reports on.
 */
export function renderDocument(doc: DocumentItem, reported: readonly ReportedTask[] = [], shared: readonly SharedSentenceMark[] = []): RenderedDocument & { body: string } {
  const file = documentFile(doc.id);
  const body = documentBody(contentRoot(), doc.id);
  const quotes = [...doc.data.metrics.map((m) => m.quote), ...reported.map(({ task }) => task.evidence.quote)];
  const rendered = renderDocumentBody(body, quotes, shared);
  // Other pages link to these sentences: the reuse index (src/domain/reuse/) promised each could be marked.
  if (rendered.unmarkedShared.length > 0) {
    throw new Error(`${file}: these shared sentences could not be marked, so links to them from other documents would not land: ${rendered.unmarkedShared.map((s) => `"${s}"`).join('; ')}. This is a bug in src/domain/reuse/shared-passages.ts (markability), not in the content.`);
  }
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
