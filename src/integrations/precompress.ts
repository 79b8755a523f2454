/**
 * Writes `name.br` and `name.gz` beside each data file worth it (src/domain/precompress.ts) once the pages are
 * written, so a host sends the smallest form without compressing per request. The search index precompresses
 * its own files as it writes them, in its worker thread beside the pages (search-index.ts), so this hook leaves
 * `search/` alone. `GONGKAI_PRECOMPRESS=0` turns both off. Small and loud: logs the files, bytes and time; a
 * failed write fails the build naming the file.
 *
 * Updating the previous site in place (npm run build -- --in-place), a file the build left as it was keeps the
 * compressed forms the previous build made (still linked, so their bytes are that file's); a file written again
 * with the same bytes keeps them too once one form decompresses to it. New forms are written as new files, never
 * into a linked one (src/domain/in-place-output.ts).
 */
import { existsSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { keptFromPrevious, replaceFile } from '../domain/in-place-output.ts';
import { compressedForms, isPrecompressed, precompressDisabled } from '../domain/precompress.ts';
import { inPlaceBuild } from './in-place-output.ts';

/** The forms of `path` an earlier build left that still hold its bytes `raw`, or undefined when they must be made again. */
function previousFormsHold(path: string, raw: () => Buffer): boolean {
  const forms = ['.br', '.gz'].filter((suffix) => existsSync(`${path}${suffix}`));
  if (forms.length === 0 || !forms.every((suffix) => keptFromPrevious(`${path}${suffix}`))) return false;
  // Untouched since the previous build: its forms were made from these very bytes.
  if (keptFromPrevious(path)) return true;
  // Rendered again (data files are, on every build): the same bytes when a form decompresses to them.
  const suffix = forms[0]!;
  const packed = readFileSync(`${path}${suffix}`);
  return (suffix === '.gz' ? gunzipSync(packed) : brotliDecompressSync(packed)).equals(raw());
}

export function precompress(): AstroIntegration {
  return {
    name: 'gongkai-precompress',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const inPlace = inPlaceBuild();
        if (precompressDisabled(process.env)) {
          // The previous site's forms were linked in with it: a cold build would have none.
          if (inPlace) {
            const root = fileURLToPath(dir);
            for (const name of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
              if (/\.(br|gz)$/.test(name) && existsSync(join(root, name.slice(0, -3))) && keptFromPrevious(join(root, name))) unlinkSync(join(root, name));
            }
          }
          logger.info('GONGKAI_PRECOMPRESS=0: no .br/.gz files written');
          return;
        }
        const started = performance.now();
        const root = fileURLToPath(dir);
        const names = readdirSync(root, { recursive: true, encoding: 'utf8' })
          .map((name) => name.split('\\').join('/'))
          // search/ is the index's (it compresses its files as it writes them); the search integration's spill
          // folder is gone by now; skip anything hidden all the same.
          .filter((name) => !name.startsWith('search/') && !name.split('/').some((part) => part.startsWith('.')));
        // The ending first (no file system call), then one stat: at 10,000 documents the output holds 120,000 files.
        const files = names
          .filter((name) => isPrecompressed(name, Number.MAX_SAFE_INTEGER))
          .filter((name) => {
            const stat = statSync(join(root, name));
            return stat.isFile() && isPrecompressed(name, stat.size);
          })
          .sort();
        const totals = { files: files.length, raw: 0, br: 0, gz: 0, brFiles: 0, gzFiles: 0, kept: 0 };
        const write = inPlace ? replaceFile : writeFileSync;
        let next = 0;
        // zlib's async calls run on libuv's thread pool: as many files at a time as there are cores.
        const worker = async () => {
          for (let index = next++; index < files.length; index = next++) {
            const name = files[index]!;
            const path = join(root, name);
            try {
              let raw: Buffer | undefined;
              const read = () => (raw ??= readFileSync(path));
              if (inPlace && previousFormsHold(path, read)) {
                totals.kept++;
                continue;
              }
              const { br, gz } = await compressedForms(read(), name);
              totals.raw += read().length;
              if (br) {
                write(`${path}.br`, br);
                totals.br += br.length;
                totals.brFiles++;
              }
              if (gz) {
                write(`${path}.gz`, gz);
                totals.gz += gz.length;
                totals.gzFiles++;
              }
              // A form the previous build made that is no longer smaller than the file: a cold build has none.
              if (inPlace) for (const [suffix, made] of [['.br', br], ['.gz', gz]] as const) if (!made && existsSync(`${path}${suffix}`)) unlinkSync(`${path}${suffix}`);
            } catch (error) {
              throw new Error(`gongkai-precompress: ${name}: ${(error as Error).message}`, { cause: error });
            }
          }
        };
        await Promise.all(Array.from({ length: Math.max(1, availableParallelism()) }, worker));
        // A file no longer worth compressing (it shrank below the threshold) keeps no forms from the previous build.
        if (inPlace) {
          const compressed = new Set(files);
          for (const name of names) {
            const base = name.replace(/\.(br|gz)$/, '');
            if (base !== name && !compressed.has(base) && existsSync(join(root, base)) && keptFromPrevious(join(root, name))) unlinkSync(join(root, name));
          }
        }
        const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;
        logger.info(
          `${totals.files - totals.kept} files precompressed (${kb(totals.raw)}): ${totals.brFiles} .br (${kb(totals.br)}), ${totals.gzFiles} .gz (${kb(totals.gz)}) in ${((performance.now() - started) / 1000).toFixed(1)} s${inPlace ? `; ${totals.kept} unchanged kept their forms` : ''} (the search index's own: see its log)`,
        );
      },
    },
  };
}
