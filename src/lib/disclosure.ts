/**
/**
 * The publishing record of this build (src/domain/disclosure.ts), an index of the site model — which the cache
 * keys of its pages read too — shared by /disclosure/, its province pages and the 公开记录 section of every region
 * page (the open-data files read the same index after the pages: src/domain/open-data-files.ts).
 */
import { bureauRecordView, disclosurePageView, disclosureProvincePageViews, type BureauRecordView, type DisclosurePageView, type DisclosureProvincePageView } from '../domain/disclosure-views.ts';
import { siteModel } from './site-model.ts';

async function index() {
  const model = await siteModel();
  return { built: model.disclosure };
}

export async function disclosurePage(): Promise<DisclosurePageView> {
  return disclosurePageView((await index()).built);
}

/** Every province's page of /disclosure/. */
export async function disclosureProvincePages(): Promise<DisclosureProvincePageView[]> {
  return disclosureProvincePageViews((await index()).built);
}

/**
 * The region's own bureau's record (`view` undefined when the site holds none of its plans, summaries or task
 * lists), its notices, and whether /disclosure/ has an entry for it (it or a region under it has a record).
 */
export async function regionDisclosure(slug: string): Promise<{ view?: BureauRecordView; notices: number; listed: boolean }> {
  const { built } = await index();
  const record = built.bySlug.get(slug);
  const listed = built.listed.has(slug);
  if (!record) return { notices: 0, listed };
  return { ...(record.documentCount > 0 ? { view: bureauRecordView(record) } : {}), notices: record.notices, listed };
}
