#!/usr/bin/env node
/** `npm run check`: validates every file of content/ without building, and reports every error found. */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatContentIssues, formatContentWarnings, formatGithubAnnotations, formatJsonLines, reportFormats, type ReportFormat } from '../src/domain/content/content-issue.ts';
import { allowEmptyContent, loadContent } from '../src/domain/content/load-content.ts';
import { contentRootProblem } from '../src/domain/content/read-content.ts';
import { silentCorrections } from '../src/domain/content/corrections.ts';
import { changedDocuments, GitBaseError } from '../src/domain/content/git-base.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const usage = `Usage: npm run check [-- [--format human|github|json] [--since <git ref>] <folder>]

Validates all content without building: every document, metric and topic file, every cross-reference
(regions, metrics, topics, units, task evidence), that each quote is in its body, states its figure and can be
anchored on its page, and content/search/abbreviations.yaml; every other file under content/ is reported
too (a hidden or misnamed file is an error, an editor's leftover or .DS_Store a warning). Lists every error
with the file, the field, the bad value and the fix; whatever would fail the build is reported here first.

Arguments:
  <folder>   the folder that holds content/ (default: the current folder, the project)

Options:
  --format <human|github|json>
             how errors and warnings are printed, each with its place \`path:line:col\` when it has one:
             human (default) grouped by file on stderr; github as GitHub Actions annotations
             (::error file=…,line=…,col=…::…) on stdout; json one object per line on stdout with
             severity, file, line, column, field, value, message and hint (README › Checking content)
  --since <git ref>
             also compare each document with its version at the ref (a commit, branch or tag, e.g.
             origin/main or HEAD~1): a published figure's value, unit or quote, the document's dates
             (published, written, period) or its body changed without a new \`changes\` entry is an
             error, and so is a removed or renamed document without a tombstone in content/withdrawn.yaml
  --help     show this help

Environment:
  GONGKAI_ALLOW_EMPTY_CONTENT=1   accept a content/documents/ with no documents (an empty site on purpose)

Exit status: 0 when the content is valid (warnings allowed), 1 when it has errors or the folder holds no
content, 2 for a wrong option or argument, or a --since that cannot be compared (git missing, unknown ref).`;

function fail(message: string, code: number): never {
  console.error(`check: ${message}`);
  process.exit(code);
}

let parsed;
try {
  parsed = parseArgs({ allowPositionals: true, options: { help: { type: 'boolean', short: 'h' }, format: { type: 'string', default: 'human' }, since: { type: 'string' } } });
} catch (error) {
  fail(`${(error as Error).message}\n\n${usage}`, 2);
}
if (parsed.values.help) {
  console.log(usage);
  process.exit(0);
}
if (parsed.positionals.length > 1) fail(`expected at most one folder, got ${parsed.positionals.length}: ${parsed.positionals.join(' ')}\n\n${usage}`, 2);

const format = parsed.values.format as ReportFormat;
if (!reportFormats.includes(format)) fail(`--format must be one of ${reportFormats.join(', ')}, got "${format}"\n\n${usage}`, 2);

const root = resolve(parsed.positionals[0] ?? process.cwd());
const problem = contentRootProblem(root);
if (problem) fail(problem, 1);

const started = performance.now();
const { model, issues, warnings } = loadContent(root, { allowEmpty: allowEmptyContent() });
const since = parsed.values.since;
if (since !== undefined) {
  try {
    const versions = changedDocuments(root, since, (path) => readFileSync(join(root, path), 'utf8'));
    issues.push(...silentCorrections(versions, new Set(model.withdrawn.map((tombstone) => tombstone.id)), since));
  } catch (error) {
    if (error instanceof GitBaseError) fail(error.message, 2);
    throw error;
  }
}
if (format === 'human') {
  if (warnings.length > 0) console.error(`${formatContentWarnings(warnings)}\n`);
  if (issues.length > 0) console.error(formatContentIssues(issues));
} else if (issues.length + warnings.length > 0) {
  // Machine formats go to stdout, one line per issue, for the runner or a tool to read.
  console.log(format === 'github' ? formatGithubAnnotations(issues, warnings) : formatJsonLines(issues, warnings));
}
if (issues.length > 0) process.exit(1);
const figures = model.documents.reduce((sum, doc) => sum + doc.data.metrics.length, 0);
const tasks = model.documents.reduce((sum, doc) => sum + doc.data.tasks.length, 0);
// With a machine format, stdout holds only annotations or JSON lines: the summary goes to stderr.
(format === 'human' ? console.log : console.error)(
  `content OK: ${model.documents.length} documents, ${figures} figures, ${tasks} tasks, ${model.metrics.size} metrics, ${model.topics.size} topics (${Math.round(performance.now() - started)} ms)`,
);
