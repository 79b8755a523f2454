#!/usr/bin/env node
/**
 * `npm run ingest:eval [-- --show-held-out] [--pages DIR] [--labels DIR]`: how well ingestion does, reported
 * separately for four sets:
 * - seeds and variants: the seed texts and their variants in tests/fixtures/, labelled by the curated files of
 *   content/documents (tests/fixtures/ingest/labels.json);
 * - development and held-out pages: the real pages of tests/fixtures/ingest/pages, labelled by labels/NNN.yaml;
 *   every fourth page (004, 008, …) is held out, and its differences are printed only with --show-held-out.
 * Prints a table per set, the development pages' differences, then one JSON line.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '../site-build.ts';
import { loadContent } from '../../src/domain/content/load-content.ts';
import { readContentSources } from '../../src/domain/content/read-content.ts';
import { loadIngestContext } from '../../src/domain/ingest/context.ts';
import { evalData, evaluateLabelledSet, evaluatePages, ingestPage, pageAddresses, type EvalResult, type PageResult } from './eval-set.ts';
import { maintainerWork } from './maintainer-work.ts';
import { pageChecks, pageLists, precision, recall, scoredFields, sumLists, sumTaskPages, type PageScores } from './evaluate.ts';
import type { PageSplit } from './page-labels.ts';

const usage = `usage: npm run ingest:eval [-- --show-held-out] [--maintainer-work] [--pages DIR] [--labels DIR]

  --show-held-out   also print the differences of held-out pages (004, 008, … 060); only for the final report
  --maintainer-work print, per published page, the fields a maintainer changed by hand (a Markdown table)
  --pages DIR       folder of the real pages NNN.txt (default tests/fixtures/ingest/pages)
  --labels DIR      folder of their labels NNN.yaml (default DIR/labels of --pages)
  --help            this text`;

const { values: args } = parseArgs({
  options: {
    'show-held-out': { type: 'boolean', default: false },
    'maintainer-work': { type: 'boolean', default: false },
    pages: { type: 'string' },
    labels: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) {
  console.log(usage);
  process.exit(0);
}

const root = repoRoot;
const context = loadIngestContext(root);
const percent = (value: number | undefined) => (value === undefined ? '—' : `${(value * 100).toFixed(1)}%`);
const ratio = (value: number | undefined) => (value === undefined ? null : Number(value.toFixed(4)));

// Seeds and variants against the curated documents.
const { labelsFile, pagesDir: defaultPagesDir } = evalData(root);
function curatedSet(name: string, prefix: string) {
  const result = evaluateLabelledSet(labelsFile, join(root, 'content'), context, (input) => input.startsWith(prefix));
  printCurated(name, result);
  const fields = Object.fromEntries(
    scoredFields.map((field) => {
      const tally = result.scores[field];
      return [field, { ...tally, precision: ratio(precision(tally)), recall: ratio(recall(tally)) }];
    }),
  );
  return { result, json: { files: result.files.length, documents: result.documents, fields } };
}

function printCurated(name: string, result: EvalResult): void {
  console.log(`${name}: ${result.files.length} files, ${result.documents} documents (tests/fixtures/ingest/labels.json)`);
  for (const file of result.files) {
    const status = file.error ?? `${file.drafts} draft${file.drafts === 1 ? '' : 's'} for ${file.labels} labelled`;
    const lines = file.differences.flatMap((doc) => doc.differences.map((line) => `  ${doc.id}: ${line}`));
    if (file.error || lines.length > 0) console.log(`${file.input}: ${status}`);
    for (const line of lines) console.log(line);
  }
  console.log(`  ${'field'.padEnd(12)} ${'TP'.padStart(4)} ${'FP'.padStart(4)} ${'FN'.padStart(4)} ${'precision'.padStart(10)} ${'recall'.padStart(8)}`);
  for (const field of scoredFields) {
    const tally = result.scores[field];
    console.log(`  ${field.padEnd(12)} ${String(tally.tp).padStart(4)} ${String(tally.fp).padStart(4)} ${String(tally.fn).padStart(4)} ${percent(precision(tally)).padStart(10)} ${percent(recall(tally)).padStart(8)}`);
  }
  console.log('');
}

const seeds = curatedSet('seeds', 'seeds/');
const variants = curatedSet('variants', 'ingest/variants/');

// Real pages against their truth labels.
const pagesDir = resolve(args.pages ?? defaultPagesDir);
const labelsDir = resolve(args.labels ?? join(pagesDir, 'labels'));
const sources = readContentSources(root);
const addresses = pageAddresses(join(pagesDir, 'sources.json'));
const pages = evaluatePages({
  pagesDir,
  labelsDir,
  context,
  definitions: { metrics: sources.metrics, topics: sources.topics, regions: context.regions },
  addresses,
});

const listNames: Record<string, string> = { figures: 'figures (all fields, quote exact)', figures_in_quote: 'figures (all fields, quote contains)', figure_values: 'figure values (metric, value, in quote)', task_titles: 'task titles' };

function printPages(split: PageSplit, showDifferences: boolean): Record<string, unknown> {
  const scored = pages.pages.filter((page) => page.split === split && !page.labelProblems);
  const broken = pages.pages.filter((page) => page.split === split && page.labelProblems);
  const unlabelled = pages.unlabelled[split];
  const total = scored.length + broken.length + unlabelled.length;
  console.log(`${split} pages: ${scored.length} of ${total} scored${unlabelled.length > 0 ? `; no label yet: ${unlabelled.join(' ')}` : ''}${broken.length > 0 ? `; label not readable: ${broken.map((page) => page.file).join(' ')}` : ''}`);
  for (const page of broken) for (const problem of showDifferences ? (page.labelProblems ?? []) : []) console.log(`  ${page.file} label: ${problem}`);
  const totals = pages.totals[split];
  printPageTable(totals);
  if (showDifferences) printDifferences(scored);
  else console.log(`  (differences of held-out pages are not shown; --show-held-out shows them)\n`);
  return { pages: scored.length, unlabelled: unlabelled.length, unreadable_labels: broken.length, ...pageJson(totals) };
}

function printPageTable(totals: PageScores): void {
  console.log(`  ${'check'.padEnd(12)} ${'right'.padStart(5)} / ${'checked'.padEnd(7)} ${'share'.padStart(7)}`);
  for (const check of pageChecks) {
    const { right, checked } = totals.checks[check];
    console.log(`  ${check.padEnd(12)} ${String(right).padStart(5)} / ${String(checked).padEnd(7)} ${percent(checked === 0 ? undefined : right / checked).padStart(7)}`);
  }
  printTaskPages(totals.taskPages);
  console.log(`  ${'list'.padEnd(38)} ${'TP'.padStart(4)} ${'FP'.padStart(4)} ${'FN'.padStart(4)} ${'precision'.padStart(10)} ${'recall'.padStart(8)}`);
  for (const list of pageLists) {
    const tally = totals.lists[list];
    console.log(`  ${(listNames[list] ?? list).padEnd(38)} ${String(tally.tp).padStart(4)} ${String(tally.fp).padStart(4)} ${String(tally.fn).padStart(4)} ${percent(precision(tally)).padStart(10)} ${percent(recall(tally)).padStart(8)}`);
  }
}

/** Not one of the field checks (not in their total): the `tasks` check on documents whose label lists task rows. */
function printTaskPages({ right, checked }: { right: number; checked: number }): void {
  console.log(`  ${'(task pages'.padEnd(12)} ${String(right).padStart(5)} / ${String(checked).padEnd(7)} ${percent(checked === 0 ? undefined : right / checked).padStart(7)}  tasks right where the label lists task rows; not in the field checks)`);
}

