/**
 * A kept document: a document with its postings as bytes, so that a later build adds it without tokenising
 * it again (`addAndKeep()` / `addKept()` in build.ts; the Astro integration keeps them in its cache folder).
 *
 *   varint(KEPT_VERSION), varint(n), n bytes of the SearchDoc as JSON, then its postings: varint(unigram
 *   count), then per unigram a kept record — varint(code), varint(length) and `length` bytes: the gram's
 *   counts as postings.ts writes them —; then the same for the bigrams (code c1·65536 + c2; counts, then
 *   position gaps). Grams come in the order the document first uses them, the order `add()` records them in.
 */
import { ByteReader, ByteWriter } from './bytes.ts';
import type { SearchDoc } from './format.ts';

/** Version of a kept document's bytes; a kept document of another version is refused. */
export const KEPT_VERSION = 1;

/** Codes a kept record may name, per pass: unigrams are one code unit, bigrams two. */
const CODE_LIMIT = [0x10000, 0x100000000] as const;

/** Appends a kept record: gram `code` and the bytes `source[from, to)` (its counts and positions). */
export function writeKeptRecord(keep: ByteWriter, code: number, source: Uint8Array, from: number, to: number): void {
  keep.varint(code);
  keep.varint(to - from);
  keep.appendRange(source, from, to);
}

export function encodeKeptDocument(doc: SearchDoc, postings: Uint8Array): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(doc));
  const out = new ByteWriter(json.length + postings.length + 16);
  out.varint(KEPT_VERSION);
  out.varint(json.length);
  out.append(json);
  out.append(postings);
  return out.view();
}

/**
 * Reads a kept document and checks its postings end to end, so that a bad file is refused before the builder
 * records any of it: half a document must never be left behind.
 */
export function decodeKeptDocument(kept: Uint8Array): { doc: SearchDoc; postings: Uint8Array } {
  const { doc, end } = keptHead(kept);
  const postings = kept.subarray(end);
  const walk = new ByteReader(postings);
  for (let pass = 0; pass < 2; pass++) {
    for (let n = walk.varint(); n > 0; n--) {
      if (walk.varint() >= CODE_LIMIT[pass]!) throw new Error('search index: a kept document names a gram that cannot exist');
      const length = walk.varint();
      walk.offset += length;
      if (walk.offset > postings.length) throw new Error('search index: a kept document’s postings are cut short');
    }
  }
  if (walk.offset !== postings.length) throw new Error('search index: a kept document’s postings do not end where they should');
  return { doc, postings };
}

/** The document of a kept document, without its postings (the update of a previous index needs its text and meta only). */
export function keptSearchDoc(kept: Uint8Array): SearchDoc {
  return keptHead(kept).doc;
}

/** A kept document's version checked and its document read; `end`: where its postings start. */
function keptHead(kept: Uint8Array): { doc: SearchDoc; end: number } {
  const reader = new ByteReader(kept);
  const version = reader.varint();
  if (version !== KEPT_VERSION) throw new Error(`search index: a kept document of version ${version}, expected ${KEPT_VERSION}`);
  const length = reader.varint();
  if (reader.offset + length > kept.length) throw new Error('search index: a kept document is cut short');
  const doc = JSON.parse(new TextDecoder().decode(kept.subarray(reader.offset, reader.offset + length))) as SearchDoc;
  return { doc, end: reader.offset + length };
}

/**
 * Walks the kept records of checked postings (from `decodeKeptDocument`): each `next()` moves to the next
 * record, the unigrams' first (`bigram` false), then the bigrams'.
 */
export class KeptRecords {
  /** Whether the current record is a bigram's. */
  bigram = false;
  /** Gram code of the current record. */
  code = 0;
  /** The current record's bytes: `postings[start, end)`. */
  start = 0;
  end = 0;
  private readonly reader: ByteReader;
  private left: number;

  constructor(postings: Uint8Array) {
    this.reader = new ByteReader(postings);
    this.left = this.reader.varint();
    this.end = this.reader.offset;
  }

  next(): boolean {
    const reader = this.reader;
    reader.offset = this.end;
    while (this.left === 0) {
      if (this.bigram) return false;
      this.bigram = true;
      this.left = reader.varint();
    }
    this.left--;
    this.code = reader.varint();
    const length = reader.varint();
    this.start = reader.offset;
    this.end = reader.offset + length;
    return true;
  }
}
