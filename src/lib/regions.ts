/** Region queries for pages: only regions with documents, and their ancestors, get pages (the site model's region index). */
import type { Region } from '../schemas/region.ts';
import { siteModel } from './site-model.ts';

/** The region and its ancestors, province first; a region's full name (src/domain/region-tree.ts). */
export { regionLineage as lineage, regionFullName } from '../domain/region-tree.ts';

export async function regionTable(): Promise<{ bySlug: ReadonlyMap<string, Region>; published: readonly Region[]; fullName: (slug: string) => string }> {
  const { regions } = await siteModel();
  // fullName is the model's, joined once per region: a list page names the region of each of its 30 documents.
  return { bySlug: regions.bySlug, published: regions.published, fullName: regions.fullName };
}
