/**
 * Reads and checks all of content/: each file against its schema, then every cross-reference (region,
 * topics, metrics, units, quotes, task ids, evidence). Returns the model and every issue found; it never
 * stops at the first.
 */
import { documentFileStem, documentFrontmatterSchema, type DocumentFrontmatter } from '../../schemas/document.ts';
import { metricDefinitionSchema, type MetricDefinition } from '../../schemas/metric.ts';
import { topicSchema, type Topic } from '../../schemas/topic.ts';
import type { RegionIndex } from '../regions.ts';
import { issuesFromZod, type ContentIssue } from './content-issue.ts';
import { FrontmatterError, parseYamlFile, splitFrontmatter } from './frontmatter.ts';

/** A file of content/, path relative to the project root with forward slashes. */
export interface SourceFile {
  path: string;
  text: string;
}

export interface ContentSources {
  documents: SourceFile[];
  metrics: SourceFile[];
  topics: SourceFile[];
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
}

export interface ValidationResult {
  model: ContentModel;
  issues: ContentIssue[];
}

const documentsDir = 'content/documents/';

/** Id of a definition file: its name without extension (`content/metrics/dibao-urban.yaml` → `dibao-urban`). */
function definitionId(path: string): string {
  return (path.split('/').pop() ?? path).replace(/\.ya?ml$/, '');
}

function readDefinitions<T>(
  files: SourceFile[],
  schema: { safeParse(data: unknown): { success: true; data: T } | { success: false; error: import('zod').ZodError } },
  issues: ContentIssue[],
): Map<string, T> {
  const definitions = new Map<string, T>();
  for (const file of files) {
    const id = definitionId(file.path);
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) {
      issues.push({ file: file.path, value: id, message: `file name "${id}" is not a valid id`, hint: 'name the file in lowercase ASCII words joined by hyphens, e.g. dibao-urban.yaml' });
      continue;
    }
    let data: unknown;
    try {
      data = parseYamlFile(file.text);
    } catch (error) {
      if (error instanceof FrontmatterError) {
        issues.push({ file: file.path, message: `${error.message}${error.line ? ` (line ${error.line})` : ''}`, hint: 'fix the YAML syntax: indentation, a missing colon or an unclosed quote' });
        continue;
      }
      throw error;
    }
    const parsed = schema.safeParse(data);
    if (parsed.success) definitions.set(id, parsed.data);
    else issues.push(...issuesFromZod(file.path, parsed.error, data));
  }
  return definitions;
}

export function validateContent(sources: ContentSources, regions: RegionIndex): ValidationResult {
  const issues: ContentIssue[] = [];
  const metrics = readDefinitions(sources.metrics, metricDefinitionSchema, issues);
  const topics = readDefinitions(sources.topics, topicSchema, issues);
  for (const [id, metric] of metrics) {
    if (!topics.has(metric.topic)) {
      issues.push({ file: `content/metrics/${id}.yaml`, field: 'topic', value: metric.topic, message: `topic "${metric.topic}" does not exist`, hint: `use one of: ${[...topics.keys()].join(', ')}` });
    }
  }

  const documents: DocumentEntry[] = [];
  for (const file of sources.documents) {
    const entry = readDocument(file, issues);
    if (entry) documents.push(entry);
  }
  const byId = new Map(documents.map((doc) => [doc.id, doc]));
  for (const doc of documents) checkReferences(doc, { metrics, topics, regions, byId }, issues);
  documents.sort((a, b) => a.id.localeCompare(b.id));
  return { model: { documents, metrics, topics, regions }, issues };
}

function readDocument(file: SourceFile, issues: ContentIssue[]): DocumentEntry | undefined {
  if (!file.path.startsWith(documentsDir) || !file.path.endsWith('.md')) {
    issues.push({ file: file.path, message: 'documents must be Markdown files under content/documents/', hint: 'rename it to content/documents/<region path>/<year>-<h1|h2|year>-<kind>.md' });
    return undefined;
  }
  let split;
  try {
    split = splitFrontmatter(file.text);
  } catch (error) {
    if (error instanceof FrontmatterError) {
      issues.push({ file: file.path, message: `${error.message}${error.line ? ` (line ${error.line})` : ''}`, hint: 'fix the YAML between the two `---` lines: indentation, a missing colon or an unclosed quote' });
      return undefined;
    }
    throw error;
  }
  const parsed = documentFrontmatterSchema.safeParse(split.data);
  if (!parsed.success) {
    issues.push(...issuesFromZod(file.path, parsed.error, split.data));
    return undefined;
  }
  const id = file.path.slice(documentsDir.length, -'.md'.length);
  return { id, file: file.path, data: parsed.data, body: split.body };
}

interface References {
  metrics: Map<string, MetricDefinition>;
  topics: Map<string, Topic>;
  regions: RegionIndex;
  byId: Map<string, DocumentEntry>;
}

