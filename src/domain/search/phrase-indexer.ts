/**
 * Phrase grams: the 3- and 4-grams made only of common bigrams, indexed with postings of their own.
 *
 * Why: at 100,000 documents the position lists of the commonest bigrams (人民, 政府, 规定) pass 1 MB each, and a
 * query part made of them (人民政府) had to fetch them all to verify adjacency. A phrase gram's doc section
 * answers such a part of 3–4 characters directly (documents and occurrences, exactly: it is the substring
 * test done at build time), and its positions — far fewer than its bigrams' — cover a longer part.
 *
 * Which phrases get postings is decided from a sample: the first `sampleDocs` documents are indexed at once for
 * their unigrams and bigrams and kept aside for their phrases. Then two rules choose:
 *   - the bigrams in at least `commonShare` of them are **common**, and every 3- or 4-gram made only of common
 *     bigrams is a phrase gram, in whatever document it first appears (the manifest lists the common bigrams,
 *     so the client knows such a gram it finds no entry for is in no document);
 *   - a 3- or 4-gram in at least `phraseShare` of the sampled documents is a phrase gram too (救助管理, of
 *     救助 which is common and 助管 which is not); the client finds these by looking them up.
 * Then the sample's phrases are recorded and every later document's as it comes. So every phrase gram's
 * postings are complete — every document that contains it is listed. Choosing from the build's own first
 * documents keeps a build deterministic; a poor sample only makes queries heavier, never wrong.
 *
 * Phrases are always recorded from the document's text, never from a kept document's records (the common set
 * may differ from the build that kept them).
 */
import { GramRegistry, GramTable, MAX_PHRASE_BIGRAMS, bigramText, grownInt32 } from './gram-registry.ts';
import type { PostingRuns } from './posting-runs.ts';
import { writeCounts, writePositions } from './postings.ts';

export interface PhraseOptions {
  /** Documents the common bigrams are chosen from: the build's first ones. Default 1,000. */
  sampleDocs?: number;
  /** Share of the sample's documents a bigram must be in to be common. Default 0.2. */
  commonShare?: number;
  /** Share of the sample's documents a 3- or 4-gram must be in to be a phrase gram whatever its bigrams. Default 0.02. */
  phraseShare?: number;
}

export class PhraseIndexer {
  private readonly grams: GramRegistry;
  private readonly runs: PostingRuns;
  private readonly sampleDocs: number;
  private readonly commonShare: number;
  private readonly phraseShare: number;
  /** Phrase-bigram index by bigram id, or -1; null until the sample is chosen from. */
  private phraseIndex: Int32Array | null = null;
  /** Whether a phrase bigram (by its index) is common. */
  private isCommon = new Uint8Array(0);
  private sample: Array<{ doc: number; title: string; body: string }> = [];
  /** Sample documents holding each bigram, by gram id, and the last sample document counted for it. */
  private sampleDf = new Int32Array(1 << 16);
  private lastSeen = new Int32Array(1 << 16);
  // Per-document scratch, reused (as in gram-indexer.ts).
  private docTf = new Int32Array(1 << 16);
  private docTitleTf = new Int32Array(1 << 16);
  private docStart = new Int32Array(1 << 16);
  private readonly docGrams: number[] = [];
  private common = new Int32Array(4096);
  private slots = new Int32Array(8192);
  private grouped = new Int32Array(8192);

  constructor(grams: GramRegistry, runs: PostingRuns, options: PhraseOptions = {}) {
    this.grams = grams;
    this.runs = runs;
    this.sampleDocs = options.sampleDocs ?? 1000;
    this.commonShare = options.commonShare ?? 0.2;
    this.phraseShare = options.phraseShare ?? 0.02;
    const share = (x: number) => x > 0 && x <= 1;
    if (!(this.sampleDocs >= 1) || !share(this.commonShare) || !share(this.phraseShare)) {
      throw new Error(
        `search index: phrase options need sampleDocs ≥ 1, 0 < commonShare ≤ 1 and 0 < phraseShare ≤ 1, got ${this.sampleDocs}, ${this.commonShare} and ${this.phraseShare}`,
      );
    }
  }

  /** Records the phrase grams of document `doc` (normalised `title` and `body`), or keeps it for the sample. */
  add(doc: number, title: string, body: string): void {
    if (this.phraseIndex) {
      this.record(doc, title, body);
      return;
    }
    this.count(doc, title);
    this.count(doc, body);
    this.sample.push({ doc, title, body });
    if (this.sample.length >= this.sampleDocs) this.choose();
  }

