/**
 * Facets: region (every prefix of the slug path), year, kind and topic. The builder records each document
 * under its facet keys (grams of kind GRAM_FACET, whose postings are doc lists) and counts the documents per
 * value for `facets.json`, the filter UI's options; the client turns a query's filters into those keys.
 */
import { facetKey, type FacetName, type SearchDocMeta } from './format.ts';
import type { GramRegistry } from './gram-registry.ts';
import type { PostingRuns } from './posting-runs.ts';

/** Facet values with counts, `facets.json`, for the filter UI. */
export interface SearchFacets {
  regions: Array<{ path: string; name?: string; count: number }>;
  years: Array<{ value: number; count: number }>;
  kinds: Array<{ value: string; count: number }>;
  topics: Array<{ value: string; count: number }>;
}

/** Filters: each given facet must match one of its values; region is a slug-path prefix (`anhui/xuancheng`). */
export interface SearchFilters {
  region?: string | readonly string[];
  year?: number | string | ReadonlyArray<number | string>;
  kind?: string | readonly string[];
  topic?: string | readonly string[];
}

function bump<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

const byKey = <K extends string>([a]: [K, number], [b]: [K, number]) => (a < b ? -1 : 1);

/** Records documents under their facet keys and counts them per value. */
export class FacetRecorder {
  private readonly grams: GramRegistry;
  private readonly runs: PostingRuns;
  private readonly region = new Map<string, number>();
  private readonly regionNames = new Map<string, string>();
  private readonly year = new Map<number, number>();
  private readonly kind = new Map<string, number>();
  private readonly topic = new Map<string, number>();
  /** Last document recorded under each facet gram id, so a document is recorded once per key. */
  private readonly lastDoc = new Map<number, number>();

  constructor(grams: GramRegistry, runs: PostingRuns) {
    this.grams = grams;
    this.runs = runs;
  }

  add(doc: number, meta: SearchDocMeta): void {
    for (let depth = 1; depth <= meta.regionPath.length; depth++) {
      const path = meta.regionPath.slice(0, depth).join('/');
      this.record('region', path, doc);
      bump(this.region, path);
    }
    this.regionNames.set(meta.regionPath.join('/'), meta.regionName);
    this.record('year', String(meta.year), doc);
    bump(this.year, meta.year);
    this.record('kind', meta.kind, doc);
    bump(this.kind, meta.kind);
    for (const topic of new Set(meta.topics)) {
      this.record('topic', topic, doc);
      bump(this.topic, topic);
    }
  }

  /** `facets.json`: regions, kinds and topics in key order, years newest first. */
  file(): SearchFacets {
    return {
      regions: [...this.region].sort(byKey).map(([path, count]) => {
        const name = this.regionNames.get(path);
        return name ? { path, name, count } : { path, count };
      }),
      years: [...this.year].sort(([a], [b]) => b - a).map(([value, count]) => ({ value, count })),
      kinds: [...this.kind].sort(byKey).map(([value, count]) => ({ value, count })),
      topics: [...this.topic].sort(byKey).map(([value, count]) => ({ value, count })),
    };
  }

  private record(name: FacetName, value: string, doc: number): void {
    const id = this.grams.facet(facetKey(name, value));
    if (this.lastDoc.get(id) === doc) return; // the same region prefix twice
    this.lastDoc.set(id, doc);
    this.runs.record(id, this.grams.shard[id] as number, doc);
  }
}

/**
 * The facet keys a filter asks for, one list per given facet: values of a facet are alternatives, the facets
 * must all hold. Empty values are ignored; slashes around a region path are dropped.
 */
export function filterKeys(filters: SearchFilters | undefined): string[][] {
  if (!filters) return [];
  const wanted: Array<[FacetName, ReadonlyArray<string | number> | string | number | undefined]> = [
    ['region', filters.region],
    ['year', filters.year],
    ['kind', filters.kind],
    ['topic', filters.topic],
  ];
  return wanted
    .map(([facet, value]) => {
      const values = value === undefined || value === '' ? [] : Array.isArray(value) ? (value as ReadonlyArray<string | number>) : [value as string | number];
      return values.map((v) => facetKey(facet, String(v).replace(/^\/+|\/+$/g, '')));
    })
    .filter((keys) => keys.length > 0);
}
