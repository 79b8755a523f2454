/**
 * Reads and checks all of content/: each file against its schema, then every cross-reference (region,
 * topics, metrics, units, quotes, task ids, evidence), whether each quote can be anchored on its page, and
 * the search abbreviations. Returns the model and every issue found; it never stops at the first, and a field
 * that fails its schema (a bad date) does not keep the file's other fields from being checked.
 */
import type { z } from 'zod';
import { documentFileStem, documentFrontmatterSchema, type DocumentFrontmatter } from '../../schemas/document.ts';
import { metricDefinitionSchema, metricValueSchema, type MetricDefinition, type MetricValue } from '../../schemas/metric.ts';
import { taskSchema, type Task } from '../../schemas/task.ts';
import { topicSchema, type Topic } from '../../schemas/topic.ts';
import { withdrawnListSchema, type WithdrawnDocument } from '../../schemas/withdrawn.ts';
import type { RegionIndex } from '../regions.ts';
import { checkAbbreviations } from '../search/abbreviations.ts';
import { issuesFromZod, type ContentIssue } from './content-issue.ts';
import { positionOf, readDocument as readDocumentFile, type SourceFile } from './document-files.ts';
import { FrontmatterError, parseYamlFile } from './frontmatter.ts';
import { categoryProblem, metricNameProblem, unitPeriodProblem } from './figure-subject.ts';
import { figureRoleProblems, readDigits } from './figure-roles.ts';
import { conversionProblems } from './metric-conversions.ts';
import { evidenceProblems } from './task-evidence.ts';
import { continuationProblems, quotedGoals, unconfirmedMarker, unconfirmedProposalLines, type ContinuationSide, type QuotedGoal } from './task-continuation.ts';
import { quoteAnchoringIssues, type QuoteUse, type UnmarkedQuotes } from './quote-anchoring.ts';
import { locateIssues, YamlPositions } from './source-positions.ts';
import { textDamageIssue } from './text-damage.ts';
import { buildDateInChina, changeDateProblems } from './change-dates.ts';

export type { SourceFile };

export interface ContentSources {
  documents: SourceFile[];
  metrics: SourceFile[];
  topics: SourceFile[];
  /** `content/search/abbreviations.yaml`, when there is one (a content folder may have none). */
  abbreviations?: SourceFile;
  /** `content/withdrawn.yaml`: tombstones of documents taken down or moved, when there are any. */
  withdrawn?: SourceFile;
  /** Entries of content/ that are not read (src/domain/content/content-files.ts): errors, and skipped clutter. */
  unread?: { problems: ContentIssue[]; skipped: ContentIssue[] };
}

export interface DocumentEntry {
  /** Path under content/documents without `.md`, e.g. `anhui/xuancheng/xuanzhou/2023-year-task-list`; also the URL. */
  id: string;
  /** Project-relative path of the file. */
  file: string;
  data: DocumentFrontmatter;
  /** Markdown body. */
  body: string;
}

export interface ContentModel {
  documents: DocumentEntry[];
  metrics: Map<string, MetricDefinition>;
  topics: Map<string, Topic>;
  regions: RegionIndex;
  /** Documents taken down or moved, each a tombstone page at its old address; none is in `documents`. */
  withdrawn: WithdrawnDocument[];
}

export interface ValidationResult {
  model: ContentModel;
  issues: ContentIssue[];
  /** Not errors: files skipped as clutter (`.DS_Store`, `a.md~`), reported so none goes unnoticed. */
  warnings: ContentIssue[];
}

/** Id of a definition file: its name without extension (`content/metrics/dibao-urban.yaml` → `dibao-urban`). */
export function definitionId(path: string): string {
  return (path.split('/').pop() ?? path).replace(/\.ya?ml$/, '');
}

