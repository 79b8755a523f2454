/**
 * Which documents a query lists, and in what order. Exact results first, ranked by parts found in the title,
 * then occurrences, then date, then index order (with `sort: 'date'`: newest first, then the same). Then the
 * related results — documents found only through another form of an abbreviation in the query — grouped by
 * form in the order the forms were tried, each group ranked the same way; a document is listed once.
 */
import type { RelatedForm } from './abbreviations.ts';
import type { DateNeed } from './doc-store.ts';
import { keepOnly, type MatchSet } from './query.ts';

/** A document on its way to the results. */
export interface Candidate {
  doc: number;
  count: number;
  titleParts: number;
  /** Day number (0 = unknown); set by `rankCandidates`. */
  date: number;
  /** For a related result, the form that found it. */
  related?: RelatedForm;
  /** The parts it was found with: the query's, or with the related form in place of its part. */
  parts: readonly string[];
}

export type SortOrder = 'relevance' | 'date';

export const byRelevance = (a: Candidate, b: Candidate): number =>
  b.titleParts - a.titleParts || b.count - a.count || b.date - a.date || a.doc - b.doc;

export const byDate = (a: Candidate, b: Candidate): number => b.date - a.date || byRelevance(a, b);

/** The parts of a query with a related form in place of the part it replaces. */
export function partsWithForm(parts: readonly string[], form: RelatedForm): string[] {
  return parts.map((p, i) => (i === form.partIndex ? form.part : p));
}

/**
 * The candidates of a query: `exact` (the documents with every part) and, per related form, the documents
 * `related[f]` found with it that are not already listed; all within `allowed` when filtered.
 */
export function collectCandidates(
  parts: readonly string[],
  exact: MatchSet,
  forms: readonly RelatedForm[],
  related: readonly MatchSet[],
  allowed: Int32Array | null,
): { exact: Candidate[]; related: Candidate[][] } {
  const exactSet = allowed ? keepOnly(exact, allowed) : exact;
  const exactList: Candidate[] = [];
  const seen = new Set<number>();
  for (let i = 0; i < exactSet.docs.length; i++) {
    const doc = exactSet.docs[i] as number;
    seen.add(doc);
    exactList.push({ doc, count: exactSet.counts[i] as number, titleParts: exactSet.titleParts[i] as number, date: 0, parts });
  }
  const relatedLists = related.map((raw, f) => {
    const form = forms[f] as RelatedForm;
    const set = allowed ? keepOnly(raw, allowed) : raw;
    const formParts = partsWithForm(parts, form);
    const list: Candidate[] = [];
    for (let i = 0; i < set.docs.length; i++) {
      const doc = set.docs[i] as number;
      if (seen.has(doc)) continue;
      seen.add(doc);
      list.push({ doc, count: set.counts[i] as number, titleParts: set.titleParts[i] as number, date: 0, related: form, parts: formParts });
    }
    return list;
  });
  return { exact: exactList, related: relatedLists };
}

/** Whether two candidates rank alike before their dates are known. */
const tied = (a: Candidate, b: Candidate): boolean => a.titleParts === b.titleParts && a.count === b.count;

/**
 * The tie groups whose dates the page `[offset, offset + limit)` of the ranked results depends on, each with
 * how many of its newest members the page reaches (`need`). With `sort: 'date'`, every candidate is one group
 * and the page needs its `offset + limit` newest. By relevance a date only breaks ties of title parts and
 * occurrences, so only the groups with a member on the page count: every other group lies wholly before or
 * after the page whatever its dates; and of a group that starts at rank s the page needs the newest
 * `offset + limit − s`. At 100,000 documents this spares a common query the dates of tens of thousands of
 * results (doc-store.ts reads the newest of a large group from the recency tiers).
 */
export function dateNeeds(
  candidates: { exact: readonly Candidate[]; related: readonly (readonly Candidate[])[] },
  sort: SortOrder = 'relevance',
  offset: number,
  limit: number,
): DateNeed[] {
  const lists = [candidates.exact, ...candidates.related];
  const end = offset + limit;
  if (sort === 'date') {
    // Related groups follow the exact ones whatever their dates: each list is its own group.
    const groups: DateNeed[] = [];
    let start = 0;
    for (const list of lists) {
      if (start < end && list.length > 0) groups.push({ docs: list.map((c) => c.doc), need: Math.min(list.length, end - start), onPage: start >= offset && start + list.length <= end });
      start += list.length;
    }
    return groups;
  }
  const needs: DateNeed[] = [];
  let start = 0;
  for (const list of lists) {
    if (start >= end) break;
    if (start + list.length > offset) {
      const sorted = [...list].sort((a, b) => b.titleParts - a.titleParts || b.count - a.count);
      for (let i = 0; i < sorted.length; ) {
        let j = i + 1;
        while (j < sorted.length && tied(sorted[i] as Candidate, sorted[j] as Candidate)) j++;
        if (start + j > offset && start + i < end) {
          needs.push({ docs: sorted.slice(i, j).map((c) => c.doc), need: Math.min(j - i, end - start - i), onPage: start + i >= offset && start + j <= end });
        }
        i = j;
      }
    }
    start += list.length;
  }
  return needs;
}

/** Every document `dateNeeds` names (all of each group). */
export function docsToDate(
  candidates: { exact: readonly Candidate[]; related: readonly (readonly Candidate[])[] },
  sort: SortOrder = 'relevance',
  offset: number,
  limit: number,
): number[] {
  return dateNeeds(candidates, sort, offset, limit).flatMap((group) => [...group.docs]);
}

/**
 * Dates the candidates with `dateOf` (0 for those `docsToDate` left out, which cannot change the page) and
 * ranks them: the exact ones, then the related ones group by group.
 */
export function rankCandidates(
  candidates: { exact: Candidate[]; related: Candidate[][] },
  dateOf: (doc: number) => number,
  sort: SortOrder = 'relevance',
): { exact: Candidate[]; related: Candidate[] } {
  for (const c of candidates.exact) c.date = dateOf(c.doc);
  for (const list of candidates.related) for (const c of list) c.date = dateOf(c.doc);
  const order = sort === 'date' ? byDate : byRelevance;
  return { exact: candidates.exact.sort(order), related: candidates.related.map((list) => list.sort(order)).flat() };
}
