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
 * With `longGrams`, the 5- to 8-grams in `phraseShare` of the sample are phrase grams too (rule 3); with
 * `edgeTrigrams`, every trigram of a common bigram and a bigram that is no phrase bigram (rule 4: 农村五, 保供养),
 * made on first sight — so a part that starts or ends in a common bigram need not read that bigram's positions.
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

/** Documents the common bigrams are chosen from when `PhraseOptions.sampleDocs` is not given. */
export const DEFAULT_SAMPLE_DOCS = 1000;

export interface PhraseOptions {
  /** Documents the common bigrams are chosen from: the build's first ones. Default 1,000. */
  sampleDocs?: number;
  /** Share of the sample's documents a bigram must be in to be common. Default 0.2. */
  commonShare?: number;
  /** Share of the sample's documents a 3- or 4-gram must be in to be a phrase gram whatever its bigrams. Default 0.02. */
  phraseShare?: number;
  /**
   * Whether the 5- to 8-grams in `phraseShare` of the sample get postings too (long phrase grams). Default
   * false; the builder turns them on for large corpora (`LONG_GRAMS_FROM_DOCS`), where the positions they
   * spare pass 100 KB a query: at 10,000 documents they would add 60% to the gram shards every query reads.
   */
  longGrams?: boolean;
  /**
   * Whether a trigram made of a common bigram and a bigram in less than `phraseShare` of the sample (neither
   * common nor frequent) gets postings too (edge trigrams, rule 4). Default false; the builder turns them on
   * with the long grams: at 100,000 documents a part that starts or ends in a common bigram (农村五保供养: 农村,
   * 供养) read that bigram's positions, ~100–300 KB, where the edge trigram (农村五, 保供养) is a few hundred bytes.
   */
  edgeTrigrams?: boolean;
}

export class PhraseIndexer {
  private readonly grams: GramRegistry;
  private readonly runs: PostingRuns;
  private readonly sampleDocs: number;
  private readonly commonShare: number;
  private readonly phraseShare: number;
  private readonly longGrams: boolean;
  private readonly edgeTrigrams: boolean;
  /**
   * Phrase-gram slots per position: trigram, 4-gram and, with long grams, those of 5, 6, 7 and 8. Without
   * long grams only the first two are ever filled: clearing and scanning four empty ones per character was
   * work for nothing.
   */
  private readonly slotsPerPosition: number;
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
  /** Bigram ids by position of "title ␟ body", when the caller gave none (`bigramIdsOf`). */
  private ids = new Int32Array(8192);
  private slots = new Int32Array(8192);
  private grouped = new Int32Array(8192);
  /** Documents of the sample holding each phrase gram (by gram id), while the sample is recorded; else null. */
  private sampleGramDf: Int32Array<ArrayBuffer> | null = null;
  /** Long grams by `longKey`, and by 4-gram id the lengths (bit n − 5) of the long grams it starts. */
  private readonly longTable = new Map<number, number>();
  private longStarts = new Uint8Array(0);

  constructor(grams: GramRegistry, runs: PostingRuns, options: PhraseOptions = {}) {
    this.grams = grams;
    this.runs = runs;
    this.sampleDocs = options.sampleDocs ?? DEFAULT_SAMPLE_DOCS;
    this.commonShare = options.commonShare ?? 0.2;
    this.phraseShare = options.phraseShare ?? 0.02;
    this.longGrams = options.longGrams ?? false;
    this.edgeTrigrams = options.edgeTrigrams ?? false;
    this.slotsPerPosition = this.longGrams ? 6 : 2;
    const share = (x: number) => x > 0 && x <= 1;
    if (!(this.sampleDocs >= 1) || !share(this.commonShare) || !share(this.phraseShare)) {
      throw new Error(
        `search index: phrase options need sampleDocs ≥ 1, 0 < commonShare ≤ 1 and 0 < phraseShare ≤ 1, got ${this.sampleDocs}, ${this.commonShare} and ${this.phraseShare}`,
      );
    }
  }

