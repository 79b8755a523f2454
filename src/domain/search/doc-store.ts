/**
 * What the index keeps of each document besides its grams, and how the client reads it back:
 *
 *   d/<n>.json   doc table: id, url, title, meta and where its text is, DOC_TABLE_SIZE documents per file
 *   t/<n>.json   the body's text in chunks (for excerpts), packed into files of ~TEXT_FILE_BYTES
 *   c/<n>.bin    every document's date, uint16 little-endian days since 1950-01-01 (0 = unknown)
 *   r/<n>.bin    the same dates as recency tiers, newest first, for the newest few of a large tie group
 *
 * A long body is cut into chunks of at most TEXT_CHUNK_LENGTH code units at a line or sentence end, each
 * overlapping the next by TEXT_CHUNK_OVERLAP, so that an excerpt fetches one piece of a long law, not all of it.
 */
import { ByteReader, ByteWriter } from './bytes.ts';
import type { IndexFiles } from './index-files.ts';
import {
  DATE_BLOCK_SIZE,
  RECENCY_TIER_SIZE,
  recencyTierPath,
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
  /** Documents per recency tier, newest first (after `finish()`). */
  recencyTiers: number[] = [];

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
    const dates = this.dates.subarray(0, docCount);
    for (const tier of recencyTiers(dates)) {
      await this.out.write(recencyTierPath(this.recencyTiers.length), encodeRecencyTier(tier, dates));
      this.recencyTiers.push(tier.length);
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

/**
 * The documents newest first (then in document order), cut into tiers of at least `size` where the date
 * changes: no date is split between two tiers, so the newest members of any set of documents are all in the
 * tiers read so far once those hold enough of them. Each tier is returned in ascending document order.
 */
export function recencyTiers(dates: Uint16Array, size = RECENCY_TIER_SIZE): Int32Array[] {
  const order = Int32Array.from({ length: dates.length }, (_, i) => i).sort((a, b) => (dates[b] as number) - (dates[a] as number) || a - b);
  const tiers: Int32Array[] = [];
  let start = 0;
  for (let i = 1; i <= order.length; i++) {
    const cut = i === order.length || (i - start >= size && dates[order[i] as number] !== dates[order[i - 1] as number]);
    if (!cut) continue;
    tiers.push(order.slice(start, i).sort());
    start = i;
  }
  return tiers;
}

/** A tier's file: varint(count), the docs (ascending) as gaps, then each one's day below the tier's newest. */
export function encodeRecencyTier(docs: Int32Array, dates: Uint16Array): Uint8Array {
  const out = new ByteWriter(docs.length * 3 + 8);
  let newest = 0;
  for (const doc of docs) newest = Math.max(newest, dates[doc] as number);
  out.varint(docs.length);
  out.varint(newest);
  let previous = -1;
  for (const doc of docs) {
    out.varint(doc - previous - 1);
    previous = doc;
  }
  for (const doc of docs) out.varint(newest - (dates[doc] as number));
  return out.view();
}

/** Reads a tier's file: its documents (ascending) and their day numbers. */
export function decodeRecencyTier(bytes: Uint8Array): { docs: Int32Array; days: Int32Array } {
  const reader = new ByteReader(bytes);
  const n = reader.varint();
  const newest = reader.varint();
  const docs = new Int32Array(n);
  const days = new Int32Array(n);
  let doc = -1;
  for (let i = 0; i < n; i++) docs[i] = doc += reader.varint() + 1;
  for (let i = 0; i < n; i++) days[i] = newest - reader.varint();
  return { docs, days };
}

/** Documents of a tie group whose dates the page needs: the `need` newest of `docs` (see `dateNeeds` in ranking.ts). */
export interface DateNeed {
  docs: readonly number[];
  need: number;
  /** Every member is on the page, whose doc-table entries are read anyway (for titles and excerpts). */
  onPage?: boolean;
}

/**
 * What reading one doc-table file costs to date documents, in documents of a date block (the unit `dates`
 * weighs its roads in): ~1.5 KB gzip for 16 entries against ~1.4 bytes a document in a date block.
 */
const DOC_TABLE_FILE_COST = 1024;

/** Reads documents' dates, doc-table entries and text through the client's file cache. */
export class DocStoreReader {
  private readonly files: IndexFiles;
  private readonly manifest: SearchManifest;

  constructor(files: IndexFiles, manifest: SearchManifest) {
    this.files = files;
    this.manifest = manifest;
  }

  /**
   * The day numbers (0 = unknown) the page needs: for each tie group, the dates of at least its `need` newest
   * documents — by whichever road is expected to read the fewest bytes: the group's own doc-table entries
   * (which hold each date; free for a group wholly on the page, whose entries the page reads anyway), the
   * date blocks that hold the group, or the recency tiers read newest first until they hold `need` of the
   * group (a tier never splits a date, so those are its newest, dated exactly). A document no road read gives
   * 0: it is older than every document the tiers read found, so it ranks after them, past the page.
   */
  async dates(groups: readonly DateNeed[]): Promise<(doc: number) => number> {
    const known = new Map<number, number>();
    const blockSize = this.manifest.dateBlockSize;
    const tableSize = this.manifest.docTableSize;
    const tiers = this.manifest.recencyTiers;
    const docCount = this.manifest.docCount;
    const blocks = new Set<number>();
    const tables = new Set<number>();
    const tierWalks: DateNeed[] = [];
    const fromTables: number[] = [];
    for (const group of groups) {
      if (group.need <= 0 || group.docs.length === 0) continue;
      const groupTables = new Set(group.docs.map((doc) => Math.floor(doc / tableSize)));
      let tableCost = 0;
      if (!group.onPage) for (const t of groupTables) if (!tables.has(t)) tableCost += DOC_TABLE_FILE_COST;
      const groupBlocks = new Set(group.docs.map((doc) => Math.floor(doc / blockSize)));
      let blockDocs = 0;
      for (const b of groupBlocks) if (!blocks.has(b)) blockDocs += Math.min(blockSize, docCount - b * blockSize);
      if (tableCost <= blockDocs && tableCost <= 1.25 * this.tierDocs(group)) {
        for (const t of groupTables) tables.add(t);
        fromTables.push(...group.docs);
        continue;
      }
      // A tier costs a little more a document than a block (a doc gap beside each day), so blocks win near a tie.
      if (tiers.length > 0 && 1.25 * this.tierDocs(group) < blockDocs) tierWalks.push(group);
      else for (const b of groupBlocks) blocks.add(b);
    }
    const loaded = new Map<number, DataView>();
    await Promise.all([
      ...fromTables.map(async (doc) => known.set(doc, dayNumber((await this.entry(doc)).meta.date))),
      ...[...blocks].map(async (block) => {
        const bytes = await this.files.file(dateBlockPath(block));
        loaded.set(block, new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      }),
      ...tierWalks.map(async (group) => {
        const members = new Set(group.docs);
        let found = 0;
        // Tiers are read one after the other: each one read may be the last this group needs.
        for (let t = 0; t < tiers.length && found < group.need; t++) {
          const { docs, days } = decodeRecencyTier(await this.files.file(recencyTierPath(t)));
          for (let i = 0; i < docs.length; i++) {
            const doc = docs[i] as number;
            if (!members.has(doc)) continue;
            known.set(doc, days[i] as number);
            found++;
          }
        }
      }),
    ]);
    return (doc) => {
      const day = known.get(doc);
      if (day !== undefined) return day;
      const view = loaded.get(Math.floor(doc / blockSize));
      const at = (doc % blockSize) * 2;
      return view && at + 2 <= view.byteLength ? view.getUint16(at, true) : 0;
    };
  }

  /** Expected tier documents to read before `need` of the group turn up, were it spread evenly (+1 tier); Infinity without tiers. */
  private tierDocs(group: DateNeed): number {
    const tiers = this.manifest.recencyTiers;
    if (tiers.length === 0) return Infinity;
    let tierDocs = 0;
    let expected = 0;
    for (let t = 0; t < tiers.length && expected < group.need; t++) {
      tierDocs += tiers[t] as number;
      expected += (group.docs.length * (tiers[t] as number)) / this.manifest.docCount;
    }
    return tierDocs + (tiers[Math.min(tiers.length - 1, 1)] ?? 0);
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
