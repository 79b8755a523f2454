/**
 * Runs ingestion over the labelled sets and scores it. Two kinds of set:
 * - a `labels.json` mapping input files (relative to its folder's parent) to the ids of the curated documents
 *   they hold, in order: the seeds and the variants made from them (tests/fixtures/ingest/);
 * - real pages (`NNN.txt`) with a truth label each (`labels/NNN.yaml`, page-labels.ts), split into
 *   development and held-out pages.
 * Node only.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { documentFrontmatterSchema } from '../../src/schemas/document.ts';
import { splitFrontmatter } from '../../src/domain/content/frontmatter.ts';
import { validateContent, type SourceFile } from '../../src/domain/content/validate-content.ts';
import type { RegionIndex } from '../../src/domain/regions.ts';
import { destination, serializeDraft } from '../../src/domain/ingest/draft.ts';
import { addPageScores, differences, emptyPageScores, emptyScores, scoreDocument, scorePage, type Label, type PageOutcome, type PageScores, type Scores } from './evaluate.ts';
import { ingestDecoded, ingestText } from '../../src/domain/ingest/ingest.ts';
import { pageSplit, readPageLabel, type PageSplit } from './page-labels.ts';
import { readInput } from '../../src/domain/ingest/read-input.ts';
import type { Draft, IngestContext } from '../../src/domain/ingest/types.ts';

/**
 * The evaluation's data: the ingester's own fixtures, which its tests read too — the seeds' and variants'
 * labels (`labels.json`, naming the curated documents of content/documents) and the 60 real pages with their
 * truth labels (`pages/NNN.txt`, `pages/labels/NNN.yaml`).
 */
export function evalData(repo: string): { labelsFile: string; pagesDir: string } {
  return { labelsFile: join(repo, 'tests/fixtures/ingest/labels.json'), pagesDir: join(repo, 'tests/fixtures/ingest/pages') };
}

export interface FileResult {
  input: string;
  /** Why the file could not be scored, e.g. refused input or a missing label. */
  error?: string;
  drafts: number;
  labels: number;
  /** Differences per document: label id → what differs. */
  differences: { id: string; differences: string[] }[];
}

export interface EvalResult {
  files: FileResult[];
  scores: Scores;
  documents: number;
}

export function readLabel(contentDir: string, id: string): Label {
  const text = readFileSync(join(contentDir, 'documents', `${id}.md`), 'utf8');
  return documentFrontmatterSchema.parse(splitFrontmatter(text).data);
}

/** Scores the set of `labelsFile`; `include` picks some of its input files (e.g. only the seeds). */
export function evaluateLabelledSet(labelsFile: string, contentDir: string, context: IngestContext, include: (input: string) => boolean = () => true): EvalResult {
  const base = dirname(dirname(labelsFile));
  const labels = Object.fromEntries(Object.entries(JSON.parse(readFileSync(labelsFile, 'utf8')) as Record<string, string[]>).filter(([input]) => include(input)));
  const scores = emptyScores();
  const files: FileResult[] = [];
  let documents = 0;
  for (const [input, ids] of Object.entries(labels)) {
    const result: FileResult = { input, drafts: 0, labels: ids.length, differences: [] };
    files.push(result);
    let wanted: { id: string; label: Label }[];
    try {
      wanted = ids.map((id) => ({ id, label: readLabel(contentDir, id) }));
    } catch (error) {
      result.error = `label not readable: ${(error as Error).message.split('\n')[0]}`;
      continue;
    }
    documents += wanted.length;
    const read = ingestDecoded(readInput(join(base, input)), input, context);
    const drafts = read.ok ? read.drafts : [];
    if (!read.ok) result.error = `refused: ${read.reason}`;
    result.drafts = drafts.length;
    for (let i = 0; i < Math.max(drafts.length, wanted.length); i++) {
      const draft = drafts[i];
      const label = wanted[i];
      scoreDocument(scores, draft, label?.label);
      if (draft && label) result.differences.push({ id: label.id, differences: differences(draft, label.label) });
      else if (label) result.differences.push({ id: label.id, differences: ['no draft for this document'] });
      else if (draft) result.differences.push({ id: `(extra draft ${i + 1})`, differences: ['a draft with no labelled document'] });
    }
  }
  return { files, scores, documents };
}

/** The definitions a draft is validated against, as `npm run check` reads them. */
export interface Definitions {
  metrics: SourceFile[];
  topics: SourceFile[];
  regions: RegionIndex;
}

