/**
 * What the index keeps of each document besides its grams, and how the client reads it back:
 *
 *   d/<n>.json   doc table: id, url, title, meta and where its text is, DOC_TABLE_SIZE documents per file
 *   t/<n>.json   the body's text in chunks (for excerpts), packed into files of ~TEXT_FILE_BYTES
 *   c/<n>.bin    every document's date, uint16 little-endian days since 1950-01-01 (0 = unknown)
 *
 * A long body is cut into chunks of at most TEXT_CHUNK_LENGTH code units at a line or sentence end, each
 * overlapping the next by TEXT_CHUNK_OVERLAP, so that an excerpt fetches one piece of a long law, not all of it.
 */
import type { IndexFiles } from './index-files.ts';
import {
  DATE_BLOCK_SIZE,
  DOC_TABLE_SIZE,
  TEXT_CHUNK_LENGTH,
  TEXT_CHUNK_OVERLAP,
  TEXT_FILE_BYTES,
  dateBlockPath,
  dayNumber,
  docTablePath,
  textFilePath,
  type DocTableEntry,
  type DocTableFile,
  type SearchDoc,
  type SearchManifest,
  type TextChunkRef,
  type TextFile,
} from './format.ts';
import { excerptForParts, openingExcerpt, type Excerpt, type TextMatch } from './excerpt.ts';
import { isClusterBoundary } from './normalise.ts';

/** Where the doc store writes its files (the builder's sink, which hashes and counts them). */
export interface IndexWriter {
  write(path: string, bytes: Uint8Array): Promise<void>;
  writeJson(path: string, value: unknown): Promise<void>;
}

/** UTF-8 length of a string without encoding it. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A surrogate pair is 4 bytes: count them on the high half, nothing on the low half.
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0xd800 || c > 0xdfff ? 3 : c <= 0xdbff ? 4 : 0;
  }
  return n;
}

/**
 * Where a body is cut into chunks: the start of each chunk, ascending, the first 0. A chunk ends at the last
 * line end (else sentence end: 。；) in the second half of its TEXT_CHUNK_LENGTH window, never inside a
 * cluster (a character and its combining marks); the stored chunk runs TEXT_CHUNK_OVERLAP further.
 */
export function chunkStarts(text: string): number[] {
  const starts: number[] = [];
  let start = 0;
  do {
    starts.push(start);
    let end = Math.min(text.length, start + TEXT_CHUNK_LENGTH);
    if (end < text.length) {
      const window = text.slice(start + TEXT_CHUNK_LENGTH / 2, end);
      const newline = window.lastIndexOf('\n');
      const sentence = Math.max(window.lastIndexOf('。'), window.lastIndexOf('；'));
      if (newline >= 0) end = start + TEXT_CHUNK_LENGTH / 2 + newline + 1;
      else if (sentence >= 0) end = start + TEXT_CHUNK_LENGTH / 2 + sentence + 1;
      while (!isClusterBoundary(text, end)) end--;
    }
    start = end;
  } while (start < text.length);
  return starts;
}

/** Writes the doc table, text and date files as documents are added, in document order. */
export class DocStoreWriter {
  private readonly out: IndexWriter;
  private docCount = 0;
  private table: DocTableEntry[] = [];
  private dates = new Uint16Array(1024);
  private chunks: string[] = [];
  private chunkBytes = 0;
  /** Text files written so far (all of them after `finish()`). */
  textFiles = 0;

  constructor(out: IndexWriter) {
    this.out = out;
  }

  /** Adds document number `id` (the next one). */
  async add(id: number, doc: SearchDoc): Promise<void> {
    this.docCount = id + 1;
    if (id >= this.dates.length) {
      const grown = new Uint16Array(this.dates.length * 2);
      grown.set(this.dates);
      this.dates = grown;
    }
    this.dates[id] = dayNumber(doc.meta.date);

    const text = await this.storeText(doc.text);
    this.table.push({ id: doc.id, url: doc.url, title: doc.title, meta: doc.meta, text });
    if (this.table.length === DOC_TABLE_SIZE) {
      await this.out.writeJson(docTablePath(Math.floor(id / DOC_TABLE_SIZE)), { first: id + 1 - DOC_TABLE_SIZE, docs: this.table });
      this.table = [];
    }
  }

