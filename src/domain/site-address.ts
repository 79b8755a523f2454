/**
 * The site's public address. Every citation, CSV `url`, feed entry and sitemap is absolute, so a build made
 * without `GONGKAI_SITE` points readers at the placeholder origin; a local build may do that, a deploy may not.
 */

/** The origin a build uses when `GONGKAI_SITE` is not set: a reserved-looking name nobody can publish under. */
export const placeholderSiteAddress = 'https://gongkai.example.org';

export interface SiteAddress {
  /** The origin the build writes into every absolute link, e.g. `https://gongkai.example.org`. */
  url: string;
  /** Whether it came from `GONGKAI_SITE` (false: the placeholder). */
  fromEnvironment: boolean;
}

/** The address a build uses: `GONGKAI_SITE` when it is set to something, else the placeholder. */
export function siteAddress(env: Readonly<Record<string, string | undefined>>): SiteAddress {
  const given = env.GONGKAI_SITE?.trim();
  return given ? { url: given, fromEnvironment: true } : { url: placeholderSiteAddress, fromEnvironment: false };
}

/** The line a build logs, so a maintainer sees which address the links of that build carry. */
export function siteAddressLine(address: SiteAddress): string {
  return address.fromEnvironment
    ? `gongkai: site address ${address.url} (from GONGKAI_SITE)`
    : `gongkai: site address ${address.url} (set GONGKAI_SITE to publish)`;
}

/**
 * Why a deploy must not publish with this environment, or undefined when it may: `GONGKAI_SITE` unset, not an
 * http(s) origin, or the placeholder. The message names the variable, where CI takes it from, and the fix.
 */
export function publishAddressProblem(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const address = siteAddress(env);
  const fix = 'set GONGKAI_SITE to the public origin the site is served from, e.g. https://minzheng.example.gov.cn (on GitHub: Settings → Secrets and variables → Actions → Variables → New repository variable GONGKAI_SITE)';
  if (!address.fromEnvironment) return `GONGKAI_SITE is not set, so every citation, feed and sitemap would point at ${placeholderSiteAddress}; ${fix}`;
  let parsed: URL;
  try {
    parsed = new URL(address.url);
  } catch {
    return `GONGKAI_SITE is ${JSON.stringify(address.url)}, which is not an address; ${fix}`;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return `GONGKAI_SITE is ${JSON.stringify(address.url)}, not an http(s) address; ${fix}`;
  if (parsed.origin === placeholderSiteAddress) return `GONGKAI_SITE is the placeholder ${placeholderSiteAddress}; ${fix}`;
  // Every link the site writes starts at the root (/documents/…): a site served under a path (a GitHub Pages
  // project site, https://owner.github.io/repo/) would link out of itself.
  if (parsed.pathname !== '/' || parsed.search || parsed.hash) {
    return `GONGKAI_SITE is ${JSON.stringify(address.url)}, which has a path; the site is built for the root of its origin, so publish it at a host name of its own (a custom domain, or https://<owner>.github.io from a repository named <owner>.github.io) and set GONGKAI_SITE to that origin`;
  }
  return undefined;
}