/** Each metric or topic file of `files` checked by `schema`, by id; every problem goes to `issues` (validation and src/domain/content/site-input.ts). */
export function readDefinitions<T>(
  files: readonly SourceFile[],
  schema: { safeParse(data: unknown): { success: true; data: T } | { success: false; error: import('zod').ZodError } },
  issues: ContentIssue[],
  invalid?: Set<string>,
): Map<string, T> {
  const definitions = new Map<string, T>();
  for (const file of files) {
    const id = definitionId(file.path);
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) {
      issues.push({ file: file.path, value: id, message: `file name "${id}" is not a valid id`, hint: 'name the file in lowercase ASCII words joined by hyphens, e.g. dibao-urban.yaml' });
      continue;
    }
    const yaml = parsedYaml(file, issues, 'quote');
    if (!yaml) {
      invalid?.add(id);
      continue;
    }
    const { data } = yaml;
    const parsed = schema.safeParse(data);
    if (parsed.success) definitions.set(id, parsed.data);
    else {
      issues.push(...issuesFromZod(file.path, parsed.error, data));
      invalid?.add(id);
    }
  }
  return definitions;
}

export interface ValidateOptions {
  /** The build's date, `YYYY-MM-DD`, that no correction may come after; today in China Standard Time by default. */
  today?: string;
  /** Which quotes of a body its page leaves unmarked: the renderer by default; the build's kept answers (anchoring-cache.ts). */
  unmarkedQuotes?: UnmarkedQuotes;
}

export function validateContent(sources: ContentSources, regions: RegionIndex, options: ValidateOptions = {}): ValidationResult {
  const today = options.today ?? buildDateInChina();
  const issues: ContentIssue[] = [...(sources.unread?.problems ?? [])];
  for (const file of [...sources.metrics, ...sources.topics, ...(sources.abbreviations ? [sources.abbreviations] : []), ...sources.documents]) {
    const damage = textDamageIssue(file);
    if (damage) issues.push(damage);
  }
  for (const file of sources.documents) {
    for (const position of unconfirmedProposalLines(file.text)) {
      issues.push({ file: file.path, message: 'a proposed task link is not confirmed yet', hint: `read both quoted sentences in their documents; if the task is the same, delete the line "${unconfirmedMarker}", otherwise delete the proposed \`continues:\` block`, ...position });
    }
  }
  // A metric file with errors of its own is reported once, there, not again on every document that uses it.
  const invalidMetrics = new Set<string>();
  const metrics = readDefinitions(sources.metrics, metricDefinitionSchema, issues, invalidMetrics);
  const topics = readDefinitions(sources.topics, topicSchema, issues);
  for (const [id, metric] of metrics) {
    for (const problem of conversionProblems(metric)) issues.push({ file: `content/metrics/${id}.yaml`, ...problem });
    if (!topics.has(metric.topic)) {
      issues.push({ file: `content/metrics/${id}.yaml`, field: 'topic', value: metric.topic, message: `topic "${metric.topic}" does not exist`, hint: `use one of: ${[...topics.keys()].join(', ')}` });
    }
  }
  if (sources.abbreviations) checkAbbreviationsFile(sources.abbreviations, issues);

  const documents: DocumentEntry[] = [];
  const checkable: CheckableDocument[] = [];
  for (const file of sources.documents) {
    const read = readDocument(file, issues);
    if (!read) continue;
    checkable.push(read.checkable);
    if (read.entry) documents.push(read.entry);
  }
  // Every document whose front matter could be read, valid or not: a task's evidence may cite a summary that
  // has an error of its own, and that summary still exists.
  const byId = new Map(checkable.map((doc) => [doc.id, doc]));
  const goals = quotedGoals(checkable);
  for (const doc of checkable) checkReferences(doc, { metrics, invalidMetrics, topics, regions, byId, quotedGoals: goals, today }, issues);
  checkQuoteAnchoring(checkable, byId, issues, options.unmarkedQuotes);
  const withdrawn = sources.withdrawn ? readWithdrawn(sources.withdrawn, byId, issues) : [];
  locateIssues(issues, [...sources.metrics, ...sources.topics, ...sources.documents, ...(sources.withdrawn ? [sources.withdrawn] : [])]);
  documents.sort((a, b) => a.id.localeCompare(b.id));
  return { model: { documents, metrics, topics, regions, withdrawn }, issues, warnings: [...(sources.unread?.skipped ?? [])] };
}

