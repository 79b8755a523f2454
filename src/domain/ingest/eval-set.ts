/**
 * Runs ingestion over a labelled set and scores it. The set is a `labels.json` mapping input files (relative
 * to its folder's parent) to the ids of the curated documents they hold, in order: the seeds and the
 * variants made from them (tests/fixtures/ingest/). Node only.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { documentFrontmatterSchema } from '../../schemas/document.ts';
import { splitFrontmatter } from '../content/frontmatter.ts';
import { differences, emptyScores, scoreDocument, type Label, type Scores } from './evaluate.ts';
import { ingestDecoded } from './ingest.ts';
import { readInput } from './read-input.ts';
import type { IngestContext } from './types.ts';

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

export function evaluateLabelledSet(labelsFile: string, contentDir: string, context: IngestContext): EvalResult {
  const base = dirname(dirname(labelsFile));
  const labels = JSON.parse(readFileSync(labelsFile, 'utf8')) as Record<string, string[]>;
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
