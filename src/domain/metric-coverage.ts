/**
 * How many regions state each metric: the home page says it beside each 最新数字, so one county's figure is read
 * as that county's, one of several places that report it, never as a national figure.
 */

/** Distinct regions with at least one figure, per metric id. */
export function regionsReporting(points: readonly { metric: string; region: { slug: string } }[]): Map<string, number> {
  const regions = new Map<string, Set<string>>();
  for (const point of points) {
    let set = regions.get(point.metric);
    if (!set) regions.set(point.metric, (set = new Set()));
    set.add(point.region.slug);
  }
  return new Map([...regions].map(([metric, set]) => [metric, set.size]));
}