  /** Writes what is still open: the last doc table and text files, then every date block. */
  async finish(): Promise<void> {
    const docCount = this.docCount;
    if (this.table.length > 0) {
      await this.out.writeJson(docTablePath(Math.floor((docCount - 1) / DOC_TABLE_SIZE)), { first: docCount - this.table.length, docs: this.table });
      this.table = [];
    }
    await this.flushText();
    for (let block = 0; block * DATE_BLOCK_SIZE < docCount; block++) {
      const slice = this.dates.slice(block * DATE_BLOCK_SIZE, Math.min(docCount, (block + 1) * DATE_BLOCK_SIZE));
      const bytes = new Uint8Array(slice.length * 2);
      const view = new DataView(bytes.buffer);
      slice.forEach((day, k) => view.setUint16(k * 2, day, true));
      await this.out.write(dateBlockPath(block), bytes);
    }
  }

  private async flushText(): Promise<void> {
    if (this.chunks.length === 0) return;
    await this.out.writeJson(textFilePath(this.textFiles), { chunks: this.chunks });
    this.textFiles++;
    this.chunks = [];
    this.chunkBytes = 0;
  }

  /** Stores the body's chunks and returns where they are. */
  private async storeText(text: string): Promise<TextChunkRef[]> {
    const refs: TextChunkRef[] = [];
    const starts = chunkStarts(text);
    for (let k = 0; k < starts.length; k++) {
      const start = starts[k] as number;
      const end = k + 1 < starts.length ? (starts[k + 1] as number) : text.length;
      const chunk = text.slice(start, Math.min(text.length, end + TEXT_CHUNK_OVERLAP));
      const size = utf8Length(chunk);
      if (this.chunkBytes > 0 && this.chunkBytes + size > TEXT_FILE_BYTES) await this.flushText();
      refs.push([this.textFiles, this.chunks.length, start]);
      this.chunks.push(chunk);
      this.chunkBytes += size;
    }
    return refs;
  }
}

/** Reads documents' dates, doc-table entries and text through the client's file cache. */
export class DocStoreReader {
  private readonly files: IndexFiles;
  private readonly manifest: SearchManifest;

  constructor(files: IndexFiles, manifest: SearchManifest) {
    this.files = files;
    this.manifest = manifest;
  }

  /** Loads the date blocks of `docs`; gives each document's day number (0 = unknown). */
  async dates(docs: Iterable<number>): Promise<(doc: number) => number> {
    const blockSize = this.manifest.dateBlockSize;
    const blocks = new Set<number>();
    for (const doc of docs) blocks.add(Math.floor(doc / blockSize));
    const loaded = new Map<number, DataView>();
    await Promise.all(
      [...blocks].map(async (block) => {
        const bytes = await this.files.file(dateBlockPath(block));
        loaded.set(block, new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      }),
    );
    return (doc) => {
      const view = loaded.get(Math.floor(doc / blockSize));
      const at = (doc % blockSize) * 2;
      return view && at + 2 <= view.byteLength ? view.getUint16(at, true) : 0;
    };
  }

  async entry(doc: number): Promise<DocTableEntry> {
    const path = docTablePath(Math.floor(doc / this.manifest.docTableSize));
    const table = await this.files.json<DocTableFile>(path);
    const entry = table.docs[doc - table.first];
    if (!entry) throw new Error(`search index: doc ${doc} missing from ${path}`);
    return entry;
  }

  /** Excerpt around the first match of `parts` in the body, reading the body's chunks in order until found. */
  async excerpt(entry: DocTableEntry, parts: readonly string[]): Promise<{ excerpt: Excerpt; firstMatch: TextMatch | null }> {
    let opening: string | undefined;
    for (const [fileNo, slot, origStart] of entry.text) {
      const chunk = (await this.files.json<TextFile>(textFilePath(fileNo))).chunks[slot] ?? '';
      opening ??= chunk;
      const found = excerptForParts(chunk, parts, origStart);
      if (found) return { excerpt: found.excerpt, firstMatch: found.match };
    }
    return { excerpt: openingExcerpt(opening ?? ''), firstMatch: null };
  }
}
