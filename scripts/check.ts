#!/usr/bin/env node
/** `npm run check`: validates every file of content/ without building, and reports every error found. */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatContentIssues, formatContentWarnings, formatGithubAnnotations, formatJsonLines, reportFormats, type ReportFormat } from '../src/domain/content/content-issue.ts';
import { allowEmptyContent, loadContent } from '../src/domain/content/load-content.ts';
import { contentRootProblem } from '../src/domain/content/read-content.ts';

const usage = `Usage: npm run check [-- [--format human|github|json] <folder>]

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
  --help     show this help

Environment:
  GONGKAI_ALLOW_EMPTY_CONTENT=1   accept a content/documents/ with no documents (an empty site on purpose)

Exit status: 0 when the content is valid (warnings allowed), 1 when it has errors or the folder holds no
content, 2 for a wrong option or argument.`;

function fail(message: string, code: number): never {
  console.error(`check: ${message}`);
  process.exit(code);
}

let parsed;
try {
  parsed = parseArgs({ allowPositionals: true, options: { help: { type: 'boolean', short: 'h' }, format: { type: 'string', default: 'human' } } });
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
