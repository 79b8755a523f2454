/**
 * Query evaluation against postings made straight from the texts by a plain scan (not by the builder), so the
 * expected answers come from counting substrings, independent of the position check under test.
 */
import { describe, expect, it } from 'vitest';
import { facetKey } from '../../../src/domain/search/format.ts';
import type { PostingSource } from '../../../src/domain/search/posting-source.ts';
import type { DocPosting, PositionPosting } from '../../../src/domain/search/postings.ts';
import { allCommon, allowedDocs, cheapestCover, coverKeys, intersect, matchAll, matchPart, unionDocs, type MatchSet } from '../../../src/domain/search/query.ts';

interface Text {
  title: string;
  body: string;
}

/**
 * Postings of every unigram and bigram of `texts` (positions in "title ␟ body"), of every 3- and 4-gram made
 * only of the `common` bigrams or in `frequent` (the phrase grams the builder writes), plus the given facet doc lists.
 */
function scannedSource(
  texts: Text[],
  facets: Record<string, number[]> = {},
  common: ReadonlySet<string> = new Set(),
  frequent: ReadonlySet<string> = new Set(),
  priced = false,
): PostingSource & { positionFetches: string[]; docFetches: string[] } {
  const table = new Map<string, { docs: number[]; tf: number[]; titleTf: number[]; pos: number[][] }>();
  const add = (key: string, doc: number, position: number, inTitle: boolean) => {
    let t = table.get(key);
    if (!t) table.set(key, (t = { docs: [], tf: [], titleTf: [], pos: [] }));
    if (t.docs[t.docs.length - 1] !== doc) {
      t.docs.push(doc);
      t.tf.push(0);
      t.titleTf.push(0);
      t.pos.push([]);
    }
    const i = t.docs.length - 1;
    t.tf[i]!++;
    if (inTitle) t.titleTf[i]!++;
    t.pos[i]!.push(position);
  };
  texts.forEach(({ title, body }, doc) => {
    for (const [segment, base] of [[title, 0], [body, title.length + 1]] as const) {
      for (let i = 0; i < segment.length; i++) add(segment[i]!, doc, base + i, base === 0);
      for (let i = 0; i + 1 < segment.length; i++) add(segment.slice(i, i + 2), doc, base + i, base === 0);
      for (const n of [3, 4]) {
        for (let i = 0; i + n <= segment.length; i++) if (allCommon(segment.slice(i, i + n), common) || frequent.has(segment.slice(i, i + n))) add(segment.slice(i, i + n), doc, base + i, base === 0);
      }
    }
  });
  for (const [key, docs] of Object.entries(facets)) table.set(key, { docs, tf: docs.map(() => 0), titleTf: docs.map(() => 0), pos: [] });
  const positionFetches: string[] = [];
  const docFetches: string[] = [];
  // Priced like an index whose every gram is external: a section costs its positions, a lookup nothing.
  const pricing: Pick<PostingSource, 'sectionCost' | 'lookupCost'> = priced
    ? { sectionCost: async (key) => { const t = table.get(key); return t ? t.docs.length + t.pos.flat().length : null; }, lookupCost: () => 0 }
    : {};
  return {
    positionFetches,
    docFetches,
    ...pricing,
    async docPosting(key) {
      docFetches.push(key);
      const t = table.get(key);
      return t ? { docs: Int32Array.from(t.docs), tf: Int32Array.from(t.tf), titleTf: Int32Array.from(t.titleTf) } : null;
    },
    async positionPosting(key, docs: DocPosting): Promise<PositionPosting> {
      positionFetches.push(key);
      const t = table.get(key)!;
      expect([...docs.docs]).toEqual(t.docs);
      const start = [0];
      for (const p of t.pos) start.push(start[start.length - 1]! + p.length);
      return { start: Int32Array.from(start), pos: Int32Array.from(t.pos.flat()) };
    },
  };
}

/** Occurrences of `part` in `text`, overlapping ones included. */
function occurrences(text: string, part: string): number {
  let n = 0;
  for (let i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) n++;
  return n;
}

function truth(texts: Text[], part: string): Array<[doc: number, count: number, inTitle: number]> {
  return texts
    .map(({ title, body }, doc): [number, number, number] => [doc, occurrences(title, part) + occurrences(body, part), title.includes(part) ? 1 : 0])
    .filter(([, count]) => count > 0);
}

const rows = (set: MatchSet) => [...set.docs].map((doc, i): [number, number, number] => [doc, set.counts[i]!, set.titleParts[i]!]);

const texts: Text[] = [
  { title: '低保工作要点', body: '提高城乡低保标准，农村低保标准每人每月550元。' },
  { title: '最低生活保障', body: '最低生活保障标准提高到每月800元。低保标准同步提高。' },
  { title: '哈哈哈哈哈', body: '哈哈哈，哈哈哈哈。' },
  { title: '养老服务', body: '新增护理型床位300张，养老床位总数达到1.9万张。' },
  { title: '社会救助', body: '低保、特困审核确认。低保边缘家庭认定。低保低保低保' },
];

