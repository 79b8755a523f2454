/**
 * Ingestion of one copied file: text → one draft per document it holds. The steps, each in its own module:
 * metadata header → site boilerplate → units (re-joined paragraphs, titles, tables) → duplicate passages →
 * documents → Markdown and tasks → figures and inferred fields. Every non-blank input line ends up in a
 * draft's body or in its `dropped` list with a reason.
 */
import type { DocumentKind, Half } from '../../schemas/document.ts';
import type { Region } from '../../schemas/region.ts';
import { boilerplateReason } from './boilerplate.ts';
import { duplicateDrops, findDuplicates } from './dedupe.ts';
import { extractFigures } from './figures.ts';
import { inferKind, inferPeriod, inferPublisher, inferRegion, inferTopics, type DocumentText } from './infer.ts';
import { resolveMetadata, scanMetadata, type MetadataValue } from './metadata.ts';
import { splitDocuments, type DocumentSpan } from './split.ts';
import { structure } from './structure.ts';
import { outlineMarker } from './text.ts';
import type { Decoded } from './decode.ts';
import type { Draft, DraftFrontmatter, DraftReport, DroppedLine, IngestContext, IngestResult, SourceLine } from './types.ts';
import { groupUnits, type TitleUnit, type Unit } from './units.ts';

export function splitLines(text: string): SourceLine[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((line, i) => ({ no: i + 1, text: line.replace(/\u00a0/g, ' ') }));
}

