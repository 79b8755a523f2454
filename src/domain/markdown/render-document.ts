/**
 * Renders a document body (Markdown) to HTML. Documents are content, not code: raw HTML in a body is escaped
 * (markdown-it with `html: false`), link targets other than http(s)/mailto/relative are refused, and emphasis
 * next to Chinese punctuation follows the CJK-friendly rule (`**重点任务：**推进` is bold). Each quoted figure
 * is wrapped in a `<mark>` with a stable id so citations can point at the exact sentence.
 */
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import markdownItCjkFriendly from 'markdown-it-cjk-friendly';
import { quoteAnchor, sharedSentenceAnchor } from '../anchors.ts';
import { keepTogetherHtml } from '../keep-together.ts';

export interface Heading {
  depth: number;
  text: string;
  slug: string;
}

export interface RenderedDocument {
  html: string;
  headings: Heading[];
  /** Quotes that could not be marked because they span formatting or are absent: the build reports them. */
  unmarkedQuotes: string[];
  /** Shared sentences that could not be marked (other pages link to them): the build reports them. */
  unmarkedShared: string[];
}

/**
 * A sentence that also stands in another document (src/domain/reuse/shared-passages.ts), marked with
 * `data-shared-passage` and an id other pages link to; `last` closes its passage with a label for screen readers.
 */
export interface SharedSentenceMark {
  text: string;
  /** The passage's number on this page, from 1, as in the 相同段落亦见于 list. */
  passage: number;
  last: boolean;
}

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false }).use(markdownItCjkFriendly);

// `//host/…` is another site (protocol-relative), not a path on this one: refused, so every external link is
// an explicit http(s) link and carries rel="noopener".
const safeLink = /^(https?:|mailto:|\/(?!\/)|#|\.\.?\/)/i;
markdown.validateLink = (url: string) => safeLink.test(url.trim());

const defaultLinkOpen = markdown.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
markdown.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  if (token && /^https?:/i.test(String(token.attrGet('href') ?? ''))) token.attrSet('rel', 'noopener noreferrer external');
  return defaultLinkOpen(tokens, idx, options, env, self);
};
// Wide tables scroll inside their own box so a phone never scrolls the page sideways.
// Each box is a keyboard-focusable region, so each needs its own name: 表格 1, 表格 2 … in document order.
// The count lives in the render's env (one per body): counting the tables before each one was quadratic.
markdown.renderer.rules.table_open = (_tokens, _idx, _options, env) => {
  const counter = (env ?? {}) as { tables?: number };
  const number = (counter.tables = (counter.tables ?? 0) + 1);
  return `<div class="table-scroll" tabindex="0" role="region" aria-label="表格 ${number}"><table class="card-table">\n`;
};
markdown.renderer.rules.table_close = () => '</table></div>\n';

// Joins the text runs for one search over them all (markQuotes); a match across it is not a match.
const runSeparator = '\u0000';

type TokenConstructor = new (type: string, tag: string, nesting: -1 | 0 | 1) => Token;

