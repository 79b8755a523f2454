/**
 * The Node side of the search index build: writing the index into a folder, spilling runs to disk for large
 * corpora, and reading the maintainers' abbreviation file. Browser code never imports this module.
 */
import { appendFileSync, closeSync, existsSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as yaml from 'js-yaml';
import { parseAbbreviations } from './abbreviations.ts';
import type { WriteFile } from './index-sink.ts';
import type { SpillStore } from './posting-runs.ts';

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

/** The kept documents of a build, in Astro's cache folder, for the next build (see `openKeptDocuments`). */
export interface KeptDocuments {
  /** The document kept under `key` by an earlier build, or undefined. */
  get(key: string): Uint8Array | undefined;
  /** Keeps a document for the next build. */
  put(key: string, bytes: Uint8Array): void;
  /**
   * Saves the index of what this build used (got or put) — anything else is dropped — compacting the pack when
   * more than half of it is dropped documents; then lets other builds use the folder.
   */
  close(): { documents: number; dropped: number; packBytes: number };
  /** Lets other builds use the folder without saving anything (a build that failed). */
  abandon(): void;
}

const KEPT_PACK_VERSION = 1;
const KEY_BYTES = 20;

/**
 * Kept documents in one pack file, `kept.bin`, with an index, `kept.json`: one file to open instead of one per
 * document (creating 10,000 small files cost as much as indexing them on this machine's disk). A build appends
 * what it puts; the index is replaced at the end, so a build that dies leaves the previous index valid. Each
 * entry starts with its 20-byte key, checked on every read, so an index that does not match its pack (a crash
 * between two renames) costs only a re-index, never a wrong document. One build at a time: a lock file holds
 * the builder's pid; returns undefined when another live build holds it (that build's documents are indexed
 * afresh, and the folder is left to the other build).
 */
export function openKeptDocuments(dir: string): KeptDocuments | undefined {
  mkdirSync(dir, { recursive: true });
  const lock = join(dir, 'lock');
  if (!takeLock(lock)) return undefined;
  const packPath = join(dir, 'kept.bin');
  const indexPath = join(dir, 'kept.json');
  let previous = new Map<string, [number, number]>();
  try {
    const index = JSON.parse(readFileSync(indexPath, 'utf8')) as { version: number; size: number; entries: [string, number, number][] };
    if (index.version === KEPT_PACK_VERSION && existsSync(packPath) && statSync(packPath).size >= index.size) {
      previous = new Map(index.entries.map(([key, offset, length]) => [key, [offset, length]]));
    }
  } catch {
    // No index yet, or unreadable: nothing kept.
  }
  if (previous.size === 0) rmSync(packPath, { force: true });
  const fd = openSync(packPath, 'a+');
  let size = fstatSync(fd).size;
  const used = new Map<string, [number, number]>();
  let open = true;
  const release = () => {
    if (!open) return;
    open = false;
    closeSync(fd);
    rmSync(lock, { force: true });
  };

  function read(key: string, [offset, length]: [number, number]): Uint8Array | undefined {
    const bytes = new Uint8Array(length);
    if (readSync(fd, bytes, 0, length, offset) !== length) return undefined;
    return Buffer.from(bytes.buffer, 0, KEY_BYTES).toString('hex') === key ? bytes.subarray(KEY_BYTES) : undefined;
  }

  return {
    get(key) {
      const at = previous.get(key);
      const bytes = at ? read(key, at) : undefined;
      if (bytes && at) used.set(key, at);
      return bytes;
    },
    put(key, bytes) {
      writeAll(fd, Buffer.from(key, 'hex'));
      writeAll(fd, bytes);
      used.set(key, [size, KEY_BYTES + bytes.length]);
      size += KEY_BYTES + bytes.length;
    },
    close() {
      const keptBytes = [...used.values()].reduce((sum, [, length]) => sum + length, 0);
      let entries = [...used].map(([key, [offset, length]]) => [key, offset, length] as [string, number, number]);
      let packSize = size;
      if (size - keptBytes > keptBytes) {
        // Mostly dropped documents: copy the used ones into a new pack.
        const fresh = openSync(`${packPath}.tmp`, 'w');
        let at = 0;
        entries = entries.map(([key, offset, length]) => {
          const bytes = new Uint8Array(length);
          readSync(fd, bytes, 0, length, offset);
          writeAll(fresh, bytes);
          at += length;
          return [key, at - length, length];
        });
        closeSync(fresh);
        renameSync(`${packPath}.tmp`, packPath);
        packSize = at;
      }
      writeFileSync(`${indexPath}.tmp`, JSON.stringify({ version: KEPT_PACK_VERSION, size: packSize, entries }));
      renameSync(`${indexPath}.tmp`, indexPath);
      const dropped = [...previous.keys()].filter((key) => !used.has(key)).length;
      release();
      return { documents: entries.length, dropped, packBytes: packSize };
    },
    abandon: release,
  };
}

/** `writeSync` until every byte is written (it may write fewer than asked). */
function writeAll(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
}

/** Creates the lock file with this process's pid; takes over a lock whose process is gone. */
function takeLock(lock: string): boolean {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let holder = 0;
    try {
      holder = Number(readFileSync(lock, 'utf8'));
    } catch {
      continue; // released in between: try again
    }
    if (Number.isInteger(holder) && holder > 0 && processIsAlive(holder)) return false;
    rmSync(lock, { force: true });
  }
  return false;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
