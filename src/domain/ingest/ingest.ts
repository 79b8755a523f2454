/**
 * Ingestion of one copied file: text → one draft per document it holds. The steps, each in its own module:
 * metadata header → site boilerplate → units (re-joined paragraphs, titles, tables) → duplicate passages →
 * documents → Markdown and tasks → figures and inferred fields. Every non-blank input line ends up in a
 * draft's body or in its `dropped` list with a reason.
 */
import { documentKindNames, type DocumentKind, type Half } from '../../schemas/document.ts';
import { periodLabel } from '../periods.ts';
import { withoutSiteName } from './text.ts';
import { boilerplateReason, chromeRuns, crumbSeparator } from './boilerplate.ts';
import { duplicateDrops, findDuplicates } from './dedupe.ts';
import { extractFigures } from './figures.ts';
import { fusedTitle, headlineTitle, newsReport, pageYear, inferKind, wrappedTitleEnd, inferPeriod, inferPublisher, inferRegion, inferTopics, type DocumentText, type InferenceOptions } from './infer.ts';
import { resolveMetadata, scanMetadata, type MetadataValue } from './metadata.ts';
import { applyKnownMetadata, type KnownMetadata } from './known-metadata.ts';
import { splitDocuments, type DocumentSpan } from './split.ts';
import { structure } from './structure.ts';
import { outlineMarker } from './text.ts';
import type { IngestProgress } from './progress.ts';
import type { Decoded } from './decode.ts';
import type { Draft, DraftFrontmatter, DraftReport, DroppedLine, IngestContext, IngestResult, NotInModel, SourceLine } from './types.ts';
import { groupUnits, type TitleUnit, type Unit } from './units.ts';
import { countedTasks, progressParagraphs, progressTask } from './prose-tasks.ts';

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

/** A page counter a 文库 copy fused onto the text after it: `第1页共7页县政府民政工作总结…`. */
const fusedPageCounter = /^\s*第\s*\d+\s*页\s*共\s*\d+\s*页(?=\S)/;

