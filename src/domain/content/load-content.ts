/** Reads and validates content/ in one step: the entry point for the build, `npm run check` and tests. Node only. */
import { loadRegions, RegionIndex } from '../regions.ts';
import type { ContentIssue } from './content-issue.ts';
import type { UnmarkedQuotes } from './quote-anchoring.ts';
import { readContentSources } from './read-content.ts';
import { validateContent, type ValidationResult } from './validate-content.ts';

export interface LoadOptions {
  /** Accept a content/ with no documents (`GONGKAI_ALLOW_EMPTY_CONTENT=1`): an empty site on purpose. */
  allowEmpty?: boolean;
  /** Which quotes of a body its page leaves unmarked (validate-content.ts ValidateOptions): the build's kept answers. */
  unmarkedQuotes?: UnmarkedQuotes;
}

/** The error for a content folder with no documents: a build would publish an empty site and exit 0. */
export const noDocumentsIssue: ContentIssue = {
  file: 'content/documents/',
  message: 'holds no documents, so the site would be published empty',
  hint: 'add documents as content/documents/<region path>/<year>-<h1|h2|year>-<kind>.md (`npm run ingest` drafts them from saved pages), or set GONGKAI_ALLOW_EMPTY_CONTENT=1 to build an empty site on purpose',
};

export function loadContent(root: string, options: LoadOptions = {}): ValidationResult {
  const sources = readContentSources(root);
  const result = validateContent(sources, new RegionIndex(loadRegions()), options.unmarkedQuotes ? { unmarkedQuotes: options.unmarkedQuotes } : {});
  // A folder whose only documents are reported (hidden, misnamed, not UTF-8) is not "empty": those errors say why.
  const documentProblems = sources.unread?.problems.some((issue) => issue.file.startsWith('content/documents/')) ?? false;
  if (sources.documents.length === 0 && !documentProblems && !options.allowEmpty) result.issues.unshift(noDocumentsIssue);
  return result;
}

/** Whether the environment asks for an empty site to be allowed (`GONGKAI_ALLOW_EMPTY_CONTENT=1`). */
export function allowEmptyContent(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.GONGKAI_ALLOW_EMPTY_CONTENT === '1';
}
