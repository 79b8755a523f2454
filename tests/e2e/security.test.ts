/**
 * Nothing a content file says can run script in a reader's browser, and the site asks browsers to refuse
 * script that did not come from it: a Content-Security-Policy on every page (no 'unsafe-inline' or
 * 'unsafe-eval' for scripts), proven active in Chromium; hostile document bodies stay inert in Chromium even
 * without the policy; external links carry rel="noopener"; no known high or critical advisory in the
 * runtime dependencies.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from './browser.ts';
import { openPage } from './page-checks.ts';
import { sitePages } from './site-pages.ts';
import { renderDocumentBody } from '../../src/domain/markdown/render-document.ts';
import { hostilePayloads } from '../domain/markdown/hostile-payloads.ts';

const baseUrl = inject('baseUrl');
const distDir = inject('distDir');
const htmlFiles = readdirSync(distDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html')).sort();
const read = (file: string) => readFileSync(join(distDir, file), 'utf8');

/** The policy of a page, directive → sources. */
function policyOf(html: string): Map<string, string[]> | undefined {
  const content = html.match(/<meta http-equiv="content-security-policy" content="([^"]*)"/i)?.[1];
  if (!content) return undefined;
  const policy = new Map<string, string[]>();
  for (const directive of content.replace(/&#39;/g, "'").split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (name) policy.set(name, sources);
  }
  return policy;
}

const browser = useBrowser();

describe('the Content-Security-Policy', () => {
  it('is on every page, before any script or stylesheet, with the required directives', () => {
    const problems: string[] = [];
    for (const file of htmlFiles) {
      const html = read(file);
      const policy = policyOf(html);
      if (!policy) {
        problems.push(`${file}: no CSP meta tag`);
        continue;
      }
      const metaAt = html.search(/<meta http-equiv="content-security-policy"/i);
      const firstResource = html.search(/<script|<link rel="stylesheet"|<style/i);
      if (firstResource >= 0 && firstResource < metaAt) problems.push(`${file}: a script or stylesheet comes before the policy, which governs only what follows it`);
      const expected: Record<string, string[]> = {
        'default-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
      };
      for (const [name, sources] of Object.entries(expected)) {
        if (JSON.stringify(policy.get(name)) !== JSON.stringify(sources)) problems.push(`${file}: ${name} is ${policy.get(name)?.join(' ') ?? 'missing'}, expected ${sources.join(' ')}`);
      }
      for (const name of ['script-src', 'script-src-elem', 'script-src-attr', 'default-src']) {
        const sources = policy.get(name) ?? [];
        for (const forbidden of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", '*', 'data:', 'http:', 'https:']) {
          if (sources.includes(forbidden)) problems.push(`${file}: ${name} allows ${forbidden}`);
        }
      }
      if (!policy.get('script-src')?.includes("'self'")) problems.push(`${file}: script-src lacks 'self'`);
    }
    expect(problems).toEqual([]);
  });

  it('makes Chromium refuse script injected into a page, and the tests see the violation', async () => {
    const context = await browser.newContext();
    const documentPage = sitePages.find((p) => p.kind === 'document with figures')!;
    const { page, problems } = await openPage(context, baseUrl, documentPage);
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = "inline script";';
      document.body.append(script);
      document.body.insertAdjacentHTML('beforeend', '<img src="/favicon.svg" alt="" onload="window.__injected = \'event handler\'">');
    });
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as unknown as { __injected?: string }).__injected)).toBeUndefined();
    const found = await problems();
    expect(found.some((p) => p.startsWith('CSP violation: script-src'))).toBe(true);
    await context.close();
  });
});

describe('hostile document bodies in Chromium', () => {
  it('run no script, even on a page without the policy, when loaded, hovered, focused and clicked', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    const body = hostilePayloads.map(({ name, markdown }) => `<section data-payload="${name.replace(/"/g, '&quot;')}">${renderDocumentBody(markdown).html}</section>`).join('\n');
    // No CSP here on purpose: the markup itself must be inert. Requests to other hosts are answered locally.
    const html = `<!doctype html><html><head><meta charset="utf-8"></head><body>${body}</body></html>`;
    await page.route('**/*', (route) =>
      route.request().url() === 'http://hostile.invalid/' ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }) : route.fulfill({ status: 404, body: '' }),
    );
    await page.goto('http://hostile.invalid/', { waitUntil: 'load' });
    const count = await page.locator('a, img, [tabindex]').count();
    for (let i = 0; i < count; i++) {
      const element = page.locator('a, img, [tabindex]').nth(i);
      await element.hover({ force: true, timeout: 1000 }).catch(() => undefined);
      await element.focus({ timeout: 1000 }).catch(() => undefined);
    }
    // Same-page and refused links only: clicking must not navigate to a script URL or run anything.
    for (const link of await page.locator('a').all()) {
      await link.click({ force: true, noWaitAfter: true, timeout: 1000, modifiers: ['Control'] }).catch(() => undefined);
    }
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => document.querySelectorAll('script, iframe, object, embed, svg, math, style, form, input, base, meta, link').length)).toBe(1); // the page's own <meta charset>
    await context.close();
  });
});

describe('links to other sites', () => {
  it('carry rel="noopener" on every page', () => {
    const home = read('index.html');
    const origin = new URL(home.match(/<link rel="canonical" href="([^"]+)"/)![1]!).origin;
    const problems: string[] = [];
    for (const file of htmlFiles) {
      for (const [tag, href] of read(file).matchAll(/<a\s[^>]*href="(https?:\/\/[^"]+)"[^>]*>/g)) {
        if (new URL(href!).origin === origin) continue;
        if (!/\srel="[^"]*\bnoopener\b/.test(tag)) problems.push(`${file}: ${tag}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