/** Body text as inference reads it: without heading marks, list marks and table pipes. */
function plainText(body: string): string {
  return body
    .split('\n')
    .filter((line) => !/^\|(\s*-+\s*\|)+\s*$/.test(line))
    .map((line) => line.replace(/^#+\s+/, '').replace(/^-\s+/, '').replace(/^\\/, '').replace(/\s*\|\s*/g, ' ').trim())
    .join('\n');
}

interface FileAnalysis {
  units: Unit[];
  spans: DocumentSpan[];
  metadata: MetadataValue[];
  /** Lines left out of every body before documents are known: metadata and boilerplate. */
  dropped: DroppedLine[];
  /** Duplicate lines, each with the unit index of the kept passage they repeat. */
  duplicates: { line: DroppedLine; keptUnit: number; why: string }[];
  notes: string[];
  siteCode?: string;
}

function analyse(text: string): FileAnalysis {
  const lines = splitLines(text).filter((line) => line.text.trim() !== '');
  const metadata = scanMetadata(lines);
  const dropped: DroppedLine[] = [];
  const documentLines: SourceLine[] = [];
  for (const line of lines) {
    const reason = metadata.consumed.get(line.no) ?? boilerplateReason(line.text);
    if (reason) dropped.push({ reason, text: line.text, line: line.no });
    else documentLines.push(line);
  }
  const evidence = lines.map((line) => line.text).join('\n');
  const { units, notes } = groupUnits(documentLines, evidence);
  const duplicates = findDuplicates(units);
  const droppedUnits = new Set(duplicates.flatMap((duplicate) => duplicate.dropped));
  const kept = units.map((_, i) => i).filter((i) => !droppedUnits.has(i));
  const spans = splitDocuments(units, kept, metadata.values);
  const duplicateLines = duplicates.flatMap((duplicate) =>
    duplicateDrops(units, duplicate).map((line) => ({ line, keptUnit: duplicate.kept[0] ?? 0, why: duplicate.why })),
  );
  const siteCode = /网站标识码\s*[:：]?\s*(\d{10})/.exec(text)?.[1];
  return { units, spans, metadata: metadata.values, dropped, duplicates: duplicateLines, notes, ...(siteCode ? { siteCode } : {}) };
}

/**
 * Ingests decoded input: its drafts, or the reason it is refused. A copy with no document text (only
 * metadata or site boilerplate) is refused rather than silently producing nothing.
 */
export function ingestDecoded(decoded: Decoded, input: string, context: IngestContext): IngestResult {
  if (!decoded.ok) return { ok: false, file: input, reason: decoded.reason };
  const drafts = ingestText(decoded.text, input, context);
  if (drafts.length === 0) return { ok: false, file: input, reason: 'no document text: every line is metadata or site boilerplate' };
  return { ok: true, file: input, encoding: decoded.encoding, drafts };
}

export function ingestText(text: string, input: string, context: IngestContext): Draft[] {
  const analysis = analyse(text);
  const lastLine = splitLines(text).length;
  return analysis.spans.map((span, index) => {
    const fromLine = index === 0 ? 1 : span.fromLine;
    const toLine = (analysis.spans[index + 1]?.fromLine ?? lastLine + 1) - 1;
    return buildDraft(analysis, span, { input, index: index + 1, count: analysis.spans.length, fromLine, toLine }, context);
  });
}

interface Place {
  input: string;
  index: number;
  count: number;
  fromLine: number;
  toLine: number;
}

function buildDraft(analysis: FileAnalysis, span: DocumentSpan, place: Place, context: IngestContext): Draft {
  const inSpan = (line: number) => line >= place.fromLine && line <= place.toLine;
  const report: DraftReport = { inferred: [], missing: [], notes: [] };
  const units = span.units.map((i) => analysis.units[i] as Unit);
  const spanUnits = new Set(span.units);

  const dropped: DroppedLine[] = analysis.dropped.filter((line) => inSpan(line.line));
  const duplicates = analysis.duplicates.filter((entry) => spanUnits.has(entry.keptUnit));
  dropped.push(...duplicates.map((entry) => entry.line));
  for (const why of new Set(duplicates.map((entry) => entry.why))) {
    const lines = duplicates.filter((entry) => entry.why === why).map((entry) => entry.line.line);
    report.notes.push(`a passage appears twice (lines ${Math.min(...lines)}–${Math.max(...lines)} repeat text kept in the body); ${why}`);
  }
  if (span.why) report.notes.push(`this is document ${place.index} of ${place.count} in the file: ${span.why}`);
  else if (place.count > 1) report.notes.push(`the file holds ${place.count} documents; this is the first`);
  report.notes.push(...analysis.notes.filter((note) => inSpan(Number(/line (\d+)/.exec(note)?.[1] ?? 0))));

  const metadata = resolveMetadata(analysis.metadata.filter((value) => inSpan(value.line)));
  report.notes.push(...metadata.problems);

  const titleUnits = units.filter((unit): unit is TitleUnit => unit.type === 'title');
  const titleUnit = titleUnits[0];
  for (const unit of titleUnits) {
    const read = unit === titleUnit ? `read into title${unit.date ? ' and published' : ''}` : 'a second title line of the same document';
    for (const line of unit.lines) dropped.push({ reason: `title line (${read})`, text: line.text, line: line.no });
  }

  const printedTitle = metadata.title?.value ?? titleUnit?.title;
  const structured = structure(units, printedTitle);
  report.notes.push(...structured.notes);
  const body = `${structured.blocks.join('\n\n')}\n`;
  const plain = plainText(body);
  const headings = structured.blocks.filter((block) => block.startsWith('#')).map((block) => block.replace(/^#+\s+/, ''));
  const openingUnit = units.find((unit) => unit.type === 'text');
  const opening = openingUnit?.type === 'text' && !outlineMarker(openingUnit.text) ? openingUnit.text : undefined;
  const doc: DocumentText = {
    ...(printedTitle ? { title: printedTitle } : {}),
    ...(opening ? { opening } : {}),
    headings,
    body: plain,
    keyTasks: structured.keyTasks,
    metadata,
    ...(titleUnit?.date ? { titleDate: titleUnit.date } : {}),
    ...(analysis.siteCode ? { siteCode: analysis.siteCode } : {}),
  };

  const infer = (field: string, value: unknown, from: string) => report.inferred.push({ field, value, from });
  const miss = (field: string, why: string) => report.missing.push({ field, why });

  const kind = inferKind(doc);
  if (kind.value) infer('kind', kind.value, kind.from);
  else miss('kind', kind.from);
  const period = inferPeriod(doc, kind.value);
  if (period.year.value !== undefined) infer('period.year', period.year.value, period.year.from);
  else miss('period.year', period.year.from);
  if (period.half.value !== undefined) infer('period.half', period.half.value, period.half.from);
  else miss('period.half', period.half.from);
  const publisher = inferPublisher(doc, context.regions);
  if (publisher.value) infer('publisher', publisher.value, publisher.from);
  else miss('publisher', publisher.from);
  const region = inferRegion(doc, publisher.value, context.regions);
  if (region.value) infer('region', region.value.slug, `${region.value.name}, from ${region.from}`);
  else miss('region', region.from);
  report.notes.push(...region.conflicts);

  const published = metadata.published?.value ?? titleUnit?.date;
  if (metadata.published) infer('published', published, `metadata ${metadata.published.key} (line ${metadata.published.line})`);
  else if (titleUnit?.date) infer('published', published, `the date beside the title line (line ${titleUnit.lines[0]?.no})`);
  else miss('published', metadata.empty.has('published') ? 'the metadata prints 发布日期 empty' : 'no 发布日期 is printed');
  const written = metadata.written?.value;
  if (metadata.written) infer('written', written, `metadata ${metadata.written.key} (line ${metadata.written.line})`);
  else miss('written', metadata.empty.has('written') ? 'the metadata prints 成文日期/生成日期 empty' : 'no 成文日期/生成日期 is printed');
  const source: Record<string, string> = {};
  if (metadata.index_no) {
    source.index_no = metadata.index_no.value;
    infer('source.index_no', metadata.index_no.value, `metadata ${metadata.index_no.key} (line ${metadata.index_no.line})`);
  } else miss('source.index_no', metadata.empty.has('index_no') ? 'the metadata prints 索引号 empty' : 'no 索引号 is printed');
  if (metadata.doc_no) {
    source.doc_no = metadata.doc_no.value;
    infer('source.doc_no', metadata.doc_no.value, `metadata ${metadata.doc_no.key} (line ${metadata.doc_no.line})`);
  } else miss('source.doc_no', metadata.empty.has('doc_no') ? 'the metadata prints 文号 empty or 无' : 'no 文号 is printed');

  const topicText = structured.keyTasks
    ? [plainText(body.split('\n').filter((line) => !line.startsWith('|')).join('\n')), ...structured.tasks.map((task) => `${task.title}\n${task.goal}`)].join('\n')
    : plain;
  const topics = inferTopics(topicText, [...headings, ...structured.tasks.map((task) => task.title)], context.topics);
  if (topics.ids.length > 0) {
    const describe = (id: string) => {
      const e = topics.evidence.get(id);
      const words = e?.keywords.slice(0, 3).join(' ') ?? '';
      return `${id} (${words}: ${e?.heading ? 'a heading, ' : ''}${e?.sentences ?? 0} sentences)`;
    };
    infer('topics', topics.ids, `topic keywords: ${topics.ids.map(describe).join(', ')}`);
  } else miss('topics', 'no topic is named by a heading or by two sentences');

  const metrics = extractFigures(body, { ...(kind.value ? { kind: kind.value } : {}), metrics: context.metrics });
  if (structured.tasks.length > 0) infer('tasks', `${structured.tasks.length} tasks`, 'the key-task table; status awaiting-summary until a later summary reports on them');

  const title = printedTitle ? { title: printedTitle } : editorialTitle(publisher.value, region.value, period.year.value, period.half.value, kind.value);
  if (printedTitle) infer('title', printedTitle, metadata.title ? `metadata ${metadata.title.key} (line ${metadata.title.line})` : `the title line (line ${titleUnit?.lines[0]?.no})`);
  else infer('title', title.title, 'composed by ingestion: the source prints no title (title_editorial: true; check the wording)');

  const frontmatter: DraftFrontmatter = { ...title };
  if (kind.value) frontmatter.kind = kind.value;
  if (period.year.value !== undefined && period.half.value !== undefined) frontmatter.period = { year: period.year.value, half: period.half.value };
  if (publisher.value) frontmatter.publisher = publisher.value;
  if (region.value) frontmatter.region = region.value.slug;
  if (published) frontmatter.published = published;
  if (written) frontmatter.written = written;
  if (Object.keys(source).length > 0) frontmatter.source = source;
  if (topics.ids.length > 0) frontmatter.topics = topics.ids;
  if (metrics.length > 0) frontmatter.metrics = metrics;
  if (structured.tasks.length > 0) frontmatter.tasks = structured.tasks;

  dropped.sort((a, b) => a.line - b.line);
  return { input: place.input, index: place.index, lines: [place.fromLine, place.toLine], frontmatter, body, dropped, report };
}

const halfNames: Record<Half, string> = { H1: '上半年', H2: '下半年' };
const kindTitles: Record<DocumentKind, string> = { plan: '工作计划', summary: '工作总结', 'task-list': '重点工作任务清单' };

/** A title for a document that prints none, from what was inferred; marked editorial so pages say so. */
function editorialTitle(publisher: string | undefined, region: Region | undefined, year: number | undefined, half: Half | null | undefined, kind: DocumentKind | undefined) {
  const bureau = publisher ?? (region ? `${region.name}民政局` : '民政局');
  const when = year !== undefined ? `${year}年${half ? halfNames[half] : ''}` : '';
  const what = kind ? kindTitles[kind] : '文件';
  return { title: `${bureau}${when}${what}`, title_editorial: true };
}
