/**
 * The shared-passage detection's per-document work, kept across builds in Astro's cache folder: each body's text
 * runs and sentence rows (`sentenceRows`: offsets, weights, hashes) in one pack file, `<dir>/sentences.bin`,
 * keyed by the document's digest (its body and front matter) under the version of the code that made them. A
 * rebuild then parses and hashes only the changed bodies; what the detection pairs and decides (which sentences
 * stand elsewhere, which can carry a mark against the page's quotes) is computed afresh from these on every
 * build, so the result is a cold build's.
 *
 * The same pack serves the detection's second pass within a build: every record is written to the new pack as the
 * first pass makes or reuses it, and the second pass reads a document's runs back from there instead of parsing
 * its body again — at 10,000 documents every body has a sentence that stands elsewhere, so that was every body.
 *
 * A record is trusted only when its key, the code version, its CRC-32 and its shape all agree; anything else —
 * a missing, truncated, damaged or foreign file — means the body is read and parsed, as without a cache. Node only.
 */
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { sentenceRows, type SentenceRows } from './sentences.ts';
import { sourceOfBodies, type ReuseBody, type ReuseSource } from './shared-passages.ts';

/** One document as the cache sees it. */
export interface CachedDocument {
  /** What its record is kept under: the document's digest, which changes with its body; `undefined` keeps none. */
  key: string | undefined;
  /** Its body's text runs (`bodyTextRuns`), read and parsed only when no record is kept. */
  readRuns(): readonly string[];
  /** The quotes its page marks (they decide which sentences can carry a mark, so they are never kept). */
  quotes(): readonly string[];
}

export interface SentenceCacheReport {
  /** Documents whose record was reused, and whose body was parsed. */
  reused: number;
  parsed: number;
}

const packName = 'sentences.bin';
const footerMagic = 0x53524b47; // "GKRS"
const footerBytes = 16;
const columns = ['run', 'start', 'size', 'chars', 'hashHigh', 'hashLow'] as const;

/** A record: run count, sentence count, each run's length, the runs as UTF-16 (padded to 4 bytes), the columns. */
export function encodeRecord(runs: readonly string[], rows: SentenceRows): Buffer {
  const textUnits = runs.reduce((sum, run) => sum + run.length, 0);
  const textBytes = 2 * textUnits + ((2 * textUnits) % 4);
  const count = rows.run.length;
  const out = Buffer.alloc(8 + 4 * runs.length + textBytes + 4 * columns.length * count);
  out.writeUInt32LE(runs.length, 0);
  out.writeUInt32LE(count, 4);
  let at = 8;
  for (const run of runs) at = out.writeUInt32LE(run.length, at);
  for (const run of runs) at += out.write(run, at, 'utf16le');
  at = 8 + 4 * runs.length + textBytes;
  for (const column of columns) {
    Buffer.from(rows[column].buffer, rows[column].byteOffset, 4 * count).copy(out, at);
    at += 4 * count;
  }
  return out;
}

/**
 * The runs and rows of a record, or `undefined` when it is not one (wrong length, a sentence outside its run).
 * Without `withRuns` the runs are checked but not made into strings (`runs` is empty): the first pass needs the
 * rows alone.
 */
export function decodeRecord(bytes: Buffer, withRuns = true): { runs: string[]; rows: SentenceRows } | undefined {
  if (bytes.length < 8) return undefined;
  const runCount = bytes.readUInt32LE(0);
  const count = bytes.readUInt32LE(4);
  if (8 + 4 * runCount > bytes.length) return undefined;
  const lengths: number[] = [];
  let textUnits = 0;
  for (let r = 0; r < runCount; r++) {
    lengths.push(bytes.readUInt32LE(8 + 4 * r));
    textUnits += lengths[r]!;
  }
  const textStart = 8 + 4 * runCount;
  const textBytes = 2 * textUnits + ((2 * textUnits) % 4);
  if (bytes.length !== textStart + textBytes + 4 * columns.length * count) return undefined;
  const runs: string[] = [];
  let at = textStart;
  for (const length of lengths) {
    if (withRuns) runs.push(bytes.toString('utf16le', at, at + 2 * length));
    at += 2 * length;
  }
  at = textStart + textBytes;
  const column = () => {
    const values = new Int32Array(count);
    Buffer.from(values.buffer).set(bytes.subarray(at, at + 4 * count));
    at += 4 * count;
    return values;
  };
  const rows: SentenceRows = { run: column(), start: column(), size: column(), chars: column(), hashHigh: column(), hashLow: column() };
  for (let i = 0; i < count; i++) {
    const run = rows.run[i]!;
    if (run < 0 || run >= runCount || rows.start[i]! < 0 || rows.size[i]! < 1 || rows.start[i]! + rows.size[i]! > lengths[run]! || rows.chars[i]! < 1) return undefined;
  }
  return { runs, rows };
}

interface PackIndex {
  version: string;
  /** key → [offset, length, CRC-32] */
  records: Record<string, [number, number, number]>;
}

function readBytes(fd: number, offset: number, length: number): Buffer {
  const bytes = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const read = readSync(fd, bytes, done, length - done, offset + done);
    if (read === 0) throw new Error(`unexpected end of file at byte ${offset + done}`);
    done += read;
  }
  return bytes;
}

function writeBytes(fd: number, bytes: Buffer, offset: number): void {
  let done = 0;
  while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done, offset + done);
}

