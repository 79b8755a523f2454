/**
 * Tells the shared-passage index (src/lib/reuse.ts) where to keep each body's sentences across builds — Astro's
 * cache folder, `<cacheDir>/gongkai-reuse/` — and the version of the code that makes them, through the build's
 * environment: the pages' bundle knows neither the configuration nor the project's source files. Kept sentences
 * are keyed by the files `sentenceCode` lists and the lockfile (markdown-it parses the bodies), so a change to how
 * a body becomes sentences throws every kept one away; tests/integrations/reuse-cache.test.ts checks the list
 * covers what site-passages.ts imports but the detection itself (shared-passages.ts), which pairs and decides
 * from the kept rows afresh on every build.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { codeDigest } from '../domain/code-digest.ts';
import { reuseCacheEnv } from '../domain/reuse/site-passages.ts';

export const sentenceCode = [
  'src/domain/reuse/site-passages.ts', // reads each body and hands it to the cache
  'src/domain/reuse/sentence-cache.ts', // the record layout
  'src/domain/reuse/sentences.ts', // sentences, their weights and hashes
  'src/domain/task-matching.ts', // (sentences.ts) where a sentence ends
  'src/domain/markdown/render-document.ts', // the body's text runs
  'src/domain/anchors.ts', // (render-document.ts)
  'src/domain/keep-together.ts', // (render-document.ts)
  'src/domain/content/document-files.ts', // the body of a document file
  'src/domain/content/content-files.ts', // (document-files.ts)
  'src/domain/content/frontmatter.ts', // (document-files.ts) the body apart from the front matter
  'src/domain/content/content-issue.ts', // (document-files.ts)
  'src/schemas/', // (document-files.ts)
] as const;

/** A digest of `sentenceCode` (each file with its path) and the lockfile under `projectRoot`. */
export function sentenceCodeVersion(projectRoot: string): string {
  return codeDigest(projectRoot, sentenceCode);
}

export function reuseCache(): AstroIntegration {
  return {
    name: 'gongkai-reuse-cache',
    hooks: {
      'astro:config:done': ({ config }) => {
        process.env[reuseCacheEnv.dir] = join(fileURLToPath(config.cacheDir), 'gongkai-reuse');
        process.env[reuseCacheEnv.version] = sentenceCodeVersion(fileURLToPath(config.root));
      },
    },
  };
}
