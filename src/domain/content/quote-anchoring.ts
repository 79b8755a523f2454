/**
 * Whether every quote can be anchored on its document's page. The renderer (markdown/render-document.ts)
 * marks a quote only where it lies inside one run of plain text — not across `**bold**`, a link or a line
 * break — and either inside or outside each other quote of the page; the page build refuses a document whose
 * quotes it could not mark. This runs the same renderer over every body with the same quotes (the document's
 * figures and the evidence other documents cite from it), so `npm run check` reports what the build would.
 * It parses and marks but does not render (`unmarkedQuotes`): about 0.3 ms a document; only documents with
 * quotes are parsed.
 */
import { unmarkedQuotes } from '../markdown/render-document.ts';
import type { ContentIssue } from './content-issue.ts';
import { positionInText, type SourcePosition } from './source-positions.ts';

/** A quote and where it is written: the file and field an author edits to fix it. */
export interface QuoteUse {
  quote: string;
  /** The file whose front matter holds the quote (a task's evidence sits in the task list, not the summary). */
  file: string;
  /** e.g. `metrics[0].quote`, `tasks[3].evidence.quote`. */
  field: string;
}

/** Which of `quotes` the page of `body` leaves unmarked, in their order (the renderer's `unmarkedQuotes`). */
export type UnmarkedQuotes = (body: string, quotes: string[]) => string[];

/** A document body and every quote its page marks; each quote is known to occur in the body. */
export interface AnchoredBody {
  /** Project-relative path of the document, e.g. `content/documents/anhui/xuancheng/xuanzhou/2023-h2-summary.md`. */
  file: string;
  body: string;
  /** Line of the file on which the body starts. */
  bodyLine: number;
  quotes: QuoteUse[];
}

// Markdown marks an author may have copied into a quote: each ends a run of plain text.
const markdownMarks = ['**', '__', '*', '_', '`', '[', ']', '](', '<', '&', '\\', '~~', '|'];

/**
 * The issues of the quotes `document`'s page could not mark. `unmarked` answers which those are (the renderer's
 * `unmarkedQuotes`, or the build's kept answers of it: content/anchoring-cache.ts).
 */
export function quoteAnchoringIssues(document: AnchoredBody, unmarked: UnmarkedQuotes = unmarkedQuotes): ContentIssue[] {
  if (document.quotes.length === 0) return [];
  const distinct = [...new Set(document.quotes.map((use) => use.quote))];
  const unmarkedHere = unmarked(document.body, distinct);
  const issues: ContentIssue[] = [];
  for (const quote of unmarkedHere) {
    const { message, hint } = explain(document, quote, distinct);
    const inBody = quotePosition(document, quote);
    for (const use of document.quotes.filter((u) => u.quote === quote)) {
      // The fix is in the body where the quote is written (formatting across it); evidence cited from another
      // document is placed at its field in the task list, the file the issue names.
      issues.push({ file: use.file, field: use.field, value: quote, message, hint, ...(use.file === document.file ? inBody : {}) });
    }
  }
  return issues;
}

/**
 * Where a quote is in the body: where it is written, or where it is once the body's backslash escapes are read as
 * the characters they escape (as validation finds it); empty when it is found neither way.
 */
function quotePosition(document: AnchoredBody, quote: string): SourcePosition | Record<string, never> {
  let offset = document.body.indexOf(quote);
  if (offset === -1) {
    // Offsets of the unescaped text back into the body: each escape's backslash is dropped.
    const original: number[] = [];
    let unescaped = '';
    for (let i = 0; i < document.body.length; i++) {
      if (document.body[i] === '\\' && /[!-/:-@[-`{-~]/.test(document.body[i + 1] ?? '')) i++;
      original.push(i);
      unescaped += document.body[i];
    }
    const found = unescaped.indexOf(quote);
    if (found === -1) return {};
    offset = original[found] ?? 0;
  }
  return positionInText(document.body, offset, document.bodyLine);
}

/** Why a quote stayed unmarked: on its own it is marked, so another quote's edge is in the way; else formatting. */
function explain(document: AnchoredBody, quote: string, quotes: readonly string[]): { message: string; hint: string } {
  const where = document.quotes.some((use) => use.quote === quote && use.file !== document.file) ? ` in ${document.file}` : '';
  if (unmarkedQuotes(document.body, [quote]).length === 0) {
    const crossed = quotes.filter((other) => other !== quote && unmarkedQuotes(document.body, [quote, other]).includes(quote));
    const names = crossed.flatMap((other) => document.quotes.filter((use) => use.quote === other)).map((use) => `${use.field}${use.file === document.file ? '' : ` of ${use.file}`}`);
    return {
      message: `the quote crosses the edge of another quote${where} (${names.join(', ') || 'another quote'}), so its page cannot mark both`,
      hint: 'make one quote lie wholly inside the other (a figure inside the sentence a task cites), or keep them apart',
    };
  }
  const marks = markdownMarks.filter((mark) => quote.includes(mark) && !markdownMarks.some((longer) => longer.length > mark.length && longer.includes(mark) && quote.includes(longer)));
  const cause = quote.includes('\n') ? 'runs over a line break' : marks.length > 0 ? `contains Markdown marks (${marks.map((m) => `\`${m}\``).join(' ')})` : 'crosses Markdown formatting (bold, a link, code)';
  return {
    message: `the quote ${cause}${where}, so its page cannot mark it`,
    hint: 'quote a fragment that lies within plain text — inside the bold part or after it, on one line — and still states the figure',
  };
}
