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
