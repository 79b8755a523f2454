/**
 * The labelled variants (tests/fixtures/ingest/variants, made by make-variants.ts from the seeds): other
 * layouts, encodings, boilerplate and orders of the same documents. Each reads into its labelled documents,
 * loses nothing, and scores as `npm run ingest:eval` reports.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../../src/domain/content/frontmatter.ts';
import { emptyScores, precision, recall, scoreDocument } from '../../../tools/ingest-eval/evaluate.ts';
import { evaluateLabelledSet } from '../../../tools/ingest-eval/eval-set.ts';
import { readInput } from '../../../src/domain/ingest/read-input.ts';
import { documentFrontmatterSchema } from '../../../src/schemas/document.ts';
import { fixturesDir, ingest, projectContext, repo } from './helpers.ts';

const labelsFile = join(fixturesDir, 'ingest', 'labels.json');
const labels = JSON.parse(readFileSync(labelsFile, 'utf8')) as Record<string, string[]>;
const variants = Object.entries(labels).filter(([file]) => file.startsWith('ingest/variants/'));
const bare = (text: string) => text.replace(/^#+ |^- |^\\/gm, '').replace(/^\|( --- \|)+$/gm, '').replace(/[|\s]/g, '');

describe.each(variants)('variant %s', (file, ids) => {
  const input = readInput(join(fixturesDir, file));
  const text = input.ok ? input.text : '';
  const drafts = ingest(text, file);

  it('decodes', () => {
    expect(input.ok).toBe(true);
  });

  it('reads into its labelled documents with their kind, period and region', () => {
    const want = ids.map((id) => documentFrontmatterSchema.parse(splitFrontmatter(readFileSync(join(repo, 'content', 'documents', `${id}.md`), 'utf8')).data));
    expect(drafts.map((draft) => [draft.frontmatter.kind, draft.frontmatter.period, draft.frontmatter.region])).toEqual(want.map((label) => [label.kind, label.period, label.region]));
  });

  it('loses no line', () => {
    const bodies = drafts.map((draft) => bare(draft.body)).join('\n');
    const dropped = new Set(drafts.flatMap((draft) => draft.dropped.map((line) => line.line)));
    const lost = text.split(/\r\n|\r|\n/).map((line, i) => [line, i + 1] as const).filter(([line, no]) => line.trim() !== '' && !dropped.has(no) && !bodies.includes(bare(line)));
    expect(lost).toEqual([]);
  });
});

describe('scoring', () => {
  it('counts a right value as a true positive, a wrong one as a false positive and a false negative', () => {
    const scores = emptyScores();
    const label = { kind: 'plan', period: { year: 2017, half: 'H2' }, region: 'shanghai', source: {}, topics: ['veterans', 'charity'], metrics: [], tasks: [] } as const;
    scoreDocument(scores, { frontmatter: { kind: 'plan', region: 'beijing', topics: ['veterans', 'disability'] } }, { ...label, topics: [...label.topics], metrics: [], tasks: [], period: { ...label.period } });
    expect(scores.kind).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(scores.region).toEqual({ tp: 0, fp: 1, fn: 1 });
    expect(scores.period).toEqual({ tp: 0, fp: 0, fn: 1 });
    expect(scores.topics).toEqual({ tp: 1, fp: 1, fn: 1 });
    expect(precision(scores.topics)).toBe(0.5);
    expect(recall(scores.period)).toBe(0);
    expect(precision(scores.publisher)).toBeUndefined();
  });

  it('scores the labelled set with every figure and task found', () => {
    const { scores, documents } = evaluateLabelledSet(labelsFile, join(repo, 'content'), projectContext());
    expect(documents).toBeGreaterThanOrEqual(16);
    for (const field of ['figures', 'tasks', 'kind', 'period', 'region'] as const) {
      expect([field, precision(scores[field]), recall(scores[field])]).toEqual([field, 1, 1]);
    }
  });
});
