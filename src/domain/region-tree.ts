/**
 * The region tree: the one walk up a region's ancestors (`ancestorsAndSelf`), and what is built on it — a region's
 * lineage and full name, document counts and the documents within each region. Pure.
 */
import type { Region } from '../schemas/region.ts';

/** The region `slug` and its ancestors, the region itself first, its province last; empty for an unknown slug. */
export function ancestorsAndSelf(bySlug: ReadonlyMap<string, Region>, slug: string): Region[] {
  const chain: Region[] = [];
  for (let region = bySlug.get(slug); region; region = region.parent === undefined ? undefined : bySlug.get(region.parent)) chain.push(region);
  return chain;
}

/** The region and its ancestors, province first (a breadcrumb). */
export function regionLineage(bySlug: ReadonlyMap<string, Region>, slug: string): Region[] {
  return ancestorsAndSelf(bySlug, slug).reverse();
}

/** Full name of a region for display, e.g. `上海市 崇明区` (the municipality's city level is not repeated). */
export function regionFullName(bySlug: ReadonlyMap<string, Region>, slug: string): string {
  const names: string[] = [];
  for (const region of regionLineage(bySlug, slug)) if (names.at(-1) !== region.name) names.push(region.name);
  return names.join(' ');
}

/** Whether `slug` is `ancestor` or lies under it. */
export function isWithin(slug: string, ancestor: string): boolean {
  return slug === ancestor || slug.startsWith(`${ancestor}/`);
}

/** Document counts per region, each document counted in its own region and in every ancestor. */
export function countDocumentsByRegion(docs: readonly { data: { region: string } }[], regions: readonly Region[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [slug, within] of documentsWithinRegions(docs, new Map(regions.map((r) => [r.slug, r])))) counts.set(slug, within.length);
  return counts;
}

/**
 * The documents of each region and of every region under it, in the input order: one pass up each document's
 * ancestors, so a page per region costs O(its documents) — filtering every document for each of 3,350 regions
 * would be 335 million tests at 100,000 documents.
 */
export function documentsWithinRegions<D extends { data: { region: string } }>(docs: Iterable<D>, bySlug: ReadonlyMap<string, Region>): Map<string, D[]> {
  const index = new Map<string, D[]>();
  const chains = new Map<string, Region[]>();
  for (const doc of docs) {
    let chain = chains.get(doc.data.region);
    if (!chain) chains.set(doc.data.region, (chain = ancestorsAndSelf(bySlug, doc.data.region)));
    for (const { slug } of chain) {
      const list = index.get(slug);
      if (list) list.push(doc);
      else index.set(slug, [doc]);
    }
  }
  return index;
}
