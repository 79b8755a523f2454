/**
 * Renders a document body (Markdown) to HTML. Documents are content, not code: raw HTML in a body is escaped
 * (markdown-it with `html: false`), link targets other than http(s)/mailto/relative are refused, and emphasis
 * next to Chinese punctuation follows the CJK-friendly rule (`**重点任务：**推进` is bold). Each quoted figure
 * is wrapped in a `<mark>` with a stable id so citations can point at the exact sentence.
 */
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import markdownItCjkFriendly from 'markdown-it-cjk-friendly';
import { quoteAnchor } from '../anchors.ts';

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
markdown.renderer.rules.table_open = (tokens, idx) => {
  const number = tokens.slice(0, idx + 1).filter((token) => token.type === 'table_open').length;
  return `<div class="table-scroll" tabindex="0" role="region" aria-label="表格 ${number}"><table>\n`;
};
markdown.renderer.rules.table_close = () => '</table></div>\n';

type TokenConstructor = new (type: string, tag: string, nesting: -1 | 0 | 1) => Token;

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Wraps the first occurrence of each quote inside a single text token in `<mark id=…>`. */
function markQuotes(tokens: Token[], quotes: string[], TokenClass: TokenConstructor): Set<string> {
  const marked = new Set<string>();
  // Longest first, so a quote that contains a shorter one is marked whole.
  const pending = [...new Set(quotes)].sort((a, b) => b.length - a.length);
  for (const block of tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const children: Token[] = [];
    for (const child of block.children) {
      if (child.type !== 'text') {
        children.push(child);
        continue;
      }
      let pieces: (string | Token)[] = [child.content];
      for (const quote of pending) {
        if (marked.has(quote)) continue;
        const next: (string | Token)[] = [];
        for (const piece of pieces) {
          const at = typeof piece === 'string' ? piece.indexOf(quote) : -1;
          if (typeof piece !== 'string' || at < 0 || marked.has(quote)) {
            next.push(piece);
            continue;
          }
          const html = new TokenClass('html_inline', '', 0);
          html.content = `<mark class="quote" id="${quoteAnchor(quote)}">${escapeHtml(quote)}</mark>`;
          next.push(piece.slice(0, at), html, piece.slice(at + quote.length));
          marked.add(quote);
        }
        pieces = next;
      }
      for (const piece of pieces) {
        if (typeof piece !== 'string') children.push(piece);
        else if (piece) {
          const text = new TokenClass('text', '', 0);
          text.content = piece;
          children.push(text);
        }
      }
    }
    block.children = children;
  }
  return marked;
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

export function renderDocumentBody(body: string, quotes: string[] = []): RenderedDocument {
  const env = {};
  const tokens = markdown.parse(body, env);
  const headings = collectHeadings(tokens);
  // markdown-it does not export its Token class; every token instance carries it as its constructor.
  const TokenClass = (tokens[0]?.constructor ?? Object) as TokenConstructor;
  const marked = markQuotes(tokens, quotes, TokenClass);
  const html = markdown.renderer.render(tokens, markdown.options, env);
  return { html, headings, unmarkedQuotes: quotes.filter((quote) => !marked.has(quote)) };
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