/**
 * Staging files of builds that died without their exit handler (killed): ~100 MB each at 10,000 documents, so
 * they are removed when their process is gone. A live process's file is left alone (a build running beside).
 */
function removeAbandonedStaging(dir: string): void {
  for (const name of readdirSync(dir)) {
    const pid = /^sentences\.bin\.(\d+)-[0-9a-z]+\.tmp$/.exec(name)?.[1];
    if (pid === undefined || Number(pid) === process.pid) continue;
    try {
      process.kill(Number(pid), 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') rmSync(join(dir, name), { force: true });
    }
  }
}

/** The previous build's pack, when it is whole and of this code version; `undefined` otherwise (read every body). */
function openPreviousPack(path: string, version: string): { fd: number; index: PackIndex } | undefined {
  if (!existsSync(path)) return undefined;
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const size = fstatSync(fd).size;
    if (size < footerBytes) throw new Error('too short');
    const footer = readBytes(fd, size - footerBytes, footerBytes);
    const indexOffset = Number(footer.readBigUInt64LE(0));
    const indexLength = footer.readUInt32LE(8);
    if (footer.readUInt32LE(12) !== footerMagic || indexOffset + indexLength + footerBytes !== size) throw new Error('no footer');
    const index = JSON.parse(readBytes(fd, indexOffset, indexLength).toString('utf8')) as PackIndex;
    if (index.version !== version || typeof index.records !== 'object' || index.records === null) throw new Error('another code version');
    return { fd, index };
  } catch {
    if (fd !== undefined) closeSync(fd);
    return undefined;
  }
}

/**
 * A `ReuseSource` over `documents` that reuses the records kept in `dir` by an earlier build of the same code
 * `version` and keeps this build's there when `finish` is called (after the detection). When `dir` cannot be
 * written, `warn` says so and every body is parsed in each pass, as without a cache.
 */
export function cachedReuseSource(dir: string, version: string, documents: readonly CachedDocument[], warn: (message: string) => void): { source: ReuseSource; finish(): SentenceCacheReport } {
  const packPath = join(dir, packName);
  const stagingPath = join(dir, `${packName}.${process.pid}-${Date.now().toString(36)}.tmp`);
  let staging: number;
  try {
    mkdirSync(dir, { recursive: true });
    removeAbandonedStaging(dir);
    staging = openSync(stagingPath, 'w+');
  } catch (error) {
    warn(`[gongkai] shared passages: cannot keep sentences in ${dir} (${(error as Error).message}): parsing every body, twice where it shares text`);
    return { source: sourceOfBodies((d) => ({ runs: documents[d]!.readRuns(), quotes: documents[d]!.quotes() })), finish: () => ({ reused: 0, parsed: documents.length }) };
  }
  // A build that dies before `finish` leaves no staging file behind.
  const removeStaging = () => rmSync(stagingPath, { force: true });
  process.once('exit', removeStaging);
  const previous = openPreviousPack(packPath, version);
  const written = new Map<number, { offset: number; length: number }>();
  const records: PackIndex['records'] = {};
  let end = 0;
  let reused = 0;

  const kept = (key: string | undefined): Buffer | undefined => {
    const entry = key === undefined || !previous ? undefined : previous.index.records[key];
    if (!Array.isArray(entry) || entry.length !== 3) return undefined;
    const [offset, length, checksum] = entry;
    try {
      const bytes = readBytes(previous!.fd, offset, length);
      return crc32(bytes) === checksum ? bytes : undefined;
    } catch {
      return undefined;
    }
  };

  const sentences = (d: number): SentenceRows => {
    const doc = documents[d]!;
    let bytes = kept(doc.key);
    let rows = bytes && decodeRecord(bytes, false)?.rows;
    if (rows) reused++;
    else {
      const runs = doc.readRuns();
      rows = sentenceRows(runs);
      bytes = encodeRecord(runs, rows);
    }
    writeBytes(staging, bytes!, end);
    written.set(d, { offset: end, length: bytes!.length });
    if (doc.key !== undefined) records[doc.key] = [end, bytes!.length, crc32(bytes!)];
    end += bytes!.length;
    return rows;
  };

  const body = (d: number): ReuseBody => {
    const at = written.get(d);
    const record = at && decodeRecord(readBytes(staging, at.offset, at.length));
    // Only this build wrote the staging file, so a record that does not read back is a bug or a failing disk.
    if (!record) throw new Error(`shared passages: the sentences of document ${d} written to ${stagingPath} do not read back (src/domain/reuse/sentence-cache.ts)`);
    return { runs: record.runs, quotes: documents[d]!.quotes() };
  };

  const finish = (): SentenceCacheReport => {
    try {
      const index = Buffer.from(JSON.stringify({ version, records } satisfies PackIndex), 'utf8');
      const footer = Buffer.alloc(footerBytes);
      footer.writeBigUInt64LE(BigInt(end), 0);
      footer.writeUInt32LE(index.length, 8);
      footer.writeUInt32LE(footerMagic, 12);
      writeBytes(staging, index, end);
      writeBytes(staging, footer, end + index.length);
      closeSync(staging);
      renameSync(stagingPath, packPath);
    } catch (error) {
      warn(`[gongkai] shared passages: could not keep sentences in ${packPath} (${(error as Error).message}): the next build parses every body again`);
      removeStaging();
    } finally {
      if (previous) closeSync(previous.fd);
      process.removeListener('exit', removeStaging);
    }
    return { reused, parsed: documents.length - reused };
  };

  return { source: { sentences, body }, finish };
}
