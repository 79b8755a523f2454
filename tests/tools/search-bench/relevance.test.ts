/** The search bench's scoring: percentiles, substring truth, precision and recall, Pagefind's quoted form. */
import { describe, expect, it } from 'vitest';
import { pagefindPhraseQuery, percentile, queryRelevance, spread, SubstringTruth, summariseRelevance } from '../../../tools/search-bench/relevance.ts';

describe('percentiles over the query set', () => {
  it('takes the nearest rank, so p95 of twenty values is the nineteenth smallest', () => {
    const values = Array.from({ length: 20 }, (_, i) => 20 - i);
    expect(percentile(values, 50)).toBe(10);
    expect(percentile(values, 95)).toBe(19);
    expect(percentile(values, 100)).toBe(20);
  });

  it('gives 0 for no values instead of NaN or -Infinity', () => {
    expect(percentile([], 95)).toBe(0);
    expect(spread([])).toEqual({ p50: 0, p95: 0, max: 0 });
  });

  it('reports p50, p95 and max together', () => {
    expect(spread([3, 1, 2, 100])).toEqual({ p50: 2, p95: 100, max: 100 });
  });
});

describe('substring truth', () => {
  it('counts a document when every part is in its normalised title or body, as --verify does', () => {
    const truth = new SubstringTruth(['低保标准', '低保 养老', 'ＩＰｖ６', '龘龘', '   ']);
    truth.add('/a/', '城市低保标\n准', '正文');
    truth.add('/b/', '题目', '低保和养老服务');
    truth.add('/c/', 'ipv6 网络', '');
    expect(truth.relevant).toEqual([['/a/'], ['/b/'], ['/c/'], [], []]);
  });

  it('does not match a query across the join of title and body', () => {
    const truth = new SubstringTruth(['标准低保']);
    truth.add('/a/', '城市低保标准', '低保对象');
    expect(truth.relevant).toEqual([[]]);
  });
});

describe('precision and recall of one query', () => {
  it('scores returned pages against the relevant ones, each URL once', () => {
    expect(queryRelevance('低保', ['/a/', '/b/', '/b/', '/x/'], ['/a/', '/b/', '/c/', '/d/'])).toEqual({
      query: '低保',
      returned: 3,
      relevant: 4,
      hits: 2,
      precision: 2 / 3,
      recall: 2 / 4,
    });
  });

  it('leaves precision undefined when nothing is returned and recall undefined when nothing is relevant', () => {
    expect(queryRelevance('本条例自', [], ['/a/'])).toMatchObject({ precision: undefined, recall: 0 });
    expect(queryRelevance('龘龘', ['/a/'], [])).toMatchObject({ precision: 0, recall: undefined });
    expect(queryRelevance('龘龘', [], [])).toMatchObject({ precision: undefined, recall: undefined });
  });
});

describe('precision and recall over the query set', () => {
  const rows = [
    queryRelevance('低保', ['/a/', '/b/'], ['/a/', '/b/']),
    queryRelevance('养老', ['/a/', '/x/', '/y/', '/z/'], ['/a/']),
    queryRelevance('本条例自', [], ['/a/', '/b/', '/c/']),
    queryRelevance('龘龘', ['/a/', '/b/', '/c/'], []),
    queryRelevance('𪚥𪚥', ['/a/'], []),
    queryRelevance('驫驫', [], []),
  ];
  const summary = summariseRelevance(rows);

  it('averages precision over the queries that returned pages and recall over those some document holds', () => {
    // precision: 低保 1, 养老 0.25, 龘龘 0, 𪚥𪚥 0; recall: 低保 1, 养老 1, 本条例自 0.
    expect(summary.meanPrecision).toBeCloseTo(1.25 / 4, 10);
    expect(summary.meanRecall).toBeCloseTo(2 / 3, 10);
  });

  it('counts exact queries, an empty answer to a query in no document among them', () => {
    expect(summary.exact).toBe(2);
    expect(summary.queries).toBe(6);
  });

  it('names the queries in no document that still returned pages, and how many pages', () => {
    expect(summary.absent).toBe(3);
    expect(summary.absentWithResults).toEqual({ queries: ['龘龘', '𪚥𪚥'], minReturned: 1, maxReturned: 3 });
  });

  it('names the queries that occur but found none of their documents', () => {
    expect(summary.present).toBe(3);
    expect(summary.presentWithNoHit).toEqual([{ query: '本条例自', relevant: 3 }]);
  });

  it('has no means and no ranges when the query set is empty', () => {
    expect(summariseRelevance([])).toMatchObject({ meanPrecision: undefined, meanRecall: undefined, exact: 0, absentWithResults: { queries: [], minReturned: 0, maxReturned: 0 } });
  });
});

describe('a query as a Pagefind exact phrase', () => {
  it('quotes each part, so every part must occur as a phrase', () => {
    expect(pagefindPhraseQuery('本条例自')).toBe('"本条例自"');
    expect(pagefindPhraseQuery(' 低保  标准 ')).toBe('"低保" "标准"');
  });

  it('drops double quotes the reader typed, which Pagefind cannot take inside a phrase', () => {
    expect(pagefindPhraseQuery('"低保"标准')).toBe('"低保标准"');
    expect(pagefindPhraseQuery('"')).toBe('');
  });
});
