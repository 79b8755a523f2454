/**
 * Turns a document's units into Markdown. The outline markers of official documents become headings:
 * 一、 → `##`, （一） → `###`, a short 1、/1. → `####` (or list items, when several short ones follow each
 * other), a short （1） → `#####`. A marker that opens a long paragraph ("（一）疫情防控工作。一是…") gives the
 * heading up to its first full stop and the rest stays a paragraph; "一是…二是…" stay paragraphs. Text is
 * never rewritten: every character of a unit ends up in the body.
 */
import type { TaskInput } from '../../schemas/task.ts';
import type { DroppedLine } from './types.ts';
import { BodyBlocks } from './markdown-text.ts';
import { columnRole, columnWords, convertCellLines, convertRunTogether, convertTable, isTaskHeader, type CellTable } from './tables.ts';
import { outlineMarker, type Marker } from './text.ts';
import type { Unit } from './units.ts';

export interface Structured {
  /** The body's blocks as read: the source text, with Markdown marks for headings, list items and tables only. */
  blocks: string[];
  /** The same blocks as the draft's Markdown: the source text escaped where the page would render it otherwise. */
  markdown: string[];
  tasks: TaskInput[];
  /** Whether a key-task table was found. */
  keyTasks: boolean;
  notes: string[];
  /** The document's numbered items (1. 2. …): a task list without a table lists its tasks so (民生实事). */
  items: TaskInput[];
  /**
   * Lines a table took whose text its Markdown does not print as written: a sub-header of quarters
   * (一季度二季度三季度四季度) becomes part of the column names (进展情况（一季度）…), so the line itself is
   * in no body and is listed here with why, as every input line must be.
   */
  dropped: DroppedLine[];
}

