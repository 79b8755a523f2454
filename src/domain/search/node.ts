/**
 * The Node side of the search index build: writing the index into a folder, spilling runs to disk for large
 * corpora, and reading the maintainers' abbreviation file. Browser code never imports this module.
 */
import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as yaml from 'js-yaml';
import { parseAbbreviations } from './abbreviations.ts';
import type { SpillStore, WriteFile } from './build.ts';

/** A `writeFile` sink that writes the index under `dir` (created as needed). */
export function directorySink(dir: string): WriteFile {
  const made = new Set<string>();
  return (path, bytes) => {
    const target = join(dir, path);
    const folder = dirname(target);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(target, bytes);
  };
}

/**
 * A spill store in a scratch folder: one append-only file per build bucket, so the build's memory stays at the spill
 * budget however many documents there are. `dispose()` removes the folder.
 */
export function fileSpillStore(dir: string): SpillStore & { dispose(): void } {
  mkdirSync(dir, { recursive: true });
  const path = (bucket: number) => join(dir, `run-${bucket}.bin`);
  const written = new Set<number>();
  return {
    append(bucket, bytes) {
      appendFileSync(path(bucket), bytes);
      written.add(bucket);
    },
    read(bucket) {
      return written.has(bucket) ? new Uint8Array(readFileSync(path(bucket))) : new Uint8Array(0);
    },
    release(bucket) {
      if (written.delete(bucket)) rmSync(path(bucket), { force: true });
    },
    dispose() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Reads and checks `content/search/abbreviations.yaml` (or another file); throws listing every problem. */
export function loadAbbreviations(file: string): string[][] {
  let data: unknown;
  try {
    data = yaml.load(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read the abbreviation file ${file}: ${(error as Error).message}`, { cause: error });
  }
  return parseAbbreviations(data, file);
}
