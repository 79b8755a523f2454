/**
 * The shared-passage index of this build (src/domain/reuse/), computed once from every document's body at its
 * first use and shared by the document pages, /reuse/ and the open-data files. The index reads each body from
 * disk when it needs it — every body once, and again those whose sentences stand elsewhere — so no more than one
 * body is held at a time (at 100,000 documents all of them would not fit in the heap); the pages then only look
 * their document up. Each body's runs and sentence rows are kept in Astro's cache folder across builds
 * (src/domain/reuse/sentence-cache.ts, where src/integrations/reuse-cache.ts says), so a rebuild parses only the
 * changed bodies, and a cold build parses each body once: the second pass reads the runs back from the new pack.
 */
import { documentReuseKeys } from '../domain/cache-keys.ts';
import { reuseCacheEnv, siteSharedPassages } from '../domain/reuse/site-passages.ts';
import type { DocumentReuse } from '../domain/reuse/shared-passages.ts';
import { documentReuseView, reusePageView, reuseRows, type DocumentLabel, type DocumentReuseView, type ReusePageView, type ReuseRow } from '../domain/reuse/reuse-views.ts';
import { contentRoot } from './content-loaders.ts';
import { siteOrigin } from './figures.ts';
import { perBuild } from './site-model.ts';

const index = perBuild((model) => {
  const started = performance.now();
  const cacheDir = process.env[reuseCacheEnv.dir];
  const version = process.env[reuseCacheEnv.version];
  const { index: built, cache } = siteSharedPassages(
    contentRoot(),
    model.documents.map((doc) => ({
      id: doc.id,
      region: doc.data.region,
      digest: doc.digest === undefined ? undefined : String(doc.digest),
      // The page marks these quotes too (src/lib/documents.ts renderDocument): a shared sentence must not cross one.
      quotes: () => [...doc.data.metrics.map((m) => m.quote), ...model.reportedIn(doc.id).map(({ task }) => task.evidence.quote)],
    })),
    cacheDir && version ? { dir: cacheDir, version } : undefined,
    (message) => console.warn(message),
  );
  // Once per document: every page names dozens of others (its 相同段落亦见于 list) and its key all of them.
  const labels = new Map<string, DocumentLabel>();
  const label = (id: string): DocumentLabel => {
    let known = labels.get(id);
    if (!known) {
      const doc = model.documentById.get(id);
      if (!doc) throw new Error(`shared passages: no document ${id} in the site model (src/lib/reuse.ts)`);
      labels.set(id, (known = { title: doc.data.title, region: doc.data.region, regionName: model.regions.fullName(doc.data.region) }));
    }
    return known;
  };
  const kept = cache ? `, ${cache.parsed} of ${built.documentCount} bodies parsed (${cache.reused} kept from the last build)` : '';
  console.info(`[gongkai] shared passages: ${built.byDocument.size} of ${built.documentCount} documents share text, ${built.passages.length} passages, ${built.formulas.length} formulas left out${kept}, in ${Math.round(performance.now() - started)} ms`);
  return { built, label, reuseKey: documentReuseKeys(label) };
});

/** The sentences to mark on a document's page and the 相同段落亦见于 list; `undefined` when it shares none. */
export async function documentReuse(id: string): Promise<{ reuse: DocumentReuse; view: DocumentReuseView } | undefined> {
  const { built, label } = await index();
  const reuse = built.byDocument.get(id);
  return reuse ? { reuse, view: documentReuseView(reuse, label) } : undefined;
}

/** The part of a document page's cache key its shared passages make (src/domain/cache-keys.ts); `undefined` when it shares none. */
export async function documentReuseKeyPart(id: string): Promise<string | undefined> {
  const { built, reuseKey } = await index();
  const sources = built.sourcesOf(id);
  return sources && reuseKey(sources);
}

export async function reusePage(): Promise<ReusePageView> {
  const { built, label } = await index();
  return reusePageView(built, label);
}

export async function reuseOpenData(): Promise<ReuseRow[]> {
  const { built, label } = await index();
  return reuseRows(built, label, siteOrigin());
}
