/**
 * The builder's grams: each unigram, bigram, phrase gram and facet key gets an id in order of first appearance, and its
 * code, kind and shard live in typed arrays indexed by that id, so the hot loop touches no per-gram object.
 */
import { GRAM_BIGRAM, GRAM_FACET, GRAM_PHRASE, GRAM_UNIGRAM, gramShard } from './format.ts';

/** A growable Int32Array. */
export function grownInt32(array: Int32Array<ArrayBuffer>, need: number): Int32Array<ArrayBuffer> {
  if (need <= array.length) return array;
  const grown = new Int32Array(Math.max(need, array.length * 2));
  grown.set(array);
  return grown;
}

/**
 * Gram key → gram id, open addressing over typed arrays. A Map with bigram keys (up to 2^32, outside V8's
 * small integers) costs a heap number and a hash per character; this table is several times faster.
 */
export class GramTable {
  /** Pairs [key, id + 1] (0: empty slot), side by side so a probe touches one cache line. */
  private pairs = new Int32Array(1 << 17);
  private mask = (1 << 16) - 1;
  private shift = 16;
  size = 0;

  private slotOf(key: number): number {
    // Multiplicative hashing: the high bits of the product mix both characters.
    let i = Math.imul(key, 0x9e3779b1) >>> this.shift;
    while (this.pairs[2 * i + 1] !== 0 && this.pairs[2 * i] !== key) i = (i + 1) & this.mask;
    return i;
  }

  /** The id of `key`, or -1. */
  get(key: number): number {
    return (this.pairs[2 * this.slotOf(key | 0) + 1] as number) - 1;
  }

  set(key: number, id: number): void {
    if ((this.size + 1) * 4 > this.pairs.length) this.grow();
    const i = this.slotOf(key | 0);
    this.pairs[2 * i] = key | 0;
    this.pairs[2 * i + 1] = id + 1;
    this.size++;
  }

  private grow(): void {
    const old = this.pairs;
    this.pairs = new Int32Array(old.length * 2);
    this.mask = this.pairs.length / 2 - 1;
    this.shift--;
    for (let j = 0; j < old.length; j += 2) {
      if (old[j + 1] === 0) continue;
      const i = this.slotOf(old[j] as number);
      this.pairs[2 * i] = old[j] as number;
      this.pairs[2 * i + 1] = old[j + 1] as number;
    }
  }
}

/** The text of a bigram code c1·65536 + c2. */
export function bigramText(code: number): string {
  return String.fromCharCode(Math.floor(code / 65536), code % 65536);
}

/** Most bigrams phrase grams may be made of: a phrase gram's table key holds two of their indexes in 30 bits. */
export const MAX_PHRASE_BIGRAMS = 32767;
/** A 4-gram's code is offset by this, above every trigram code (c1·2^32 + c2·2^16 + c3 < 2^48). */
const QUADGRAM_BASE = 2 ** 48;

export class GramRegistry {
  /** Number of grams so far; ids are 0 … size − 1. */
  size = 0;
  /**
   * Unigram code (c), bigram code (c1·65536 + c2), facet number, or a phrase gram's: a trigram's
   * c1·2^32 + c2·2^16 + c3, a 4-gram's 2^48 + (phrase-bigram index of c1c2)·2^32 + (bigram code of c3c4); by gram id.
   */
  code = new Float64Array(1 << 16);
  /** GRAM_UNIGRAM, GRAM_BIGRAM, GRAM_PHRASE or GRAM_FACET, by gram id. */
  kind = new Uint8Array(1 << 16);
  /** Shard of the gram's key, by gram id. */
  shard = new Int32Array(1 << 16);
  private readonly shards: number;
  private readonly unigramIds = new Int32Array(65536).fill(-1);
  private readonly bigramIds = new GramTable();
  private readonly trigramIds = new GramTable();
  private readonly quadgramIds = new GramTable();
  /** Edge trigrams (phrase-indexer.ts, rule 4) by (common phrase-bigram index)·65536 + the code unit after it … */
  private readonly edgeAfterIds = new GramTable();
  /** … or before it. */
  private readonly edgeBeforeIds = new GramTable();
  /** Bigram codes of the bigrams phrase grams may be made of, by phrase-bigram index (phrase-indexer.ts chooses them). */
  phraseCodes: number[] = [];
  private readonly facetIds = new Map<string, number>();
  private readonly facetKeys = new Map<number, string>();
  /** Long phrase grams (5–8 code units, phrase-indexer.ts): text by id, id by text. Their code is −1 − index. */
  private readonly longKeys = new Map<number, string>();
  private readonly longIds = new Map<string, number>();

  constructor(shards: number) {
    this.shards = shards;
  }

  /** Id of the unigram of code unit `c`, made on first use. */
  unigram(c: number): number {
    const id = this.unigramIds[c] as number;
    if (id >= 0) return id;
    return (this.unigramIds[c] = this.add(c, GRAM_UNIGRAM, String.fromCharCode(c)));
  }