/** Text as it is compared with a body: no whitespace, no Markdown marks, no table pipes. */
const bareText = (text: string) => text.replace(/^#+ |^- |^\\/gm, '').replace(/^\|( --- \|)+$/gm, '').replace(/[|\s]/g, '');

/**
 * The lines of `taken` whose text is not in `blocks`: a table that rebuilds its header from two lines
 * (a column word over its quarters) prints neither line as it was. Reported rather than silently lost.
 */
function linesNotPrinted(taken: Unit[], blocks: string[]): DroppedLine[] {
  const printed = bareText(blocks.join('\n'));
  return taken.flatMap((unit) => unit.lines).filter((line) => !printed.includes(bareText(line.text))).map((line) => ({ reason: 'taken by the table, which does not print it as written (a sub-header such as 一季度 … 四季度 is read into the column names)', text: line.text, line: line.no }));
}

/**
 * A task table whose cells the copy put on lines of their own or ran together, starting at `units[index]`:
 * a run of units that are each one column word (序号 / 工作任务 / 牵头单位 …), or one unit that is column words
 * run together (实事内容工作任务责任单位进展情况).
 */
function cellTableAt(units: Unit[], index: number, fallbackGroup: string | undefined): (CellTable & { from: number }) | undefined {
  const unitText = (unit: Unit | undefined) => (unit?.type === 'text' ? unit.text : undefined);
  const lines = (unit: Unit) => unit.lines;
  let end = index;
  while (end < units.length && columnRole(unitText(units[end]) ?? '') !== undefined) end += 1;
  if (end - index >= 3) {
    const header = units.slice(index, end).map((unit) => unitText(unit) ?? '');
    const table = convertCellLines(header, units.slice(end).map(lines), fallbackGroup);
    if (table) return { ...table, from: end, units: table.units };
  }
  const words = columnWords(unitText(units[index]) ?? '');
  if (words && words.length >= 3 && isTaskHeader(words)) {
    const rest = units.slice(index + 1);
    const table = convertRunTogether(words, rest.map((unit) => (unit.type === 'text' ? [unit.text] : [])), rest.map((unit) => lines(unit).map((line) => line.no)), fallbackGroup);
    if (table) return { ...table, from: index + 1 };
  }
  return undefined;
}

/** Characters a heading may have; longer marked text is a paragraph that starts with a marker. */
const headingLength = { cn: 60, 'cn-paren': 60, num: 40, 'num-paren': 40 } as const;

const length = (text: string) => [...text].length;

/**
 * A paragraph as read: a backslash before a start that reads as a heading or list mark (`#`, `>`, `-`, `1. `),
 * so that figure extraction reads it as a paragraph. The draft's Markdown escapes it properly (markdown-text.ts).
 */
function paragraph(text: string): string {
  return /^([#>*+\-=`~_]|\d+[.)]\s)/.test(text) ? `\\${text}` : text;
}

/** A marked unit short enough to be a heading, with no full stop before its end. */
function isHeadingText(text: string, marker: Marker): boolean {
  const inner = text.replace(/[。.]$/, '');
  return length(text) <= headingLength[marker.kind] && !/[。；;！？]/.test(inner);
}

/** `（一）疫情防控工作。一是快速应对…` → heading `（一）疫情防控工作。` and the rest. */
function leadingHeading(text: string, marker: Marker): [string, string] | undefined {
  if (marker.kind !== 'cn' && marker.kind !== 'cn-paren') return undefined;
  const stop = text.search(/[。]/);
  if (stop < 0) return undefined;
  const head = text.slice(0, stop + 1);
  const rest = text.slice(stop + 1).trim();
  if (rest === '' || length(head) > 30 || /[，,；;：:]/.test(head)) return undefined;
  return [head, rest];
}

/** `title` (the document's printed title) names the tasks' group when a task table has no sections and no heading above it. */
/**
 * A line with a `|` inside a sentence (`资金|专项使用`, `| 开头的一句`) that no other table line stands next to: a
 * paragraph, not a one-row table. A copied row ends with its pipe (`cell | cell |`), or is a header of column words.
 */
function isSentenceWithPipes(unit: Unit): boolean {
  if (unit.type !== 'table' || unit.lines.length !== 1) return false;
  const text = unit.lines[0]?.text.trim() ?? '';
  if (/[|｜]$/.test(text)) return false;
  return !text.split(/[|｜]/).every((cell) => columnRole(cell.trim()) !== undefined);
}

export function structure(units: Unit[], title?: string): Structured {
  const body = new BodyBlocks();
  const tasks: TaskInput[] = [];
  const notes: string[] = [];
  const dropped: DroppedLine[] = [];
  let keyTasks = false;
  let lastHeading: string | undefined;
  let list: string[] = [];
  const items: TaskInput[] = [];
  let section: { text: string; number: number } | undefined;

  const flushList = () => {
    if (list.length > 0) body.list(list);
    list = [];
  };

  let taskTables = 0;
  const addTable = (table: { blocks: string[]; markdown: string[]; tasks: TaskInput[]; notes: string[]; keyTasks: boolean }) => {
    body.add({ reading: table.blocks, markdown: table.markdown });
    if (table.tasks.length > 0) taskTables += 1;
    // A document with two task tables (附件1, 附件2) numbers each from 1: the later table's ids take its place
    // among the tables (`2.1`), so its rows are kept rather than taken for repeats of the first table's.
    const clash = table.tasks.some((task) => tasks.some((existing) => existing.id === task.id));
    const added = clash ? table.tasks.map((task) => ({ ...task, id: `${taskTables}.${task.id}` })) : table.tasks;
    if (clash) notes.push(`task table ${taskTables} numbers its rows from 1 again: its task ids are ${added.map((task) => task.id).join(', ')}`);
    tasks.push(...added.filter((task) => !tasks.some((existing) => existing.id === task.id)));
    notes.push(...table.notes);
    keyTasks ||= table.keyTasks;
  };
  let skipTo = 0;

  units.forEach((unit, index) => {
    if (index < skipTo) return;
    if (unit.type === 'title') return;
    if (unit.type === 'text') {
      // A short line just above the header is the table's caption (…任务分解表) and names its tasks' group.
      const before = body.reading.at(-1);
      const caption = before !== undefined && !before.startsWith('#') && !before.startsWith('|') && length(before) <= 60 && !/[。；，,]/.test(before) ? before : undefined;
      const table = cellTableAt(units, index, caption ?? lastHeading ?? title);
      if (table) {
        flushList();
        const header = units.slice(index, table.from).map((u) => (u.type === 'text' ? u.text : '')).join(' ');
        notes.push(`a task table copied without pipes (header "${header}", line ${unit.lines[0]?.no}): ${table.tasks.length} tasks`);
        addTable(table);
        skipTo = table.from + table.units;
        dropped.push(...linesNotPrinted(units.slice(index, skipTo), table.blocks));
        return;
      }
    }
    if (unit.type === 'table' && !isSentenceWithPipes(unit)) {
      flushList();
      const table = convertTable(unit.lines, lastHeading ?? title);
      addTable(table);
      dropped.push(...linesNotPrinted([unit], table.blocks));
      return;
    }
    const text = unit.type === 'text' ? unit.text : (unit.lines[0]?.text.trim() ?? '');
    const marker = outlineMarker(text);
    if (marker?.kind === 'cn') section = { text: isHeadingText(text, marker) ? text : (leadingHeading(text, marker)?.[0] ?? text), number: marker.number };
    if (marker?.kind === 'num') {
      const id = section ? `${section.number}-${marker.number}` : String(marker.number);
      const itemTitle = numberedItemTitle(text, marker);
      if (itemTitle && !items.some((item) => item.id === id)) items.push({ id, group: section?.text ?? title ?? '', title: itemTitle, status: 'awaiting-summary' });
    }
    if (!marker) {
      flushList();
      body.paragraph(text, paragraph(text));
      return;
    }
    if (isHeadingText(text, marker)) {
      const next = units[index + 1];
      const nextMarker = next?.type === 'text' ? outlineMarker(next.text) : undefined;
      const previousInList = list.length > 0;
      const listLike = (marker.kind === 'num' || marker.kind === 'num-paren') && (previousInList || (nextMarker?.kind === marker.kind && next?.type === 'text' && isHeadingText(next.text, nextMarker)));
      if (listLike) {
        list.push(text);
        return;
      }
      flushList();
      body.heading(marker.rank, text);
      lastHeading = text;
      return;
    }
    flushList();
    const split = leadingHeading(text, marker);
    if (split) {
      body.heading(marker.rank, split[0]);
      body.paragraph(split[1], paragraph(split[1]));
      lastHeading = split[0];
      return;
    }
    body.paragraph(text, paragraph(text));
  });
  flushList();
  return { blocks: body.reading, markdown: body.markdown, tasks, keyTasks, notes, items: items.filter((item) => item.group !== ''), dropped };
}

/** A numbered item's title: its text after the marker up to the first full stop or colon (`1.城乡低保提标。将…` → `城乡低保提标`). */
function numberedItemTitle(text: string, marker: Marker): string | undefined {
  const rest = text.trimStart().slice(marker.text.length).trim();
  let title = rest.split(/[。；;：:！？]/)[0]?.trim() ?? '';
  if (length(title) > 60) title = title.split(/[，,]/)[0]?.trim() ?? '';
  return title !== '' && length(title) <= 60 ? title : undefined;
}
