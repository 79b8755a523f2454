/** Result order on its own: match sets and dates in, ranked candidates out. */
import { describe, expect, it } from 'vitest';
import type { RelatedForm } from '../../../src/domain/search/abbreviations.ts';
import type { MatchSet } from '../../../src/domain/search/query.ts';
import { collectCandidates, dateNeeds, docsToDate, rankPage, type Candidate } from '../../../src/domain/search/ranking.ts';

/** A match set from rows [doc, count, titleParts]. */
const set = (...rows: Array<[number, number, number]>): MatchSet => ({
  docs: Int32Array.from(rows.map((r) => r[0])),
  counts: Int32Array.from(rows.map((r) => r[1])),
  titleParts: Int32Array.from(rows.map((r) => r[2])),
});
const dates: Record<number, number> = { 0: 100, 1: 300, 2: 200, 3: 300, 4: 50, 5: 0, 6: 400 };
const dateOf = (doc: number) => dates[doc] ?? 0;
const form = (part: string, partIndex = 0): RelatedForm => ({ form: '最低生活保障', replaces: '低保', part, partIndex });

/** Every result ranked, split into the exact and the related ones. */
function rankCandidates(candidates: { exact: Candidate[]; related: Candidate[][] }, dateOf: (doc: number) => number, sort?: 'relevance' | 'date') {
  const { exactCount, page } = rankPage(candidates, dateOf, sort);
  return { exact: page.slice(0, exactCount), related: page.slice(exactCount) };
}