describe('query evaluation', () => {
  it('counts every part as a plain substring scan does, for every substring of the texts up to 7 characters', async () => {
    const source = scannedSource(texts);
    const parts = new Set<string>();
    for (const { title, body } of texts) {
      for (const text of [title, body]) for (let i = 0; i < text.length; i++) for (let n = 1; n <= 7 && i + n <= text.length; n++) parts.add(text.slice(i, i + n));
    }
    for (const part of parts) expect(rows(await matchPart(source, part)), part).toEqual(truth(texts, part));
  });

  it('finds nothing for a string in no text, even when each of its bigrams occurs somewhere', async () => {
    const source = scannedSource(texts);
    for (const part of ['准低保', '低保工作标准', '要点提高', '龘', '哈哈哈哈哈哈哈']) expect(rows(await matchPart(source, part)), part).toEqual(truth(texts, part));
  });

  it('does not match across the join of title and body', async () => {
    expect(rows(await matchPart(scannedSource(texts), '要点提高'))).toEqual([]);
    expect(rows(await matchPart(scannedSource(texts), '点提'))).toEqual([]);
  });

  it('fetches no positions when a covering bigram occurs nowhere, or the bigrams share no document', async () => {
    const source = scannedSource(texts);
    await matchPart(source, '低保龘龘');
    await matchPart(source, '哈哈养老');
    expect(source.positionFetches).toEqual([]);
  });

  it('requires every part and adds their counts and title parts', async () => {
    const source = scannedSource(texts);
    expect(rows(await matchAll(source, ['低保', '标准']))).toEqual([
      [0, 3 + 2, 1],
      [1, 1 + 2, 0],
    ]);
    expect(rows(await matchAll(source, ['低保', '龘']))).toEqual([]);
  });

  it('covers a part with bigrams at even offsets and one at the end when it has no phrase gram', () => {
    const none = () => false;
    expect(coverKeys('最低生', none)).toEqual([{ offset: 0, key: '最低' }, { offset: 1, key: '低生' }]);
    expect(coverKeys('最低生活', none).map((k) => k.offset)).toEqual([0, 2]);
    expect(coverKeys('最低生活保障标', none)).toEqual([
      { offset: 0, key: '最低' },
      { offset: 2, key: '生活' },
      { offset: 3, key: '活保' },
      { offset: 5, key: '障标' },
    ]);
  });

  it('covers a window with its phrase gram when the index has one, and every character with some gram', () => {
    const phrases = new Set(['最低生活', '生活保障', '救助管理']);
    const isPhrase = (gram: string) => phrases.has(gram);
    expect(coverKeys('最低生活保障标准', isPhrase)).toEqual([
      { offset: 0, key: '最低生活' },
      { offset: 4, key: '保障' },
      { offset: 6, key: '标准' },
    ]);
    expect(coverKeys('最低生活保障', isPhrase)).toEqual([
      { offset: 0, key: '最低生活' },
      { offset: 2, key: '生活保障' },
    ]);
    const facilities = new Set(['特困人员', '服务设施']);
    expect(coverKeys('特困人员供养服务设施', (gram) => facilities.has(gram))).toEqual([
      { offset: 0, key: '特困人员' },
      { offset: 4, key: '供养' },
      { offset: 6, key: '服务设施' },
    ]);
    for (const part of ['最低生活保障标准', '低生活保障', '生活保障标准制度', '最低生活保', '救助管理站']) {
      const covered = new Set<number>();
      for (const { offset, key } of coverKeys(part, isPhrase)) {
        expect(part.slice(offset, offset + key.length)).toBe(key);
        for (let i = 0; i < key.length; i++) covered.add(offset + i);
      }
      expect(covered.size, part).toBe(part.length);
    }
  });

  it('counts every part as a plain substring scan does when phrase grams stand in for common bigrams', async () => {
    const all = texts.map((t) => t.title + t.body).join('');
    const everyBigram = new Set(Array.from({ length: all.length - 1 }, (_, i) => all.slice(i, i + 2)));
    const some = new Set(['低保', '保标', '标准', '哈哈', '生活', '活保', '保障']);
    const frequent = new Set(['低保标准', '提高城乡', '城乡低保', '最低生活', '低保边缘', '边缘家庭', '审核确认', '准同步提']);
    for (const [common, extra, priced] of [
      [some, new Set<string>(), false],
      [everyBigram, new Set<string>(), false],
      [some, frequent, false],
      [new Set<string>(), frequent, false],
      [some, frequent, true],
      [new Set<string>(), frequent, true],
      [everyBigram, new Set<string>(), true],
    ] as const) {
      const source = scannedSource(texts, {}, common, extra, priced);
      const parts = new Set<string>(['低保标准低保', '哈哈哈哈哈哈哈', '低保低保低保低', '保障标准提高到每月', '低保标准同步提高龘']);
      for (const { title, body } of texts) {
        for (const text of [title, body]) for (let i = 0; i < text.length; i++) for (let n = 3; n <= 9 && i + n <= text.length; n++) parts.add(text.slice(i, i + n));
      }
      for (const part of parts) expect(rows(await matchPart(source, part, common)), part).toEqual(truth(texts, part));
    }
  });

  it('answers a part of 3–4 common bigrams from its phrase gram alone, and one in no document with no positions', async () => {
    const common = new Set(['低保', '保标', '标准', '准低']);
    const source = scannedSource(texts, {}, common);
    expect(rows(await matchPart(source, '低保标准', common))).toEqual(truth(texts, '低保标准'));
    expect(rows(await matchPart(source, '准低保', common))).toEqual([]);
    expect(source.docFetches).toEqual(['低保标准', '准低保']);
    expect(source.positionFetches).toEqual([]);
  });

  it('verifies a longer part with the positions of its windows\' phrase grams, not of their bigrams', async () => {
    const source = scannedSource(texts, {}, new Set(), new Set(['低保边缘', '边缘家庭']));
    expect(rows(await matchPart(source, '低保边缘家庭'))).toEqual(truth(texts, '低保边缘家庭'));
    expect(source.positionFetches.sort()).toEqual(['低保边缘', '边缘家庭']);
  });

  it('chooses the cover with the fewest bytes of sections, ties to fewer grams, and none that leaves a character out', () => {
    const gram = (offset: number, key: string, bytes: number) => ({ offset, key, bytes });
    // 违反本条例: two heavy 4-grams, or one of them and a light bigram at the end.
    const grams = [gram(0, '违反', 900), gram(1, '反本', 50), gram(3, '条例', 5), gram(0, '违反本条', 40), gram(1, '反本条例', 40)];
    expect(cheapestCover(5, grams)).toEqual([{ offset: 0, key: '违反本条' }, { offset: 3, key: '条例' }]);
    expect(cheapestCover(4, [gram(0, 'ab', 0), gram(1, 'bc', 0), gram(2, 'cd', 0)])).toEqual([{ offset: 0, key: 'ab' }, { offset: 2, key: 'cd' }]);
    expect(cheapestCover(5, [gram(0, 'ab', 1), gram(3, 'de', 1)])).toBeNull();
  });

  it('verifies a part with the lightest grams the index prices, and still counts exactly', async () => {
    const heavy: Text[] = [
      { title: '违反本条例', body: '违反本条例规定的，违反本条例第二条。条例条例条例条例条例。' },
      { title: '条例', body: '违反本条款的；本条例自公布之日起施行。条例条例条例。' },
      { title: '其他', body: '违反本条例。条例条例条例条例。违反规定，违反规定，违反规定。' },
    ];
    const source = scannedSource(heavy, {}, new Set(), new Set(['违反本条', '反本条例']), true);
    expect(rows(await matchPart(source, '违反本条例'))).toEqual(truth(heavy, '违反本条例'));
    // Priced at docs + positions: 违反本条 8 + 反本条例 6 is lighter than 违反 11 + 反本条例 6, or anything with 条例 (21).
    expect(source.positionFetches.sort()).toEqual(['反本条例', '违反本条']);
    const light = scannedSource(heavy, {}, new Set(), new Set(['违反本条', '本条例']), true);
    expect(rows(await matchPart(light, '违反本条例'))).toEqual(truth(heavy, '违反本条例'));
    // 违反本条 8 + 本条例 8 against 违反 11 + 本条例 8, or 违反本条 8 + 条例 21.
    expect(light.positionFetches.sort()).toEqual(['本条例', '违反本条']);
  });

  it('lets filters through as the union within a facet and the intersection across facets', async () => {
    const source = scannedSource(texts, { [facetKey('year', '2022')]: [0, 2], [facetKey('year', '2023')]: [3], [facetKey('kind', 'plan')]: [0, 3, 4] });
    expect(await allowedDocs(source, [])).toBeNull();
    expect([...(await allowedDocs(source, [[facetKey('year', '2022'), facetKey('year', '2023')]]))!]).toEqual([0, 2, 3]);
    expect([...(await allowedDocs(source, [[facetKey('year', '2022'), facetKey('year', '2023')], [facetKey('kind', 'plan')]]))!]).toEqual([0, 3]);
    expect([...(await allowedDocs(source, [[facetKey('year', '1999')]]))!]).toEqual([]);
  });

  it('intersects and unites sorted doc lists', () => {
    const set = (docs: number[], count = 1): MatchSet => ({ docs: Int32Array.from(docs), counts: Int32Array.from(docs.map(() => count)), titleParts: Int32Array.from(docs.map(() => 1)) });
    expect(rows(intersect(set([1, 3, 5, 9]), set([3, 4, 9], 2)))).toEqual([
      [3, 3, 2],
      [9, 3, 2],
    ]);
    expect([...unionDocs([Int32Array.of(1, 5), Int32Array.of(2, 5, 8)])]).toEqual([1, 2, 5, 8]);
  });
});