function checkReferences(doc: DocumentEntry, refs: References, issues: ContentIssue[]): void {
  const { data, file } = doc;
  const report = (field: string, value: unknown, message: string, hint: string) => issues.push({ file, field, value, message, hint });

  const region = refs.regions.bySlug.get(data.region);
  if (!region) {
    const named = refs.regions.findByName(data.region).map((r) => r.slug);
    report('region', data.region, `region "${data.region}" does not exist`, named.length ? `did you mean ${named.join(' or ')}?` : 'give the region slug path, e.g. anhui/xuancheng/xuanzhou (see /regions/ or src/domain/regions.ts)');
  } else {
    const folder = doc.id.split('/').slice(0, -1).join('/');
    if (folder !== region.slug) {
      report('region', data.region, `the file is in "${folder}/" but its region is "${region.slug}"`, `move the file to content/documents/${region.slug}/ or correct \`region\``);
    }
  }
  const stem = doc.id.split('/').pop() ?? '';
  const expectedStem = documentFileStem(data);
  if (stem !== expectedStem && !new RegExp(`^${expectedStem}-\\d+$`).test(stem)) {
    const years = /^(\d{4})-(\d{4})-/.exec(stem);
    const hint = years && data.period.end_year === undefined
      ? `for a multi-year plan add \`end_year: ${years[2]}\` to \`period\` (with \`half: null\`); otherwise rename the file to ${expectedStem}.md`
      : `rename the file to ${expectedStem}.md (add -2, -3 … when a region has two such documents), or correct \`period\`/\`kind\``;
    report('period', data.period, `the file name "${stem}.md" does not match period and kind (expected "${expectedStem}.md")`, hint);
  }
  checkKind(doc, report);

  data.topics.forEach((topic, i) => {
    if (!refs.topics.has(topic)) report(`topics[${i}]`, topic, `topic "${topic}" does not exist`, `use one of: ${[...refs.topics.keys()].join(', ')}, or add content/topics/${topic}.yaml`);
  });

  data.metrics.forEach((figure, i) => {
    const definition = refs.metrics.get(figure.metric);
    if (!definition) {
      report(`metrics[${i}].metric`, figure.metric, `metric "${figure.metric}" does not exist`, `use one of: ${[...refs.metrics.keys()].join(', ')}`);
    } else {
      const units = [definition.unit, ...definition.conversions.map((c) => c.unit)];
      if (!units.includes(figure.unit)) report(`metrics[${i}].unit`, figure.unit, `unit "${figure.unit}" is not a unit of ${figure.metric}`, `use ${units.map((u) => `"${u}"`).join(' or ')}; write 元/月.人 as 元/人/月`);
      if (figure.category && !definition.has_categories) report(`metrics[${i}].category`, figure.category, `${figure.metric} has no classes`, 'remove `category`');
      if (figure.average && definition.measure === 'count') report(`metrics[${i}].average`, figure.average, `${figure.metric} is a count: it has no average over subdivisions`, 'remove `average`; only a standard (元/人/月, %) is stated as 全省平均');
    }
    if (!doc.body.includes(figure.quote)) {
      report(`metrics[${i}].quote`, figure.quote, 'the quote does not appear in the body', 'copy the fragment exactly from the body below the front matter (same punctuation, no Markdown marks inside)');
    } else if (!quoteStatesNumber(figure.quote, figure.value)) {
      report(`metrics[${i}].value`, figure.value, `the quote does not state ${figure.value}`, 'check the value against the quote; a figure must be stated by its quote');
    }
  });

  const seenTaskIds = new Map<string, number>();
  data.tasks.forEach((task, i) => {
    const first = seenTaskIds.get(task.id);
    if (first !== undefined) report(`tasks[${i}].id`, task.id, `duplicate task id "${task.id}" (also tasks[${first}])`, 'give each task a unique id: section number and row number, e.g. 3-8');
    else seenTaskIds.set(task.id, i);
    if (task.evidence) {
      const summary = refs.byId.get(task.evidence.document);
      if (!summary) report(`tasks[${i}].evidence.document`, task.evidence.document, `document "${task.evidence.document}" does not exist`, 'give the summary’s path under content/documents/ without .md');
      else if (!summary.body.includes(task.evidence.quote)) report(`tasks[${i}].evidence.quote`, task.evidence.quote, `the quote does not appear in ${task.evidence.document}`, 'copy the fragment exactly from that summary’s body');
    }
    if ((task.status === 'done' || task.status === 'in-progress' || task.status === 'not-started') && !task.evidence) {
      report(`tasks[${i}].status`, task.status, `status "${task.status}" needs evidence`, 'add `evidence: { document, quote }` from the later summary, or use awaiting-summary / not-mentioned');
    }
  });
}

/**
 * What each kind of document can hold beyond its schema: only a plan covers several years (十四五规划), and a
 * notice (关于提高…标准的通知) is dated by the year its standards take effect and lists no tasks.
 */
function checkKind(doc: DocumentEntry, report: (field: string, value: unknown, message: string, hint: string) => void): void {
  const { data } = doc;
  if (data.period.end_year !== undefined && data.kind !== 'plan') {
    report('period.end_year', data.period.end_year, `only a plan covers several years (kind is "${data.kind}")`, 'use `kind: plan` for a multi-year plan (十四五规划), or remove `end_year` and give the one year the document covers');
  }
  if (data.kind !== 'notice') return;
  if (data.period.half !== null) {
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
  if (effective && effectiveYear !== data.period.year) {
    report('period.year', data.period.year, `the notice's standards take effect in ${effectiveYear} (metrics[${effective.i}].effective is ${effective.date}), not ${data.period.year}`, `set \`period.year: ${effectiveYear}\` and rename the file to ${effectiveYear}-year-notice.md: a notice's year is the year its standards take effect`);
  }
}

/** Whether `quote` states `value`, written in Arabic digits (550, 1.9) or with 万 (1万 = 10000). */
export function quoteStatesNumber(quote: string, value: number): boolean {
  for (const match of quote.matchAll(/(\d+(?:\.\d+)?)(万)?/g)) {
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
