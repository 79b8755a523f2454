#!/usr/bin/env node
/**
 * `npm run tasks:suggest -- <task-list.md> <summary.md>`: proposes, for each task of a task list, the sentences
 * of the same bureau's later summary that report on it, with scores, a suggested status and YAML to paste after
 * review. `npm run tasks:suggest -- --region <slug>`: proposes, across the region's consecutive plans and task
 * lists, which later task continues which earlier one, with each document's sentence, and with `--write` puts the
 * proposals into the later files under a marker `npm run check` rejects until a maintainer deletes it. The
 * matching is in src/domain/task-matching.ts and task-link-proposals.ts; this file reads, prints and writes.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { formatContentIssues, issuesFromZod, type ContentIssue } from '../src/domain/content/content-issue.ts';
import { FrontmatterError, splitFrontmatter } from '../src/domain/content/frontmatter.ts';
import { defaultThreshold, documentIdFromPath, suggestTaskMatches, suggestionsYaml } from '../src/domain/task-matching.ts';
import { taskSchema, taskStatusDefinitions } from '../src/schemas/task.ts';
import { documentFrontmatterSchema, type DocumentFrontmatter } from '../src/schemas/document.ts';
import { defaultLinkThreshold, insertProposals, proposalsYaml, proposeLinks, type DocumentPairProposals, type LinkableDocument } from '../src/domain/task-link-proposals.ts';

const usage = `Usage: npm run tasks:suggest -- <task-list file> <summary file> [options]
       npm run tasks:suggest -- --region <region slug> [--write] [--root <folder>] [options]

Proposes which sentences of a later summary report on each task of a task list (or a plan with tasks:),
ranked by character-bigram overlap (weighted Dice, 0–1), with a suggested status and a YAML snippet to paste
into the task list's front matter after review. Nothing is written: the maintainer decides.

With --region: for each plan or task list of the region (its own folder, not the regions under it) and the
one of the year before, proposes which later task continues which earlier task (再次提出), with the sentence of
each document that sets it out, and lists the earlier tasks nothing later takes up.

Options:
  --json               print the suggestions as JSON instead of text
  --top <n>            sentences to show per task (default 3)
  --threshold <score>  below this score a task counts as not mentioned (default ${defaultThreshold});
                       with --region, below it two tasks are not proposed as one (default ${defaultLinkThreshold})
  --region <slug>      propose cross-year links for this region, e.g. zhejiang/hangzhou/yuhang
  --write              with --region: write the complete proposals into the later documents, each under the
                       line "# tasks:suggest proposal, unconfirmed" that npm run check rejects until you delete it
  --root <folder>      with --region: the folder that holds content/ (default: the current folder)
  --help               show this help

Examples:
  npm run tasks:suggest -- content/documents/anhui/xuancheng/xuanzhou/2023-year-task-list.md \\
                           content/documents/anhui/xuancheng/xuanzhou/2023-year-summary.md
  npm run tasks:suggest -- --region zhejiang/hangzhou/yuhang --write`;

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
    options: {
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      top: { type: 'string' },
      threshold: { type: 'string' },
      region: { type: 'string' },
      write: { type: 'boolean' },
      root: { type: 'string' },
    },
  });
} catch (error) {
  fail(`${(error as Error).message}\n\n${usage}`, 2);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(usage);
  process.exit(0);
}
if (values.region === undefined && (values.write || values.root !== undefined)) fail(`--write and --root go with --region.\n\n${usage}`, 2);
if (values.region !== undefined && positionals.length > 0) fail(`with --region give no files (got ${positionals.length}); the region's documents are read from content/documents/${values.region}/.\n\n${usage}`, 2);
if (values.region === undefined && positionals.length !== 2) fail(`expected two files, a task list and a summary; got ${positionals.length}.\n\n${usage}`, 2);
const top = values.top === undefined ? 3 : Number(values.top);
if (!Number.isInteger(top) || top < 1) fail(`--top must be a whole number of 1 or more, got "${values.top}"`, 2);
const threshold = values.threshold === undefined ? (values.region === undefined ? defaultThreshold : defaultLinkThreshold) : Number(values.threshold);
if (!(threshold >= 0 && threshold <= 1)) fail(`--threshold must be a score between 0 and 1, got "${values.threshold}"`, 2);

if (values.region !== undefined) {
  suggestRegionLinks(values.region, values.root ?? '.', threshold, Boolean(values.write), Boolean(values.json));
  process.exit(0);
}

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

interface RegionDocument extends LinkableDocument {
  file: string;
  text: string;
  data: DocumentFrontmatter;
}

/** The region's own plans and task lists of one year each, with tasks, oldest first. */
function regionDocuments(region: string, root: string): RegionDocument[] {
  const folder = join(root, 'content/documents', region);
  let names: string[];
  try {
    names = readdirSync(folder, { withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.md')).map((e) => e.name).sort();
  } catch (error) {
    fail((error as NodeJS.ErrnoException).code === 'ENOENT' ? `no folder ${folder}: give a region slug with documents, e.g. zhejiang/hangzhou/yuhang` : `cannot read ${folder}: ${(error as Error).message}`);
  }
  const issues: ContentIssue[] = [];
  const out: RegionDocument[] = [];
  for (const name of names) {
    const file = join(folder, name);
    const text = readFileSync(file, 'utf8');
    let split;
    try {
      split = splitFrontmatter(text);
    } catch (error) {
      if (!(error instanceof FrontmatterError)) throw error;
      issues.push({ file, message: error.message, hint: 'fix the YAML between the two `---` lines' });
      continue;
    }
    const parsed = documentFrontmatterSchema.safeParse(split.data);
    if (!parsed.success) {
      issues.push(...issuesFromZod(file, parsed.error, split.data));
      continue;
    }
    const data = parsed.data;
    if ((data.kind !== 'plan' && data.kind !== 'task-list') || data.period.end_year !== undefined || data.tasks.length === 0) continue;
    out.push({ id: `${region}/${name.replace(/\.md$/, '')}`, title: data.title, year: data.period.year, body: split.body, tasks: data.tasks, metrics: data.metrics, file, text, data });
  }
  if (issues.length > 0) failWithIssues(issues);
  const start = (d: RegionDocument) => d.data.period.year * 12 + (d.data.period.half === 'H2' ? 6 : 0);
  return out.sort((a, b) => start(a) - start(b) || a.id.localeCompare(b.id));
}

function suggestRegionLinks(region: string, root: string, linkThreshold: number, write: boolean, json: boolean): void {
  const documents = regionDocuments(region, root);
  const start = (d: RegionDocument) => d.data.period.year * 12 + (d.data.period.half === 'H2' ? 6 : 0);
  const pairs: { later: RegionDocument; result: DocumentPairProposals }[] = [];
  for (const later of documents) {
    // The nearest earlier period the region has (every plan or list of it): the one a later plan takes up.
    const before = documents.filter((d) => start(d) < start(later));
    const nearest = Math.max(...before.map(start));
    for (const earlier of before.filter((d) => start(d) === nearest)) pairs.push({ later, result: proposeLinks(earlier, later, { threshold: linkThreshold }) });
  }
  if (json) {
    console.log(JSON.stringify({ region, threshold: linkThreshold, pairs: pairs.map((p) => p.result) }, null, 2));
  } else {
    if (pairs.length === 0) console.log(`${region}: fewer than two plans or task lists of different years with tasks; nothing to link.`);
    for (const { result } of pairs) {
      console.log(`\n${result.earlier.id} (${result.earlier.year}) → ${result.later.id} (${result.later.year})`);
      if (result.alreadyLinked.length > 0) console.log(`  already linked in content: ${result.alreadyLinked.join(', ')}`);
      for (const p of result.proposals) {
        console.log(`  [${p.later.id}] ${p.later.title} ← [${p.earlier.id}] ${p.earlier.title}  (score ${p.score.toFixed(3)})`);
        if (p.earlier.goal !== p.later.goal && p.earlier.goal && p.later.goal) console.log(`      goal: “${p.earlier.goal}” → “${p.later.goal}”`);
        console.log(`      ${result.earlier.year}: ${p.earlierQuote ? `“${p.earlierQuote.sentence}” (${p.earlierQuote.score.toFixed(3)})` : 'no sentence names the task: quote it by hand'}`);
        console.log(`      ${result.later.year}: ${p.quote ? `“${p.quote.sentence}” (${p.quote.score.toFixed(3)})` : 'no sentence names the task: quote it by hand'}`);
        for (const m of p.sameMetric) {
          const figure = (f: { value: number; unit: string; target: boolean }) => `${f.value} ${f.unit}${f.target ? ' (target)' : ''}`;
          console.log(`      same metric ${m.metric}: ${result.earlier.year} ${figure(m.earlier)} → ${result.later.year} ${figure(m.later)}`);
        }
      }
      if (result.proposals.length === 0) console.log('  no task proposed as continuing an earlier one');
      if (result.notTakenUp.length > 0) {
        console.log(`  earlier tasks nothing in ${result.later.id} is proposed for (once you confirm a link between the two, the site lists them as 本站收录的后续文件未再提及 unless a summary reported on them):`);
        for (const t of result.notTakenUp) console.log(`    [${t.id}] ${t.title}`);
      }
    }
  }
  if (!write) {
    if (!json) for (const { result } of pairs) if (result.proposals.length > 0) console.log(`\n${proposalsYaml(result)}`);
    return;
  }
  // One write per later file, with the proposals of all its earlier documents.
  const byFile = new Map<RegionDocument, DocumentPairProposals[]>();
  for (const { later, result } of pairs) byFile.set(later, [...(byFile.get(later) ?? []), result]);
  for (const [later, results] of byFile) {
    const proposals = results.flatMap((r) => r.proposals);
    if (proposals.length === 0) continue;
    const { text, written, skipped } = insertProposals(later.text, proposals);
    for (const s of skipped) console.error(`tasks:suggest: ${later.file}: task ${s.task} not written: ${s.why}`);
    if (written.length === 0) continue;
    // The text was edited as text: read it back and make sure it says exactly what was proposed.
    const check = z.array(taskSchema).safeParse((splitFrontmatter(text).data as { tasks?: unknown }).tasks);
    const wrote = check.success ? check.data.filter((t) => written.includes(t.id) && t.continues).length : 0;
    if (wrote !== written.length) fail(`${later.file}: the proposals could not be inserted cleanly (the file is unchanged); paste the YAML printed without --write by hand`);
    writeFileSync(later.file, text);
    console.error(`tasks:suggest: wrote ${written.length} proposed link${written.length > 1 ? 's' : ''} into ${later.file} (tasks ${written.join(', ')}). Check each against both documents and delete its "# tasks:suggest proposal, unconfirmed" line; npm run check fails until you do.`);
  }
}
