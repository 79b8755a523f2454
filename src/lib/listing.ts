/** Data for the document list pages and their facets. */
import { getCollection } from 'astro:content';
import { buildFacets, type FacetName } from '../domain/facets.ts';
import type { DocumentKind } from '../schemas/document.ts';
import { allDocuments, type DocumentItem } from './documents.ts';
import { kindLabel } from './format.ts';
import { paginateList } from '../domain/pagination.ts';
import { facetPath } from '../domain/urls.ts';
// cache-keys.ts reads documentFacets from here too; each module uses the other only inside functions.
import { listPageCacheKey } from './cache-keys.ts';

export const pageSize = 30;

export interface FacetLink {
  facet: FacetName;
  value: string;
  label: string;
  count: number;
  href: string;
}

export function facetHref(facet: FacetName, value: string): string {
  return facetPath(facet, value);
}

let cached: Promise<{ facets: Record<FacetName, Map<string, DocumentItem[]>>; links: Record<FacetName, FacetLink[]> }> | undefined;

export function documentFacets(): Promise<{ facets: Record<FacetName, Map<string, DocumentItem[]>>; links: Record<FacetName, FacetLink[]> }> {
  cached ??= (async () => {
    const docs = await allDocuments();
    const facets = buildFacets(docs);
    const topics = new Map((await getCollection('topics')).map((t) => [t.id, t.data.name]));
    const label = (facet: FacetName, value: string) =>
      facet === 'year' ? `${value}年` : facet === 'kind' ? kindLabel(value as DocumentKind) : (topics.get(value) ?? value);
    const links = {} as Record<FacetName, FacetLink[]>;
    for (const facet of Object.keys(facets) as FacetName[]) {
      links[facet] = [...facets[facet]].map(([value, list]) => ({ facet, value, label: label(facet, value), count: list.length, href: facetHref(facet, value) }));
    }
    links.topic.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    return { facets, links };
  })();
  return cached;
}

/** Every page of every facet list, for the static facet routes. */
export async function facetPages() {
  const { facets, links } = await documentFacets();
  return (Object.keys(facets) as FacetName[]).flatMap((facet) =>
    [...facets[facet]].flatMap(([value, docs]) => {
      const label = links[facet].find((link) => link.value === value)?.label ?? value;
      return paginateList(docs, pageSize, facetHref(facet, value)).map((page) => ({ current: { facet, value, label }, page }));
    }),
  );
}

/**
 * The static paths of the facet list routes, each with its cache key: the first page of every facet value
 * (`/documents/year/2023/`, src/pages/documents/[facet]/[value]/index.astro) or the later ones
 * (`/documents/year/2023/page/2/`, …/page/[page].astro).
 */
export async function facetRoutes(pages: 'first' | 'later') {
  return Promise.all(
    (await facetPages())
      .filter(({ page }) => (page.currentPage === 1) === (pages === 'first'))
      .map(async ({ current, page }) => ({
        params: { facet: current.facet, value: current.value, ...(pages === 'later' ? { page: String(page.currentPage) } : {}) },
        props: { current, page },
        cacheKey: await listPageCacheKey(page, current),
      })),
  );
}
