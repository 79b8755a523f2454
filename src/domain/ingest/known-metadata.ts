/**
 * Metadata a page gives outside its text — a saved web page's `<meta>` tags (ArticleTitle, PubDate, ColumnName)
 * — handed to the pipeline beside the text (its ContentSource and address go in as `InferenceOptions`, where
 * publisher and region inference read them). The text's own header wins: a known
 * value only fills a field the copied text does not print, and the report says where it came from.
 */
import type { DocumentMetadata } from './metadata.ts';
import { normaliseDate } from './text.ts';

export interface KnownMetadata {
  /** `<meta name="ArticleTitle">`, else the page's `<title>`. */
  title?: string;
  /** `<title>` when the title is the page's title rather than its ArticleTitle meta. */
  titleFrom?: '<title>';
  /** `<meta name="PubDate">` as printed, e.g. `2023-08-28 10:21`. */
  published?: string;
  /** `<meta name="ColumnName">`, the site's section, e.g. `计划总结`: reported, not part of the content model. */
  column?: string;
}

/** Key the report shows for a value read from the page's meta tags, e.g. `<meta name="PubDate">`. */
const metaKey = (name: string) => `<meta name="${name}">`;

/**
 * Fills the fields of `metadata` the text leaves out from `known` (in place); returns notes for the report.
 * Line 0 marks a value that is not on any line of the text.
 */
export function applyKnownMetadata(metadata: DocumentMetadata, known: KnownMetadata | undefined): string[] {
  if (!known) return [];
  const notes: string[] = [];
  if (known.title && !metadata.title) metadata.title = { value: known.title, line: 0, key: known.titleFrom === '<title>' ? 'the page’s <title>' : metaKey('ArticleTitle') };
  if (known.published && !metadata.published) {
    const date = normaliseDate(known.published.replace(/[\sT]+\d{1,2}:\d{2}(:\d{2})?.*$/, ''));
    if (date) metadata.published = { value: date, line: 0, key: metaKey('PubDate') };
    else notes.push(`the page's PubDate "${known.published}" is not a date; left out`);
  }
  if (known.column) notes.push(`the page files it under the site's column "${known.column}" (ColumnName; not part of the content model)`);
  return notes;
}
