/** Data for the document list pages and their facets (the site model's facet index). */
import type { FacetName } from '../domain/facets.ts';
import type { FacetLink } from '../domain/site-model.ts';
import type { DocumentItem } from './documents.ts';
import { paginateList } from '../domain/pagination.ts';
import { facetPath } from '../domain/urls.ts';
import { listPageCacheKey } from './cache-keys.ts';
import { siteModel } from './site-model.ts';

export type { FacetLink };

export const pageSize = 30;

export function facetHref(facet: FacetName, value: string): string {
  return facetPath(facet, value);
}

export async function documentFacets(): Promise<{ facets: Record<FacetName, Map<string, DocumentItem[]>>; links: Record<FacetName, FacetLink[]> }> {
  const { facets } = await siteModel();
  return { facets: facets.byValue, links: facets.links };
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
