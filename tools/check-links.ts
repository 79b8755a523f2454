/**
 * Checks every internal link of a built site: each `href`/`src` in every HTML file of dist/ must resolve to a
 * file, and each `#fragment` must be an id (or `<a name>`) in the page it points at. Links to the site's own
 * origin (canonical URLs, feeds) count as internal. Reports every broken link with the page it is on.
 *
 *   npm run check:links [-- dist]        exit status 1 when a link is broken
 *
 * Also imported by tests/e2e/links.test.ts, which runs it on the build the browser tests use, and by
 * tests/build/build.test.ts.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface BrokenLink {
  /** The page the link is on, as a site path (`/documents/…/`). */
  page: string;
  /** The link exactly as written. */
  link: string;
  reason: string;
}

export interface LinkReport {
  pages: number;
  links: number;
  broken: BrokenLink[];
}

/** Attributes that point at another resource. */
const linkAttributes = new Set(['href', 'src', 'action', 'poster', 'data']);

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => join(dir, file))
    .sort();
}

/** Site path of an HTML file: `documents/a/index.html` → `/documents/a/`, `404.html` → `/404.html`. */
function pagePath(distDir: string, file: string): string {
  const path = `/${relative(distDir, file).split(sep).join('/')}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

/** Markup without scripts, styles, comments and textarea/title text, where `href=` is not an attribute. */
function markupOnly(html: string): string {
  return html.replace(/<!--[\s\S]*?-->/g, '').replace(/<(script|style|textarea|title)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, (match) => match.slice(0, match.indexOf('>') + 1));
}

interface Tag {
  name: string;
  attributes: Map<string, string>;
}

function tags(html: string): Tag[] {
  const found: Tag[] = [];
  for (const [, name, rest] of markupOnly(html).matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)(\s[^>]*)?>/g)) {
    const attributes = new Map<string, string>();
    for (const [, attribute, doubleQuoted, singleQuoted, bare] of (rest ?? '').matchAll(/([^\s"'>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      attributes.set(attribute!.toLowerCase(), decodeEntities(doubleQuoted ?? singleQuoted ?? bare ?? ''));
    }
    found.push({ name: name!.toLowerCase(), attributes });
  }
  return found;
}

function decodeEntities(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Ids a page offers as fragment targets. */
function anchorsOf(html: string): Set<string> {
  const ids = new Set<string>(['top']); // `#top` scrolls to the top of any page (HTML spec)
  for (const tag of tags(html)) {
    const id = tag.attributes.get('id');
    if (id) ids.add(id);
    const name = tag.name === 'a' ? tag.attributes.get('name') : undefined;
    if (name) ids.add(name);
  }
  return ids;
}

/** The file a site path is served from, or undefined. */
function fileFor(distDir: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.split('/').includes('..')) return undefined;
  const direct = join(distDir, decoded);
  const candidates = decoded.endsWith('/') ? [join(direct, 'index.html')] : [direct, join(direct, 'index.html')];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

/** The site's own origin, read from the canonical link of the home page (so it follows GONGKAI_SITE). */
function siteOrigin(distDir: string): string | undefined {
  const home = join(distDir, 'index.html');
  if (!existsSync(home)) return undefined;
  const canonical = tags(readFileSync(home, 'utf8')).find((t) => t.name === 'link' && t.attributes.get('rel') === 'canonical')?.attributes.get('href');
  return canonical ? new URL(canonical).origin : undefined;
}

export function checkLinks(distDir: string): LinkReport {
  const files = htmlFiles(distDir);
  const origin = siteOrigin(distDir);
  const anchorCache = new Map<string, Set<string>>();
  const anchors = (file: string) => {
    let ids = anchorCache.get(file);
    if (!ids) {
      ids = anchorsOf(readFileSync(file, 'utf8'));
      anchorCache.set(file, ids);
    }
    return ids;
  };
  const broken: BrokenLink[] = [];
  let links = 0;
  for (const file of files) {
    const page = pagePath(distDir, file);
    const base = new URL(page, 'http://site.invalid');
    for (const tag of tags(readFileSync(file, 'utf8'))) {
      for (const [attribute, value] of tag.attributes) {
        if (!linkAttributes.has(attribute) || value === '') continue;
        // <link rel="alternate" hreflang> etc. are links too; only external and non-HTTP targets are skipped.
        let url: URL;
        try {
          url = new URL(value, base);
        } catch {
          broken.push({ page, link: value, reason: 'not a valid URL' });
          continue;
        }
        const internal = url.origin === base.origin || (origin !== undefined && url.origin === origin);
        if (!internal) continue;
        links++;
        const target = fileFor(distDir, url.pathname);
        if (!target) {
          broken.push({ page, link: value, reason: `no file for ${url.pathname}` });
          continue;
        }
        if (url.hash.length > 1 && target.endsWith('.html')) {
          const fragment = decodeURIComponent(url.hash.slice(1));
          if (!anchors(target).has(fragment)) broken.push({ page, link: value, reason: `no id "${fragment}" in ${pagePath(distDir, target)}` });
        }
      }
    }
  }
  return { pages: files.length, links, broken };
}

export function formatReport(report: LinkReport): string {
  if (report.broken.length === 0) return `links: ${report.links} internal links on ${report.pages} pages, none broken`;
  const lines = report.broken.map((b) => `  ${b.page}: ${b.link} — ${b.reason}`);
  return `links: ${report.broken.length} broken of ${report.links} internal links on ${report.pages} pages\n${lines.join('\n')}`;
}

if (import.meta.main) {
  const distDir = process.argv[2] ?? 'dist';
  if (!existsSync(distDir)) {
    console.error(`links: no folder ${distDir} (build the site first: npm run build)`);
    process.exit(2);
  }
  const report = checkLinks(distDir);
  console.log(formatReport(report));
  process.exit(report.broken.length > 0 ? 1 : 0);
}