/** The data of a YAML file, or undefined with its syntax error reported (line included) and how to fix it. */
function parsedYaml(file: SourceFile, issues: ContentIssue[], unclosed: 'quote' | 'bracket'): { data: unknown } | undefined {
  try {
    return { data: parseYamlFile(file.text) };
  } catch (error) {
    if (!(error instanceof FrontmatterError)) throw error;
    issues.push({ file: file.path, message: `${error.message}${error.line ? ` (line ${error.line})` : ''}`, hint: `fix the YAML syntax: indentation, a missing colon or an unclosed ${unclosed}`, ...positionOf(error) });
    return undefined;
  }
}

/** The tombstones: each an address no document holds now, each replacement a document that exists. */
function readWithdrawn(file: SourceFile, byId: Map<string, CheckableDocument>, issues: ContentIssue[]): WithdrawnDocument[] {
  const yaml = parsedYaml(file, issues, 'bracket');
  if (!yaml) return [];
  const parsed = withdrawnListSchema.safeParse(yaml.data ?? []);
  if (!parsed.success) {
    issues.push(...issuesFromZod(file.path, parsed.error, yaml.data));
    return [];
  }
  const seen = new Set<string>();
  parsed.data.forEach((tombstone, i) => {
    const report = (field: string, value: unknown, message: string, hint: string) => issues.push({ file: file.path, field: `[${i}].${field}`, value, message, hint });
    if (byId.has(tombstone.id)) report('id', tombstone.id, `document "${tombstone.id}" is withdrawn but still in content/documents/`, `delete content/documents/${tombstone.id}.md, or remove this entry if the document stays`);
    if (seen.has(tombstone.id)) report('id', tombstone.id, `"${tombstone.id}" is withdrawn twice`, 'keep one entry per old address');
    seen.add(tombstone.id);
    if (tombstone.replaced_by !== undefined && !byId.has(tombstone.replaced_by)) report('replaced_by', tombstone.replaced_by, `document "${tombstone.replaced_by}" does not exist`, 'give the replacement’s path under content/documents/ without .md, or remove `replaced_by`');
  });
  return parsed.data;
}

function checkAbbreviationsFile(file: SourceFile, issues: ContentIssue[]): void {
  const yaml = parsedYaml(file, issues, 'bracket');
  if (!yaml) return;
  const { data } = yaml;
  const positions = YamlPositions.ofYamlFile(file.text);
  for (const problem of checkAbbreviations(data).problems) {
    // Maintainers count entries from 1 (`entry 3`); the position is the offending form's, or its entry's.
    const position = positions.positionOf(problem.path ?? '', problem.value !== undefined && (problem.value === null || typeof problem.value !== 'object'));
    issues.push({ file: file.path, ...(problem.entry === undefined ? {} : { field: `entry ${problem.entry}` }), value: problem.value, message: problem.message, hint: problem.hint, ...position });
  }
}

/**
 * What the cross-reference checks read of a document: every field that passed its schema. A field that failed
 * is absent (its error is already reported), so one bad date does not hide the file's other errors; figures
 * and tasks are kept item by item, field by field, at their own index.
 */
interface CheckableFrontmatter extends Partial<Omit<DocumentFrontmatter, 'topics' | 'metrics' | 'tasks'>> {
  topics: (string | undefined)[];
  metrics: Partial<MetricValue>[];
  tasks: Partial<Task>[];
}

interface CheckableDocument {
  id: string;
  file: string;
  data: CheckableFrontmatter;
  body: string;
  /** Line of the file on which the body starts, to place a quote's errors on its body line. */
  bodyLine: number;
}

type ObjectShape = Record<string, z.ZodType>;

/** The fields of `raw` that pass their own schema, parsed. */
function validFields(shape: ObjectShape, raw: unknown): Record<string, unknown> {
  const record = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const fields: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(shape)) {
    const parsed = schema.safeParse(record[key]);
    if (parsed.success) fields[key] = parsed.data;
  }
  return fields;
}

