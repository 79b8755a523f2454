#!/usr/bin/env node
/**
 * `npm run ingest -- [options] FILE...`: turns text copied from government sites into draft content files.
 * Argument parsing and printing only; the work is in src/domain/ingest. See docs/ingest.md.
 */
import { statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { describeDamage } from '../src/domain/ingest/byte-damage.ts';
import { loadIngestContext } from '../src/domain/ingest/context.ts';
import { orderedFrontmatter } from '../src/domain/ingest/draft.ts';
import { ingestDecoded } from '../src/domain/ingest/ingest.ts';
import { writeDraft } from '../src/domain/ingest/output.ts';
import { readIngestInput } from '../src/domain/ingest/read-input.ts';
import { progressReporter, progressThresholdBytes } from '../src/domain/ingest/progress.ts';
import { formatReport } from '../src/domain/ingest/report.ts';

const usage = `usage: npm run ingest -- [options] FILE...

Reads each FILE (text copied from a government site: UTF-8, GB18030/GBK or UTF-16; or a web page saved
as .html/.htm) and writes one draft content file per document it holds, with a report of what was
inferred, extracted and dropped.

options:
  --out DIR    write into DIR instead of content/ (DIR/documents/…, DIR/drafts/…)
  --force      overwrite a file that already exists
  --dry-run    write nothing; print the reports and where each draft would go
  --json       print only a JSON array of {frontmatter, body, dropped} to stdout; write nothing
  --url URL    the address of the page FILE was copied from: recorded as source.url (one FILE only;
               a saved .html page's own address is used without it)
  --allow-damaged
               read a text file with invalid bytes instead of refusing it: each damaged span becomes
               〖无法解码的字节 …〗 in the draft and is listed, with its byte offset and line, in the report
  --progress   show on stderr how far each file has got (size and lines read, phase, documents drafted);
               on by itself when stderr is a terminal and a file is 1 MB or more; --no-progress turns it off
  --help       print this help

Exit status: 0 when every file was read and written, 1 when any file was refused or a draft could not be
written (the others are still processed),
2 for a usage error. Full documentation: docs/ingest.md`;

let args;
try {
  args = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      force: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      url: { type: 'string' },
      'allow-damaged': { type: 'boolean', default: false },
      progress: { type: 'boolean' },
      help: { type: 'boolean', default: false },
    },
    allowNegative: true,
  });
} catch (error) {
  console.error(`${(error as Error).message}\n\n${usage}`);
  process.exit(2);
}
const { values, positionals } = args;
if (values.help) {
  console.log(usage);
  process.exit(0);
}
if (positionals.length === 0) {
  console.error(`no input files\n\n${usage}`);
  process.exit(2);
}
if (values.url !== undefined && (positionals.length > 1 || !/^https?:\/\/\S+$/i.test(values.url))) {
  console.error(`${positionals.length > 1 ? '--url names the page of one FILE; give one FILE with it' : `--url ${values.url} is not an http(s) address`}\n\n${usage}`);
  process.exit(2);
}

const projectRoot = resolve(import.meta.dirname, '..');
const contentDir = values.out ? resolve(values.out) : join(projectRoot, 'content');
const context = loadIngestContext(projectRoot);
const json: { frontmatter: Record<string, unknown>; body: string; dropped: { reason: string; text: string }[] }[] = [];
let refused = 0;
let failed = 0;
// One set for the run: a draft never takes the file another draft of this run was given (see output.ts).
const claimed = new Set<string>();

const reporter = progressReporter((text) => process.stderr.write(text), { tty: process.stderr.isTTY === true, now: () => performance.now() });
const fileSize = (file: string) => {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
};

positionals.forEach((file, i) => {
  const progress = positionals.length > 1 ? `[${i + 1}/${positionals.length}] ` : '';
  const bytes = fileSize(file);
  const showProgress = values.progress ?? (process.stderr.isTTY === true && bytes >= progressThresholdBytes);
  if (showProgress) reporter.start(`${progress}${file}`, bytes);
  const input = readIngestInput(file, values.url, { allowDamaged: values['allow-damaged'] });
  const result = ingestDecoded(input.decoded, basename(file), context, { ...input.options, ...(showProgress ? { onProgress: reporter.update } : {}) });
  if (showProgress) reporter.finish(result.ok ? `${result.drafts.length} document${result.drafts.length === 1 ? '' : 's'}` : 'refused');
  if (!result.ok) {
    refused += 1;
    console.error(`${progress}refused ${file}: ${result.reason}`);
    return;
  }
  const { drafts, encoding } = result;
  const damage = input.decoded.ok ? (input.decoded.damage ?? []) : [];
  if (damage.length > 0) {
    // Never silent: the marked spans are on stderr and in every draft's report of the file.
    const where = damage.map(describeDamage);
    console.error(`${progress}${file}: ${damage.length} damaged byte sequence${damage.length === 1 ? '' : 's'} marked 〖无法解码的字节 …〗 (--allow-damaged): ${where.join('; ')}`);
    for (const draft of drafts) draft.report.notes.push(`damaged bytes marked 〖无法解码的字节 …〗 in the text (--allow-damaged); check these against the page: ${where.join('; ')}`);
  }
  if (values.json) {
    for (const draft of drafts) json.push({ frontmatter: orderedFrontmatter(draft.frontmatter), body: draft.body, dropped: draft.dropped.map(({ reason, text }) => ({ reason, text })) });
    if (positionals.length > 1) console.error(`${progress}${file}: ${drafts.length} draft${drafts.length === 1 ? '' : 's'} (${encoding})`);
    return;
  }
  console.error(`${progress}${file}: ${encoding}${input.format === 'text' ? '' : ` (${input.format})`}, ${drafts.length} document${drafts.length === 1 ? '' : 's'}`);
  for (const draft of drafts) {
    const written = writeDraft(draft, { contentDir, force: values.force, dryRun: values['dry-run'], claimed });
    if (written.status === 'failed') {
      failed += 1;
      console.error(`${progress}not written ${file} (document ${draft.index}): ${written.error}`);
    }
    const status = { written: 'written', overwritten: 'overwritten (--force)', exists: 'exists, not overwritten (use --force)', 'dry-run': 'dry run, not written', failed: `not written: ${written.error}` }[written.status];
    if (written.renamed) draft.report.notes.push(`named ${written.destination.path}: ${written.renamed}`);
    console.log(`\n${formatReport(draft, written.destination, relative(process.cwd(), written.file) || written.file, status)}`);
  }
});

if (values.json) console.log(JSON.stringify(json, null, 2));
if (refused > 0) console.error(`${refused} of ${positionals.length} file${positionals.length === 1 ? '' : 's'} refused`);
if (failed > 0) console.error(`${failed} draft${failed === 1 ? '' : 's'} not written (file-system errors above)`);
if (refused > 0 || failed > 0) process.exit(1);
