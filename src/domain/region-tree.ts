/** Document counts per region, each document counted in its own region and in every ancestor. */
import type { Region } from '../schemas/region.ts';

export function countDocumentsByRegion(docs: readonly { data: { region: string } }[], regions: readonly Region[]): Map<string, number> {
  const parentOf = new Map(regions.map((r) => [r.slug, r.parent]));
  const counts = new Map<string, number>();
  for (const doc of docs) {
    for (let slug: string | undefined = doc.data.region; slug; slug = parentOf.get(slug)) counts.set(slug, (counts.get(slug) ?? 0) + 1);
  }
  return counts;
}

/** Whether `slug` is `ancestor` or lies under it. */
export function isWithin(slug: string, ancestor: string): boolean {
  return slug === ancestor || slug.startsWith(`${ancestor}/`);
}

/**
 * The documents of each region and of every region under it, in the input order: one pass up each document's
 * ancestors, so a page per region costs O(its documents) — filtering every document for each of 3,350 regions
 * would be 335 million tests at 100,000 documents.
 */
export function documentsWithinRegions<D extends { data: { region: string } }>(docs: Iterable<D>, parentOf: (slug: string) => string | undefined): Map<string, D[]> {
  const index = new Map<string, D[]>();
  for (const doc of docs) {
    for (let slug: string | undefined = doc.data.region; slug; slug = parentOf(slug)) {
      const list = index.get(slug);
      if (list) list.push(doc);
      else index.set(slug, [doc]);
    }
  }
  return index;
}