/** Each item of a list field, as far as it is valid; an empty list when the field is not a list. */
function validItems(shape: ObjectShape, raw: unknown): Record<string, unknown>[] {
  return Array.isArray(raw) ? raw.map((item) => validFields(shape, item)) : [];
}

/** The valid part of a front matter that failed its schema. */
function salvage(raw: unknown): CheckableFrontmatter {
  const { topics: _topics, metrics: _metrics, tasks: _tasks, ...rest } = documentFrontmatterSchema.shape;
  const record = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const tasks = validItems(taskSchema.shape, record.tasks).map((task, i) => {
    // Evidence that was given but is invalid is already reported: the task is not also told it "needs evidence".
    const given = (record.tasks as unknown[])[i] as Record<string, unknown> | null;
    if (task.evidence === undefined && given !== null && typeof given === 'object' && given.evidence !== undefined) delete task.status;
    return task;
  });
  return {
    ...(validFields(rest, raw) as Partial<DocumentFrontmatter>),
    topics: Array.isArray(record.topics) ? record.topics.map((topic) => (typeof topic === 'string' && topic !== '' ? topic : undefined)) : [],
    metrics: validItems(metricValueSchema.shape, record.metrics) as Partial<MetricValue>[],
    tasks: tasks as Partial<Task>[],
  };
}

function readDocument(file: SourceFile, issues: ContentIssue[]): { entry?: DocumentEntry; checkable: CheckableDocument } | undefined {
  const read = readDocumentFile(file);
  if (read.status === 'unreadable') {
    issues.push(...read.issues);
    return undefined;
  }
  if (read.status === 'invalid') {
    issues.push(...read.issues);
    return { checkable: { id: read.id, file: read.file, data: salvage(read.raw), body: read.body, bodyLine: read.bodyLine } };
  }
  const entry = { id: read.id, file: read.file, data: read.data, body: read.body };
  return { entry, checkable: { ...entry, bodyLine: read.bodyLine } };
}

interface References {
  metrics: Map<string, MetricDefinition>;
  /** Metric files that exist but have errors (reported on the file). */
  invalidMetrics: ReadonlySet<string>;
  topics: Map<string, Topic>;
  regions: RegionIndex;
  byId: Map<string, CheckableDocument>;
  /** `<document>#<task>` → the 目标由…改为… a history quotes that task's goal in (task-continuation.ts). */
  quotedGoals: ReadonlyMap<string, QuotedGoal>;
  /** The build's date (ValidateOptions.today). */
  today: string;
}

type Report = (field: string, value: unknown, message: string, hint: string) => void;