  /** Chooses the common set if the build had fewer documents than the sample, and records what waits. */
  finish(): void {
    if (!this.phraseIndex) this.choose();
  }

  /** The common bigrams, concatenated in code order (the manifest's `commonBigrams`). */
  commonBigrams(): string {
    return this.grams.phraseCodes
      .filter((_, i) => this.isCommon[i] === 1)
      .map(bigramText)
      .join('');
  }

  private count(doc: number, segment: string): void {
    for (let i = 0; i + 1 < segment.length; i++) {
      const id = this.grams.bigram(segment.charCodeAt(i) * 65536 + segment.charCodeAt(i + 1));
      if (id >= this.sampleDf.length) {
        this.sampleDf = grownInt32(this.sampleDf, id + 1);
        this.lastSeen = grownInt32(this.lastSeen, id + 1);
      }
      if (this.lastSeen[id] === doc + 1) continue;
      this.lastSeen[id] = doc + 1;
      this.sampleDf[id] = (this.sampleDf[id] as number) + 1;
    }
  }

  private choose(): void {
    const grams = this.grams;
    const n = this.sample.length;
    const commonThreshold = Math.max(2, Math.ceil(this.commonShare * n));
    const phraseThreshold = Math.max(2, Math.ceil(this.phraseShare * n));
    // Phrase bigrams: every bigram a chosen phrase can contain — a phrase in t documents has bigrams in t or more.
    const eligible: Array<{ id: number; df: number }> = [];
    for (let id = 0; id < Math.min(grams.size, this.sampleDf.length); id++) {
      const df = this.sampleDf[id] as number;
      if (df >= Math.min(commonThreshold, phraseThreshold)) eligible.push({ id, df });
    }
    // The most common first if there are too many, then code order so the index is stable.
    eligible.sort((a, b) => b.df - a.df || (grams.code[a.id] as number) - (grams.code[b.id] as number));
    const kept = eligible.slice(0, MAX_PHRASE_BIGRAMS).sort((a, b) => (grams.code[a.id] as number) - (grams.code[b.id] as number));
    const phraseIndex = new Int32Array(Math.max(grams.size, 1)).fill(-1);
    this.isCommon = new Uint8Array(kept.length);
    grams.phraseCodes = kept.map(({ id, df }, i) => {
      phraseIndex[id] = i;
      if (df >= commonThreshold) this.isCommon[i] = 1;
      return grams.code[id] as number;
    });
    this.phraseIndex = phraseIndex;
    this.sampleDf = new Int32Array(0);
    this.lastSeen = new Int32Array(0);
    this.choosePhrases(phraseThreshold);
    const sample = this.sample;
    this.sample = [];
    for (const { doc, title, body } of sample) this.record(doc, title, body);
  }

  /** Registers the 3- and 4-grams in `threshold` or more of the sampled documents (counted in gram-table keys). */
  private choosePhrases(threshold: number): void {
    const grams = this.grams;
    const tables = [new GramTable(), new GramTable()];
    let df = new Int32Array(1 << 16);
    let last = new Int32Array(1 << 16);
    const keys: number[] = [];
    const kinds: number[] = [];
    const count = (kind: number, key: number, doc: number) => {
      const table = tables[kind] as GramTable;
      let slot = table.get(key);
      if (slot < 0) {
        slot = keys.length;
        table.set(key, slot);
        keys.push(key);
        kinds.push(kind);
        df = grownInt32(df, slot + 1);
        last = grownInt32(last, slot + 1);
      }
      if (last[slot] === doc + 1) return;
      last[slot] = doc + 1;
      df[slot] = (df[slot] as number) + 1;
    };
    const width = MAX_PHRASE_BIGRAMS + 1;
    for (const { doc, title, body } of this.sample) {
      for (const segment of [title, body]) {
        const pairs = segment.length - 1;
        this.common = grownInt32(this.common, Math.max(pairs, 0));
        const at = this.common;
        for (let i = 0; i < pairs; i++) at[i] = this.phraseBigramAt(segment, i);
        for (let i = 0; i + 1 < pairs; i++) {
          const first = at[i] as number;
          if (first < 0 || (at[i + 1] as number) < 0) continue;
          count(0, first * width + (at[i + 1] as number), doc);
          if (i + 2 < pairs && (at[i + 2] as number) >= 0) count(1, first * width + (at[i + 2] as number), doc);
        }
      }
    }
    for (let slot = 0; slot < keys.length; slot++) {
      if ((df[slot] as number) < threshold) continue;
      const key = keys[slot] as number;
      const first = Math.floor(key / width);
      if (kinds[slot] === 0) grams.trigram(first, key % width);
      else grams.quadgram(first, key % width);
    }
  }

