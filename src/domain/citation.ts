/**
 * Citations in GB/T 7714-2015 style for an electronic resource:
 * 主要责任者. 题名[EB/OL]. (发布日期)[引用日期]. 获取和访问路径.
 * Only what the source gives is cited: no publisher, date or retrieval date is made up.
 */
import type { DocumentFrontmatter } from '../schemas/document.ts';

export interface CitationInput {
  data: Pick<DocumentFrontmatter, 'title' | 'publisher' | 'published' | 'written' | 'source'>;
  /** Absolute URL of the document page on this site. */
  pageUrl: string;
}

export function citeDocument({ data, pageUrl }: CitationInput): string {
  const parts: string[] = [];
  if (data.publisher) parts.push(`${data.publisher}. `);
  const indexNo = data.source.index_no ? `(索引号: ${data.source.index_no})` : '';
  const docNo = data.source.doc_no ? `: ${data.source.doc_no}` : '';
  parts.push(`${data.title}${docNo}${indexNo}[EB/OL]. `);
  const date = data.published ?? data.written;
  const retrieved = data.source.retrieved;
  if (date || retrieved) parts.push(`${date ? `(${date})` : ''}${retrieved ? `[${retrieved}]` : ''}. `);
  parts.push(`${data.source.url ?? pageUrl}.`);
  return parts.join('');
}

/** A figure's citation: the document's, then the quoted sentence and its anchor. */
export function citeFigure(input: CitationInput, quote: string, quoteUrl: string): string {
  return `${citeDocument({ ...input, pageUrl: quoteUrl })} 原文：“${quote}”`;
}
