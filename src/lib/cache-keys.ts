/**
 * Cache keys of the routes that publish many pages, for Astro's incremental build (see src/domain/cache-keys.ts
 * for what a key must cover). Each reads the same per-build indexes the pages render from, so a key sees what
 * its page shows.
 */
import { getCollection } from 'astro:content';
import { citingDocuments, contentKey, documentPageKey, listPageKey, regionPageKey, type KeyedDocument } from '../domain/cache-keys.ts';
import type { FacetName } from '../domain/facets.ts';
import type { ListPage } from '../domain/pagination.ts';
import { allDocuments, type DocumentItem } from './documents.ts';
import { documentsByRegion } from './feeds.ts';
import { documentFacets } from './listing.ts';
import { regionTable } from './regions.ts';

/** The store's digest of a document: its file's body and front matter (src/lib/content-loaders.ts). */
function keyed(doc: DocumentItem): KeyedDocument {
  return { id: doc.id, digest: doc.digest === undefined ? contentKey(JSON.stringify(doc.data)) : String(doc.digest) };
}

let definitionsKey: Promise<string> | undefined;

/** Changes whenever a metric or topic definition changes (pages show their names, units and labels). */
function contentDefinitionsKey(): Promise<string> {
  definitionsKey ??= Promise.all([getCollection('metrics'), getCollection('topics')]).then(([metrics, topics]) =>
    contentKey(JSON.stringify(metrics.map((m) => [m.id, m.data])), JSON.stringify(topics.map((t) => [t.id, t.data]))),
  );
  return definitionsKey;
}

let citing: Promise<Map<string, DocumentItem[]>> | undefined;

/** Key of `/documents/<id>/`: the document, the definitions, and the documents whose task evidence quotes it. */
export async function documentPageCacheKey(doc: DocumentItem): Promise<string> {
  citing ??= allDocuments().then((docs) => citingDocuments(docs));
  const citedBy = ((await citing).get(doc.id) ?? []).map(keyed);
  return documentPageKey(keyed(doc), await contentDefinitionsKey(), citedBy);
}

/**
 * Key of `/regions/<slug>/` and its feed: every document within the region (the page counts them, lists the
 * newest, tables and charts its own ones' figures) and its published sub-regions.
 */
export async function regionPageCacheKey(slug: string): Promise<string> {
  const [{ published }, byRegion] = await Promise.all([regionTable(), documentsByRegion()]);
  const children = published.filter((region) => region.parent === slug).map((region) => region.slug);
  return regionPageKey((byRegion.get(slug) ?? []).map(keyed), children, await contentDefinitionsKey());
}

let facetLinksText: Promise<string> | undefined;

/**
 * Key of a list page (all documents or one facet value, one page of it): the documents it lists, where it sits
 * in the pagination, the facet it filters by, and the facet links with their counts shown beside every list.
 */
export async function listPageCacheKey(page: ListPage<DocumentItem>, current?: { facet: FacetName; value: string; label: string }): Promise<string> {
  facetLinksText ??= documentFacets().then(({ links }) => JSON.stringify(links));
  return listPageKey({ ...page, items: page.items.map(keyed) }, await facetLinksText, await contentDefinitionsKey(), current);
}
