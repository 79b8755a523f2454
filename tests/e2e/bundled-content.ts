/**
 * What the bundled content holds, read the way the build reads it, so browser tests compare the built site with
 * the content rather than with counts typed in when the site had six documents.
 */
import { resolve } from 'node:path';
import { loadContent } from '../../src/domain/content/load-content.ts';
import type { DocumentEntry } from '../../src/domain/content/validate-content.ts';

const root = process.env.GONGKAI_CONTENT_ROOT ?? resolve(import.meta.dirname, '../..');
const { model } = loadContent(root);

export const bundledDocuments: DocumentEntry[] = model.documents;

/** Every figure of every document: the rows metrics.csv must have. */
export const bundledFigureCount = bundledDocuments.reduce((sum, doc) => sum + doc.data.metrics.length, 0);

/** Documents of a region and everything below it: the entries of its Atom feed. */
export function documentsWithin(regionSlug: string): number {
  return bundledDocuments.filter((doc) => doc.data.region === regionSlug || doc.data.region.startsWith(`${regionSlug}/`)).length;
}

/** Metrics some document states a figure of: each has a metric page with a chart (the others say 暂无). */
export const chartedMetricCount = new Set(bundledDocuments.flatMap((doc) => doc.data.metrics.map((figure) => figure.metric))).size;

/** Text as search compares it: NFKC, lower case, no white space (docs/search.md). */
function searchable(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/**
 * Document URLs whose title or body contains every space-separated part of `query`, found by scanning the content
 * files: the exact answer a search must give, independent of the index under test.
 */
export function documentsContaining(query: string, filter: { region?: string; year?: number } = {}): string[] {
  const parts = query.split(/\s+/).filter(Boolean).map(searchable);
  return bundledDocuments
    .filter((doc) => !filter.region || doc.data.region === filter.region || doc.data.region.startsWith(`${filter.region}/`))
    .filter((doc) => filter.year === undefined || doc.data.period.year === filter.year)
    .filter((doc) => {
      const text = searchable(`${doc.data.title}\n${doc.body}`);
      return parts.every((part) => text.includes(part));
    })
    .map((doc) => `/documents/${doc.id}/`)
    .sort();
}
