/**
 * The hot loop of the build: turns one document's normalised title and body into records of its unigrams and
 * bigrams (posting-runs.ts), counting occurrences per gram and grouping each bigram's positions, with typed
 * scratch arrays reused from one document to the next. A kept document's records are replayed as they were.
 */
import type { ByteWriter } from './bytes.ts';
import { GramRegistry, grownInt32 } from './gram-registry.ts';
import { KeptRecords, writeKeptRecord } from './kept-document.ts';
import type { PostingRuns } from './posting-runs.ts';
import { writeCounts, writePositions } from './postings.ts';

/** Longest document (title + body, code units) whose positions the index takes. */
export const MAX_DOC_LENGTH = 2 ** 28;

export class GramIndexer {
  private readonly grams: GramRegistry;
  private readonly runs: PostingRuns;
  // Per-document scratch, reused: counts per unigram code, and per bigram id (sized to the gram ids).
  private readonly unigramTf = new Int32Array(65536);
  private readonly unigramTitleTf = new Int32Array(65536);
  private readonly touched: number[] = [];
  private docTf = new Int32Array(1 << 16);
  private docTitleTf = new Int32Array(1 << 16);
  private docStart = new Int32Array(1 << 16);
  private readonly docGrams: number[] = [];
  private positionIds = new Int32Array(4096);
  private grouped = new Int32Array(4096);

  /**
   * The bigram ids of the document `index` last saw, by position of "title ␟ body" (-1 at the join and after
   * each segment's last character), for the phrase indexer: one lookup per bigram, not one per indexer.
   */
  get bigramIds(): Int32Array {
    return this.positionIds;
  }

  constructor(grams: GramRegistry, runs: PostingRuns) {
    this.grams = grams;
    this.runs = runs;
  }

  /**
   * Records the grams of document `doc` (normalised `title` and `body`); with `keep`, also appends the kept
   * records (kept-document.ts) of the document there.
   */
  index(doc: number, title: string, body: string, keep?: ByteWriter): void {
    const titleLength = title.length;
    if (titleLength + body.length + 1 >= MAX_DOC_LENGTH) {
      throw new Error(`search index: a document of ${titleLength + body.length} characters is longer than the ${MAX_DOC_LENGTH - 1} the index supports; split it`);
    }
    const grams = this.grams;
    const runs = this.runs;

    // Unigrams: counts per code unit, title counts apart.
    const unigramTf = this.unigramTf;
    const unigramTitleTf = this.unigramTitleTf;
    const touched = this.touched;
    for (let i = 0; i < titleLength; i++) {
      const c = title.charCodeAt(i);
      if (unigramTf[c] === 0) touched.push(c);
      unigramTf[c] = (unigramTf[c] as number) + 1;
      unigramTitleTf[c] = (unigramTitleTf[c] as number) + 1;
    }
    for (let i = 0; i < body.length; i++) {
      const c = body.charCodeAt(i);
      if (unigramTf[c] === 0) touched.push(c);
      unigramTf[c] = (unigramTf[c] as number) + 1;
    }
    keep?.varint(touched.length);
    for (const c of touched) {
      const id = grams.unigram(c);
      const log = runs.record(id, grams.shard[id] as number, doc);
      const before = log.length;
      writeCounts(log, unigramTf[c] as number, unigramTitleTf[c] as number);
      if (keep) writeKeptRecord(keep, c, log.bytes, before, log.length);
      unigramTf[c] = 0;
      unigramTitleTf[c] = 0;
    }
    touched.length = 0;

    // Bigrams: gram id of every position (counting occurrences), then a counting sort groups the
    // positions per gram in ascending order.
    const total = titleLength + body.length + 1;
    // A document makes at most one new bigram per position: room for all of them up front.
    this.docTf = grownInt32(this.docTf, grams.size + total);
    this.docTitleTf = grownInt32(this.docTitleTf, grams.size + total);
    this.docStart = grownInt32(this.docStart, grams.size + total);
    this.positionIds = grownInt32(this.positionIds, total);
    this.grouped = grownInt32(this.grouped, total);
    const docTf = this.docTf;
    const docTitleTf = this.docTitleTf;
    const docStart = this.docStart;
    const positionIds = this.positionIds;
    const grouped = this.grouped;
    const docGrams = this.docGrams;
    positionIds.fill(-1, 0, total);
    const segments: Array<[string, number]> = [
      [title, 0],
      [body, titleLength + 1],
    ];
    for (const [segment, base] of segments) {
      for (let i = 0; i + 1 < segment.length; i++) {
        const id = grams.bigram(segment.charCodeAt(i) * 65536 + segment.charCodeAt(i + 1));
        if (docTf[id] === 0) docGrams.push(id);
        docTf[id] = (docTf[id] as number) + 1;
        if (base === 0) docTitleTf[id] = (docTitleTf[id] as number) + 1;
        positionIds[base + i] = id;
      }
    }
    let offset = 0;
    for (const id of docGrams) {
      docStart[id] = offset;
      offset += docTf[id] as number;
    }
    for (let position = 0; position < total; position++) {
      const id = positionIds[position] as number;
      if (id < 0) continue;
      grouped[docStart[id] as number] = position;
      docStart[id] = (docStart[id] as number) + 1;
    }
    keep?.varint(docGrams.length);
    for (const id of docGrams) {
      const tf = docTf[id] as number;
      const log = runs.record(id, grams.shard[id] as number, doc);
      const before = log.length;
      writeCounts(log, tf, docTitleTf[id] as number);
      const end = docStart[id] as number;
      writePositions(log, grouped, end - tf, end);
      if (keep) writeKeptRecord(keep, grams.code[id] as number, log.bytes, before, log.length);
      docTf[id] = 0;
      docTitleTf[id] = 0;
    }
    docGrams.length = 0;
  }

  /** Records a kept document's postings (checked by `decodeKeptDocument`) as `index` recorded them. */
  replay(doc: number, postings: Uint8Array): void {
    const grams = this.grams;
    const records = new KeptRecords(postings);
    while (records.next()) {
      const id = records.bigram ? grams.bigram(records.code) : grams.unigram(records.code);
      this.runs.record(id, grams.shard[id] as number, doc).appendRange(postings, records.start, records.end);
    }
  }
}
