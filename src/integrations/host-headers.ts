/**
 * Writes `_headers` (Netlify / Cloudflare Pages syntax; the Caddy and nginx recipes of docs/deploy.md read its
 * policy line) into the built site: the Content-Security-Policy every page carries as `<meta>`, as a header,
 * with `nosniff` and the cache rules. Small and loud: logs what it wrote, fails the build when the pages'
 * policies differ (one header could not serve them all).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { headersFile, pagePolicy, sitePolicy } from '../domain/host-headers.ts';

export function hostHeaders(): AstroIntegration {
  return {
    name: 'gongkai-host-headers',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const started = performance.now();
        const root = fileURLToPath(dir);
        try {
          const pages = readdirSync(root, { recursive: true, encoding: 'utf8' })
            .filter((name) => name.endsWith('.html'))
            .sort()
            .map((name) => ({ path: name.split('\\').join('/'), policy: pagePolicy(readFileSync(join(root, name), 'utf8')) }));
          const policy = sitePolicy(pages);
          writeFileSync(join(root, '_headers'), headersFile(policy));
          logger.info(`_headers written: one Content-Security-Policy shared by ${pages.length} pages, nosniff, cache rules (${Math.round(performance.now() - started)} ms)`);
        } catch (error) {
          throw new Error(`gongkai-host-headers: ${(error as Error).message}`, { cause: error });
        }
      },
    },
  };
}
