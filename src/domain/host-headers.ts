/**
 * The HTTP headers a static host should send with the built site (docs/deploy.md). The Content-Security-Policy
 * is the one Astro writes into every page as `<meta http-equiv>` (astro.config.mjs `security.csp`, with the
 * hashes of the scripts and styles it bundles), plus what only a header can carry (`frame-ancestors`): read
 * back from the built pages, so the header never drifts from the build.
 */

/** Cache rules by path: hashed assets for a year, the search index revalidated, the rest the host's short default. */
export const cacheRules = [
  // Astro names these files by a hash of their content: a changed file is a new address.
  { path: '/_astro/*', cacheControl: 'public, max-age=31536000, immutable' },
  // The index's files keep their names across builds (g/<shard>.bin, manifest.json): a browser must check each
  // against the server, or it could mix a new manifest with old shards after a deploy.
  { path: '/search/*', cacheControl: 'no-cache' },
  // Pages, feeds, sitemaps and data files change with every content commit.
  { path: '/*', cacheControl: 'public, max-age=300, must-revalidate' },
] as const;

/** Directives a `<meta>` policy cannot carry (browsers ignore them there), sent in the header only. */
export const headerOnlyDirectives = ["frame-ancestors 'none'"];

/** The policy of one page's `<meta http-equiv="content-security-policy">`, entities decoded; undefined without one. */
export function pagePolicy(html: string): string | undefined {
  const tag = /<meta\s[^>]*http-equiv=["']?content-security-policy["']?[^>]*>/i.exec(html)?.[0];
  if (!tag) return undefined;
  const content = /\scontent=(?:"([^"]*)"|'([^']*)')/i.exec(tag);
  const raw = content?.[1] ?? content?.[2];
  return raw === undefined ? undefined : decodeEntities(raw);
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * The one policy every page carries, for the site-wide header; throws naming two pages that differ (one header
 * for all paths would then block one of them) or a page without a policy.
 */
export function sitePolicy(pages: Iterable<{ path: string; policy: string | undefined }>): string {
  // An iterable so that the build can read its pages one at a time: only the first page's policy is kept.
  let first: { path: string; policy: string | undefined } | undefined;
  for (const page of pages) {
    first ??= page;
    if (page.policy === undefined) throw new Error(`host headers: ${page.path} has no <meta http-equiv="content-security-policy">; every page gets one from astro.config.mjs security.csp — check that the page uses src/layouts/Base.astro`);
    if (page.policy !== first.policy) {
      throw new Error(`host headers: ${first.path} and ${page.path} carry different Content-Security-Policies, so one header cannot serve both; give the host a header per page or keep the <meta> policies only (docs/deploy.md)\n  ${first.path}: ${first.policy}\n  ${page.path}: ${page.policy}`);
    }
  }
  if (!first) throw new Error('host headers: the build has no HTML page to read the Content-Security-Policy from');
  return headerPolicy(first.policy!);
}

/** A page's policy as a header: its directives, whitespace normalised, then the header-only ones. */
export function headerPolicy(policy: string): string {
  const directives = policy.split(';').map((directive) => directive.trim().replace(/\s+/g, ' ')).filter((directive) => directive !== '');
  return [...directives, ...headerOnlyDirectives].join('; ');
}

/** Headers every response gets. */
export function siteHeaders(policy: string): [string, string][] {
  return [
    ['Content-Security-Policy', policy],
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ];
}

/**
 * `_headers` in the syntax of Netlify and Cloudflare Pages, which read it from the published folder (and do not
 * serve it). Both join the values of a header matched by several rules, so Cache-Control is given to the
 * specific paths only and HTML keeps the host's own short default there.
 */
export function headersFile(policy: string): string {
  const lines = ['# Written by the build (src/integrations/host-headers.ts); see docs/deploy.md.', '/*'];
  for (const [name, value] of siteHeaders(policy)) lines.push(`  ${name}: ${value}`);
  for (const rule of cacheRules) {
    if (rule.path === '/*') continue;
    lines.push(rule.path, `  Cache-Control: ${rule.cacheControl}`);
  }
  return `${lines.join('\n')}\n`;
}