  /** Phrase-bigram index of the bigram at `i` of `segment`, or -1 (bigrams made after the choice are none). */
  private phraseBigramAt(segment: string, i: number): number {
    const id = this.grams.bigram(segment.charCodeAt(i) * 65536 + segment.charCodeAt(i + 1));
    const index = this.phraseIndex as Int32Array;
    return id < index.length ? (index[id] as number) : -1;
  }

  /**
   * Records the document's phrase grams: a trigram where the bigrams at i and i + 1 are common, a 4-gram where
   * those at i, i + 1 and i + 2 are (made on first sight), and the frequent ones chosen from the sample. Positions are in "title ␟ body" like a bigram's, and a phrase never
   * spans the join, so the first titleTf positions are the title's.
   */
  private record(doc: number, title: string, body: string): void {
    const grams = this.grams;
    const total = title.length + body.length + 1;
    // Slot 2p: the trigram starting at position p, slot 2p + 1: the 4-gram; -1 where there is none.
    this.slots = grownInt32(this.slots, 2 * total);
    this.grouped = grownInt32(this.grouped, 2 * total);
    this.common = grownInt32(this.common, Math.max(title.length, body.length));
    const slots = this.slots;
    slots.fill(-1, 0, 2 * total);
    const docGrams = this.docGrams;
    let sized = false;
    for (const [segment, base] of [
      [title, 0],
      [body, title.length + 1],
    ] as const) {
      const common = this.common;
      const pairs = segment.length - 1;
      for (let i = 0; i < pairs; i++) common[i] = this.phraseBigramAt(segment, i);
      if (!sized) {
        // Each position starts at most two new phrase grams: room for all of them up front.
        const need = grams.size + 2 * total;
        this.docTf = grownInt32(this.docTf, need);
        this.docTitleTf = grownInt32(this.docTitleTf, need);
        this.docStart = grownInt32(this.docStart, need);
        sized = true;
      }
      const docTf = this.docTf;
      const docTitleTf = this.docTitleTf;
      const isCommon = this.isCommon;
      for (let i = 0; i + 1 < pairs; i++) {
        const first = common[i] as number;
        const second = common[i + 1] as number;
        if (first < 0 || second < 0) continue;
        const bothCommon = isCommon[first] === 1 && isCommon[second] === 1;
        const tri = grams.trigram(first, second, bothCommon);
        if (tri >= 0) {
          slots[2 * (base + i)] = tri;
          if (docTf[tri] === 0) docGrams.push(tri);
          docTf[tri] = (docTf[tri] as number) + 1;
          if (base === 0) docTitleTf[tri] = (docTitleTf[tri] as number) + 1;
        }
        const third = i + 2 < pairs ? (common[i + 2] as number) : -1;
        if (third < 0) continue;
        const quad = grams.quadgram(first, third, bothCommon && isCommon[third] === 1);
        if (quad >= 0) {
          slots[2 * (base + i) + 1] = quad;
          if (docTf[quad] === 0) docGrams.push(quad);
          docTf[quad] = (docTf[quad] as number) + 1;
          if (base === 0) docTitleTf[quad] = (docTitleTf[quad] as number) + 1;
        }
      }
    }
    if (docGrams.length === 0) return;
    // Counting sort: each gram's positions together, ascending.
    const docTf = this.docTf;
    const docTitleTf = this.docTitleTf;
    const docStart = this.docStart;
    const grouped = this.grouped;
    let offset = 0;
    for (const id of docGrams) {
      docStart[id] = offset;
      offset += docTf[id] as number;
    }
    for (let slot = 0; slot < 2 * total; slot++) {
      const id = slots[slot] as number;
      if (id < 0) continue;
      grouped[docStart[id] as number] = slot >>> 1;
      docStart[id] = (docStart[id] as number) + 1;
    }
    for (const id of docGrams) {
      const tf = docTf[id] as number;
      const log = this.runs.record(id, grams.shard[id] as number, doc);
      writeCounts(log, tf, docTitleTf[id] as number);
      const end = docStart[id] as number;
      writePositions(log, grouped, end - tf, end);
      docTf[id] = 0;
      docTitleTf[id] = 0;
    }
    docGrams.length = 0;
  }
}
