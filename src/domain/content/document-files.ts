/**
 * The one road for a document file: where documents live, the id a path gives, and a file read into its
 * schema-checked front matter and its body. Validation (validate-content.ts), the pages (src/lib) and the search
 * index read documents only through here, so they agree on which files are documents and on what each says — the
 * search index used to cast the front matter it split itself, and dated an undated document its own way.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentFrontmatterSchema, type DocumentFrontmatter } from '../../schemas/document.ts';
import { listContentFiles } from './content-files.ts';
import { formatContentIssues, issuesFromZod, type ContentIssue } from './content-issue.ts';
import { FrontmatterError, frontmatterBody, splitFrontmatter } from './frontmatter.ts';

/** The documents' folder, relative to the folder holding content/. */
export const documentsFolder = 'content/documents';

/** A file of content/, path relative to the folder holding content/ with forward slashes. */
export interface SourceFile {
  path: string;
  text: string;
}

/**
 * The id of the document at a project-relative path — its path under content/documents without `.md`, which is
 * also its URL (`content/documents/anhui/xuancheng/xuanzhou/2023-h2-summary.md` → `anhui/xuancheng/xuanzhou/2023-h2-summary`)
 * — or undefined when the path is not a Markdown file under content/documents/.
 */
export function documentIdOf(path: string): string | undefined {
  const prefix = `${documentsFolder}/`;
  if (!path.startsWith(prefix) || !path.endsWith('.md') || path.length <= prefix.length + '.md'.length) return undefined;
  return path.slice(prefix.length, -'.md'.length);
}

/** The project-relative path of the document `id`. */
export function documentPathOf(id: string): string {
  return `${documentsFolder}/${id}.md`;
}

/** A document file as read: valid, with a front matter that fails its schema, or not readable as a document. */
export type ReadDocument =
  | { status: 'valid'; id: string; file: string; data: DocumentFrontmatter; body: string; bodyLine: number }
  /** The front matter was split from the body but fails its schema: `raw` is what the YAML said. */
  | { status: 'invalid'; id: string; file: string; raw: unknown; body: string; bodyLine: number; issues: ContentIssue[] }
  /** Not a Markdown file under content/documents/, or its front matter cannot be split from the body or parsed. */
  | { status: 'unreadable'; file: string; issues: ContentIssue[] };

/** Reads a document file: its id from the path, front matter apart from the body, the front matter schema-checked. */
export function readDocument(source: SourceFile): ReadDocument {
  const file = source.path;
  const id = documentIdOf(file);
  if (id === undefined) {
    return {
      status: 'unreadable',
      file,
      issues: [{ file, message: 'documents must be Markdown files under content/documents/', hint: 'rename it to content/documents/<region path>/<year>-<h1|h2|year>-<kind>.md' }],
    };
  }
  let split;
  try {
    split = splitFrontmatter(source.text);
  } catch (error) {
    if (!(error instanceof FrontmatterError)) throw error;
    return {
      status: 'unreadable',
      file,
      issues: [{ file, message: `${error.message}${error.line ? ` (line ${error.line})` : ''}`, hint: 'fix the YAML between the two `---` lines: indentation, a missing colon or an unclosed quote', ...positionOf(error) }],
    };
  }
  if (split.data === null || typeof split.data !== 'object' || Array.isArray(split.data)) {
    // A front matter that is one value or a list (found by the bad-input suite) has no fields to name.
    return {
      status: 'unreadable',
      file,
      issues: [{ file, line: 2, column: 1, value: split.data, message: `the front matter (line 2) is ${Array.isArray(split.data) ? 'a list' : `the single value ${JSON.stringify(split.data)}`}, not fields`, hint: 'write one `field: value` per line between the two `---` lines, e.g. `title: …`, `kind: summary`' }],
    };
  }
  const parsed = documentFrontmatterSchema.safeParse(split.data);
  if (!parsed.success) return { status: 'invalid', id, file, raw: split.data, body: split.body, bodyLine: split.bodyLine, issues: issuesFromZod(file, parsed.error, split.data) };
  return { status: 'valid', id, file, data: parsed.data, body: split.body, bodyLine: split.bodyLine };
}

/** The place of a syntax error, when the parser gave one. */
export function positionOf(error: FrontmatterError): { line: number; column: number } | Record<string, never> {
  return error.line === undefined ? {} : { line: error.line, column: error.column ?? 1 };
}

/**
 * A document that must be valid — validation passed before any page or the search index reads it — or an error
 * with the full report, should the file have changed since (a build edited under its feet).
 */
export function readValidDocument(source: SourceFile): { id: string; file: string; data: DocumentFrontmatter; body: string } {
  const read = readDocument(source);
  if (read.status !== 'valid') {
    throw new Error(`${source.path} is not a valid document, though content validation passed before the build read it (was it edited during the build?):\n${formatContentIssues(read.issues)}`);
  }
  return read;
}

/** The text of the document `id` under `contentRoot` (the folder holding content/). Node only. */
export function documentSource(contentRoot: string, id: string): SourceFile {
  const path = documentPathOf(id);
  return { path, text: readFileSync(join(contentRoot, path), 'utf8') };
}

/**
 * The body of the document `id`, read from its file: pages keep only the validated front matter in Astro's store
 * and read a body when they render it (src/lib/content-loaders.ts). The front matter is cut off where validation
 * cut it but neither parsed nor checked again — the page renders the store's copy — so a page pays for reading the
 * file, not for a second YAML parse and schema check of every document. Node only.
 */
export function documentBody(contentRoot: string, id: string): string {
  const source = documentSource(contentRoot, id);
  try {
    return frontmatterBody(source.text);
  } catch (error) {
    if (!(error instanceof FrontmatterError)) throw error;
    throw new Error(`${source.path}: ${error.message}, though content validation passed before the build read it (was it edited during the build?)`, { cause: error });
  }
}

/** The ids of the documents under `contentRoot`, in the order validation reads them (src/domain/content/content-files.ts). Node only. */
export function listDocumentIds(contentRoot: string): string[] {
  return listContentFiles(contentRoot).documents.flatMap((path) => documentIdOf(path) ?? []);
}
