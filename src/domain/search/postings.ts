/**
 * A gram's postings: the one encoding the builder writes (into its record logs, into kept documents and into
 * the index files) and the client reads.
 *
 *   doc section       per document: varint(doc − previous doc − 1) (the first document: its number), then for
 *                     a unigram or bigram its counts — varint(tf·2 + inTitle) and, when inTitle,
 *                     varint(titleTf − 1). A facet's doc section holds the gaps only.
 *   position section  bigrams and phrase grams only; per document its tf positions in the normalised "title ␟ body", first
 *                     absolute then gaps. Title occurrences come first, so the first titleTf are the title's.
 *
 * The builder writes a document's counts and positions once, in a record (`writeCounts`, `writePositions`);
 * the merge moves each record into its gram's sections without decoding the positions (`BucketMerger` in
 * posting-runs.ts: the doc gap written, the counts and positions copied).
 */
import { ByteReader, ByteWriter } from './bytes.ts';
import { GRAM_FACET } from './format.ts';

/** Decoded doc section of a gram: ascending doc numbers, occurrences, occurrences in the title. */
export interface DocPosting {
  docs: Int32Array;
  tf: Int32Array;
  titleTf: Int32Array;
}

/** Decoded positions of a bigram: positions of doc i are `pos[start[i]] … pos[start[i+1] − 1]`. */
export interface PositionPosting {
  start: Int32Array;
  pos: Int32Array;
}

/** Writes one document's counts of a gram: `tf` occurrences, `titleTf` of them in the title. */
export function writeCounts(out: ByteWriter, tf: number, titleTf: number): void {
  out.varint(tf * 2 + (titleTf > 0 ? 1 : 0));
  if (titleTf > 0) out.varint(titleTf - 1);
}

/** Writes the ascending positions `positions[from, to)` of one document as gaps from 0. */
export function writePositions(out: ByteWriter, positions: Int32Array, from: number, to: number): void {
  let previous = 0;
  for (let k = from; k < to; k++) {
    const position = positions[k] as number;
    out.varint(position - previous);
    previous = position;
  }
}

/** Reads a doc section of `docCount` documents. */
export function decodeDocPosting(section: Uint8Array, docCount: number, kind: number): DocPosting {
  const reader = new ByteReader(section);
  const docs = new Int32Array(docCount);
  const tf = new Int32Array(docCount);
  const titleTf = new Int32Array(docCount);
  let doc = -1;
  for (let i = 0; i < docCount; i++) {
    doc += reader.varint() + 1;
    docs[i] = doc;
    if (kind === GRAM_FACET) continue;
    const v = reader.varint();
    tf[i] = v >>> 1;
    titleTf[i] = v & 1 ? reader.varint() + 1 : 0;
  }
  return { docs, tf, titleTf };
}

/** Reads a bigram's position section; `docs` (its doc section) says how many positions each document has. */
export function decodePositionPosting(section: Uint8Array, docs: DocPosting): PositionPosting {
  const reader = new ByteReader(section);
  const n = docs.docs.length;
  const start = new Int32Array(n + 1);
  let total = 0;
  for (let i = 0; i < n; i++) {
    start[i] = total;
    total += docs.tf[i] as number;
  }
  start[n] = total;
  const pos = new Int32Array(total);
  for (let i = 0; i < n; i++) {
    let p = 0;
    for (let k = start[i] as number; k < (start[i + 1] as number); k++) {
      p += reader.varint();
      pos[k] = p;
    }
  }
  return { start, pos };
}
