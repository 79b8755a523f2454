#!/usr/bin/env node
/**
 * `npm run ingest:eval`: precision and recall of ingestion on the labelled set (the seeds and their variants
 * in tests/fixtures/, labelled by the curated files in content/documents/). Prints a table, then one JSON line.
 */
import { join, resolve } from 'node:path';
import { loadIngestContext } from '../src/domain/ingest/context.ts';
import { evaluateLabelledSet } from '../src/domain/ingest/eval-set.ts';
import { precision, recall, scoredFields } from '../src/domain/ingest/evaluate.ts';

const root = resolve(import.meta.dirname, '..');
const labelsFile = join(root, 'tests', 'fixtures', 'ingest', 'labels.json');
const context = loadIngestContext(root);
const result = evaluateLabelledSet(labelsFile, join(root, 'content'), context);

const percent = (value: number | undefined) => (value === undefined ? '—' : `${(value * 100).toFixed(1)}%`);
console.log(`labelled set: ${result.files.length} files, ${result.documents} documents (tests/fixtures/ingest/labels.json)\n`);
for (const file of result.files) {
  const status = file.error ?? `${file.drafts} draft${file.drafts === 1 ? '' : 's'} for ${file.labels} labelled`;
  console.log(`${file.input}: ${status}`);
  for (const doc of file.differences) for (const line of doc.differences) console.log(`  ${doc.id}: ${line}`);
}
console.log(`\n${'field'.padEnd(10)} ${'TP'.padStart(4)} ${'FP'.padStart(4)} ${'FN'.padStart(4)} ${'precision'.padStart(10)} ${'recall'.padStart(8)}`);
const fields: Record<string, { tp: number; fp: number; fn: number; precision: number | null; recall: number | null }> = {};
for (const field of scoredFields) {
  const tally = result.scores[field];
  const p = precision(tally);
  const r = recall(tally);
  console.log(`${field.padEnd(10)} ${String(tally.tp).padStart(4)} ${String(tally.fp).padStart(4)} ${String(tally.fn).padStart(4)} ${percent(p).padStart(10)} ${percent(r).padStart(8)}`);
  fields[field] = { ...tally, precision: p === undefined ? null : Number(p.toFixed(4)), recall: r === undefined ? null : Number(r.toFixed(4)) };
}
console.log(JSON.stringify({ files: result.files.length, documents: result.documents, fields }));
if (result.files.some((file) => file.error)) process.exit(1);
