/**
 * What the search page can answer besides documents: the site's own places, metrics and topics. The build
 * writes a small vocabulary of them (`buildAnswerVocabulary`); the browser fetches it and, for a query,
 *
 * - lists **direct answers** — the region, metric or topic pages the query names (资兴 → 资兴市; 低保标准 →
 *   城市低保标准 and 农村低保标准), shown above the documents and never counted as exact results;
 * - when no document contains the query, **splits** it at the names it is made of (资兴低保标准 → 资兴 + 低保标准)
 *   so the parts can be searched together;
 * - **suggests** the term meant by a query in pinyin (`dibao`, `yang lao chuang wei`, initials `dbbz`) or with
 *   one wrong character (低报, 养老床味).
 *
 * Everything here is pure and light (it runs in the browser): answer-vocabulary.ts builds the vocabulary at
 * build time, with the pinyin library the browser never loads.
 */
import { normalise } from './normalise.ts';

export type AnswerKind = 'region' | 'metric' | 'topic';

/** One page the search can point to, with every form a reader may type for it. */
export interface AnswerTerm {
  kind: AnswerKind;
  /** The page's own name, as shown: 资兴市, 城市最低生活保障标准. */
  label: string;
  url: string;
  /** A line under the label: the region's province and city, the metric's latest figure… */
  detail?: string;
  /** Normalised forms that name it (资兴市, 资兴), the label first. */
  forms: string[];
}

/** A word the query may be split into or corrected to, with its pinyin for Latin queries. */
export interface VocabularyWord {
  word: string;
  /** Toneless pinyin, no spaces: dibaobiaozhun. */
  pinyin: string;
  /** First letters of each syllable: dbbz. */
  initials: string;
}

export interface AnswerVocabulary {
  terms: AnswerTerm[];
  words: VocabularyWord[];
}

export interface DirectAnswer {
  term: AnswerTerm;
  /** The form that matched, normalised. */
  form: string;
  /** `equals`: the query is a form; `names`: the query contains the form; `part-of`: a form contains the query. */
  match: 'equals' | 'names' | 'part-of';
}

const matchRank = { equals: 0, names: 1, 'part-of': 2 } as const;
const kindRank = { region: 0, metric: 1, topic: 2 } as const;

/**
 * The pages a query names. A query of one character answers nothing (低 is in too many names to mean one);
 * a form must have two characters to be found inside a longer query.
 */
export function directAnswers(query: string, vocabulary: AnswerVocabulary, limit = 6): DirectAnswer[] {
  const q = normalise(query);
  if ([...q].length < 2) return [];
  const found: DirectAnswer[] = [];
  for (const term of vocabulary.terms) {
    let best: DirectAnswer | undefined;
    for (const form of term.forms) {
      const match = form === q ? 'equals' : [...form].length >= 2 && q.includes(form) ? 'names' : form.includes(q) ? 'part-of' : undefined;
      if (match && (!best || matchRank[match] < matchRank[best.match] || (match === best.match && form.length > best.form.length))) best = { term, form, match };
    }
    if (best) found.push(best);
  }
  return found
    .sort((a, b) => matchRank[a.match] - matchRank[b.match] || b.form.length - a.form.length || kindRank[a.term.kind] - kindRank[b.term.kind] || a.term.label.localeCompare(b.term.label, 'zh-CN'))
    .slice(0, limit);
}

/**
 * The query cut into the names it is made of, for a query no document contains: 资兴低保标准 → [资兴, 低保标准].
 * A part is a piece (two characters or more) of a vocabulary word; one stretch that is no such piece may stay as
 * a part of its own (资兴养老院 → 资兴 + 养老院), so a reader's own word is kept. The cut with the fewest parts
 * wins; a query that is one word, or has no known part, is not split.
 */
