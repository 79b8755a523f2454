/**
 * The per-build site model (src/domain/site-model.ts), built once from Astro's collections. Every page, feed,
 * CSV and cache key asks it: getStaticPaths of a route maps over every path with an async function, so callers
 * that start together share one promise instead of each building the indexes again (once per region made a
 * 3,000-document build spend 2.3 s rebuilding the same region index 3,350 times).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { buildSiteModel, type SiteModel } from '../domain/site-model.ts';
import { offerSiteModel } from '../domain/site-model-handoff.ts';
import { contentRoot } from './content-loaders.ts';

export type DocumentItem = CollectionEntry<'documents'>;

let built: Promise<SiteModel<DocumentItem>> | undefined;

export function siteModel(): Promise<SiteModel<DocumentItem>> {
  built ??= Promise.all([getCollection('documents'), getCollection('regions'), getCollection('metrics'), getCollection('topics')]).then(([documents, regions, metrics, topics]) =>
    buildSiteModel({
      documents,
      regions: regions.map((region) => region.data),
      metrics: metrics.map((metric) => [metric.id, metric.data] as const),
      topics: topics.map((topic) => [topic.id, topic.data] as const),
    }),
  ).then((model) => {
    // The chart CSVs and data files are written from this model after the pages (src/integrations/bulk-outputs.ts).
    offerSiteModel(contentRoot(), model);
    return model;
  });
  return built;
}

/**
 * Something derived from the model that several pages need (a chart, the cache keys' shared parts), computed at
 * its first use and then shared: the one way src/lib keeps a per-build value.
 */
export function perBuild<T>(compute: (model: SiteModel<DocumentItem>) => T): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (value ??= siteModel().then(compute));
}

/**
 * The same for a value per key (a region's charts, a document's answers) that more than one route needs: the
 * region page and its CSVs build the same charts, a document's answers appear on its page and its region's.
 */
export function perBuildKeyed<K, T>(compute: (model: SiteModel<DocumentItem>, key: K) => T | Promise<T>): (key: K) => Promise<T> {
  const values = new Map<K, Promise<T>>();
  return (key) => {
    let value = values.get(key);
    if (!value) {
      value = siteModel().then((model) => compute(model, key));
      values.set(key, value);
    }
    return value;
  };
}