function printDifferences(scored: PageResult[]): void {
  const differing = scored.filter((page) => page.differences.length > 0);
  console.log(`\n  differences (${differing.length} of ${scored.length} pages):`);
  for (const page of differing) {
    console.log(`  ${page.file}`);
    for (const line of page.differences) console.log(`    ${line}`);
  }
  console.log('');
}

function pageJson(totals: PageScores): Record<string, unknown> {
  const checks = Object.fromEntries(pageChecks.map((check) => [check, { ...totals.checks[check] }]));
  const lists = Object.fromEntries(
    pageLists.map((list) => {
      const tally = totals.lists[list];
      return [list, { ...tally, precision: ratio(precision(tally)), recall: ratio(recall(tally)) }];
    }),
  );
  return { checks, lists, task_pages: { ...totals.taskPages } };
}

const development = printPages('development', true);
const heldOut = printPages('held-out', args['show-held-out']);
// The issue's figure bar (recall ≥ 85% with precision ≥ 95%) is over all real pages: both splits summed.
const allLists = sumLists(pages.totals.development, pages.totals['held-out']);
console.log(`all real pages (development + held-out):`);
for (const list of pageLists) {
  const tally = allLists[list];
  console.log(`  ${(listNames[list] ?? list).padEnd(38)} ${String(tally.tp).padStart(4)} ${String(tally.fp).padStart(4)} ${String(tally.fn).padStart(4)} ${percent(precision(tally)).padStart(10)} ${percent(recall(tally)).padStart(8)}`);
}
const allTaskPages = sumTaskPages(pages.totals.development, pages.totals['held-out']);
printTaskPages(allTaskPages);
console.log('');
const allPages = { task_pages: allTaskPages, lists: Object.fromEntries(pageLists.map((list) => [list, { ...allLists[list], precision: ratio(precision(allLists[list])), recall: ratio(recall(allLists[list])) }])) };

// The maintainer's work: what had to change by hand between a fresh draft and the committed document.
const work = maintainerWork(loadContent(root).model.documents, addresses, (page, url) => ingestPage(join(pagesDir, page), page, context, url).drafts);
const fieldCounts = new Map<string, number>();
for (const entry of work) for (const change of entry.changed) fieldCounts.set(change.split(' ')[0] ?? change, (fieldCounts.get(change.split(' ')[0] ?? change) ?? 0) + 1);
const changes = work.reduce((sum, entry) => sum + entry.changed.length, 0);
console.log(`maintainer's work: ${work.length} published documents from these pages, ${changes} fields changed by hand (${work.length === 0 ? 0 : (changes / work.length).toFixed(1)} a document)`);
console.log(`  ${[...fieldCounts].sort((a, b) => b[1] - a[1]).map(([field, count]) => `${field} ${count}`).join(', ')}`);
if (args['maintainer-work']) {
  console.log('\n| page | document | fields changed by hand after `npm run ingest -- --url ADDRESS PAGE` |\n|---|---|---|');
  for (const entry of work) console.log(`| ${entry.page} | \`${entry.document}\` | ${entry.changed.length === 0 ? 'none' : entry.changed.join(', ')} |`);
}
console.log('');
const maintainer = { documents: work.length, fields_changed: changes, by_field: Object.fromEntries(fieldCounts) };

console.log(JSON.stringify({ seeds: seeds.json, variants: variants.json, development, held_out: heldOut, all_pages: allPages, maintainer_work: maintainer }));
if ([...seeds.result.files, ...variants.result.files].some((file) => file.error) || pages.pages.some((page) => page.labelProblems)) process.exit(1);
