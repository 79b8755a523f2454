/**
 * Writes `_headers` (Netlify / Cloudflare Pages syntax; the Caddy and nginx recipes of docs/deploy.md read its
 * policy line) into the built site: the Content-Security-Policy every page carries as `<meta>`, as a header,
 * with `nosniff` and the cache rules. Small and loud: logs what it wrote, fails the build when the pages'
 * policies differ (one header could not serve them all).
 *
 * Updating the previous site in place (npm run build -- --in-place), the pages the build left as they were all
 * carry the one policy the previous build checked, so one of them stands for all; the pages written again are
 * read (20,000 pages of 40 KB at 10,000 documents took 7.8 s to read).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { headersFile, pagePolicy, sitePolicy } from '../domain/host-headers.ts';
import { keptFromPrevious, replaceFile } from '../domain/in-place-output.ts';
import { inPlaceBuild } from './in-place-output.ts';

export function hostHeaders(): AstroIntegration {
  return {
    name: 'gongkai-host-headers',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const started = performance.now();
        const root = fileURLToPath(dir);
        try {
          const inPlace = inPlaceBuild();
          const names = readdirSync(root, { recursive: true, encoding: 'utf8' })
            .filter((name) => name.endsWith('.html'))
            .sort();
          let standIn = false;
          const read = names.filter((name) => {
            if (!inPlace || !keptFromPrevious(join(root, name))) return true;
            if (standIn) return false;
            return (standIn = true);
          });
          const pages = read.map((name) => ({ path: name.split('\\').join('/'), policy: pagePolicy(readFileSync(join(root, name), 'utf8')) }));
          const policy = sitePolicy(pages);
          (inPlace ? replaceFile : writeFileSync)(join(root, '_headers'), headersFile(policy));
          logger.info(`_headers written: one Content-Security-Policy shared by ${names.length} pages${inPlace ? ` (${read.length} read, the rest unchanged since the previous build)` : ''}, nosniff, cache rules (${Math.round(performance.now() - started)} ms)`);
        } catch (error) {
          throw new Error(`gongkai-host-headers: ${(error as Error).message}`, { cause: error });
        }
      },
    },
  };
}
