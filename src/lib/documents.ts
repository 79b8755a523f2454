/** Queries over the documents collection for pages. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import { splitFrontmatter } from '../domain/content/frontmatter.ts';
import { renderDocumentBody, type RenderedDocument } from '../domain/markdown/render-document.ts';
import type { DocumentFrontmatter } from '../schemas/document.ts';
import { contentRoot } from './content-loaders.ts';

export type DocumentItem = CollectionEntry<'documents'>;

/** Sort key: the publication date where known, else the end of the period covered. */
export function documentSortKey(data: DocumentFrontmatter): string {
  if (data.published) return data.published;
  if (data.written) return data.written;
  return `${data.period.year}-${data.period.half === 'H1' ? '06-30' : '12-31'}`;
}

let cached: DocumentItem[] | undefined;

/** Every document, newest first (ties by id, so the order is stable between builds). */
export async function allDocuments(): Promise<DocumentItem[]> {
  if (!cached) {
    const docs = await getCollection('documents');
    cached = docs.sort((a, b) => documentSortKey(b.data).localeCompare(documentSortKey(a.data)) || a.id.localeCompare(b.id));
  }
  return cached;
}

/** Absolute path of a document's file (the build's working directory is the project). */
export function documentFile(id: string): string {
  return join(contentRoot(), 'content/documents', `${id}.md`);
}

/** Reads and renders a document's body from its file. */
export function renderDocument(doc: DocumentItem): RenderedDocument & { body: string } {
  const file = documentFile(doc.id);
  const { body } = splitFrontmatter(readFileSync(file, 'utf8'));
  const quotes = [...doc.data.metrics.map((m) => m.quote)];
  const rendered = renderDocumentBody(body, quotes);
  if (rendered.unmarkedQuotes.length > 0) {
    throw new Error(`${file}: quotes could not be anchored (they cross Markdown formatting): ${rendered.unmarkedQuotes.join(' | ')}`);
  }
  return { ...rendered, body };
}
