/** Facts about the site itself for its editorial pages: where to report a mistake, and how current the content is. */
import { allDocuments } from './documents.ts';
import { contentFreshness, correctionContact, type ContentFreshness, type CorrectionContact } from '../domain/content-freshness.ts';

/** `GONGKAI_CONTACT` at build time (README, environment variables), else the documented placeholder. */
export function siteContact(): CorrectionContact {
  return correctionContact(process.env.GONGKAI_CONTACT);
}

/** The newest date in the content (never the build's clock, so rebuilds stay byte-identical). */
export async function siteContentFreshness(): Promise<ContentFreshness | undefined> {
  return contentFreshness(await allDocuments());
}
