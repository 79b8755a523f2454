/**
 * Writes `name.br` and `name.gz` beside each search-index and data file worth it (src/domain/precompress.ts),
 * once the search index is written (this integration runs after it), so a host sends the smallest form
 * without compressing per request. `GONGKAI_PRECOMPRESS=0` turns it off. Small and loud: logs the files, bytes
 * and time; a failed write fails the build naming the file.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { compressedForms, isPrecompressed, precompressDisabled } from '../domain/precompress.ts';

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
          .filter((name) => !name.split('/').some((part) => part.startsWith('.')))
          .filter((name) => statSync(join(root, name)).isFile() && isPrecompressed(name, statSync(join(root, name)).size))
          .sort();
        const totals = { files: files.length, raw: 0, br: 0, gz: 0, brFiles: 0, gzFiles: 0 };
        let next = 0;
        // zlib's async calls run on libuv's thread pool: as many files at a time as there are cores.
        const worker = async () => {
          for (let index = next++; index < files.length; index = next++) {
            const name = files[index]!;
            const path = join(root, name);
            try {
              const raw = readFileSync(path);
              const { br, gz } = await compressedForms(raw);
              totals.raw += raw.length;
              if (br) {
                writeFileSync(`${path}.br`, br);
                totals.br += br.length;
                totals.brFiles++;
              }
              if (gz) {
                writeFileSync(`${path}.gz`, gz);
                totals.gz += gz.length;
                totals.gzFiles++;
              }
            } catch (error) {
              throw new Error(`gongkai-precompress: ${name}: ${(error as Error).message}`, { cause: error });
            }
          }
        };
        await Promise.all(Array.from({ length: Math.max(1, availableParallelism()) }, worker));
        const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;
        logger.info(
          `${totals.files} files precompressed (${kb(totals.raw)}): ${totals.brFiles} .br (${kb(totals.br)}), ${totals.gzFiles} .gz (${kb(totals.gz)}) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
        );
      },
    },
  };
}