function checkReferences(doc: CheckableDocument, refs: References, issues: ContentIssue[]): void {
  const { data, file } = doc;
  const report: Report = (field, value, message, hint) => issues.push({ file, field, value, message, hint });

  const region = data.region === undefined ? undefined : refs.regions.bySlug.get(data.region);
  if (data.region !== undefined && !region) {
    const named = refs.regions.findByName(data.region).map((r) => r.slug);
    report('region', data.region, `region "${data.region}" does not exist`, named.length ? `did you mean ${named.join(' or ')}?` : 'give the region slug path, e.g. anhui/xuancheng/xuanzhou (see /regions/ or src/domain/regions.ts)');
  } else if (region) {
    const folder = doc.id.split('/').slice(0, -1).join('/');
    if (folder !== region.slug) {
      report('region', data.region, `the file is in "${folder}/" but its region is "${region.slug}"`, `move the file to content/documents/${region.slug}/ or correct \`region\``);
    }
  }
  if (data.period && data.kind) {
    const stem = doc.id.split('/').pop() ?? '';
    const expectedStem = documentFileStem({ period: data.period, kind: data.kind });
    if (stem !== expectedStem && !new RegExp(`^${expectedStem}-\\d+$`).test(stem)) {
      const years = /^(\d{4})-(\d{4})-/.exec(stem);
      const hint = years && data.period.end_year === undefined
        ? `for a multi-year plan add \`end_year: ${years[2]}\` to \`period\` (with \`half: null\`); otherwise rename the file to ${expectedStem}.md`
        : `rename the file to ${expectedStem}.md (add -2, -3 … when a region has two such documents), or correct \`period\`/\`kind\``;
      report('period', data.period, `the file name "${stem}.md" does not match period and kind (expected "${expectedStem}.md")`, hint);
    }
  }
  checkKind(data, report);
  for (const problem of changeDateProblems(data.changes ?? [], data, refs.today)) report(problem.field, problem.value, problem.message, problem.hint);

  data.topics.forEach((topic, i) => {
    if (topic !== undefined && !refs.topics.has(topic)) report(`topics[${i}]`, topic, `topic "${topic}" does not exist`, `use one of: ${[...refs.topics.keys()].join(', ')}, or add content/topics/${topic}.yaml`);
  });

  data.metrics.forEach((figure, i) => {
    const definition = figure.metric === undefined ? undefined : refs.metrics.get(figure.metric);
    if (figure.metric !== undefined && !definition && !refs.invalidMetrics.has(figure.metric)) {
      report(`metrics[${i}].metric`, figure.metric, `metric "${figure.metric}" does not exist`, `use one of: ${[...refs.metrics.keys()].join(', ')}`);
    } else if (definition) {
      const units = [definition.unit, ...definition.conversions.map((c) => c.unit)];
      if (figure.unit !== undefined && !units.includes(figure.unit)) report(`metrics[${i}].unit`, figure.unit, `unit "${figure.unit}" is not a unit of ${figure.metric}`, `use ${units.map((u) => `"${u}"`).join(' or ')}; write 元/月.人 as 元/人/月`);
      if (figure.category && !definition.has_categories) report(`metrics[${i}].category`, figure.category, `${figure.metric} has no classes`, 'remove `category`');
      if (figure.average && definition.measure === 'count') report(`metrics[${i}].average`, figure.average, `${figure.metric} is a count: it has no average over subdivisions`, 'remove `average`; only a standard (元/人/月, %) is stated as 全省平均');
    }
    if (figure.quote === undefined) return;
    const namesAnother = definition && figure.metric !== undefined ? metricNameProblem(figure.quote, figure.metric, refs.metrics) : undefined;
    if (namesAnother) report(`metrics[${i}].metric`, figure.metric, namesAnother.message, namesAnother.hint);
    const wrongClass = definition?.has_categories ? categoryProblem(figure.quote, figure.category) : undefined;
    if (wrongClass) report(`metrics[${i}].category`, figure.category, wrongClass.message, wrongClass.hint);
    const wrongPeriod = figure.unit === undefined ? undefined : unitPeriodProblem(figure.quote, figure.unit);
    if (wrongPeriod) report(`metrics[${i}].unit`, figure.unit, wrongPeriod.message, wrongPeriod.hint);
    if (!inBody(doc.body, figure.quote)) {
      report(`metrics[${i}].quote`, figure.quote, 'the quote does not appear in the body', 'copy the fragment exactly from the body below the front matter (same punctuation, no Markdown marks inside)');
    } else if (figure.value !== undefined && !quoteStatesNumber(figure.quote, figure.value)) {
      report(`metrics[${i}].value`, figure.value, `the quote does not state ${figure.value}`, 'check the value against the quote; a figure must be stated by its quote');
    } else if (figure.value !== undefined) {
      for (const problem of figureRoleProblems(figure.quote, figure.value, figure.previous)) {
        report(`metrics[${i}].${problem.field}`, problem.field === 'value' ? figure.value : figure.previous, problem.message, problem.hint);
      }
    }
  });

  const seenTaskIds = new Map<string, number>();
  data.tasks.forEach((task, i) => {
    if (task.id !== undefined) {
      const first = seenTaskIds.get(task.id);
      if (first !== undefined) report(`tasks[${i}].id`, task.id, `duplicate task id "${task.id}" (also tasks[${first}])`, 'give each task a unique id: section number and row number, e.g. 3-8');
      else seenTaskIds.set(task.id, i);
    }
    if (task.evidence) {
      const summary = refs.byId.get(task.evidence.document);
      if (!summary) report(`tasks[${i}].evidence.document`, task.evidence.document, `document "${task.evidence.document}" does not exist`, 'give the summary’s path under content/documents/ without .md');
      else if (!inBody(summary.body, task.evidence.quote)) report(`tasks[${i}].evidence.quote`, task.evidence.quote, `the quote does not appear in ${task.evidence.document}`, 'copy the fragment exactly from that summary’s body');
      else {
        const list = { id: doc.id, kind: doc.data.kind, region: doc.data.region, period: doc.data.period };
        const cited = { id: summary.id, kind: summary.data.kind, region: summary.data.region, period: summary.data.period };
        for (const problem of evidenceProblems(task, list, cited, task.evidence.quote)) {
          report(`tasks[${i}].evidence.${problem.field}`, problem.field === 'document' ? task.evidence.document : task.evidence.quote, problem.message, problem.hint);
        }
      }
    }
    if (task.continues) {
      const earlier = refs.byId.get(task.continues.document);
      const earlierTask = earlier?.data.tasks.find((t) => t.id === task.continues!.task);
      const problems = continuationProblems(task.continues, task, continuationSide(doc), earlier && continuationSide(earlier), earlierTask);
      for (const problem of problems) report(`tasks[${i}].continues.${problem.field}`, task.continues[problem.field], problem.message, problem.hint);
    }
    const quoted = task.id === undefined ? undefined : refs.quotedGoals.get(`${doc.id}#${task.id}`);
    if (quoted && task.goal !== undefined && !inBody(doc.body, task.goal)) {
      report(
        `tasks[${i}].goal`,
        task.goal,
        `the goal does not appear in the body, and the task's history quotes it: 目标由“${quoted.from}”改为“${quoted.to}” (linked with ${quoted.other})`,
        'write the goal exactly as the body states it (same characters and punctuation), or correct the body; a goal quoted on a page must be the document’s words',
      );
    }
    if ((task.status === 'done' || task.status === 'in-progress' || task.status === 'not-started') && !task.evidence) {
      report(`tasks[${i}].status`, task.status, `status "${task.status}" needs evidence`, 'add `evidence: { document, quote }` from the later summary, or use awaiting-summary / not-mentioned');
    }
  });
}