export function splitQuery(query: string, vocabulary: AnswerVocabulary): string[] | undefined {
  const chars = [...normalise(query)];
  if (chars.length < 4) return undefined;
  const pieces = knownPieces(vocabulary);
  // best[unknown][i]: the cut of chars[0..i) with the fewest parts, using `unknown` (0 or 1) unknown parts.
  const best: (string[] | undefined)[][] = [[[]], []];
  for (let end = 2; end <= chars.length; end += 1) {
    for (let start = 0; start <= end - 2; start += 1) {
      const part = chars.slice(start, end).join('');
      const known = pieces.has(part);
      if (!known && start === 0 && end === chars.length) continue;
      for (const unknownBefore of [0, 1]) {
        const before = best[unknownBefore]![start];
        if (!before) continue;
        const unknown = unknownBefore + (known ? 0 : 1);
        if (unknown > 1) continue;
        const current = best[unknown]![end];
        if (!current || before.length + 1 < current.length) best[unknown]![end] = [...before, part];
      }
    }
  }
  // A cut with no unknown part beats one with; either has two parts or more, so one at least is known.
  return [best[0]![chars.length], best[1]![chars.length]].find((parts) => parts !== undefined && parts.length >= 2);
}

const piecesCache = new WeakMap<AnswerVocabulary, Set<string>>();

/** Every stretch of two characters or more of every vocabulary word. */
function knownPieces(vocabulary: AnswerVocabulary): Set<string> {
  let pieces = piecesCache.get(vocabulary);
  if (pieces) return pieces;
  pieces = new Set();
  for (const { word } of vocabulary.words) {
    const chars = [...word];
    for (let start = 0; start < chars.length; start += 1) for (let end = start + 2; end <= chars.length; end += 1) pieces.add(chars.slice(start, end).join(''));
  }
  piecesCache.set(vocabulary, pieces);
  return pieces;
}

/**
 * The words a query probably meant: a Latin query read as pinyin (full, any spacing or tone marks or tone
 * digits, or the initials of a word of three characters or more), or a Chinese query one character away from a
 * word of the same length. Best first; none when the query is a word itself.
 */
export function suggestions(query: string, vocabulary: AnswerVocabulary, limit = 3): string[] {
  const q = normalise(query);
  if (!q) return [];
  if (/^[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü0-9'\s-]+$/iu.test(query.trim())) return pinyinSuggestions(query, vocabulary, limit);
  const chars = [...q];
  if (chars.length < 2 || vocabulary.words.some((w) => w.word === q)) return [];
  const near: { word: string; length: number }[] = [];
  for (const { word } of vocabulary.words) {
    const other = [...word];
    if (other.length !== chars.length) continue;
    let differences = 0;
    for (let i = 0; i < chars.length && differences <= 1; i += 1) if (chars[i] !== other[i]) differences += 1;
    if (differences === 1) near.push({ word, length: other.length });
  }
  return near.sort((a, b) => b.length - a.length || a.word.localeCompare(b.word, 'zh-CN')).slice(0, limit).map((n) => n.word);
}

function pinyinSuggestions(query: string, vocabulary: AnswerVocabulary, limit: number): string[] {
  const latin = query
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ü/g, 'v')
    .replace(/[^a-z]/g, '');
  if (latin.length < 2) return [];
  const scored: { word: string; rank: number }[] = [];
  for (const entry of vocabulary.words) {
    if (entry.pinyin === latin) scored.push({ word: entry.word, rank: 0 });
    else if (entry.initials === latin && latin.length >= 3) scored.push({ word: entry.word, rank: 1 });
    else if (latin.length >= 4 && entry.pinyin.startsWith(latin)) scored.push({ word: entry.word, rank: 2 });
  }
  // A word the query spells in full or by initials hides words it only begins (yanglaochuangwei: not 养老床位总数).
  const firstRank = Math.min(...scored.map((s) => s.rank));
  return scored
    .filter((s) => s.rank === firstRank || s.rank < 2)
    .sort((a, b) => a.rank - b.rank || a.word.length - b.word.length || a.word.localeCompare(b.word, 'zh-CN'))
    .slice(0, limit)
    .map((s) => s.word);
}
