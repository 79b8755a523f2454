/**
 * Writes `name.br` and `name.gz` beside each data file worth it (src/domain/precompress.ts) once the pages are
 * written, so a host sends the smallest form without compressing per request. The search index precompresses
 * its own files as it writes them, in its worker thread beside the pages (search-index.ts), so this hook leaves
 * `search/` alone. `GONGKAI_PRECOMPRESS=0` turns both off. Small and loud: logs the files, bytes and time; a
 * failed write fails the build naming the file.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { isPrecompressed, Precompressor, precompressDisabled, precompressSummary } from '../domain/precompress.ts';

export function precompress(): AstroIntegration {
  return {
    name: 'gongkai-precompress',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        if (precompressDisabled(process.env)) {
          logger.info('GONGKAI_PRECOMPRESS=0: no .br/.gz files written');
          return;
        }
        const started = performance.now();
        const root = fileURLToPath(dir);
        const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
          .map((name) => name.split('\\').join('/'))
          // The search integration's spill folder is gone by now; skip anything hidden all the same.
          .filter((name) => !name.startsWith('search/') && !name.split('/').some((part) => part.startsWith('.')))
          .filter((name) => statSync(join(root, name)).isFile() && isPrecompressed(name, statSync(join(root, name)).size))
          .sort();
        const precompressor = new Precompressor((name, bytes) => writeFileSync(join(root, name), bytes));
        for (const name of files) await precompressor.add(name, readFileSync(join(root, name)));
        const totals = await precompressor.drain();
        logger.info(`${precompressSummary(totals)} in ${((performance.now() - started) / 1000).toFixed(1)} s (the search index's own: see its log)`);
      },
    },
  };
}
