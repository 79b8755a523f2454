/**
 * The shared-passage index of a site's documents, their bodies read from the content folder — what the build
 * computes once (src/lib/reuse.ts), kept apart from Astro so the benchmark and the tests run the same road. With a
 * cache folder, each body's runs and sentence rows are kept there across builds (sentence-cache.ts); without one,
 * every body is read and parsed in each pass of the detection. Node only.
 */
import { documentBody } from '../content/document-files.ts';
import { bodyTextRuns } from '../markdown/render-document.ts';
import { cachedReuseSource, type SentenceCacheReport } from './sentence-cache.ts';
import { findSharedPassages, type ReuseBody, type ReuseIndex } from './shared-passages.ts';

export interface SiteReuseDocument {
  id: string;
  region: string;
  /** What its kept sentences are keyed by (the store's digest of its body and front matter); `undefined` keeps none. */
  digest: string | undefined;
  /** The quotes its page marks: its figures' and the task evidence quoting it. */
  quotes(): readonly string[];
}

/** Where the build keeps the sentences: `<cacheDir>/gongkai-reuse/`, under a version of the code that makes them. */
export interface SentenceCacheOptions {
  dir: string;
  version: string;
}

/**
 * The environment variables that carry the cache folder and the code version from the build's configuration
 * (src/integrations/reuse-cache.ts) to the pages' bundle; unset, nothing is kept.
 */
export const reuseCacheEnv = { dir: 'GONGKAI_REUSE_CACHE_DIR', version: 'GONGKAI_REUSE_CODE_VERSION' } as const;

export function siteSharedPassages(
  contentRoot: string,
  documents: readonly SiteReuseDocument[],
  cache: SentenceCacheOptions | undefined,
  warn: (message: string) => void,
): { index: ReuseIndex; cache: SentenceCacheReport | undefined } {
  const ids = documents.map((doc) => ({ id: doc.id, region: doc.region }));
  const readRuns = (d: number) => bodyTextRuns(documentBody(contentRoot, documents[d]!.id));
  if (!cache) return { index: findSharedPassages(ids, (d): ReuseBody => ({ runs: readRuns(d), quotes: documents[d]!.quotes() })), cache: undefined };
  const { source, finish } = cachedReuseSource(
    cache.dir,
    cache.version,
    documents.map((doc, d) => ({ key: doc.digest, readRuns: () => readRuns(d), quotes: () => doc.quotes() })),
    warn,
  );
  const index = findSharedPassages(ids, source);
  return { index, cache: finish() };
}
