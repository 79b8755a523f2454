/**
 * A web page as a browser saves it (`.html`/`.htm`) → the line text the text path ingests, plus what the page
 * says about itself outside its text. Chinese government CMSs (TRS WCM, 大汉, 拓尔思 …) print the same meta tags
 * (`ArticleTitle`, `PubDate`, `ContentSource`, `ColumnName`, `Url`) and put the article in `div.TRS_Editor`,
 * `#zoom` or `.article`; around it are the site's navigation, footer and related links, which are left out.
 *
 * The page is parsed with cheerio (parse5 underneath): it builds the tree the way browsers do (the HTML
 * standard's tree construction), so the unclosed `<p>`, stray `</td>` and tables nested in `<font>` that
 * CMS pages are full of end up where a browser puts them. A regular expression over tags cannot do that,
 * and a table's rowspan/colspan can only be read from a real tree.
 */
import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import iconv from 'iconv-lite';
import { describeDamage, gb18030Damage, withLines } from './byte-damage.ts';
import { decodeBytes, type Decoded } from './decode.ts';
import type { KnownMetadata } from './known-metadata.ts';

/** What a saved page says about itself: its meta tags, `<title>` and address. */
export interface PageMetadata extends KnownMetadata {
  /** `<meta name="ContentSource">`, the organ the site files the page under (a publisher candidate), e.g. `辰溪县民政局`. */
  contentSource?: string;
  /** The page's address: meta `Url`, the canonical link, or the browser's `<!-- saved from url=… -->`. */
  url?: string;
  /** Where the address came from, for the report. */
  urlFrom?: string;
}

export interface HtmlPage {
  /** The article as lines: headings and paragraphs one a line, table rows as `cell | cell |`. */
  text: string;
  metadata: PageMetadata;
  /** How the article was found, for the report, e.g. `div.TRS_Editor`. */
  article: string;
}

/** Whether a file is a saved web page: by its name, or by how its text starts. */
export function isHtmlInput(path: string, bytes: Uint8Array): boolean {
  if (/\.(html?|shtml|xhtml)$/i.test(path)) return true;
  const head = Buffer.from(bytes.subarray(0, 512)).toString('latin1').replace(/^\uFEFF|^ï»¿/, '').trimStart();
  return /^(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html[\s>])/i.test(head);
}

/**
 * The page's bytes as text. A `<meta charset>` (or `http-equiv` content type) naming a GB encoding is obeyed —
 * GBK pages are common and short ones can fool detection; otherwise the shared decoder detects it.
 */
export function decodeHtml(bytes: Uint8Array): Decoded {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (declared && /^(gb2312|gbk|gb18030|x-gbk|cp936)$/.test(declared) && !hasUtf8Bom(bytes)) {
    // Strict, as for text files: damaged bytes are refused with where they are, never read as U+FFFD or
    // private-use characters (found by the bad-input suite).
    const damage = withLines(bytes, gb18030Damage(bytes));
    if (damage.length > 0) {
      const shown = damage.slice(0, 5).map(describeDamage).join('; ');
      return { ok: false, damage, reason: `damaged GB18030/GBK page (declared ${declared}): ${damage.length} invalid byte sequence${damage.length === 1 ? '' : 's'} at ${shown}${damage.length > 5 ? ` and ${damage.length - 5} more` : ''}. Save the page again` };
    }
    const text = iconv.decode(Buffer.from(bytes), 'gb18030');
    if (text.trim() === '') return { ok: false, reason: 'the file is empty (only whitespace)' };
    return { ok: true, text, encoding: `GB18030/GBK (declared ${declared})` };
  }
  return decodeBytes(bytes);
}

const hasUtf8Bom = (bytes: Uint8Array) => bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;

/** Where CMSs put the article, most specific first. */
const articleSelectors = ['.TRS_Editor', '#zoom', '#UCAP-CONTENT', '.article-content', '.article_content', '#article', '.article', '.pages_content', '#content', '.content', 'article', 'main'];

/** Site furniture inside or around an article: removed before the text is read. Not `<form>`: ASP.NET pages wrap the whole page in one. */
const furniture = 'script, style, noscript, template, iframe, nav, header, footer, button, select, input, .nav, .navbar, .menu, .breadcrumb, .crumb, .position, .location, .footer, .foot, .header, .share, .print, .related, .relevant, .xgxw, .xglj, .links, .pager, .pagination';

/** `white-space`-free text of a node, as a browser shows it: runs of spaces and line breaks as one space. */
const squeeze = (text: string) => text.replace(/[\s\u00a0\u3000]+/g, ' ').trim();

const blockTags = new Set(['p', 'div', 'section', 'article', 'main', 'aside', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'center', 'address', 'figure', 'figcaption', 'hr', 'tr', 'tbody', 'thead', 'tfoot', 'caption']);

/** Reads a saved page: its metadata, and its article as lines. */
export function readHtml(html: string): HtmlPage {
  const $ = cheerio.load(html);
  const meta = (name: string) => {
    const content = $(`meta[name="${name}" i]`).first().attr('content');
    return content === undefined ? undefined : squeeze(content) || undefined;
  };
  const metadata: PageMetadata = {};
  // A <title> carries the site's name after a separator: `2023年…清单_宣州区人民政府`.
  const pageTitle = squeeze($('title').first().text()).split(/\s*(?:[_｜|]|\s[-–—]\s)\s*/)[0] || undefined;
  const articleTitle = meta('ArticleTitle');
  if (articleTitle) metadata.title = articleTitle;
  else if (pageTitle) {
    metadata.title = pageTitle;
    metadata.titleFrom = '<title>';
  }
  const published = meta('PubDate') ?? meta('pubdate') ?? meta('publishdate');
  if (published) metadata.published = published;
  const contentSource = meta('ContentSource');
  if (contentSource) metadata.contentSource = contentSource;
  const column = meta('ColumnName');
  if (column) metadata.column = column;
  const address = pageAddress($, html);
  if (address) {
    metadata.url = address.url;
    metadata.urlFrom = address.from;
  }

  $(furniture).remove();
  const found = findArticle($);
  const lines: string[] = [];
  writeLines($, found.element, lines);
  return { text: `${lines.join('\n')}\n`, metadata, article: found.how };
}

