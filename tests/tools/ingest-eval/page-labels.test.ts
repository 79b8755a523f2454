/**
 * The truth labels of the real pages (tests/fixtures/ingest/pages/labels/NNN.yaml) are well formed: each
 * parses against LABELS.md's format, names its own page, quotes it exactly, and refers only to metrics and
 * regions that exist. This guards the labels, not the ingester (its score is printed by `npm run ingest:eval`).
 * Messages about a held-out page (004, 008, …) name the file and field only, never its text.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageSplit, readPageLabel, type PageLabel } from '../../../tools/ingest-eval/page-labels.ts';
import { loadRegions } from '../../../src/domain/regions.ts';
import { fixturesDir, repo } from '../../domain/ingest/helpers.ts';

const pagesDir = join(fixturesDir, 'ingest', 'pages');
const labelsDir = join(pagesDir, 'labels');
const labelFiles = existsSync(labelsDir) ? readdirSync(labelsDir).filter((name) => name.endsWith('.yaml')).sort() : [];
const metricIds = new Set(readdirSync(join(repo, 'content', 'metrics')).filter((name) => name.endsWith('.yaml')).map((name) => name.replace(/\.yaml$/, '')));
const regionSlugs = new Set(loadRegions().map((region) => region.slug));

interface Read {
  name: string;
  heldOut: boolean;
  label?: PageLabel;
  problems: string[];
  page?: string;
}

const labels: Read[] = labelFiles.map((name) => {
  const reading = readPageLabel(readFileSync(join(labelsDir, name), 'utf8'));
  const pageFile = join(pagesDir, name.replace(/\.yaml$/, '.txt'));
  return {
    name,
    heldOut: pageSplit(name) === 'held-out',
    ...(reading.ok ? { label: reading.label } : {}),
    problems: reading.ok ? [] : reading.problems,
    ...(existsSync(pageFile) ? { page: readFileSync(pageFile, 'utf8') } : {}),
  };
});

/** A problem, with the offending text only for development pages. */
const problem = (read: Read, where: string, what: string, text?: string) => `${read.name} ${where}: ${what}${text !== undefined && !read.heldOut ? `: ${JSON.stringify(text)}` : ''}`;

function eachDocument(visit: (read: Read, label: PageLabel, doc: PageLabel['documents'][number], where: string) => void): void {
  for (const read of labels) {
    if (!read.label) continue;
    const label = read.label;
    label.documents.forEach((doc, i) => visit(read, label, doc, `documents[${i}]`));
  }
}

describe('the page labels', () => {
  it('are files NNN.yaml, one for an existing page NNN.txt', () => {
    expect(labelFiles.length).toBeGreaterThan(0);
    expect(labelFiles.filter((name) => !/^\d{3}\.yaml$/.test(name))).toEqual([]);
    expect(labels.filter((read) => read.page === undefined).map((read) => read.name)).toEqual([]);
  });

  it('parse against the format of LABELS.md (kinds, halves, dates, text fields as strings)', () => {
    const broken = labels.flatMap((read) => read.problems.map((p) => `${read.name}: ${read.heldOut ? p.replace(/:.*$/, ': invalid') : p}`));
    expect(broken).toEqual([]);
  });

  it('each name their own page in `file`', () => {
    expect(labels.filter((read) => read.label && read.label.file !== read.name.replace(/\.yaml$/, '.txt')).map((read) => `${read.name} says file: ${read.label?.file}`)).toEqual([]);
  });

  it('quote their page exactly: every figure quote, not-in-model figure and task title is a substring of it', () => {
    const wrong: string[] = [];
    eachDocument((read, _label, doc, where) => {
      const page = read.page ?? '';
      doc.figures.forEach((figure, f) => {
        if (!page.includes(figure.quote)) wrong.push(problem(read, `${where}.figures[${f}].quote`, 'not in the page', figure.quote));
      });
      doc.not_in_model.forEach((quote, q) => {
        if (!page.includes(quote)) wrong.push(problem(read, `${where}.not_in_model[${q}]`, 'not in the page', quote));
      });
      doc.task_titles.forEach((title, t) => {
        if (!page.includes(title)) wrong.push(problem(read, `${where}.task_titles[${t}]`, 'not in the page', title));
      });
    });
    expect(wrong).toEqual([]);
  });

  it('use only metric ids of content/metrics and region slugs of the division table', () => {
    const wrong: string[] = [];
    eachDocument((read, _label, doc, where) => {
      doc.figures.forEach((figure, f) => {
        if (!metricIds.has(figure.metric)) wrong.push(problem(read, `${where}.figures[${f}].metric`, 'no such metric', figure.metric));
      });
      if (doc.region !== null && !regionSlugs.has(doc.region)) wrong.push(problem(read, `${where}.region`, 'no such region slug', doc.region));
    });
    expect(wrong).toEqual([]);
  });

  it('keep periods and task counts consistent: end_year after year with no half, no more titles than task rows', () => {
    const wrong: string[] = [];
    eachDocument((read, _label, doc, where) => {
      const { year, half, end_year: endYear } = doc.period;
      if (endYear !== null && (year === null || endYear <= year)) wrong.push(problem(read, `${where}.period.end_year`, 'not after period.year'));
      if (endYear !== null && half !== null) wrong.push(problem(read, `${where}.period.half`, 'a multi-year period has no half'));
      if (doc.task_titles.length > doc.tasks) wrong.push(problem(read, `${where}.task_titles`, `${doc.task_titles.length} titles for ${doc.tasks} task rows`));
    });
    expect(wrong).toEqual([]);
  });

  it('say why a page is not published', () => {
    expect(labels.filter((read) => read.label?.publish === false && !read.label.why_not).map((read) => read.name)).toEqual([]);
  });
});
