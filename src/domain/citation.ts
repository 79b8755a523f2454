/**
 * Citations in GB/T 7714-2015 style for an electronic resource:
 * 主要责任者. 题名[EB/OL]. (发布日期)[引用日期]. 获取和访问路径.
 * Only what the source gives is cited: no publisher or 发布日期 is made up (a document without a named publisher
 * is cited from its title; 成文日期 is not a 发布日期). The 引用日期 is the reader's: the day they copy the
 * citation, so a citation is a template with that one gap, filled in the browser at the moment of copying
 * (src/scripts/cite.ts) and shown as 「引用日期」 in the page's own text, which stays the same at every build.
 *
 * The access path is this site's page: the document's, or for one figure the quoted sentence on it
 * (`/documents/<id>/#q-…`), so the link in a pasted citation opens the very sentence that states the number.
 */
import type { DocumentFrontmatter } from '../schemas/document.ts';

/** A citation with a gap for the 引用日期: `${before}[${date}]${after}`. */
export interface CitationTemplate {
  before: string;
  after: string;
}

export interface CitationInput {
  data: Pick<DocumentFrontmatter, 'title' | 'publisher' | 'published' | 'source'>;
  /** Absolute URL on this site: the document page, or a figure's quote on it (`…/#q-…`). */
  url: string;
}

/** What the page shows in the gap before anyone copies: the field's name. */
export const accessDatePlaceholder = '引用日期';

/** A document's citation, or a figure's when `url` is the quote's URL. */
export function citationTemplate({ data, url }: CitationInput): CitationTemplate {
  const responsible = data.publisher ? `${data.publisher}. ` : '';
  const docNo = data.source.doc_no ? `: ${data.source.doc_no}` : '';
  const indexNo = data.source.index_no ? `(索引号: ${data.source.index_no})` : '';
  const published = data.published ? `(${data.published})` : '';
  return { before: `${responsible}${data.title}${docNo}${indexNo}[EB/OL]. ${published}`, after: `. ${url}.` };
}

/** The citation with its 引用日期, `YYYY-MM-DD`; the placeholder when none is given. */
export function citationText(template: CitationTemplate, accessed: string = accessDatePlaceholder): string {
  return `${template.before}[${accessed}]${template.after}`;
}

/** The reader's date, `YYYY-MM-DD` in their own time zone: what they write as 引用日期. */
export function accessDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
