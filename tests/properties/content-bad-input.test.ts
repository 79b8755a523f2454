/**
 * Bad content files, as a property (issue 14): each valid document of the fixture site and of the bundled
 * content, mutated (content-mutations.ts), is either refused with an error naming the file and the field (or
 * the line), or accepted with every published figure equal to what its quote states — never a crash, never a
 * wrong figure. Validation is the build's own: readContentSources + validateContent, the road of `npm run check`
 * and the content loaders. Bytes go through the disk, read by the same loader.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { formatContentIssues, location, type ContentIssue } from '../../src/domain/content/content-issue.ts';
import { readContentSources } from '../../src/domain/content/read-content.ts';
import { validateContent, type ContentSources, type SourceFile, type ValidationResult } from '../../src/domain/content/validate-content.ts';
import { loadRegions, RegionIndex } from '../../src/domain/regions.ts';
import { contentRootWithDefinitions, repoRoot } from '../../tools/site-build.ts';
import { Choices, mutate, mutationKinds, parseFile, type ContentCase, type MutationKind, type ParsedFile, type TruthFigure } from './content-mutations.ts';
import { fuzzParameters, Tally } from './fuzz-settings.ts';

const regions = new RegionIndex(loadRegions());
const definitions = readContentSources(repoRoot);
const fixtureSite = readContentSources(join(repoRoot, 'tests/fixtures/site'));

/** A set of documents that validate together: the fixture site, and the bundled content. */
interface Site {
  name: string;
  documents: SourceFile[];
}
const sites: Site[] = [
  { name: 'fixture site', documents: fixtureSite.documents },
  { name: 'bundled content', documents: definitions.documents },
];

function sourcesWith(documents: SourceFile[]): ContentSources {
  return { documents, metrics: definitions.metrics, topics: definitions.topics, ...(definitions.abbreviations ? { abbreviations: definitions.abbreviations } : {}) };
}

const idOf = (path: string) => path.replace(/^content\/documents\//, '').replace(/\.md$/, '');

/** The file and the documents it cites or that cite it: validating those is validating the file. */
function neighbours(site: Site, file: SourceFile): SourceFile[] {
  const id = idOf(file.path);
  return site.documents.filter((other) => other.path !== file.path && (other.text.includes(id) || file.text.includes(idOf(other.path))));
}

interface Target {
  site: Site;
  parsed: ParsedFile;
  neighbours: SourceFile[];
}
const targets: Target[] = sites.flatMap((site) => site.documents.map((file) => ({ site, parsed: parseFile(file), neighbours: neighbours(site, file) })));

/** Which documents a kind of mutation can apply to. */
function applicable(kind: MutationKind): Target[] {
  if (kind === 'numbers' || kind === 'quotes') return targets.filter((t) => (t.parsed.data.metrics ?? []).length > 0);
  if (kind === 'tasks') return targets.filter((t) => (t.parsed.data.tasks ?? []).length > 0);
  return targets;
}

const scratch = mkdtempSync(join(tmpdir(), 'gongkai-content-fuzz-'));
const diskRoot = contentRootWithDefinitions(join(scratch, 'root'), undefined);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Validates the case as the build would: in memory, or (for bytes) written to disk and read back by the loader. */
function validateCase(target: Target, bad: ContentCase): ValidationResult {
  if (!bad.file.bytes) return validateContent(sourcesWith([...target.neighbours, bad.file]), regions);
  const documents = join(diskRoot, 'content', 'documents');
  rmSync(documents, { recursive: true, force: true });
  for (const file of [...target.neighbours, bad.file]) {
    const path = join(diskRoot, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, (file as ContentCase['file']).bytes ?? file.text);
  }
  return validateContent(readContentSources(diskRoot), regions);
}

/** Arabic numbers the quote writes (full-width folded, thousands separators removed, 万 applied): the test's own reading. */
function numbersStated(quote: string): number[] {
  const text = quote.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/(\d)[,，\u00a0 ](?=\d{3}(?!\d))/g, '$1');
  return [...text.matchAll(/(\d+(?:\.\d+)?)(万)?/g)].map((m) => Number(m[1]) * (m[2] ? 10000 : 1));
}

const garbled = /[\ufffd\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ue000-\uf8ff]/u;

/** What is wrong with an accepted document: figures not as quoted, garbled text, unsupported task claims. */
function publishedProblems(result: ValidationResult, bad: ContentCase, truthOf: (file: string) => TruthFigure[]): string[] {
  const problems: string[] = [];
  const byId = new Map(result.model.documents.map((doc) => [doc.id, doc]));
  for (const doc of result.model.documents) {
    const truth = truthOf(doc.file);
    if (garbled.test(doc.data.title) || garbled.test(doc.body)) problems.push(`${doc.file}: garbled text published: ${JSON.stringify((doc.data.title + doc.body).match(garbled)?.[0])}`);
    doc.data.metrics.forEach((figure, i) => {
      const where = `${doc.file} metrics[${i}] (${figure.metric} ${figure.value} ${figure.unit})`;
      if (!doc.body.includes(figure.quote)) problems.push(`${where}: quote not in the body`);
      if (!numbersStated(figure.quote).some((n) => Math.abs(n - figure.value) < 1e-9)) problems.push(`${where}: the quote does not state the value`);
      const matches = truth.some((t) =>
        t.metric === figure.metric && t.unit === figure.unit && t.category === figure.category && t.scope === figure.scope && t.value === figure.value && (figure.previous === undefined || figure.previous === t.previous));
      if (!matches) problems.push(`${where}: published as ${JSON.stringify({ metric: figure.metric, value: figure.value, unit: figure.unit, category: figure.category, previous: figure.previous })}, but the quotes state ${JSON.stringify(truth)}`);
    });
    doc.data.tasks.forEach((task, i) => {
      if (['done', 'in-progress', 'not-started'].includes(task.status) && !task.evidence) problems.push(`${doc.file} tasks[${i}]: ${task.status} without evidence`);
      if (task.evidence && !byId.get(task.evidence.document)?.body.includes(task.evidence.quote)) problems.push(`${doc.file} tasks[${i}]: evidence not in ${task.evidence.document}`);
    });
  }
  if (bad.file.path !== bad.original && result.model.documents.some((doc) => doc.file === bad.original)) problems.push('the original file is still there');
  return problems;
}

