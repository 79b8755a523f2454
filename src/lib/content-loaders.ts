/**
 * Astro content loaders over the validated content model. Validation (every file, every cross-reference)
 * runs once in src/domain/content; any error fails the build with the full report, so nothing is published
 * from invalid content. Astro's own `reference()` only logs a broken reference, which is not enough.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroConfig } from 'astro';
import type { Loader } from 'astro/loaders';
import { openAnchoringCache } from '../domain/content/anchoring-cache.ts';
import { formatContentIssues, formatContentWarnings, type ContentIssue } from '../domain/content/content-issue.ts';
import { allowEmptyContent, loadContent } from '../domain/content/load-content.ts';
import type { ValidationResult } from '../domain/content/validate-content.ts';
import { withdrawnPath } from '../domain/content/content-files.ts';

let validated: ValidationResult | undefined;
let validationMs = 0;
/** What the kept quote-anchoring answers saved this build (src/domain/content/anchoring-cache.ts). */
let anchoring = { reused: 0, computed: 0 };

/**
 * Thrown when content/ has errors. Astro prints a failed build's error as its message, then its `hint`, then
 * its location and stack; this error's message is our report (every issue, formatted by content-issue.ts) and
 * its hint the way to re-check, and it carries no stack — where in the loader it was thrown tells an author
 * nothing — so the report and the hint are the last thing a failed build prints. Astro replaces the hint of
 * any error whose text contains "document" or "window" with its own "Browser APIs are not available on the
 * server" (core/errors/dev/utils.js `generateHint`, matched on `toString()`): our paths all contain
 * `content/documents/`, so `toString()` names the count of errors only.
 */
export class ContentValidationError extends Error {
  readonly hint = 'Fix the files above; `npm run check` re-checks all content without building. Nothing was published.';
  readonly #summary: string;
  constructor(issues: readonly ContentIssue[], warnings: readonly ContentIssue[] = []) {
    // Warnings first: the errors, and the hint after them, stay the last thing printed.
    super(`\n${warnings.length > 0 ? `${formatContentWarnings(warnings)}\n\n` : ''}${formatContentIssues(issues)}\n`);
    this.name = 'ContentValidationError';
    this.#summary = `${issues.length} content error${issues.length === 1 ? '' : 's'}`;
    this.stack = '';
  }

  override toString(): string {
    return `${this.name}: ${this.#summary}`;
  }
}

/**
 * The folder holding `content/`: the project by default; `GONGKAI_CONTENT_ROOT` points a build at another one
 * (the build tests' fixtures, the benchmark's generated corpus).
 */
export function contentRoot(projectRoot: URL | string = process.cwd()): string {
  return process.env.GONGKAI_CONTENT_ROOT ?? (typeof projectRoot === 'string' ? projectRoot : decodeURIComponent(projectRoot.pathname));
}

/** Where the build keeps what validation may reuse on the next build: Astro's cache folder. */
export function anchoringCacheFile(cacheDir: URL): string {
  return join(fileURLToPath(cacheDir), 'gongkai-content', 'quote-anchoring.json');
}

function validatedContent(config: AstroConfig): ValidationResult {
  if (!validated) {
    const started = performance.now();
    // Quote anchoring parses every body with a quote: its answers are kept by body and quotes (anchoring-cache.ts).
    const cache = openAnchoringCache(anchoringCacheFile(config.cacheDir), fileURLToPath(config.root));
    const result = loadContent(contentRoot(config.root), { allowEmpty: allowEmptyContent(), unmarkedQuotes: cache.unmarked });
    // Saved whether or not the content has errors: each answer is right for its body and quotes either way.
    anchoring = cache.save();
    validationMs = performance.now() - started;
    if (result.issues.length > 0) throw new ContentValidationError(result.issues, result.warnings);
    validated = result;
  }
  return validated;
}

export function documentsLoader(): Loader {
  return {
    name: 'gongkai-documents',
    load: async ({ store, config, logger, generateDigest }) => {
      const started = performance.now();
      const { model, warnings } = validatedContent(config);
      // Skipped clutter (.DS_Store, an editor's a.md~) is said at every build, so it is cleaned up, not forgotten.
      if (warnings.length > 0) logger.warn(`\n${formatContentWarnings(warnings)}`);
      store.clear();
      for (const doc of model.documents) {
        // The body stays on disk; pages read it when they render (lib/documents.ts), which keeps Astro's
        // content store small at 100,000 documents.
        const digest = generateDigest(doc.body + JSON.stringify(doc.data));
        // The YAML parser's strings are slices of the file's text, so front matter kept as parsed keeps the
        // whole file — body included — alive for the rest of the build: about the corpus's size (1.4 GB of
        // text at 100,000 documents). A structured clone holds its own copies, and nothing needs the body
        // after this (the other loaders read definitions only), so the file texts can be collected.
        doc.data = structuredClone(doc.data);
        doc.body = '';
        store.set({ id: doc.id, data: { ...doc.data }, digest });
      }
      logger.info(
        `${model.documents.length} documents validated in ${Math.round(validationMs)} ms (quote anchoring: ${anchoring.reused} bodies' answers kept from an earlier build, ${anchoring.computed} parsed), stored in ${Math.round(performance.now() - started)} ms`,
      );
    },
  };
}

/**
 * A loader that fills its collection from the validated content model: the one mechanism behind the
 * definitions, tombstones and regions collections, which differ only in which entries of the model they take.
 */
function modelLoader(name: string, entries: (model: ValidationResult['model']) => Iterable<readonly [string, object]>): Loader {
  return {
    name,
    load: async ({ store, config }) => {
      const { model } = validatedContent(config);
      store.clear();
      for (const [id, data] of entries(model)) store.set({ id, data: { ...data } });
    },
  };
}

export function definitionsLoader(kind: 'metrics' | 'topics'): Loader {
  return modelLoader(`gongkai-${kind}`, (model) => model[kind]);
}

/**
 * Whether the content holds content/withdrawn.yaml: most sites have no tombstones, and asking Astro for an empty
 * collection logs a warning at every build that teaches maintainers to skip warnings.
 */
export function hasWithdrawnFile(): boolean {
  return existsSync(join(contentRoot(), withdrawnPath));
}

/** Tombstones of withdrawn documents (content/withdrawn.yaml), each a page at its old address. */
export function withdrawnLoader(): Loader {
  return modelLoader('gongkai-withdrawn', (model) => model.withdrawn.map((tombstone) => [tombstone.id, tombstone] as const));
}

/** Regions come from the division-code package; all of them are loaded, pages are made only where content is. */
export function regionsLoader(): Loader {
  return modelLoader('gongkai-regions', (model) => model.regions.all.map((region) => [region.slug, region] as const));
}
