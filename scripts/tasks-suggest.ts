#!/usr/bin/env node
/**
 * `npm run tasks:suggest -- <task-list.md> <summary.md>`: proposes, for each task of a task list, the sentences
 * of the same bureau's later summary that report on it, with scores, a suggested status and YAML to paste after
 * review. The matching is in src/domain/task-matching.ts; this file only reads arguments and files and prints.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { formatContentIssues, issuesFromZod, type ContentIssue } from '../src/domain/content/content-issue.ts';
import { FrontmatterError, splitFrontmatter } from '../src/domain/content/frontmatter.ts';
import { defaultThreshold, documentIdFromPath, suggestTaskMatches, suggestionsYaml } from '../src/domain/task-matching.ts';
import { taskSchema, taskStatusDefinitions } from '../src/schemas/task.ts';

const usage = `Usage: npm run tasks:suggest -- <task-list file> <summary file> [options]

Proposes which sentences of a later summary report on each task of a task list (or a plan with tasks:),
ranked by character-bigram overlap (weighted Dice, 0–1), with a suggested status and a YAML snippet to paste
into the task list's front matter after review. Nothing is written: the maintainer decides.

Options:
  --json               print the suggestions as JSON instead of text
  --top <n>            sentences to show per task (default 3)
  --threshold <score>  below this score a task counts as not mentioned (default ${defaultThreshold})
  --help               show this help

Example:
  npm run tasks:suggest -- content/documents/anhui/xuancheng/xuanzhou/2023-year-task-list.md \\
                           content/documents/anhui/xuancheng/xuanzhou/2023-year-summary.md`;

function fail(message: string, code = 1): never {
  console.error(`tasks:suggest: ${message}`);
  process.exit(code);
}

/** Content errors go the one road: every issue, in the report `npm run check` and the build print. */
function failWithIssues(issues: ContentIssue[]): never {
  fail(`cannot match tasks until these are fixed (\`npm run check\` checks all content):\n\n${formatContentIssues(issues)}`);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' }, top: { type: 'string' }, threshold: { type: 'string' } },
  });
} catch (error) {
  fail(`${(error as Error).message}\n\n${usage}`, 2);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(usage);
  process.exit(0);
}
if (positionals.length !== 2) fail(`expected two files, a task list and a summary; got ${positionals.length}.\n\n${usage}`, 2);
const top = values.top === undefined ? 3 : Number(values.top);
if (!Number.isInteger(top) || top < 1) fail(`--top must be a whole number of 1 or more, got "${values.top}"`, 2);
const threshold = values.threshold === undefined ? defaultThreshold : Number(values.threshold);
if (!(threshold >= 0 && threshold <= 1)) fail(`--threshold must be a score between 0 and 1, got "${values.threshold}"`, 2);

const [taskListPath, summaryPath] = positionals as [string, string];

function read(path: string, role: string) {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(code === 'ENOENT' ? `${role} file not found: ${path}` : `cannot read ${role} file ${path}: ${(error as Error).message}`);
  }
  try {
    return splitFrontmatter(text);
  } catch (error) {
    if (!(error instanceof FrontmatterError)) throw error;
    failWithIssues([{ file: path, message: `${error.message}${error.line ? ` (line ${error.line})` : ''}`, hint: 'fix the YAML between the two `---` lines: indentation, a missing colon or an unclosed quote' }]);
  }
}

const taskList = read(taskListPath, 'task-list');
const summary = read(summaryPath, 'summary');
const listData = (taskList.data ?? {}) as { kind?: unknown; tasks?: unknown };
if (!Array.isArray(listData.tasks) || listData.tasks.length === 0) {
  fail(`${taskListPath} is not a task list: its front matter has no tasks: (kind: ${String(listData.kind ?? 'missing')}). Give a task list, or a plan with tasks:, as the first file.`);
}
const tasks = z.array(taskSchema).safeParse(listData.tasks);
if (!tasks.success) failWithIssues(issuesFromZod(taskListPath, tasks.error, listData.tasks, ['tasks']));
const summaryKind = (summary.data as { kind?: unknown }).kind;
if (summaryKind !== 'summary') console.error(`tasks:suggest: note: ${summaryPath} has kind "${String(summaryKind)}", not "summary"; matching anyway.`);

const summaryId = documentIdFromPath(summaryPath) ?? summaryPath.replace(/\.md$/, '');
const suggestions = suggestTaskMatches(tasks.data, summary.body, { top, threshold });

if (values.json) {
  console.log(JSON.stringify({ taskList: taskListPath, summary: summaryId, threshold, suggestions }, null, 2));
} else {
  for (const s of suggestions) {
    console.log(`\n[${s.task.id}] ${s.task.title}`);
    console.log(`  now: ${s.task.status} · suggested: ${s.suggestedStatus} (${taskStatusDefinitions[s.suggestedStatus].label}) — ${s.reason}`);
    for (const m of s.matches) console.log(`  ${m.score.toFixed(3)}  ${m.sentence}`);
  }
  const counts = new Map<string, number>();
  for (const s of suggestions) counts.set(s.suggestedStatus, (counts.get(s.suggestedStatus) ?? 0) + 1);
  console.log(`\n${suggestions.length} tasks: ${[...counts].map(([k, v]) => `${v} ${k}`).join(', ')}. Review, then paste:\n`);
  console.log(suggestionsYaml(suggestions, summaryId));
}
