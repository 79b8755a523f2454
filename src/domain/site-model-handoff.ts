/**
 * The site model the pages built, handed to the build hooks that run after them in the same process (the chart
 * CSVs and data files: src/integrations/bulk-outputs.ts), so they need not read every front matter and build the
 * model a second time (8.2 s of a 30,000-document build did that). The pages' modules are a bundle of their own
 * (`.astro/.prerender/`), loaded apart from the modules astro.config.mjs loaded, so a module-level variable of one
 * is not the other's: the handoff is a global under a registered symbol, which both copies of this module name
 * alike. It names the content root the model was built from, and the hook clears it when a build starts, so a
 * hook never takes a model of other content or of an earlier build (a dev server, tests building in one process).
 * Pure apart from that one global.
 */
import type { ModelDocument, SiteModel } from './site-model.ts';

const slot = Symbol.for('gongkai.pages-site-model');

/** `/site/` and `/site` name one folder (Astro's `config.root` ends in a slash, `process.cwd()` does not). */
const folder = (path: string) => path.replace(/(?<=.)\/+$/, '');

interface Handoff {
  contentRoot: string;
  model: SiteModel<ModelDocument>;
}

type WithHandoff = typeof globalThis & { [slot]?: Handoff };

/** Offers the model the pages built from the content at `contentRoot` (the folder holding content/). */
export function offerSiteModel(contentRoot: string, model: SiteModel<ModelDocument>): void {
  (globalThis as WithHandoff)[slot] = { contentRoot: folder(contentRoot), model };
}

/** The model the pages of this build offered for `contentRoot`, or `undefined` when they offered none for it. */
export function offeredSiteModel(contentRoot: string): SiteModel<ModelDocument> | undefined {
  const handoff = (globalThis as WithHandoff)[slot];
  return handoff?.contentRoot === folder(contentRoot) ? handoff.model : undefined;
}

/** Forgets the offered model: at the start of a build, and once the hooks that read it are done. */
export function clearOfferedSiteModel(): void {
  delete (globalThis as WithHandoff)[slot];
}
