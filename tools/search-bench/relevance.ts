/**
 * Scoring of the search bench, pure: percentiles of a figure over the query set, and how close a search
 * engine's result set comes to substring truth (a document is relevant iff every part of the query, after
 * the project's normalise(), is a substring of its normalised title or body — the truth `--verify` uses).
 */
import { normalise, queryParts } from '../../src/domain/search/index.ts';

/** The p-th percentile (nearest rank) of `values`; 0 for an empty list. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}

/** p50, p95 and max of a figure over the query set. */
export function spread(values: readonly number[]): { p50: number; p95: number; max: number } {
  return { p50: percentile(values, 50), p95: percentile(values, 95), max: values.length === 0 ? 0 : Math.max(...values) };
}

/** Which documents hold a query, by plain substring: the bench's truth. */
export class SubstringTruth {
  private readonly parts: string[][];
  /** Per query, the ids (here: URLs) of the documents that hold it, in the order they were seen. */
  readonly relevant: string[][];

  constructor(queries: readonly string[]) {
    this.parts = queries.map((q) => queryParts(q));
    this.relevant = queries.map(() => []);
  }

  /** Checks one document against every query. */
  add(id: string, title: string, text: string): void {
    const normalisedTitle = normalise(title);
    const normalisedText = normalise(text);
    this.parts.forEach((parts, q) => {
      if (parts.length > 0 && parts.every((p) => normalisedTitle.includes(p) || normalisedText.includes(p))) this.relevant[q]?.push(id);
    });
  }
}

/** How one query's returned documents compare with the relevant ones. */
export interface QueryRelevance {
  query: string;
  returned: number;
  relevant: number;
  /** Returned documents that are relevant. */
  hits: number;
  /** hits / returned; undefined when nothing was returned. */
  precision: number | undefined;
  /** hits / relevant; undefined when no document holds the query. */
  recall: number | undefined;
}

export function queryRelevance(query: string, returned: readonly string[], relevant: readonly string[]): QueryRelevance {
  const relevantSet = new Set(relevant);
  const returnedSet = new Set(returned);
  let hits = 0;
  for (const id of returnedSet) if (relevantSet.has(id)) hits++;
  return {
    query,
    returned: returnedSet.size,
    relevant: relevantSet.size,
    hits,
    precision: returnedSet.size === 0 ? undefined : hits / returnedSet.size,
    recall: relevantSet.size === 0 ? undefined : hits / relevantSet.size,
  };
}

/** Precision and recall of an engine over the query set, with the failures a reader would notice. */
export interface RelevanceSummary {
  queries: number;
  /** Mean precision over the queries that returned something. */
  meanPrecision: number | undefined;
  /** Mean recall over the queries some document holds. */
  meanRecall: number | undefined;
  /** Queries whose result set is exactly the relevant set (empty and empty included). */
  exact: number;
  /** Queries no document holds. */
  absent: number;
  /** Of those, the ones that still returned documents, and how many each (min–max). */
  absentWithResults: { queries: string[]; minReturned: number; maxReturned: number };
  /** Queries some document holds. */
  present: number;
  /** Of those, the ones that returned no relevant document at all. */
  presentWithNoHit: Array<{ query: string; relevant: number }>;
}

const mean = (values: readonly number[]) => (values.length === 0 ? undefined : values.reduce((a, b) => a + b, 0) / values.length);

export function summariseRelevance(rows: readonly QueryRelevance[]): RelevanceSummary {
  const absentRows = rows.filter((r) => r.relevant === 0);
  const absentWithResults = absentRows.filter((r) => r.returned > 0);
  const presentRows = rows.filter((r) => r.relevant > 0);
  return {
    queries: rows.length,
    meanPrecision: mean(rows.flatMap((r) => (r.precision === undefined ? [] : [r.precision]))),
    meanRecall: mean(rows.flatMap((r) => (r.recall === undefined ? [] : [r.recall]))),
    exact: rows.filter((r) => r.hits === r.returned && r.hits === r.relevant).length,
    absent: absentRows.length,
    absentWithResults: {
      queries: absentWithResults.map((r) => r.query),
      minReturned: absentWithResults.length === 0 ? 0 : Math.min(...absentWithResults.map((r) => r.returned)),
      maxReturned: absentWithResults.length === 0 ? 0 : Math.max(...absentWithResults.map((r) => r.returned)),
    },
    present: presentRows.length,
    presentWithNoHit: presentRows.filter((r) => r.hits === 0).map((r) => ({ query: r.query, relevant: r.relevant })),
  };
}

/**
 * The query as a Pagefind exact-phrase search: each white-space part in double quotes, so that a
 * several-part query asks for every part as a phrase, as ours asks for every part as a substring.
 * A double quote inside a part cannot be expressed in Pagefind's syntax and is dropped.
 */
export function pagefindPhraseQuery(query: string): string {
  return query
    .split(/\s+/u)
    .map((part) => part.replaceAll('"', ''))
    .filter((part) => part !== '')
    .map((part) => `"${part}"`)
    .join(' ');
}
