/**
 * The publishing record of this build (src/domain/disclosure.ts), computed once from the site model at its first
 * use and shared by /disclosure/ and the 公开记录 section of every region page (the open-data files build their own
 * after the pages: src/domain/open-data-files.ts).
 */
import { buildDisclosure } from '../domain/disclosure.ts';
import { bureauRecordView, disclosurePageView, type BureauRecordView, type DisclosurePageView } from '../domain/disclosure-views.ts';
import { perBuild } from './site-model.ts';

const index = perBuild((model) => ({ built: buildDisclosure(model.documents, model.regions) }));

export async function disclosurePage(): Promise<DisclosurePageView> {
  return disclosurePageView((await index()).built);
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
