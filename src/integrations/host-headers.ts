/**
 * Writes `_headers` (Netlify / Cloudflare Pages syntax; the Caddy and nginx recipes of docs/deploy.md read its
 * policy line) into the built site: the Content-Security-Policy every page carries as `<meta>`, as a header,
 * with `nosniff` and the cache rules. Small and loud: logs what it wrote, fails the build when the pages'
 * policies differ (one header could not serve them all).
 *
 * Updating the previous site in place (npm run build -- --in-place), the pages the build left as they were all
 * carry the one policy the previous build checked, so one of them stands for all; the pages written again are
 * read (20,000 pages of 40 KB at 10,000 documents took 7.8 s to read).
 *
 * Only each page's `<head>` is read — browsers honour a `<meta>` policy only there — and the pages are checked one
 * at a time, keeping the first page's policy alone. Reading whole pages and keeping each policy (a slice of its
 * page's text, which keeps the whole text alive) held every page in memory: 4 GB more at 30,000 documents, in
 * 22.2 s.
 */
import { closeSync, openSync, readdirSync, readSync, writeFileSync } from 'node:fs';
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
          const pages = (function* () {
            for (const name of read) yield { path: name.split('\\').join('/'), policy: pagePolicy(readPageHead(join(root, name))) };
          })();
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

const headEnd = Buffer.from('</head>');
const chunkBytes = 16 * 1024;

/** A page's text up to and with `</head>` (or the whole page when it has none), read in chunks. */
export function readPageHead(path: string): string {
  const fd = openSync(path, 'r');
  try {
    let head = Buffer.alloc(0);
    for (;;) {
      const chunk = Buffer.alloc(chunkBytes);
      const got = readSync(fd, chunk, 0, chunkBytes, head.length);
      // Searched from a little before the new chunk, in case the tag was split between two reads.
      const from = Math.max(0, head.length - headEnd.length);
      head = Buffer.concat([head, chunk.subarray(0, got)]);
      const end = head.indexOf(headEnd, from);
      if (end >= 0) return head.toString('utf8', 0, end + headEnd.length);
      if (got === 0) return head.toString('utf8');
    }
  } finally {
    closeSync(fd);
  }
}
