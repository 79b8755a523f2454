/**
 * Source text written into a Markdown body so that the page shows exactly that text. A copied line may hold
 * characters Markdown reads as syntax — `资金*专项*使用` would be emphasis, `[](){}` an empty link, `20**年` bold,
 * `1. ` a list, `#` a heading, `&nbsp;` an entity — and the page (and search, which reads the rendered text)
 * would lose them. Such text is escaped with backslashes, which the renderer removes; text that already renders
 * as itself, as nearly every line of a Chinese report does, is left as it is so the body stays readable.
 *
 * "Renders as itself" is decided by the site's own renderer (markdown/render-document.ts `bodyPlainText`), so
 * the rule cannot drift from what the page does.
 */
import { bodyPlainText } from '../markdown/render-document.ts';

/** Characters that may start Markdown syntax anywhere in a line, and at its start; nothing else is looked at. */
const maySyntax = /[\\`*_[\]<&~|#]|^\s*(?:[>+\-=]|\d{1,9}[.)])/;

/** Backslash-escapes what can be syntax: inline marks anywhere, block marks at the start of the line. */
function escapeMarks(text: string): string {
  return text
    .replace(/[\\`*_[\]<&~|#]/g, '\\$&')
    .replace(/^(\s*)([>+\-=])/, '$1\\$2')
    .replace(/^(\s*\d{1,9})([.)])/, '$1\\$2');
}

/** Every ASCII punctuation character escaped: CommonMark lets any of them be, and then none is syntax. */
function escapeAllPunctuation(text: string): string {
  return text.replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

/**
 * `text` as Markdown that renders as `text`. `block` puts it where it goes (`(t) => `## ${t}``, `(t) => `- ${t}``),
 * so a heading's trailing `#` or a list item's `1. ` are judged where they stand. `mustEscape` escapes the marks
 * even where they would render as themselves: a table cell's `|`, which a paragraph would keep.
 */
export function literalMarkdown(text: string, block: (markdown: string) => string = (markdown) => markdown, mustEscape = false): string {
  if (!maySyntax.test(text) || (!mustEscape && bodyPlainText(block(text)) === text)) return text;
  const escaped = escapeMarks(text);
  return bodyPlainText(block(escaped)) === text ? escaped : escapeAllPunctuation(text);
}

/**
 * A document body written twice over, block by block. `markdown` is the draft's body, escaped so the page
 * shows the source text. `reading` is the same blocks with the source text unescaped (Markdown marks only for
 * headings, list items and tables), which inference and figure extraction read, so a figure's quote is the
 * text the page shows and a quote copied from the page matches it.
 */
export class BodyBlocks {
  readonly reading: string[] = [];
  readonly markdown: string[] = [];

  push(reading: string, markdown: string): void {
    this.reading.push(reading);
    this.markdown.push(markdown);
  }

  /** A paragraph; `reading` is how the reading writes it when that differs (a backslash before a leading `#`). */
  paragraph(text: string, reading = text): void {
    this.push(reading, literalMarkdown(text));
  }

  heading(rank: number, text: string): void {
    const marks = '#'.repeat(rank);
    this.push(`${marks} ${text}`, `${marks} ${literalMarkdown(text, (markdown) => `${marks} ${markdown}`)}`);
  }

  list(items: readonly string[]): void {
    this.push(items.map((item) => `- ${item}`).join('\n'), items.map((item) => `- ${literalMarkdown(item, (markdown) => `- ${markdown}`)}`).join('\n'));
  }

  add(other: { reading: readonly string[]; markdown: readonly string[] }): void {
    other.reading.forEach((reading, i) => this.push(reading, other.markdown[i] ?? reading));
  }
}