/**
 * Validates one draft as it would be written (serialised front matter and body at its destination), the way
 * `npm run check` validates content/, in memory. Returns every problem in check's wording; none = valid. A
 * draft that goes to `drafts/` (region, period or kind not settled) is not valid content.
 */
export function draftProblems(draft: Draft, definitions: Definitions): string[] {
  const where = destination(draft);
  // A held draft (a news report) is validated where it goes once a maintainer decides to publish it: its content
  // needs no fixing, only that decision.
  const path = `content/${where.kind === 'draft' && where.documentPath ? where.documentPath : where.path}`;
  const { issues } = validateContent({ documents: [{ path, text: serializeDraft(draft) }], metrics: definitions.metrics, topics: definitions.topics }, definitions.regions);
  return issues.map((issue) => `${issue.file === path ? '' : `${issue.file}: `}${issue.field ? `${issue.field}: ` : ''}${issue.message}`);
}

export interface PageResult {
  /** The page, e.g. `017.txt`. */
  file: string;
  split: PageSplit;
  /** Set when the label could not be read: the page is not scored. */
  labelProblems?: string[];
  scores: PageScores;
  /** Every difference between drafts and label, readable. */
  differences: string[];
}

export interface PagesResult {
  pages: PageResult[];
  /** Pages with no label file yet (not scored), per split. */
  unlabelled: Record<PageSplit, string[]>;
  totals: Record<PageSplit, PageScores>;
}

export interface PagesOptions {
  /** Folder of the pages, `NNN.txt`. */
  pagesDir: string;
  /** Folder of the labels, `NNN.yaml`. */
  labelsDir: string;
  context: IngestContext;
  definitions: Definitions;
  /**
   * Each page's address (`sources.json`), given to ingestion as `--url` would be. `source.url` is scored only
   * for pages that have one and whose label states one.
   */
  addresses?: Map<string, string>;
}

/**
 * Ingests a page the way `npm run ingest -- --url ADDRESS FILE` does: read and decode the file, then ingest
 * its text with the page's address, refusing a page with no document text.
 */
export function ingestPage(path: string, file: string, context: IngestContext, url?: string): { text: string; drafts: Draft[]; refused?: string } {
  const decoded = readInput(path);
  if (!decoded.ok) return { text: '', drafts: [], refused: decoded.reason };
  const drafts = ingestText(decoded.text, file, context, url ? { url } : {});
  if (drafts.length === 0) return { text: decoded.text, drafts, refused: 'no document text: every line is metadata or site boilerplate' };
  return { text: decoded.text, drafts };
}

/** Page addresses from a `sources.json` (`[{ file, address }]`); none when the file is absent. */
export function pageAddresses(sourcesFile: string): Map<string, string> {
  if (!existsSync(sourcesFile)) return new Map();
  const records = JSON.parse(readFileSync(sourcesFile, 'utf8')) as { file?: unknown; address?: unknown }[];
  return new Map(records.flatMap((record) => (typeof record.file === 'string' && typeof record.address === 'string' ? [[record.file, record.address] as const] : [])));
}

/** Ingests every labelled page of `pagesDir` and scores it against its label. */
export function evaluatePages(options: PagesOptions): PagesResult {
  const files = readdirSync(options.pagesDir).filter((name) => /^\d{3}\.txt$/.test(name)).sort();
  const totals: Record<PageSplit, PageScores> = { development: emptyPageScores(), 'held-out': emptyPageScores() };
  const unlabelled: Record<PageSplit, string[]> = { development: [], 'held-out': [] };
  const pages: PageResult[] = [];
  for (const file of files) {
    const split = pageSplit(file);
    const labelFile = join(options.labelsDir, file.replace(/\.txt$/, '.yaml'));
    if (!existsSync(labelFile)) {
      unlabelled[split].push(file);
      continue;
    }
    const reading = readPageLabel(readFileSync(labelFile, 'utf8'));
    if (!reading.ok) {
      pages.push({ file, split, labelProblems: reading.problems, scores: emptyPageScores(), differences: [] });
      continue;
    }
    const path = join(options.pagesDir, file);
    const address = options.addresses?.get(file);
    const ingested = ingestPage(path, file, options.context, address);
    const outcome: PageOutcome = { ...ingested, validation: ingested.drafts.map((draft) => draftProblems(draft, options.definitions)) };
    const { scores, differences: lines } = scorePage(outcome, reading.label, { scoreUrl: address !== undefined });
    addPageScores(totals[split], scores);
    pages.push({ file, split, scores, differences: lines });
  }
  return { pages, unlabelled, totals };
}