  /** Id of the bigram of code c1·65536 + c2, made on first use. */
  bigram(code: number): number {
    const id = this.bigramIds.get(code);
    if (id >= 0) return id;
    const made = this.add(code, GRAM_BIGRAM, bigramText(code));
    this.bigramIds.set(code, made);
    return made;
  }

  /**
   * Id of the trigram whose bigrams are phrase bigrams `first` (c1c2) and `second` (c2c3), made on first use;
   * with `create` false, -1 when it has none.
   */
  trigram(first: number, second: number, create = true): number {
    const key = first * (MAX_PHRASE_BIGRAMS + 1) + second;
    const id = this.trigramIds.get(key);
    if (id >= 0 || !create) return id;
    const made = this.add((this.phraseCodes[first] as number) * 65536 + ((this.phraseCodes[second] as number) % 65536), GRAM_PHRASE, '');
    this.trigramIds.set(key, made);
    return made;
  }

  /**
   * Id of the 4-gram whose first and last bigrams are phrase bigrams `first` (c1c2) and `last` (c3c4), made on
   * first use; with `create` false, -1 when it has none.
   */
  quadgram(first: number, last: number, create = true): number {
    const key = first * (MAX_PHRASE_BIGRAMS + 1) + last;
    const id = this.quadgramIds.get(key);
    if (id >= 0 || !create) return id;
    const made = this.add(QUADGRAM_BASE + first * 2 ** 32 + (this.phraseCodes[last] as number), GRAM_PHRASE, '');
    this.quadgramIds.set(key, made);
    return made;
  }

  /**
   * Id of the edge trigram c1c2c3 whose first bigram is the common phrase bigram `first` (c1c2) and whose
   * second is no phrase bigram, made on first use.
   */
  edgeTrigramAfter(first: number, c3: number): number {
    return this.edgeTrigram(this.edgeAfterIds, first * 65536 + c3, (this.phraseCodes[first] as number) * 65536 + c3);
  }

  /**
   * Id of the edge trigram c1c2c3 whose second bigram is the common phrase bigram `second` (c2c3) and whose
   * first is no phrase bigram, made on first use.
   */
  edgeTrigramBefore(c1: number, second: number): number {
    return this.edgeTrigram(this.edgeBeforeIds, second * 65536 + c1, c1 * 2 ** 32 + (this.phraseCodes[second] as number));
  }

  /** The edge trigram of table key `key` and trigram code `code`, made on first use. */
  private edgeTrigram(table: GramTable, key: number, code: number): number {
    const id = table.get(key);
    if (id >= 0) return id;
    const made = this.add(code, GRAM_PHRASE, '');
    table.set(key, made);
    return made;
  }

  /** Id of the long phrase gram `text` (5–8 code units), made on first use. */
  longgram(text: string): number {
    let id = this.longIds.get(text);
    if (id === undefined) {
      this.longKeys.set(this.size, text);
      id = this.add(-1 - this.longIds.size, GRAM_PHRASE, text);
      this.longIds.set(text, id);
    }
    return id;
  }

  /** Whether gram `id` is a long phrase gram. */
  isLong(id: number): boolean {
    return (this.code[id] as number) < 0;
  }

  /** Id of a facet key (`facetKey()`), made on first use. */
  facet(key: string): number {
    let id = this.facetIds.get(key);
    if (id === undefined) {
      id = this.add(this.facetIds.size, GRAM_FACET, key);
      this.facetIds.set(key, id);
      this.facetKeys.set(id, key);
    }
    return id;
  }

  /** The key a gram is stored under in its shard. */
  key(id: number): string {
    const kind = this.kind[id] as number;
    const code = this.code[id] as number;
    if (kind === GRAM_UNIGRAM) return String.fromCharCode(code);
    if (kind === GRAM_BIGRAM) return bigramText(code);
    if (kind === GRAM_PHRASE) return code < 0 ? (this.longKeys.get(id) ?? '') : phraseText(code, this.phraseCodes);
    return this.facetKeys.get(id) ?? '';
  }

  /** `key` is the gram's text; a phrase gram passes '' and is hashed from its text, made from `code`. */
  private add(code: number, kind: number, key: string): number {
    const id = this.size++;
    if (id >= this.code.length) {
      const code = new Float64Array(this.code.length * 2);
      code.set(this.code);
      this.code = code;
      const kind = new Uint8Array(this.kind.length * 2);
      kind.set(this.kind);
      this.kind = kind;
      this.shard = grownInt32(this.shard, this.code.length);
    }
    this.code[id] = code;
    this.kind[id] = kind;
    this.shard[id] = gramShard(kind === GRAM_PHRASE && code >= 0 ? phraseText(code, this.phraseCodes) : key, this.shards);
    return id;
  }
}

/** The text of a phrase gram's code (see `GramRegistry.code`). */
function phraseText(code: number, phraseCodes: readonly number[]): string {
  if (code < QUADGRAM_BASE) return String.fromCharCode(Math.floor(code / 2 ** 32), Math.floor(code / 65536) % 65536, code % 65536);
  const rest = code - QUADGRAM_BASE;
  return bigramText(phraseCodes[Math.floor(rest / 2 ** 32)] as number) + bigramText(rest % 2 ** 32);
}