  /**
   * Records the phrase grams of document `doc` (normalised `title` and `body`), or keeps it for the sample.
   * `bigramIds` are the ids of its bigrams by position of "title ␟ body" (-1 at the join), as the gram indexer
   * left them (`GramIndexer.bigramIds`): given, no bigram is looked up twice; else they are looked up here.
   */
  add(doc: number, title: string, body: string, bigramIds?: Int32Array): void {
    const ids = bigramIds ?? this.bigramIdsOf(title, body);
    if (this.phraseIndex) {
      this.record(doc, title, body, ids);
      return;
    }
    this.count(doc, ids, 0, title.length);
    this.count(doc, ids, title.length + 1, body.length);
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

  /** Counts the sample document `doc` for each bigram of the segment of `length` at `base` of `ids`. */
  private count(doc: number, ids: Int32Array, base: number, length: number): void {
    for (let i = 0; i + 1 < length; i++) {
      const id = ids[base + i] as number;
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
    // The sample's phrase grams are recorded while their document counts are taken, for the long grams.
    if (this.longGrams) this.sampleGramDf = new Int32Array(Math.max(grams.size, 1));
    for (const { doc, title, body } of sample) this.record(doc, title, body, this.bigramIdsOf(title, body));
    if (this.longGrams) this.chooseLong(sample, phraseThreshold);
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
      const ids = this.bigramIdsOf(title, body);
      for (const [segment, base] of [
        [title, 0],
        [body, title.length + 1],
      ] as const) {
        const pairs = segment.length - 1;
        this.common = grownInt32(this.common, Math.max(pairs, 0));
        const at = this.common;
        for (let i = 0; i < pairs; i++) at[i] = this.phraseBigramOf(ids[base + i] as number);
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

  /** Phrase-bigram index of the bigram of id `id`, or -1 (bigrams made after the choice are none). */
  private phraseBigramOf(id: number): number {
    const index = this.phraseIndex as Int32Array;
    return id < index.length ? (index[id] as number) : -1;
  }

  /** The bigram ids of a document by position of "title ␟ body" (-1 at the join), looked up (made on first use). */
  private bigramIdsOf(title: string, body: string): Int32Array {
    this.ids = grownInt32(this.ids, title.length + body.length + 1);
    const ids = this.ids;
    ids[title.length] = -1;
    for (const [segment, base] of [
      [title, 0],
      [body, title.length + 1],
    ] as const) {
      for (let i = 0; i + 1 < segment.length; i++) ids[base + i] = this.grams.bigram(segment.charCodeAt(i) * 65536 + segment.charCodeAt(i + 1));
    }
    return ids;
  }

  /**
   * Records the document's phrase grams: a trigram where the bigrams at i and i + 1 are common, a 4-gram where
   * those at i, i + 1 and i + 2 are (made on first sight), the frequent ones chosen from the sample, and the
   * long ones (5–8, chosen from the sample). Positions are in "title ␟ body" like a bigram's, and a phrase
   * never spans the join, so the first titleTf positions are the title's.
   */
  private record(doc: number, title: string, body: string, ids: Int32Array): void {
    const total = this.fill(title, body, ids, true);
    this.write(doc, total, false);
  }

  /**
   * Fills `slots` with the document's phrase grams — slot perPosition·p (`slotsPerPosition`): the trigram
   * starting at position p, + 1: the 4-gram, + 2 … + 5: the long grams of 5 … 8 (with `long`) — and counts each
   * gram's occurrences. `ids` are its bigram ids by position. Returns the slot positions used ("title ␟ body").
   */
  private fill(title: string, body: string, ids: Int32Array, long: boolean): number {
    const grams = this.grams;
    const perPosition = this.slotsPerPosition;
    const total = title.length + body.length + 1;
    this.slots = grownInt32(this.slots, perPosition * total);
    this.grouped = grownInt32(this.grouped, perPosition * total);
    this.common = grownInt32(this.common, Math.max(title.length, body.length));
    const slots = this.slots;
    slots.fill(-1, 0, perPosition * total);
    const docGrams = this.docGrams;
    // Each position starts at most `perPosition` new phrase grams: room for all of them up front.
    const need = grams.size + perPosition * total;
    this.docTf = grownInt32(this.docTf, need);
    this.docTitleTf = grownInt32(this.docTitleTf, need);
    this.docStart = grownInt32(this.docStart, need);
    const docTf = this.docTf;
    const docTitleTf = this.docTitleTf;
    const count = (id: number, slot: number, inTitle: boolean) => {
      slots[slot] = id;
      if (docTf[id] === 0) docGrams.push(id);
      docTf[id] = (docTf[id] as number) + 1;
      if (inTitle) docTitleTf[id] = (docTitleTf[id] as number) + 1;
    };
    for (const [segment, base] of [
      [title, 0],
      [body, title.length + 1],
    ] as const) {
      const common = this.common;
      const pairs = segment.length - 1;
      for (let i = 0; i < pairs; i++) common[i] = this.phraseBigramOf(ids[base + i] as number);
      const isCommon = this.isCommon;
      const edge = this.edgeTrigrams;
      for (let i = 0; i + 1 < pairs; i++) {
        const first = common[i] as number;
        const second = common[i + 1] as number;
        if (first < 0 || second < 0) {
          // Rule 4: a common bigram beside one that is no phrase bigram (the slot is free: no trigram of rule 1 or 2 starts here).
          if (!edge) continue;
          if (first >= 0 && isCommon[first] === 1) count(grams.edgeTrigramAfter(first, segment.charCodeAt(i + 2)), perPosition * (base + i), base === 0);
          else if (second >= 0 && isCommon[second] === 1) count(grams.edgeTrigramBefore(segment.charCodeAt(i), second), perPosition * (base + i), base === 0);
          continue;
        }
        const bothCommon = isCommon[first] === 1 && isCommon[second] === 1;
        const tri = grams.trigram(first, second, bothCommon);
        if (tri >= 0) count(tri, perPosition * (base + i), base === 0);
        const third = i + 2 < pairs ? (common[i + 2] as number) : -1;
        if (third < 0) continue;
        const quad = grams.quadgram(first, third, bothCommon && isCommon[third] === 1);
        if (quad >= 0) count(quad, perPosition * (base + i) + 1, base === 0);
      }
      if (!long || this.longTable.size === 0) continue;
      // A long gram of n is the 4-gram at i and the one at i + n − 4 (together they spell it), both in the segment.
      const starts = this.longStarts;
      for (let i = 0; i + 5 <= segment.length; i++) {
        const qa = slots[perPosition * (base + i) + 1] as number;
        if (qa < 0 || qa >= starts.length || starts[qa] === 0) continue;
        for (let n = 5; n <= 8 && i + n <= segment.length; n++) {
          if (((starts[qa] as number) & (1 << (n - 5))) === 0) continue;
          const qb = slots[perPosition * (base + i + n - 4) + 1] as number;
          if (qb < 0) continue;
          const id = this.longTable.get(longKey(qa, n, qb));
          if (id !== undefined) count(id, perPosition * (base + i) + 2 + (n - 5), base === 0);
        }
      }
    }
    return total;
  }

  /** Writes the grams `fill` counted as records of `doc` (only the long ones with `onlyLong`), and clears the counts. */
  private write(doc: number, total: number, onlyLong: boolean): void {
    const docGrams = this.docGrams;
    if (docGrams.length === 0) return;
    const grams = this.grams;
    const perPosition = this.slotsPerPosition;
    // Counting sort: each gram's positions together, ascending.
    const docTf = this.docTf;
    const docTitleTf = this.docTitleTf;
    const docStart = this.docStart;
    const grouped = this.grouped;
    const slots = this.slots;
    let offset = 0;
    for (const id of docGrams) {
      docStart[id] = offset;
      offset += docTf[id] as number;
    }
    for (let slot = 0; slot < perPosition * total; slot++) {
      const id = slots[slot] as number;
      if (id < 0) continue;
      grouped[docStart[id] as number] = Math.floor(slot / perPosition);
      docStart[id] = (docStart[id] as number) + 1;
    }
    for (const id of docGrams) {
      const tf = docTf[id] as number;
      if (this.sampleGramDf) {
        const df = (this.sampleGramDf = grownInt32(this.sampleGramDf, id + 1));
        df[id] = (df[id] as number) + 1;
      }
      if (!onlyLong || grams.isLong(id)) {
        const log = this.runs.record(id, grams.shard[id] as number, doc);
        writeCounts(log, tf, docTitleTf[id] as number);
        const end = docStart[id] as number;
        writePositions(log, grouped, end - tf, end);
      }
      docTf[id] = 0;
      docTitleTf[id] = 0;
    }
    docGrams.length = 0;
  }

  /**
   * Chooses the long grams: the 5- to 8-grams in `threshold` or more of the sampled documents (each spelt by
   * two 4-gram phrase grams, which are then in as many), and records the sample's. A part of 5–8 characters
   * that is one of them reads its doc list, not the positions of its windows (违反本条例: a doc list of ~2
   * bytes a document instead of the positions of 违反本条 and 反本条例, ~180 KB each at 100,000 documents).
   */
  private chooseLong(sample: ReadonlyArray<{ doc: number; title: string; body: string }>, threshold: number): void {
    const df = this.sampleGramDf ?? new Int32Array(0);
    const frequent = (id: number) => id >= 0 && id < df.length && (df[id] as number) >= threshold;
    const counts = new Map<number, { df: number; last: number; text: string }>();
    const perPosition = this.slotsPerPosition;
    for (const { doc, title, body } of sample) {
      this.fill(title, body, this.bigramIdsOf(title, body), false);
      for (const [segment, base] of [
        [title, 0],
        [body, title.length + 1],
      ] as const) {
        for (let i = 0; i + 5 <= segment.length; i++) {
          const qa = this.slots[perPosition * (base + i) + 1] as number;
          if (!frequent(qa)) continue;
          for (let n = 5; n <= 8 && i + n <= segment.length; n++) {
            const qb = this.slots[perPosition * (base + i + n - 4) + 1] as number;
            if (!frequent(qb)) continue;
            const key = longKey(qa, n, qb);
            let c = counts.get(key);
            if (!c) counts.set(key, (c = { df: 0, last: -1, text: segment.slice(i, i + n) }));
            if (c.last === doc) continue;
            c.last = doc;
            c.df++;
          }
        }
      }
      this.clearCounts();
    }
    this.sampleGramDf = null;
    const chosen = [...counts].filter(([, c]) => c.df >= threshold).sort((a, b) => (a[1].text < b[1].text ? -1 : a[1].text > b[1].text ? 1 : 0));
    for (const [key, c] of chosen) {
      const id = this.grams.longgram(c.text);
      this.longTable.set(key, id);
      const qa = Math.floor(key / 2 ** 28);
      if (qa >= this.longStarts.length) {
        const grown = new Uint8Array(Math.max(qa + 1, this.longStarts.length * 2));
        grown.set(this.longStarts);
        this.longStarts = grown;
      }
      this.longStarts[qa] = (this.longStarts[qa] as number) | (1 << (c.text.length - 5));
    }
    if (this.longTable.size === 0) return;
    for (const { doc, title, body } of sample) this.write(doc, this.fill(title, body, this.bigramIdsOf(title, body), true), true);
  }

  private clearCounts(): void {
    for (const id of this.docGrams) {
      this.docTf[id] = 0;
      this.docTitleTf[id] = 0;
    }
    this.docGrams.length = 0;
  }
}

/** Table key of a long gram of `n` made of the 4-grams `qa` (at its start) and `qb` (at n − 4): gram ids below 2^26. */
function longKey(qa: number, n: number, qb: number): number {
  return qa * 2 ** 28 + (n - 5) * 2 ** 26 + qb;
}

