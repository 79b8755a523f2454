/** Astro glue for a region page: gathers what src/domain/region-page.ts needs from this build's indexes. */
import type { Region } from '../schemas/region.ts';
import type { ChartModel } from '../charts/chart-model.ts';
import type { DocumentItem } from './documents.ts';
import { lineage, regionFullName, regionTable } from './regions.ts';
import { metricDefinitions } from './definitions.ts';
import { documentAnswers, regionCharts } from './figures.ts';
import { documentsByRegion } from './feeds.ts';
import { statusByRegionAndYear } from '../domain/task-status.ts';
import { siteModel } from './site-model.ts';
import { regionPageListSize, regionPageView, type RegionPageView } from '../domain/region-page.ts';

export interface RegionPage {
  view: RegionPageView;
  fullName: string;
  /** The newest documents of the region and the regions under it. */
  listed: DocumentItem[];
  /** Trend charts of the metrics it states for two periods or more; a single value is in the figures above. */
  trendCharts: ChartModel[];
  /** Whether some metric had a single period and so no chart. */
  chartsOmitted: boolean;
}

export async function regionPage(region: Region): Promise<RegionPage> {
  const [model, { bySlug }, byRegion, metrics, allTrendCharts] = await Promise.all([siteModel(), regionTable(), documentsByRegion(), metricDefinitions(), regionCharts(region.slug)]);
  const docs = byRegion.get(region.slug) ?? [];
  const ownDocs = docs.filter((doc) => doc.data.region === region.slug);
  const fullName = regionFullName(bySlug, region.slug);
  // Only this region's own figures and task lists: those under it are on their own pages.
  const answers = (await Promise.all(ownDocs.map(documentAnswers))).flat();
  const view = regionPageView({
    region,
    chain: lineage(bySlug, region.slug),
    fullName,
    // The published sub-regions as the page's cache key reads them (src/domain/cache-keys.ts siteCacheKeys).
    children: model.regions.publishedChildren(region.slug),
    documentCount: docs.length,
    answers,
    metrics,
    taskRollups: statusByRegionAndYear(ownDocs.filter((doc) => doc.data.tasks.length > 0)),
  });
  const trendCharts = allTrendCharts.filter((model) => model.spec.labels.length > 1);
  return { view, fullName, listed: docs.slice(0, regionPageListSize), trendCharts, chartsOmitted: allTrendCharts.length > trendCharts.length };
}