describe('ranking', () => {
  const exact = set([0, 2, 0], [1, 2, 0], [2, 5, 0], [3, 1, 1], [4, 2, 0]);

  it('ranks title matches first, then more occurrences, then newer, then index order', () => {
    const ranked = rankCandidates(collectCandidates(['低保'], exact, [], [], null), dateOf);
    expect(ranked.exact.map((c) => c.doc)).toEqual([3, 2, 1, 0, 4]);
    const tie = rankCandidates(collectCandidates(['低保'], set([6, 1, 0], [5, 1, 0], [7, 1, 0]), [], [], null), () => 0);
    expect(tie.exact.map((c) => c.doc)).toEqual([5, 6, 7]);
  });

  it('sorts newest first when asked, relevance breaking ties', () => {
    const ranked = rankCandidates(collectCandidates(['低保'], exact, [], [], null), dateOf, 'date');
    expect(ranked.exact.map((c) => [c.doc, c.date])).toEqual([
      [3, 300],
      [1, 300],
      [2, 200],
      [0, 100],
      [4, 50],
    ]);
  });

  it('lists related results after, per form in the order tried, never repeating a document', () => {
    const forms = [form('最低生活保障标准'), form('最低生活保障标准', 0)];
    const candidates = collectCandidates(['低保标准'], set([0, 1, 0]), forms, [set([0, 1, 0], [4, 1, 0], [6, 1, 0]), set([4, 3, 0], [5, 9, 1])], null);
    const ranked = rankCandidates(candidates, dateOf);
    expect(ranked.exact.map((c) => c.doc)).toEqual([0]);
    expect(ranked.related.map((c) => [c.doc, c.related === forms[0] ? 0 : 1])).toEqual([
      [6, 0],
      [4, 0],
      [5, 1],
    ]);
    expect(ranked.related[0]?.parts).toEqual(['最低生活保障标准']);
  });

  it('puts the related form in place of the part it replaces, keeping the other parts', () => {
    const candidates = collectCandidates(['养老', '低保'], set(), [form('最低生活保障', 1)], [set([2, 1, 0])], null);
    expect(candidates.related[0]?.[0]?.parts).toEqual(['养老', '最低生活保障']);
  });

  it('keeps only the documents the filters allow, exact and related', () => {
    const candidates = collectCandidates(['低保'], exact, [form('最低生活保障')], [set([5, 1, 0], [6, 1, 0])], Int32Array.of(1, 3, 6));
    expect(candidates.exact.map((c) => c.doc)).toEqual([1, 3]);
    expect(candidates.related.map((list) => list.map((c) => c.doc))).toEqual([[6]]);
  });

  it('ranks every page the same, by relevance or by date, knowing only the newest `need` of each group dateNeeds names', () => {
    let seed = 0x1b873593;
    const random = (n: number) => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return (seed >>> 0) % n;
    };
    for (let round = 0; round < 300; round++) {
      const rowsOf = (n: number) => Array.from({ length: n }, (_, i): [number, number, number] => [i * 3 + random(3), 1 + random(3), random(2)]);
      const exactRows = rowsOf(random(60));
      const relatedRows = rowsOf(random(30));
      // Few distinct days, so dates tie too (0 is unknown).
      const dateOf = (doc: number) => (doc * 7919) % 7;
      const forms = [form('最低生活保障')];
      const fresh = () => collectCandidates(['低保'], set(...exactRows), forms, [set(...relatedRows)], null);
      const sort = random(2) === 0 ? 'relevance' : 'date';
      const full = rankCandidates(fresh(), dateOf, sort);
      const offset = random(30);
      const limit = 1 + random(12);
      const lazy = fresh();
      // What the recency tiers give: per group, every member at least as new as its need-th newest; others 0.
      const known = new Map<number, number>();
      const fullPage = new Set([...full.exact, ...full.related].slice(offset, offset + limit).map((c) => c.doc));
      for (const { docs, need, onPage } of dateNeeds(lazy, sort, offset, limit)) {
        // A group said to be on the page is on it whatever its dates: its doc-table entries are read anyway.
        if (onPage) for (const doc of docs) expect(fullPage.has(doc), `round ${round}: ${doc} on the page`).toBe(true);
        const days = docs.map(dateOf).sort((a, b) => b - a);
        const cut = days[need - 1] as number;
        for (const doc of docs) if (dateOf(doc) >= cut) known.set(doc, dateOf(doc));
      }
      const ranked = rankCandidates(lazy, (doc) => known.get(doc) ?? 0, sort);
      const page = (r: typeof full) => [...r.exact, ...r.related].slice(offset, offset + limit).map((c) => c.doc);
      expect(page(ranked), `round ${round} (${sort})`).toEqual(page(full));
      // As the client asks: only the page ranked, the rest counted.
      const asked = rankPage(fresh(), (doc) => known.get(doc) ?? 0, sort, offset, limit);
      expect(asked.page.map((c) => c.doc), `round ${round} (${sort}), the page alone`).toEqual(page(full));
      expect([asked.exactCount, asked.relatedCount]).toEqual([full.exact.length, full.related.length]);
    }
  });

  it('ranks every page the same with only the dates docsToDate asks for as with every date', () => {
    // A fixed-seed generator (xorshift), so a failure is reproducible.
    let seed = 0x2545f491;
    const random = (n: number) => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return (seed >>> 0) % n;
    };
    for (let round = 0; round < 200; round++) {
      const rowsOf = (n: number) => Array.from({ length: n }, (_, i): [number, number, number] => [i * 3 + random(3), 1 + random(4), random(2)]);
      const exactRows = rowsOf(random(40));
      const relatedRows = rowsOf(random(40));
      const dateOf = (doc: number) => (doc * 7919) % 13;
      const forms = [form('最低生活保障')];
      const fresh = () => collectCandidates(['低保'], set(...exactRows), forms, [set(...relatedRows)], null);
      const full = rankCandidates(fresh(), dateOf);
      const offset = random(30);
      const limit = 1 + random(12);
      const lazy = fresh();
      const asked = new Set(docsToDate(lazy, 'relevance', offset, limit));
      const ranked = rankCandidates(lazy, (doc) => (asked.has(doc) ? dateOf(doc) : 0));
      const page = (r: typeof full) => [...r.exact, ...r.related].slice(offset, offset + limit).map((c) => c.doc);
      expect(page(ranked), `round ${round}`).toEqual(page(full));
      expect(asked.size).toBeLessThanOrEqual(exactRows.length + relatedRows.length);
    }
    const all = collectCandidates(['低保'], set([0, 1, 0], [1, 2, 0]), [], [], null);
    expect(docsToDate(all, 'date', 0, 1).sort()).toEqual([0, 1]);
    expect(dateNeeds(all, 'date', 0, 1)).toEqual([{ docs: [0, 1], need: 1, onPage: false }]);
    expect(dateNeeds(all, 'date', 0, 2)).toEqual([{ docs: [0, 1], need: 2, onPage: true }]);
    expect(docsToDate(all, 'relevance', 0, 1)).toEqual([1]);
  });
});
