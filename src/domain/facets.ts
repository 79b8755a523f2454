/**
 * Facets of the document list (year, kind, topic): which values exist and which documents have each.
 * Static facet pages are how the list is filtered without JavaScript.
 */
import { documentKinds, type DocumentFrontmatter } from '../schemas/document.ts';

export const facetNames = ['year', 'kind', 'topic'] as const;
export type FacetName = (typeof facetNames)[number];

export interface FacetDocument {
  id: string;
  data: Pick<DocumentFrontmatter, 'period' | 'kind' | 'topics'>;
}

/**
 * Facet values of one document. A multi-year plan is listed under every year it covers (a 2021—2025 plan under
 * 2021 … 2025): a reader looking at 2024 wants the plan whose targets are in force then.
 */
export function facetValues(doc: FacetDocument, facet: FacetName): string[] {
  switch (facet) {
    case 'year': {
      const { year, end_year: endYear = year } = doc.data.period;
      return Array.from({ length: Math.max(1, endYear - year + 1) }, (_, i) => String(year + i));
    }
    case 'kind':
      return [doc.data.kind];
    case 'topic':
      return doc.data.topics;
  }
}

/** For each facet, each value with the documents that have it, in the input order (newest first). */
export function buildFacets<T extends FacetDocument>(docs: readonly T[]): Record<FacetName, Map<string, T[]>> {
  const facets = { year: new Map<string, T[]>(), kind: new Map<string, T[]>(), topic: new Map<string, T[]>() };
  for (const doc of docs) {
    for (const facet of facetNames) {
      for (const value of facetValues(doc, facet)) {
        const list = facets[facet].get(value) ?? [];
        list.push(doc);
        facets[facet].set(value, list);
      }
    }
  }
  // Years newest first, kinds in model order; topics keep insertion order and are sorted by the page.
  facets.year = new Map([...facets.year].sort(([a], [b]) => b.localeCompare(a)));
  facets.kind = new Map(documentKinds.filter((k) => facets.kind.has(k)).map((k) => [k, facets.kind.get(k) ?? []]));
  return facets;
}
