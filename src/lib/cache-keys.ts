/**
 * Cache keys of the routes that publish many pages, for Astro's incremental build (see src/domain/cache-keys.ts
 * for what a key must cover). The keys are made by `siteCacheKeys` from the same site model the pages render
 * from, so a key sees what its page shows.
 */
import { contentKey, propsPageKey, reusePageKey, siteCacheKeys, type KeyedDocument } from '../domain/cache-keys.ts';
import type { FacetName } from '../domain/facets.ts';
import type { ListPage } from '../domain/pagination.ts';
import type { DocumentItem } from './documents.ts';
import type { MetricPage } from './metric-page.ts';
import { documentReuseKeyPart, reusePage } from './reuse.ts';
import { perBuild } from './site-model.ts';

/** The store's digest of a document: its file's body and front matter (src/lib/content-loaders.ts). */
function keyed(doc: DocumentItem): KeyedDocument {
  return { id: doc.id, digest: doc.digest === undefined ? contentKey(JSON.stringify(doc.data)) : String(doc.digest) };
}

const keys = perBuild((model) => siteCacheKeys(model, keyed));

/** Key of `/documents/<id>/`: the document, the definitions, the documents whose task evidence quotes it, and its shared passages. */
export async function documentPageCacheKey(doc: DocumentItem): Promise<string> {
  const key = (await keys()).documentPage(doc);
  // The marks and the 相同段落亦见于 list depend on other documents' bodies and labels, which the model's key does not read.
  const reuse = await documentReuseKeyPart(doc.id);
  return reuse ? contentKey(key, reuse) : key;
}

/**
 * Key of `/regions/<slug>/` and its feed: every document within the region (the page counts them, lists the
 * newest, tables and charts its own ones' figures) and its published sub-regions.
 */
export async function regionPageCacheKey(slug: string): Promise<string> {
  return (await keys()).regionPage(slug);
}

/**
 * Key of a list page (all documents or one facet value, one page of it): the documents it lists, where it sits
 * in the pagination, the facet it filters by, and the facet links with their counts shown beside every list.
 */
export async function listPageCacheKey(page: ListPage<DocumentItem>, current?: { facet: FacetName; value: string; label: string }): Promise<string> {
  return (await keys()).listPage(page, current);
}

/** Key of the national `/disclosure/`: its view (the provinces' counts), which the site model's record makes. */
export async function disclosurePageCacheKey(): Promise<string> {
  return (await keys()).disclosurePage();
}

/** Key of `/disclosure/<province>/`: its view (its own bureau's, its cities' and counties' lines). */
export async function disclosureProvincePageCacheKey(province: string): Promise<string> {
  const key = (await keys()).disclosureProvincePage(province);
  if (key === undefined) throw new Error(`cache keys: no page of /disclosure/ for province ${province} (src/lib/cache-keys.ts)`);
  return key;
}

/** Key of `/reuse/`: its view, made from every body by the shared-passage index. */
export async function reusePageCacheKey(): Promise<string> {
  return reusePageKey(await reusePage());
}

/**
 * Key of `/metrics/<id>/`: the page's props (src/lib/metric-page.ts), from which alone it renders — its charts, the
 * latest figures with their citations, the target histories — so it is rendered again exactly when one of them changes.
 */
export function metricPageCacheKey(page: MetricPage): string {
  return propsPageKey(`metric ${page.metric.name}`, page);
}