function analyse(text: string, onProgress: (progress: IngestProgress) => void): FileAnalysis {
  const lines = splitLines(text).filter((line) => line.text.trim() !== '');
  onProgress({ phase: 'lines', done: lines.length });
  onProgress({ phase: 'furniture' });
  const dropped: DroppedLine[] = [];
  // Furniture recognisable only as a run of lines (contents, headline lists, menus) goes first, so that a
  // headline's "时间:2025-05-22 …" is never read as the document's byline.
  const runs = chromeRuns(lines);
  const metadata = scanMetadata(lines.filter((line) => !runs.has(line.no)));
  const documentLines: SourceLine[] = [];
  for (const line of lines) {
    const reason = runs.get(line.no) ?? metadata.consumed.get(line.no) ?? (metadata.read.has(line.no) ? undefined : boilerplateReason(line.text));
    if (reason) {
      dropped.push({ reason, text: line.text, line: line.no });
      continue;
    }
    const counter = fusedPageCounter.exec(line.text);
    if (counter) {
      // The counter is dropped and reported; the rest of the line is the document's.
      dropped.push({ reason: 'page counter (第1页共9页)', text: counter[0], line: line.no });
      documentLines.push({ no: line.no, text: line.text.slice(counter[0].length) });
    } else documentLines.push(line);
  }
  const evidence = lines.map((line) => line.text).join('\n');
  onProgress({ phase: 'paragraphs' });
  const { units, notes } = groupUnits(documentLines, evidence);
  onProgress({ phase: 'duplicates' });
  const duplicates = findDuplicates(units);
  const droppedUnits = new Set(duplicates.flatMap((duplicate) => duplicate.dropped));
  const kept = units.map((_, i) => i).filter((i) => !droppedUnits.has(i));
  onProgress({ phase: 'documents' });
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
export function ingestDecoded(decoded: Decoded, input: string, context: IngestContext, options: IngestOptions = {}): IngestResult {
  if (!decoded.ok) return { ok: false, file: input, reason: decoded.reason };
  const drafts = ingestText(decoded.text, input, context, options);
  if (drafts.length === 0) return { ok: false, file: input, reason: 'no document text: every line is metadata or site boilerplate' };
  return { ok: true, file: input, encoding: decoded.encoding, drafts };
}

/**
 * What the page says outside its text: its address (`--url`, the HTML's own) and HTML meta; `known` fills
 * the metadata fields the text itself does not print (a saved page's ArticleTitle, PubDate, ColumnName).
 */
export interface IngestOptions extends InferenceOptions {
  known?: KnownMetadata;
  /** Where `url` came from, for the report, e.g. `the page's canonical link`. */
  urlFrom?: string;
  /** Told each phase and each drafted document, for a progress line on long inputs (progress.ts). */
  onProgress?: (progress: IngestProgress) => void;
}

/** `options` is what the page says outside its text: its address (`--url`, the HTML's own) and HTML meta. */
export function ingestText(text: string, input: string, context: IngestContext, options: IngestOptions = {}): Draft[] {
  const onProgress = options.onProgress ?? (() => {});
  const analysis = analyse(text, onProgress);
  const lastLine = splitLines(text).length;
  const byLine = fileLookups(analysis);
  const total = analysis.spans.length;
  return analysis.spans.map((span, index) => {
    onProgress({ phase: 'drafting', done: index, total });
    const fromLine = index === 0 ? 1 : span.fromLine;
    const toLine = (analysis.spans[index + 1]?.fromLine ?? lastLine + 1) - 1;
    return buildDraft(analysis, byLine, span, { input, index: index + 1, count: total, fromLine, toLine }, context, options);
  });
}

/**
 * The items of a list whose line is in a range, in the list's order. One sort, then a binary search per range:
 * filtering the whole file's list for each of its documents made a file of many documents quadratic.
 */
function lineRanges<T>(items: readonly T[], lineOf: (item: T) => number): (from: number, to: number) => T[] {
  const order = items.map((_, i) => i).sort((a, b) => lineOf(items[a] as T) - lineOf(items[b] as T) || a - b);
  const lines = order.map((i) => lineOf(items[i] as T));
  const firstAtLeast = (line: number) => {
    let [low, high] = [0, lines.length];
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((lines[middle] ?? 0) < line) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  return (from, to) => order.slice(firstAtLeast(from), firstAtLeast(to + 1)).sort((a, b) => a - b).map((i) => items[i] as T);
}

/** The file's dropped lines, notes, metadata and duplicates, found per document without a pass over all of them. */
interface FileLookups {
  dropped: (from: number, to: number) => DroppedLine[];
  notes: (from: number, to: number) => string[];
  metadata: (from: number, to: number) => MetadataValue[];
  /** Duplicate lines whose kept passage starts in one of `units`, in the file's order. */
  duplicatesKeptIn: (units: readonly number[]) => FileAnalysis['duplicates'];
}

function fileLookups(analysis: FileAnalysis): FileLookups {
  const byKeptUnit = new Map<number, number[]>();
  analysis.duplicates.forEach((entry, i) => {
    const list = byKeptUnit.get(entry.keptUnit);
    if (list) list.push(i);
    else byKeptUnit.set(entry.keptUnit, [i]);
  });
  return {
    dropped: lineRanges(analysis.dropped, (line) => line.line),
    notes: lineRanges(analysis.notes, (note) => Number(/line (\d+)/.exec(note)?.[1] ?? 0)),
    metadata: lineRanges(analysis.metadata, (value) => value.line),
    duplicatesKeptIn: (units) =>
      [...new Set(units)]
        .flatMap((unit) => byKeptUnit.get(unit) ?? [])
        .sort((a, b) => a - b)
        .map((i) => analysis.duplicates[i] as FileAnalysis['duplicates'][number]),
  };
}

interface Place {
  input: string;
  index: number;
  count: number;
  fromLine: number;
  toLine: number;
}

function buildDraft(analysis: FileAnalysis, byLine: FileLookups, span: DocumentSpan, place: Place, context: IngestContext, options: IngestOptions = {}): Draft {
  const report: DraftReport = { inferred: [], missing: [], notes: [] };
  let units = span.units.map((i) => analysis.units[i] as Unit);

  const dropped: DroppedLine[] = byLine.dropped(place.fromLine, place.toLine);
  const duplicates = byLine.duplicatesKeptIn(span.units);
  // Loops, not spread arguments: a long report pasted twice has more duplicate lines than a call takes arguments.
  for (const entry of duplicates) dropped.push(entry.line);
  for (const why of new Set(duplicates.map((entry) => entry.why))) {
    const lines = duplicates.filter((entry) => entry.why === why).map((entry) => entry.line.line);
    const [first, last] = lines.reduce(([low, high], line) => [Math.min(low, line), Math.max(high, line)], [Infinity, -Infinity]);
    report.notes.push(`a passage appears twice (lines ${first}–${last} repeat text kept in the body); ${why}`);
  }
  if (span.why) report.notes.push(`this is document ${place.index} of ${place.count} in the file: ${span.why}`);
  else if (place.count > 1) report.notes.push(`the file holds ${place.count} documents; this is the first`);
  report.notes.push(...byLine.notes(place.fromLine, place.toLine));

  const spanMetadata = byLine.metadata(place.fromLine, place.toLine);
  const metadata = resolveMetadata(spanMetadata);
  // A saved page's meta tags describe the page, so its first document.
  if (place.index === 1) report.notes.push(...applyKnownMetadata(metadata, options.known));
  report.notes.push(...metadata.problems);

  const titleUnits = units.filter((unit): unit is TitleUnit => unit.type === 'title');
  let titleUnit = titleUnits[0];
  for (const unit of titleUnits) {
    const read = unit === titleUnit ? `read into title${unit.date ? ' and published' : ''}` : 'a second title line of the same document';
    for (const line of unit.lines) dropped.push({ reason: `title line (${read})`, text: line.text, line: line.no });
  }

  // A title the copy wrapped onto a second line (…2021 年工作 / 思路): its last words are the title's, not the body's.
  const tail = titleUnit ? units[units.indexOf(titleUnit) + 1] : undefined;
  const wrappedTitle = titleUnit && tail?.type === 'text' && tail.lines.length === 1 ? wrappedTitleEnd(titleUnit.title, tail.text) : undefined;
  if (titleUnit && tail && wrappedTitle) {
    titleUnit = { ...titleUnit, title: wrappedTitle };
    units = units.filter((unit) => unit !== tail);
    for (const line of tail.lines) dropped.push({ reason: 'title line (the title\'s last words, wrapped onto the next line; read into title)', text: line.text, line: line.no });
  }

  // The title as the page prints it: the header's 名称/标题, a title line, or the headline above the text.
  const bylineLine = spanMetadata.filter((value) => value.byline).map((value) => value.line).sort((a, b) => a - b)[0];
  const headline = metadata.title || titleUnit ? undefined : headlineTitle(units, bylineLine) ?? fusedHeadline(units);
  const titleAsPrinted = metadata.title?.value ?? titleUnit?.title ?? headline?.title;
  const structured = structure(units, titleAsPrinted);
  report.notes.push(...structured.notes);
  dropped.push(...structured.dropped);
  const printedTitle = titleAsPrinted === undefined ? undefined : withoutSiteName(titleAsPrinted);
  if (titleAsPrinted !== printedTitle) report.notes.push(`the title line ends with the site's name, left out of the title: "${titleAsPrinted}"`);
  // The draft's body is Markdown that shows the source text; everything read from the body (kind, topics,
  // figures and their quotes) reads the source text itself, so a quote is what the page shows.
  const body = `${structured.markdown.join('\n\n')}\n`;
  const reading = `${structured.blocks.join('\n\n')}\n`;
  const plain = plainText(reading);
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
    ...(titleUnit?.date ? { titleDate: titleUnit.date } : headline?.date ? { titleDate: headline.date } : {}),
    ...(options.url ? { url: options.url } : {}),
    ...(options.contentSource ? { contentSource: options.contentSource } : {}),
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
  if (period.endYear?.value !== undefined) infer('period.end_year', period.endYear.value, period.endYear.from);
  report.notes.push(...period.conflicts);
  const publisher = inferPublisher(doc, context.regions);
  if (publisher.value) infer('publisher', publisher.value, publisher.from);
  else miss('publisher', publisher.from);
  const region = inferRegion(doc, publisher.value, context.regions);
  if (region.value) infer('region', region.value.slug, `${region.value.name}, from ${region.from}`);
  else miss('region', region.from);
  report.notes.push(...region.conflicts);

  const published = metadata.published?.value ?? titleUnit?.date ?? headline?.date;
  if (metadata.published) infer('published', published, `metadata ${metadata.published.key} (line ${metadata.published.line})`);
  else if (titleUnit?.date) infer('published', published, `the date beside the title line (line ${titleUnit.lines[0]?.no})`);
  else if (headline?.date) infer('published', published, `the date beside the headline (line ${headline.line})`);
  else miss('published', metadata.empty.has('published') ? 'the metadata prints 发布日期 empty' : 'no 发布日期 is printed');
  const written = metadata.written?.value;
  if (metadata.written) infer('written', written, `metadata ${metadata.written.key} (line ${metadata.written.line})`);
  else miss('written', metadata.empty.has('written') ? 'the metadata prints 成文日期/生成日期 empty' : 'no 成文日期/生成日期 is printed');
  const source: Record<string, string> = {};
  if (options.url) {
    source.url = options.url;
    infer('source.url', options.url, options.urlFrom ?? 'the page address given with --url');
  }
  if (metadata.index_no) {
    source.index_no = metadata.index_no.value;
    infer('source.index_no', metadata.index_no.value, `metadata ${metadata.index_no.key} (line ${metadata.index_no.line})`);
  } else miss('source.index_no', metadata.empty.has('index_no') ? 'the metadata prints 索引号 empty' : 'no 索引号 is printed');
  if (metadata.doc_no) {
    source.doc_no = metadata.doc_no.value;
    infer('source.doc_no', metadata.doc_no.value, `metadata ${metadata.doc_no.key} (line ${metadata.doc_no.line})`);
  } else miss('source.doc_no', metadata.empty.has('doc_no') ? 'the metadata prints 文号 empty or 无' : 'no 文号 is printed');

  // A task list without a table lists its tasks as numbered items (民生实事 1. 2. …).
  const tableTasks = structured.tasks.length > 0;
  // Else a task list states them in prose: one task's progress page, or tasks a sentence names and counts.
  const progress = progressParagraphs(plain);
  const breadcrumb = dropped.filter((line) => /^(breadcrumb trail|page navigation)/.test(line.reason) && crumbSeparator.test(line.text)).at(-1)?.text;
  const progressPage = progress ? progressTask(progress, breadcrumb, printedTitle) : undefined;
  const proseTasks = progressPage ? [progressPage] : progress ? [] : countedTasks(plain);
  const listed = structured.items.length > 0 ? structured.items : proseTasks;
  const tasksFrom = tableTasks ? 'the task table' : structured.items.length > 0 ? 'the numbered items of a task list' : progressPage ? "the page's progress, period by period, of one task" : 'the tasks a sentence names and counts';
  const tasks = tableTasks ? structured.tasks : kind.value === 'task-list' ? listed : [];
  const topicText = structured.keyTasks
    ? [plainText(reading.split('\n').filter((line) => !line.startsWith('|')).join('\n')), ...tasks.map((task) => `${task.title}\n${task.goal ?? ''}`)].join('\n')
    : plain;
  const topics = inferTopics(topicText, [...headings, ...tasks.map((task) => task.title)], context.topics);
  if (topics.ids.length > 0) {
    const describe = (id: string) => {
      const e = topics.evidence.get(id);
      const words = e?.keywords.slice(0, 3).join(' ') ?? '';
      return `${id} (${words}: ${e?.heading ? 'a heading, ' : ''}${e?.sentences ?? 0} sentences)`;
    };
    infer('topics', topics.ids, `topic keywords: ${topics.ids.map(describe).join(', ')}`);
  } else miss('topics', 'no topic is named by a heading or by two sentences');

  const notInModel: NotInModel[] = [];
  const dated = pageYear(doc);
  const metrics = extractFigures(reading, { ...(kind.value ? { kind: kind.value } : {}), ...(dated ? { pageYear: dated } : {}), metrics: context.metrics, notInModel });
  if (notInModel.length > 0) report.notInModel = notInModel;
  if (tasks.length > 0) infer('tasks', `${tasks.length} tasks`, `${tasksFrom}; status awaiting-summary until a later summary reports on them`);

  const title = printedTitle ? { title: printedTitle } : editorialTitle(publisher.value, region.value?.name, period.year.value, period.half.value, kind.value, period.endYear?.value);
  if (printedTitle) infer('title', printedTitle, metadata.title ? `metadata ${metadata.title.key} (line ${metadata.title.line})` : titleUnit ? `the title line (line ${titleUnit.lines[0]?.no})` : `the headline above the text (line ${headline?.line})`);
  else infer('title', title.title, 'composed by ingestion: the source prints no title (title_editorial: true; check the wording)');

  const frontmatter: DraftFrontmatter = { ...title };
  if (kind.value) frontmatter.kind = kind.value;
  // A year is never dropped because the half is unknown: inferPeriod gives the half null (the whole year) then.
  if (period.year.value !== undefined && period.half.value !== undefined) frontmatter.period = { year: period.year.value, half: period.half.value, ...(period.endYear?.value !== undefined ? { end_year: period.endYear.value } : {}) };
  if (publisher.value) frontmatter.publisher = publisher.value;
  if (region.value) frontmatter.region = region.value.slug;
  if (published) frontmatter.published = published;
  if (written) frontmatter.written = written;
  if (Object.keys(source).length > 0) frontmatter.source = source;
  if (topics.ids.length > 0) frontmatter.topics = topics.ids;
  if (metrics.length > 0) frontmatter.metrics = metrics;
  if (tasks.length > 0) frontmatter.tasks = tasks;

  // A news report is drafted in full but held out of content/documents/: the site publishes bureaus' own documents.
  const news = newsReport(doc);
  const held = news ? `a news report (${news.from}), not a bureau's own plan, summary, task list or notice: move it to content/documents/ only if the site should carry it` : undefined;

  dropped.sort((a, b) => a.line - b.line);
  return { input: place.input, index: place.index, lines: [place.fromLine, place.toLine], frontmatter, body, dropped, report, ...(held ? { held } : {}) };
}


/**
 * A title for a document that prints none, from what was inferred; marked editorial so pages say so. It names
 * a bureau only when the page names its publisher (厦门市民政局2011—2015年规划); otherwise the place
 * (金坛区2017年上半年民政工作总结): a region's bureau the page does not name may not be the one that published it.
 */
function editorialTitle(publisher: string | undefined, place: string | undefined, year: number | undefined, half: Half | null | undefined, kind: DocumentKind | undefined, endYear: number | undefined) {
  const when = year === undefined ? '' : periodLabel({ year, half: half ?? null, ...(endYear !== undefined ? { end_year: endYear } : {}) });
  const what = kind === 'plan' && endYear !== undefined ? '规划' : kind ? documentKindNames[kind] : '文件';
  const who = publisher ?? (place ? `${place}${when}民政` : undefined);
  return { title: publisher ? `${publisher}${when}${what}` : who ? `${who}${what}` : `${when}${what}`, title_editorial: true };
}

/** A title the copy ran into the first line of text (`X区民政局2022年工作总结和2023年工作要点一、2022年…`): printed, so not editorial. */
function fusedHeadline(units: Unit[]): { title: string; date?: string; line: number } | undefined {
  const first = units.find((unit) => unit.type === 'text');
  const title = first?.type === 'text' ? fusedTitle(first.text) : undefined;
  return title && first ? { title: title.trim(), line: first.lines[0]?.no ?? 0 } : undefined;
}
