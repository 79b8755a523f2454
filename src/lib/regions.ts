/** Region queries for pages: only regions with documents, and their ancestors, get pages. */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Region } from '../schemas/region.ts';
import { allDocuments } from './documents.ts';

export type RegionItem = CollectionEntry<'regions'>;

let cached: Promise<{ bySlug: Map<string, Region>; published: Region[] }> | undefined;

export function regionTable(): Promise<{ bySlug: Map<string, Region>; published: Region[] }> {
  cached ??= (async () => {
    const regions = await getCollection('regions');
    const bySlug = new Map(regions.map((r) => [r.id, r.data]));
    const wanted = new Set<string>();
    for (const doc of await allDocuments()) {
      for (let slug: string | undefined = doc.data.region; slug; slug = bySlug.get(slug)?.parent) wanted.add(slug);
    }
    const published = regions.map((r) => r.data).filter((r) => wanted.has(r.slug)).sort((a, b) => a.code.localeCompare(b.code));
    return { bySlug, published };
  })();
  return cached;
}

/** The region and its ancestors, province first. */
export function lineage(bySlug: Map<string, Region>, slug: string): Region[] {
  const chain: Region[] = [];
  for (let region = bySlug.get(slug); region; region = region.parent ? bySlug.get(region.parent) : undefined) chain.unshift(region);
  return chain;
}

/** Full name of a region for display, e.g. `上海市 崇明区` (the municipality's city level is not repeated). */
export function regionFullName(bySlug: Map<string, Region>, slug: string): string {
  const names: string[] = [];
  for (const region of lineage(bySlug, slug)) if (names.at(-1) !== region.name) names.push(region.name);
  return names.join(' ');
}
