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
  for (let i = 0; i < exactSet.docs.length; i++) {
    exactList.push({ doc: exactSet.docs[i] as number, count: exactSet.counts[i] as number, titleParts: exactSet.titleParts[i] as number, date: 0, parts });
  }
  // Only related lists need to know what is listed already (a 1-character query has up to every document).
  const seen = new Set<number>(related.length > 0 ? exactSet.docs : []);
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

/**
 * The tie groups whose dates the page `[offset, offset + limit)` of the ranked results depends on, each with
 * how many of its newest members the page reaches (`need`). With `sort: 'date'`, every candidate is one group
 * and the page needs its `offset + limit` newest. By relevance a date only breaks ties of title parts and
 * occurrences, so only the groups with a member on the page count: every other group lies wholly before or
 * after the page whatever its dates; and of a group that starts at rank s the page needs the newest
 * `offset + limit − s`. At 100,000 documents this spares a common query the dates of tens of thousands of
 * results (doc-store.ts reads the newest of a large group from the recency tiers). The groups are found from
 * the sizes of the distinct tie keys, not by sorting the candidates (a 1-character query has up to every document).
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
      // Group sizes by title parts, then occurrences (small integers: Map keys V8 hashes fast).
      const sizes: Array<Map<number, number>> = [];
      for (const c of list) {
        const byCount = (sizes[c.titleParts] ??= new Map());
        byCount.set(c.count, (byCount.get(c.count) ?? 0) + 1);
      }
      // Walk the groups best first, keeping those that reach into the page.
      const wanted: Array<Map<number, DateNeed & { docs: number[] }>> = [];
      let rank = start;
      for (let t = sizes.length - 1; t >= 0 && rank < end; t--) {
        const byCount = sizes[t];
        if (!byCount) continue;
        for (const count of [...byCount.keys()].sort((a, b) => b - a)) {
          if (rank >= end) break;
          const size = byCount.get(count) as number;
          if (rank + size > offset) {
            const group = { docs: [], need: Math.min(size, end - rank), onPage: rank >= offset && rank + size <= end };
            (wanted[t] ??= new Map()).set(count, group);
            needs.push(group);
          }
          rank += size;
        }
      }
      for (const c of list) wanted[c.titleParts]?.get(c.count)?.docs.push(c.doc);
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
 * The results `[offset, offset + limit)` — the exact ones ranked, then the related ones group by group, each
 * ranked the same way — dated with `dateOf` (0 for those `dateNeeds` left out, which cannot change the page),
 * and how many there are. Only what can reach the page is sorted: the best `offset + limit` of each list.
 */
export function rankPage(
  candidates: { exact: Candidate[]; related: Candidate[][] },
  dateOf: (doc: number) => number,
  sort: SortOrder = 'relevance',
  offset = 0,
  limit = Infinity,
): { exactCount: number; relatedCount: number; page: Candidate[] } {
  const order = sort === 'date' ? byDate : byRelevance;
  const end = offset + limit;
  const ranked: Candidate[] = [];
  for (const list of [candidates.exact, ...candidates.related]) {
    if (ranked.length >= end) break;
    for (const c of list) c.date = dateOf(c.doc);
    for (const c of best(list, end - ranked.length, order)) ranked.push(c);
  }
  return { exactCount: candidates.exact.length, relatedCount: candidates.related.reduce((n, list) => n + list.length, 0), page: ranked.slice(offset, end) };
}

/** The first `k` of `list` in `order` (a total order), sorted; the list itself is left as it was. */
function best(list: readonly Candidate[], k: number, order: (a: Candidate, b: Candidate) => number): Candidate[] {
  if (k >= list.length) return [...list].sort(order);
  // Kept sorted; a candidate enters only when it ranks before the worst kept, which is rare after the first few.
  const kept: Candidate[] = [];
  for (const c of list) {
    if (kept.length === k && order(c, kept[k - 1] as Candidate) >= 0) continue;
    let at = kept.length === k ? k - 1 : kept.length;
    while (at > 0 && order(c, kept[at - 1] as Candidate) < 0) at--;
    if (kept.length === k) kept.pop();
    kept.splice(at, 0, c);
  }
  return kept;
}