function escapeHtml(text: string): string {
  if (!htmlSpecial.test(text)) return text;
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const htmlSpecial = /[&<>"]/;

function unescapeHtml(html: string): string {
  if (!html.includes('&')) return html;
  return html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

interface QuoteSpan {
  start: number;
  end: number;
  quote: string;
  open: string;
  close: string;
}

/** Two spans of one text may nest or stand apart; a span that crosses another's edge cannot be one element. */
function fits(span: QuoteSpan, spans: QuoteSpan[]): boolean {
  return spans.every((other) => span.end <= other.start || span.start >= other.end || (span.start >= other.start && span.end <= other.end) || (span.start <= other.start && span.end >= other.end));
}

/** The text with each span wrapped in `<mark id=…>`, nested where one quote lies inside another, escaped. */
function markedHtml(text: string, spans: QuoteSpan[]): string {
  // Outer spans open first: by start, then the longer one.
  const ordered = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  let html = '';
  let at = 0;
  const open: QuoteSpan[] = [];
  const closeUntil = (position: number) => {
    while (open.length > 0 && open[open.length - 1]!.end <= position) {
      const span = open.pop()!;
      html += escapeHtml(text.slice(at, span.end)) + span.close;
      at = span.end;
    }
  };
  for (const span of ordered) {
    closeUntil(span.start);
    html += escapeHtml(text.slice(at, span.start)) + span.open;
    at = span.start;
    open.push(span);
  }
  closeUntil(text.length);
  return html + escapeHtml(text.slice(at));
}

/**
 * Wraps the first occurrence of each quote inside a single text token in `<mark id=…>`. A quote may lie inside
 * another (a figure's quote inside the sentence a task's evidence quotes): the marks then nest, so both
 * anchors exist. A quote found only across a formatting boundary, or crossing another quote's edge, stays
 * unmarked and is reported.
 */
function markQuotes(tokens: Token[], quotes: string[], shared: readonly SharedSentenceMark[], TokenClass: TokenConstructor): { quotes: Set<string>; shared: Set<string> } {
  interface Pending {
    text: string;
    open: string;
    close: string;
    done: Set<string>;
  }
  const marked = { quotes: new Set<string>(), shared: new Set<string>() };
  // Longest first, so where two quotes cross, the longer (usually the whole sentence) is the one marked. Shared
  // sentences come after every quote: a quote must be anchored (figures cite it), and the reuse index already
  // left out the sentences that cross a quote. A shared sentence that is also a quote gets both marks, nested.
  const pending: Pending[] = [
    ...[...new Set(quotes)].sort((a, b) => b.length - a.length).map((text) => ({ text, open: `<mark class="quote" id="${quoteAnchor(text)}">`, close: '</mark>', done: marked.quotes })),
    ...shared.map((sentence) => ({
      text: sentence.text,
      open: `<mark class="shared-passage" data-shared-passage="${sentence.passage}" id="${sharedSentenceAnchor(sentence.text)}">`,
      close: `</mark>${sentence.last ? '<span class="visually-hidden">（以上为相同段落，亦见于其他文件，见文末“相同段落亦见于”）</span>' : ''}`,
      done: marked.shared,
    })),
  ];
  // The body's text runs joined, so each entry is looked for by one indexOf over the body up to where it first
  // stands, instead of once in every run (runs × entries calls a page, the largest part of marking at 3,000
  // documents). Runs are then settled in order as before: the entries that stand in a run, in priority order,
  // each at its first occurrence there that fits the spans already placed; one that fits nowhere in that run
  // is looked for again after it.
  const runs: { block: Token; index: number; start: number; end: number }[] = [];
  const texts: string[] = [];
  let length = 0;
  for (const block of tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    block.children.forEach((child, index) => {
      if (child.type !== 'text') return;
      runs.push({ block, index, start: length, end: length + child.content.length });
      texts.push(child.content);
      length += child.content.length + 1;
    });
  }
  if (runs.length === 0) return marked;
  const joined = texts.join(runSeparator);
  const runAt = (position: number) => {
    let [low, high] = [0, runs.length - 1];
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (runs[middle]!.start <= position) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  // Run → the entries whose next occurrence is in it; `order` holds those runs, ascending.
  const waiting = new Map<number, number[]>();
  const order: number[] = [];
  const lookFrom = (e: number, from: number) => {
    const { text } = pending[e]!;
    for (let at = joined.indexOf(text, from); at >= 0; at = joined.indexOf(text, at + 1)) {
      const run = runAt(at);
      // A match reaching past its run's end holds a separator: it is not in one run.
      if (at + text.length > runs[run]!.end) continue;
      let entries = waiting.get(run);
      if (!entries) {
        waiting.set(run, (entries = []));
        let slot = order.length;
        while (slot > 0 && order[slot - 1]! > run) slot--;
        order.splice(slot, 0, run);
      }
      entries.push(e);
      return;
    }
  };
  pending.forEach((_, e) => lookFrom(e, 0));
  for (let next = 0; next < order.length; next++) {
    const run = order[next]!;
    const { block, index, start: runStart, end: runEnd } = runs[run]!;
    const child = block.children![index]!;
    const spans: QuoteSpan[] = [];
    for (const e of waiting.get(run)!.sort((x, y) => x - y)) {
      const entry = pending[e]!;
      if (entry.done.has(entry.text)) continue;
      let placed = false;
      for (let at = joined.indexOf(entry.text, runStart); at >= 0 && at + entry.text.length <= runEnd; at = joined.indexOf(entry.text, at + 1)) {
        const span = { start: at - runStart, end: at - runStart + entry.text.length, quote: entry.text, open: entry.open, close: entry.close };
        if (!fits(span, spans)) continue;
        spans.push(span);
        entry.done.add(entry.text);
        placed = true;
        break;
      }
      if (!placed) lookFrom(e, runEnd + 1);
    }
    if (spans.length === 0) continue;
    const html = new TokenClass('html_inline', '', 0);
    html.content = markedHtml(child.content, spans);
    block.children![index] = html;
  }
  return marked;
}

/**
 * Body tables are read on phones as cards (src/styles/global.css `.card-table`): each body cell gets its column's
 * header text as `data-label`.
 */
function labelTableCells(tokens: Token[]): void {
  let headers: string[] = [];
  let inHead = false;
  let inCell = false;
  let column = 0;
  for (const token of tokens) {
    if (token.type === 'thead_open') [headers, inHead] = [[], true];
    else if (token.type === 'thead_close') inHead = false;
    else if (token.type === 'tr_open') column = 0;
    else if (token.type === 'th_open' || token.type === 'td_open') {
      const label = headers[column];
      if (!inHead && label) token.attrSet('data-label', label);
      [inCell, column] = [true, column + 1];
    } else if (token.type === 'th_close' || token.type === 'td_close') inCell = false;
    else if (inCell && inHead && token.type === 'inline') {
      headers[column - 1] = (token.children ?? []).filter((c) => c.type === 'text' || c.type === 'code_inline').map((c) => c.content).join('').trim();
    }
  }
}

/**
 * Everywhere in the body — paragraphs, list items, table cells — numbers with units, dates and periods
 * (`550元/人/月`, `2023年上半年`, `15家`) become no-break spans, so a phone's narrow line or a card never splits
 * `202` from `3年` or `550` from `元`. The text is unchanged (search highlighting walks text nodes across the
 * spans). Runs after the quotes are marked and the table cells labelled, on the plain text and on the text
 * inside the marks.
 */
function keepNumbersTogether(tokens: Token[], TokenClass: TokenConstructor): void {
  for (const token of tokens) {
    if (token.type !== 'inline') continue;
    token.children = (token.children ?? []).map((child) => {
      if (!/\d/.test(child.content)) return child;
      if (child.type === 'html_inline') {
        // Raw HTML is off (`html: false`), so an html_inline child is a text run with marked quotes (markQuotes):
        // `<mark …>` tags around escaped text; the text between the tags is kept together too.
        child.content = child.content.split(/(<[^>]*>)/).map((part) => (part.startsWith('<') ? part : keepTogetherHtml(unescapeHtml(part), escapeHtml))).join('');
        return child;
      }
      if (child.type !== 'text') return child;
      const html = new TokenClass('html_inline', '', 0);
      html.content = keepTogetherHtml(child.content, escapeHtml);
      return html;
    });
  }
}

/** Heading ids: `s-1`, `s-2` … in document order; short, ASCII and stable for a given body. */
function collectHeadings(tokens: Token[]): Heading[] {
  const headings: Heading[] = [];
  tokens.forEach((token, i) => {
    if (token.type !== 'heading_open') return;
    const inline = tokens[i + 1];
    const text = inline?.children?.filter((c) => c.type === 'text' || c.type === 'code_inline').map((c) => c.content).join('') ?? '';
    const slug = `s-${headings.length + 1}`;
    token.attrSet('id', slug);
    headings.push({ depth: Number(token.tag.slice(1)), text, slug });
  });
  return headings;
}

export function renderDocumentBody(body: string, quotes: string[] = [], shared: readonly SharedSentenceMark[] = []): RenderedDocument {
  const env = {};
  const tokens = markdown.parse(body, env);
  const headings = collectHeadings(tokens);
  // markdown-it does not export its Token class; every token instance carries it as its constructor.
  const TokenClass = (tokens[0]?.constructor ?? Object) as TokenConstructor;
  const marked = markQuotes(tokens, quotes, shared, TokenClass);
  labelTableCells(tokens);
  keepNumbersTogether(tokens, TokenClass);
  const html = markdown.renderer.render(tokens, markdown.options, env);
  return { html, headings, unmarkedQuotes: quotes.filter((quote) => !marked.quotes.has(quote)), unmarkedShared: shared.map((s) => s.text).filter((text) => !marked.shared.has(text)) };
}

/**
 * The body's runs of plain text, in document order, exactly as the quote marking sees them (one text token of
 * a paragraph, list item, heading or table cell each): a sentence cut from one run can always be marked.
 */
export function bodyTextRuns(body: string): string[] {
  const runs: string[] = [];
  for (const token of markdown.parse(body, {})) {
    if (token.type !== 'inline') continue;
    for (const child of token.children ?? []) if (child.type === 'text' && child.content.trim() !== '') runs.push(child.content);
  }
  return runs;
}

/**
 * The quotes `renderDocumentBody` would leave unmarked, without rendering: marking reads only the parsed tokens,
 * so validation (content/quote-anchoring.ts), which needs no HTML, skips the no-break spans and the renderer —
 * about half of a render's cost, paid for every document with a quote before the pages render them again.
 */
export function unmarkedQuotes(body: string, quotes: string[]): string[] {
  const tokens = markdown.parse(body, {});
  const TokenClass = (tokens[0]?.constructor ?? Object) as TokenConstructor;
  const marked = markQuotes(tokens, quotes, [], TokenClass);
  return quotes.filter((quote) => !marked.quotes.has(quote));
}

/** Plain text of a body for search and descriptions: Markdown syntax removed, one line per block. */
export function bodyPlainText(body: string): string {
  const tokens = markdown.parse(body, {});
  const lines: string[] = [];
  for (const token of tokens) {
    if (token.type === 'inline') lines.push((token.children ?? []).filter((c) => c.type === 'text' || c.type === 'code_inline').map((c) => c.content).join(''));
  }
  return lines.join('\n');
}