/** What a task link's check reads of a document. */
function continuationSide(doc: CheckableDocument): ContinuationSide {
  return {
    id: doc.id,
    kind: doc.data.kind,
    region: doc.data.region,
    period: doc.data.period,
    taskIds: new Set(doc.data.tasks.map((t) => t.id).filter((id): id is string => id !== undefined)),
    hasInBody: (quote) => inBody(doc.body, quote),
  };
}

/**
 * What each kind of document can hold beyond its schema: only a plan covers several years (十四五规划), and a
 * notice (关于提高…标准的通知) is dated by the year its standards take effect and lists no tasks.
 */
function checkKind(data: CheckableFrontmatter, report: Report): void {
  if (data.kind === undefined) return;
  if (data.period?.end_year !== undefined && data.kind !== 'plan') {
    report('period.end_year', data.period.end_year, `only a plan covers several years (kind is "${data.kind}")`, 'use `kind: plan` for a multi-year plan (十四五规划), or remove `end_year` and give the one year the document covers');
  }
  if (data.kind !== 'notice') return;
  if (data.period && data.period.half !== null) {
    report('period.half', data.period.half, 'a notice has no half: its period is the year its standards take effect', `set \`half: null\` and name the file ${data.period.year}-year-notice.md; the date the standards apply from goes in each figure's \`effective\``);
  }
  if (data.tasks.length > 0) {
    report('tasks', data.tasks.length, `a notice lists no tasks (${data.tasks.length} given)`, 'a notice sets standards: keep them in `metrics`; a document with a task table is a plan or a task-list, so correct `kind` or remove `tasks`');
  }
  const effective = data.metrics
    .map((figure, i) => ({ date: figure.effective, i }))
    .filter((e): e is { date: string; i: number } => e.date !== undefined)
    .sort((a, b) => a.date.localeCompare(b.date))[0];
  const effectiveYear = effective ? Number(effective.date.slice(0, 4)) : undefined;
  if (data.period && effective && effectiveYear !== data.period.year) {
    report('period.year', data.period.year, `the notice's standards take effect in ${effectiveYear} (metrics[${effective.i}].effective is ${effective.date}), not ${data.period.year}`, `set \`period.year: ${effectiveYear}\` and rename the file to ${effectiveYear}-year-notice.md: a notice's year is the year its standards take effect`);
  }
}

