/**
 * The open-data files under /data/ that come from the site model alone (docs/data.md): figures, tasks, task links,
 * target links, documents and the publishing record, each as CSV and/or JSON. The build writes them after the pages
 * (src/integrations/bulk-outputs.ts) rather than as pages: each is one pass over every document, which bought
 * nothing from Astro's page pipeline and cost the pages' thread up to 2 s a file at 3,000 documents under load. reuse.csv and
 * reuse.json stay pages: they read the shared-passages index, which only the pages' thread builds. Pure.
 */
import { disclosureCsv, disclosureJson, disclosureRows } from './disclosure-views.ts';
import { documentsJson, metricRows, metricsCsv, metricsJson, taskRows, tasksCsv, type OpenDataContext } from './open-data.ts';
import type { ModelDocument, SiteModel } from './site-model.ts';
import { targetLinksCsv } from './target-history.ts';
import { taskLinksCsv } from './task-history.ts';
import { openDataPaths } from './urls.ts';

/** What the open data names regions with, on the site's origin `site` (`https://gongkai.example.org`). */
export function openDataContextOf(model: SiteModel<ModelDocument>, site: URL | string): OpenDataContext {
  return { site, regions: model.regions.bySlug, regionName: (slug) => model.regions.fullName(slug) };
}

/** The files, as [site path, text], in a fixed order. */
export function* openDataFiles(model: SiteModel<ModelDocument>, site: URL | string): Generator<readonly [path: string, text: string]> {
  const context = openDataContextOf(model, site);
  const figures = metricRows(model.documents, context);
  yield [openDataPaths.metricsCsv, metricsCsv(figures)];
  yield [openDataPaths.metricsJson, metricsJson(figures)];
  yield [openDataPaths.tasksCsv, tasksCsv(taskRows(model.documents, context))];
  yield [openDataPaths.taskLinksCsv, taskLinksCsv(model.tasks.history.links, context)];
  yield [openDataPaths.targetLinksCsv, targetLinksCsv(model.figures.targets.links, context)];
  yield [openDataPaths.documentsJson, documentsJson(model.documents, context)];
  const record = disclosureRows(
    model.disclosure,
    (slug) => {
      const region = model.regions.bySlug.get(slug);
      if (!region) throw new Error(`publishing record: no region ${slug} in the site model (src/domain/open-data-files.ts)`);
      return { region, fullName: model.regions.fullName(slug) };
    },
    site,
  );
  yield [openDataPaths.disclosureCsv, disclosureCsv(record)];
  yield [openDataPaths.disclosureJson, disclosureJson(record)];
}