/** The page's own address: meta `Url`, `<link rel="canonical">`, `og:url`, or the browser's saved-from comment. */
function pageAddress($: cheerio.CheerioAPI, html: string): { url: string; from: string } | undefined {
  const isAddress = (value: string | undefined): value is string => value !== undefined && /^https?:\/\//i.test(value.trim());
  const metaUrl = $('meta[name="Url" i]').first().attr('content');
  if (isAddress(metaUrl)) return { url: metaUrl.trim(), from: 'the page’s <meta name="Url">' };
  const canonical = $('link[rel="canonical" i]').first().attr('href');
  if (isAddress(canonical)) return { url: canonical.trim(), from: 'the page’s canonical link' };
  const og = $('meta[property="og:url" i]').first().attr('content');
  if (isAddress(og)) return { url: og.trim(), from: 'the page’s <meta property="og:url">' };
  // Internet Explorer and Chrome mark a saved page: <!-- saved from url=(0057)http://… -->
  const saved = /<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->/i.exec(html)?.[1];
  if (isAddress(saved)) return { url: saved, from: 'the browser’s “saved from url” comment' };
  return undefined;
}

/**
 * The element holding the article: the first CMS container with text, else the block whose own text (not
 * counting the text of its links, which is what menus and related-links lists are made of) is longest.
 */
function findArticle($: cheerio.CheerioAPI): { element: Element; how: string } {
  for (const selector of articleSelectors) {
    const candidates = $(selector).toArray().filter((element) => squeeze($(element).text()).length >= 20);
    const best = candidates.sort((a, b) => squeeze($(b).text()).length - squeeze($(a).text()).length)[0];
    if (best) return { element: best as Element, how: selector };
  }
  let best: { element: Element; score: number } | undefined;
  $('body div, body td, body section').each((_, element) => {
    const text = squeeze($(element).text()).length;
    const links = squeeze($(element).find('a').text()).length;
    const score = text - 2 * links;
    if (!best || score > best.score) best = { element, score };
  });
  const body = $('body').get(0) ?? $.root().children().get(0);
  if (best && best.score > 0) return { element: best.element, how: 'the block with the most text outside links' };
  return { element: body as Element, how: 'the whole body' };
}

/** Appends the text of `node` as lines: a block ends a line, a `<br>` breaks one, a table becomes pipe rows. */
function writeLines($: cheerio.CheerioAPI, node: AnyNode, lines: string[]): void {
  let current = '';
  const flush = () => {
    const line = squeeze(current);
    if (line !== '') lines.push(line);
    current = '';
  };
  const walk = (child: AnyNode) => {
    if (child.type === 'text') {
      current += (child as unknown as { data: string }).data;
      return;
    }
    if (child.type !== 'tag' && child.type !== 'script' && child.type !== 'style') return;
    const element = child as Element;
    const tag = element.tagName.toLowerCase();
    if (tag === 'br') {
      flush();
      return;
    }
    if (tag === 'table') {
      flush();
      lines.push(...tableLines($, element));
      return;
    }
    const block = blockTags.has(tag);
    if (block) flush();
    for (const grandchild of element.children) walk(grandchild);
    if (block) flush();
  };
  for (const child of (node as Element).children ?? []) walk(child);
  flush();
}

/**
 * A `<table>` as `cell | cell |` rows. A cell spanning rows (rowspan) is repeated in every row it covers, so
 * each row carries its merged cells; one spanning columns (colspan) fills the columns it covers with empty
 * cells, so a section row (`一、… ` across the table) stays a row of one filled cell.
 */
export function tableLines($: cheerio.CheerioAPI, table: Element): string[] {
  const rows = $(table).find('tr').toArray().filter((row) => $(row).closest('table').get(0) === table);
  const grid: string[][] = [];
  rows.forEach((row, r) => {
    grid[r] ??= [];
    let column = 0;
    for (const cell of $(row).children('td, th').toArray()) {
      while (grid[r]?.[column] !== undefined) column += 1;
      const cellLines: string[] = [];
      writeLines($, cell, cellLines);
      // Lines of a cell (`<br>`, `<p>`) join as the text runs on: a space only between Latin words.
      const text = cellLines.reduce((joined, line) => (joined === '' ? line : /[A-Za-z0-9]$/.test(joined) && /^[A-Za-z0-9]/.test(line) ? `${joined} ${line}` : `${joined}${line}`), '').replace(/[|｜]/g, '／');
      const rowspan = Math.min(Math.max(Number($(cell).attr('rowspan') ?? 1) || 1, 1), rows.length - r);
      const colspan = Math.min(Math.max(Number($(cell).attr('colspan') ?? 1) || 1, 1), 50);
      for (let dr = 0; dr < rowspan; dr++) {
        const target = (grid[r + dr] ??= []);
        for (let dc = 0; dc < colspan; dc++) target[column + dc] = dc === 0 ? text : '';
      }
      column += colspan;
    }
  });
  return grid
    .map((row) => Array.from({ length: row.length }, (_, i) => row[i] ?? ''))
    .filter((row) => row.some((cell) => cell !== ''))
    .map((row) => `${row.join(' | ')} |`);
}
