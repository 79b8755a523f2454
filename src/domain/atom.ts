/**
 * Atom 1.0 (RFC 4287) feeds of new documents. Deterministic: every date comes from the documents (published,
 * else written, else the end of the period covered), never from the clock, so two builds give the same bytes.
 */

export interface AtomEntry {
  /** Absolute URL of the document page; also the entry's id (stable, never reused). */
  url: string;
  title: string;
  /** `YYYY-MM-DD`: when the document was published (or written, or its period ended). */
  updated: string;
  /** `YYYY-MM-DD` publication date where the source gives it. */
  published?: string;
  /** Publisher as written, e.g. `宣州区民政局`. */
  author?: string;
  summary: string;
  categories?: { term: string; label: string }[];
}

export interface AtomFeed {
  /** Absolute URL of the feed itself; also its id. */
  selfUrl: string;
  /** Absolute URL of the HTML page the feed follows. */
  alternateUrl: string;
  title: string;
  subtitle?: string;
  /** Used as the feed's author where an entry names none. */
  author: string;
  entries: readonly AtomEntry[];
  /** `updated` of a feed without entries (`YYYY-MM-DD`); a feed with entries uses its newest entry's. */
  emptyUpdated?: string;
  /**
   * Site path of an XSLT stylesheet (`/feed.xsl`) that browsers use to show the feed as a readable page; feed
   * readers ignore the processing instruction, so the feed stays a plain Atom feed.
   */
  stylesheet?: string;
}

/** Characters XML 1.0 cannot carry at all (C0 controls but tab/LF/CR, U+FFFE/U+FFFF, lone surrogates). */
const invalidXmlChars = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text for XML element content and attribute values, dropping characters XML cannot hold. */
export function escapeXml(text: string): string {
  return text
    .replace(invalidXmlChars, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** `2023-08-28` → `2023-08-28T00:00:00+08:00`: documents are dated in China Standard Time. */
export function atomDate(date: string): string {
  return `${date}T00:00:00+08:00`;
}

export function atomFeed(feed: AtomFeed): string {
  const newest = feed.entries.reduce<string | undefined>((max, e) => (max === undefined || e.updated > max ? e.updated : max), undefined);
  const updated = newest ?? feed.emptyUpdated ?? '2000-01-01';
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    ...(feed.stylesheet ? [`<?xml-stylesheet type="text/xsl" href="${escapeXml(feed.stylesheet)}"?>`] : []),
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <id>${escapeXml(feed.selfUrl)}</id>`,
    `  <title>${escapeXml(feed.title)}</title>`,
    ...(feed.subtitle ? [`  <subtitle>${escapeXml(feed.subtitle)}</subtitle>`] : []),
    `  <updated>${atomDate(updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.alternateUrl)}"/>`,
    `  <author><name>${escapeXml(feed.author)}</name></author>`,
    ...feed.entries.flatMap((entry) => entryLines(entry)),
    '</feed>',
  ];
  return `${lines.join('\n')}\n`;
}

function entryLines(entry: AtomEntry): string[] {
  return [
    '  <entry>',
    `    <id>${escapeXml(entry.url)}</id>`,
    `    <title>${escapeXml(entry.title)}</title>`,
    `    <link rel="alternate" type="text/html" href="${escapeXml(entry.url)}"/>`,
    `    <updated>${atomDate(entry.updated)}</updated>`,
    ...(entry.published ? [`    <published>${atomDate(entry.published)}</published>`] : []),
    ...(entry.author ? [`    <author><name>${escapeXml(entry.author)}</name></author>`] : []),
    ...(entry.categories ?? []).map((c) => `    <category term="${escapeXml(c.term)}" label="${escapeXml(c.label)}"/>`),
    `    <summary>${escapeXml(entry.summary)}</summary>`,
    '  </entry>',
  ];
}