/** Words of a poor message: zod's defaults, a type named twice, a value printed as code. */
const poorWording = /Invalid input|expected number, got number|\bundefined\b|\[object Object\]|\bNaN\b/;

/** What is wrong with a refusal: an issue without file, message or hint, or none where the error is. */
function refusalProblems(issues: ContentIssue[], bad: ContentCase, paths: Set<string>): string[] {
  const problems: string[] = [];
  for (const issue of issues) {
    if (!paths.has(issue.file)) problems.push(`issue on a file that is not in the content: ${issue.file}`);
    if (issue.message.trim().length < 6 || issue.hint.trim().length < 6) problems.push(`issue without a message or a hint: ${JSON.stringify(issue)}`);
    if (poorWording.test(issue.message) || poorWording.test(issue.hint)) problems.push(`poorly worded: ${issue.field ?? ''}: ${issue.message} → ${issue.hint}`);
  }
  const report = formatContentIssues(issues);
  const own = issues.filter((issue) => issue.file === bad.file.path);
  for (const file of new Set(issues.map((issue) => issue.file))) if (!report.includes(`\n${file}\n`)) problems.push(`the report does not name ${file}`);
  for (const issue of issues) {
    if (issue.field === undefined) continue;
    if (!report.includes(`✗ ${issue.line === undefined ? '' : `${location(issue)} `}${issue.field}: `)) problems.push(`the report does not show the field ${issue.field}`);
    // Every field named in a file whose YAML parses is placed: a field with no line would be a report an editor cannot jump to.
    if (issue.line === undefined) problems.push(`${issue.file} ${issue.field}: no line and column`);
  }
  if ('field' in bad.expected) {
    const field = bad.expected.field;
    // The field itself, one inside it, or the one that holds it (`period` for a `half` that no longer fits the file name).
    const within = (inner: string, outer: string) => inner === outer || inner.startsWith(`${outer}.`) || inner.startsWith(`${outer}[`);
    const named =
      own.some((issue) => issue.field !== undefined && (within(issue.field, field) || within(field, issue.field))) ||
      // An edit of the body also breaks every other quote that overlaps the edited one, here or in a citing file.
      (bad.bodyEdited === true && issues.some((issue) => issue.field !== undefined));
    if (!named) problems.push(`no issue names ${field} of ${bad.file.path}`);
  } else if ('fieldOrLine' in bad.expected) {
    const located = issues.some((issue) => issue.field !== undefined || /\bline \d+/.test(issue.message));
    if (!located) problems.push('no issue names a field or a line');
  } else if (own.length === 0) problems.push(`no issue on ${bad.file.path}`);
  return problems;
}

const tally = new Tally('content bad-input suite');
/** Cases per kind; GONGKAI_FUZZ_RUNS multiplies them. */
const runs: Record<MutationKind, number> = { numbers: 120, dates: 80, quotes: 100, yaml: 120, bytes: 80, paths: 50, tasks: 50 };

describe('bad content files: a clear error or figures as quoted', () => {
  it('starts from content that validates: the fixture site and the bundled content have no issues', () => {
    for (const site of sites) expect(validateContent(sourcesWith(site.documents), regions).issues, site.name).toEqual([]);
    expect(targets.length).toBeGreaterThanOrEqual(5 + 40);
  });

  it.each(mutationKinds.map((kind, offset) => [kind, offset] as const))('%s: every mutation is refused with file and field, or published as its quotes state', (kind, offset) => {
    const pool = applicable(kind);
    const truthByFile = new Map(targets.map((t) => [t.parsed.path, t.parsed.truth]));
    fc.assert(
      fc.property(fc.nat(pool.length - 1), fc.array(fc.nat(), { minLength: 6, maxLength: 6 }), (index, values) => {
        const target = pool[index]!;
        const bad = mutate(kind, target.parsed, new Choices(values));
        fc.pre(bad !== undefined);
        let result: ValidationResult;
        try {
          result = validateCase(target, bad);
        } catch (error) {
          throw new Error(`${bad.what} in ${bad.original}: validation crashed: ${(error as Error).stack}`);
        }
        const paths = new Set([...target.neighbours.map((f) => f.path), bad.file.path]);
        if (result.issues.length > 0) {
          const problems = refusalProblems(result.issues, bad, paths);
          if (problems.length > 0) throw new Error(`${bad.what} in ${bad.original}:\n${problems.join('\n')}\n${formatContentIssues(result.issues)}`);
          tally.count(kind, 'refused, naming file and field or line');
          return;
        }
        const problems = publishedProblems(result, bad, (file) => (file === bad.file.path ? bad.truth : truthByFile.get(file) ?? []));
        if (bad.mustRefuse) problems.unshift('no issue was reported, but no reading of this file is right');
        if (problems.length > 0) throw new Error(`${bad.what} in ${bad.original}: accepted, but\n${problems.join('\n')}`);
        tally.count(kind, 'accepted, every figure as quoted');
      }),
      fuzzParameters(runs[kind], offset),
    );
    expect(tally.tried(kind)).toBe(fuzzParameters(runs[kind], offset).numRuns);
  });

  afterAll(() => console.log(tally.summary()));
});
