/**
 * Real Chinese text for the benchmark's generated documents: the laws of ../shared/corpus/laws and the bodies
 * of the bundled documents, cut into Markdown blocks (paragraphs, headings, tables) that a generated body is
 * assembled from. Pure: the caller reads the files (write-corpus.ts).
 */
import { textDamageIssue } from '../../src/domain/content/text-damage.ts';

/** One source text as a list of Markdown blocks. */
export interface TextSource {
  /** Where it came from, e.g. `行政法规/社会救助暂行办法.md`; only for messages. */
  name: string;
  blocks: string[];
}

export interface CorpusSources {
  /** Legal texts: most of a generated body. */
  laws: TextSource[];
  /** Bodies of real 民政 documents (content/documents): the domain's own vocabulary. */
  documents: TextSource[];
}

/**
 * Makes a text safe to paste into any Markdown processor unchanged: angle brackets become full-width ones, so
 * no processor sees raw HTML (ours escapes it, Astro's default passes it through) and both render the same text.
 */
function neutraliseHtml(text: string): string {
  return text.replace(/</g, '＜').replace(/>/g, '＞');
}

/** Splits Markdown into blocks at blank lines; a block's lines are kept together (a table stays whole). */
export function markdownBlocks(markdown: string): string[] {
  return markdown
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\u3000]*\n/)
    .map((block) => block.replace(/^\n+|\s+$/g, ''))
    .filter((block) => block.length > 0);
}

/**
 * Whether a block holds a character content validation refuses (src/domain/content/text-damage.ts): a few law
 * texts carry GBK private-use characters (U+E010, U+E5F9), and one such block made a 3,000-document corpus
 * invalid, so the bench's build stopped at validation.
 */
function isDamaged(block: string): boolean {
  return textDamageIssue({ path: '', text: block }) !== undefined;
}

/**
 * Blocks of a law text: the metadata header (everything before `<!-- INFO END -->`), the title line, the
 * HTML comments and blocks holding characters validation refuses are dropped; chapter headings sink one
 * level, so they nest under a generated section heading.
 */
export function lawBlocks(text: string): string[] {
  const start = text.indexOf('<!-- INFO END -->');
  const body = (start >= 0 ? text.slice(start + '<!-- INFO END -->'.length) : text).replace(/<!--[\s\S]*?-->/g, '');
  return markdownBlocks(body)
    .filter((block) => !/^# /.test(block) && !isDamaged(block))
    .map((block) => neutraliseHtml(block.replace(/^(#{2,5}) /, '#$1 ')));
}

/** Blocks of a bundled document's body, headings one level down for the same reason. */
export function documentBlocks(body: string): string[] {
  return markdownBlocks(body).map((block) => neutraliseHtml(block.replace(/^(#{2,5}) /, '#$1 ')));
}

/** Whether a block is running text (not a heading, a table or a list). */
export function isParagraph(block: string): boolean {
  return !/^(#|\||[-*+] |\d+\. )/.test(block);
}
