import { describe, expect, it } from 'vitest';
import { headerPolicy, headersFile, pagePolicy, sitePolicy } from '../../src/domain/host-headers.ts';

const page = (policy: string) => `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="${policy}"></head></html>`;

describe('the Content-Security-Policy header', () => {
  it('is read from a page\'s <meta>, entities decoded', () => {
    expect(pagePolicy(page("default-src &#39;self&#39;;script-src &#39;self&#39; &#39;sha256-abc=&#39;"))).toBe("default-src 'self';script-src 'self' 'sha256-abc='");
    expect(pagePolicy('<html><head></head></html>')).toBeUndefined();
  });

  it('is the pages\' one policy, tidied, with frame-ancestors that only a header can carry', () => {
    const policy = "default-src 'self';img-src 'self' data:; script-src 'self' 'sha256-abc='";
    expect(sitePolicy([{ path: 'index.html', policy }, { path: 'about/index.html', policy }])).toBe("default-src 'self'; img-src 'self' data:; script-src 'self' 'sha256-abc='; frame-ancestors 'none'");
  });

  it('is refused when two pages differ, naming both and their policies', () => {
    expect(() => sitePolicy([{ path: 'index.html', policy: "script-src 'self'" }, { path: 'search/index.html', policy: "script-src 'self' 'sha256-x='" }])).toThrow(
      "host headers: index.html and search/index.html carry different Content-Security-Policies, so one header cannot serve both; give the host a header per page or keep the <meta> policies only (docs/deploy.md)\n  index.html: script-src 'self'\n  search/index.html: script-src 'self' 'sha256-x='",
    );
  });

  it('is refused when a page has none, or there is no page', () => {
    expect(() => sitePolicy([{ path: 'index.html', policy: "default-src 'self'" }, { path: 'feed/index.html', policy: undefined }])).toThrow(/^host headers: feed\/index.html has no <meta http-equiv="content-security-policy">/);
    expect(() => sitePolicy([])).toThrow('host headers: the build has no HTML page to read the Content-Security-Policy from');
  });

  it('reads the pages one at a time and stops at the first that differs', () => {
    const read: string[] = [];
    function* pages() {
      for (const [path, policy] of [['index.html', "script-src 'self'"], ['a.html', "script-src 'self'"], ['b.html', "script-src 'none'"], ['c.html', "script-src 'self'"]] as const) {
        read.push(path);
        yield { path, policy };
      }
    }
    expect(() => sitePolicy(pages())).toThrow(/index\.html and b\.html carry different/);
    expect(read).toEqual(['index.html', 'a.html', 'b.html']);
  });

  it('keeps a policy without a trailing semicolon or with extra spaces the same', () => {
    expect(headerPolicy("default-src  'self' ;")).toBe("default-src 'self'; frame-ancestors 'none'");
  });
});

describe('_headers for Netlify and Cloudflare Pages', () => {
  it('gives every path the policy and nosniff, and cache rules only to paths that need their own', () => {
    expect(headersFile("default-src 'self'; frame-ancestors 'none'")).toBe(
      [
        '# Written by the build (src/integrations/host-headers.ts); see docs/deploy.md.',
        '/*',
        "  Content-Security-Policy: default-src 'self'; frame-ancestors 'none'",
        '  X-Content-Type-Options: nosniff',
        '  Referrer-Policy: strict-origin-when-cross-origin',
        '/_astro/*',
        '  Cache-Control: public, max-age=31536000, immutable',
        '/search/*',
        '  Cache-Control: no-cache',
        '',
      ].join('\n'),
    );
  });
});