/**
 * Whether a quote is in a body: as written in the Markdown, or with its backslash escapes read as the
 * characters they escape, as the page shows them. Ingestion escapes the characters of the source that
 * Markdown would read as syntax (`资金\*专项\*使用`), so a quote copied from the page (`资金*专项*使用`) is in
 * the body. Formatting is not removed: a quote across `**bold**` is still not in the body. Whether the page can
 * mark a quote is checked after (checkQuoteAnchoring), with the renderer.
 */
function inBody(body: string, quote: string): boolean {
  return body.includes(quote) || (body.includes('\\') && body.replace(/\\([!-/:-@[-`{-~])/g, '$1').includes(quote));
}

/**
 * Every quote a page will mark — a document's figures and the evidence that tasks of other documents cite from
 * it — checked with the renderer, as the page build does. Quotes not in the body are already reported.
 */
function checkQuoteAnchoring(documents: readonly CheckableDocument[], byId: Map<string, CheckableDocument>, issues: ContentIssue[], unmarked?: UnmarkedQuotes): void {
  const quotes = new Map<string, QuoteUse[]>(documents.map((doc) => [doc.id, []]));
  for (const doc of documents) {
    const own = quotes.get(doc.id)!;
    doc.data.metrics.forEach((figure, i) => {
      if (figure.quote !== undefined && inBody(doc.body, figure.quote)) own.push({ quote: figure.quote, file: doc.file, field: `metrics[${i}].quote` });
    });
  }
  for (const doc of documents) {
    doc.data.tasks.forEach((task, i) => {
      const summary = task.evidence && byId.get(task.evidence.document);
      if (task.evidence && summary && inBody(summary.body, task.evidence.quote)) quotes.get(summary.id)!.push({ quote: task.evidence.quote, file: doc.file, field: `tasks[${i}].evidence.quote` });
    });
  }
  for (const doc of documents) issues.push(...quoteAnchoringIssues({ file: doc.file, body: doc.body, bodyLine: doc.bodyLine, quotes: quotes.get(doc.id)! }, unmarked));
}

/** Whether `quote` states `value`, written in Arabic digits (550, 1.9) or with 万 (1万 = 10000). */
export function quoteStatesNumber(quote: string, value: number): boolean {
  for (const match of readDigits(quote).matchAll(/(\d+(?:\.\d+)?)(万)?/g)) {
    const number = Number(match[1]) * (match[2] ? 10000 : 1);
    if (Math.abs(number - value) < 1e-9) return true;
  }
  return /[一二三四五六七八九十百千万两]/.test(quote) && chineseNumeralsIn(quote).includes(value);
}

const digits: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const smallUnits: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Values of the runs of Chinese numerals in `text`, e.g. 一万二千 → 12000. */
export function chineseNumeralsIn(text: string): number[] {
  const values: number[] = [];
  for (const match of text.matchAll(/[零一二两三四五六七八九十百千万]+/g)) {
    const value = parseChineseNumeral(match[0]);
    if (value !== undefined) values.push(value);
  }
  return values;
}

export function parseChineseNumeral(text: string): number | undefined {
  let total = 0;
  let section = 0;
  let digit = 0;
  let seen = false;
  for (const char of text) {
    if (char in digits) {
      digit = digits[char] ?? 0;
      seen = true;
    } else if (char in smallUnits) {
      section += (digit || 1) * (smallUnits[char] ?? 1);
      digit = 0;
      seen = true;
    } else if (char === '万') {
      total += (section + digit) * 10000;
      section = 0;
      digit = 0;
    } else {
      return undefined;
    }
  }
  return seen ? total + section + digit : undefined;
}
