/**
 * Tables flattened by copying: each row became `cell | cell |`, a long row's last cells wrapped onto lines of
 * their own, and section rows (`一、区委十四届六次全会任务 | ||||`) split the list into parts. Rows are put
 * back together, the table becomes Markdown (one table per section, under the section as a heading), and a
 * key-task table (序号 | 重点工作事项 | 工作目标 | 分管领导 | 责任科室) also becomes the document's `tasks`.
 */
import type { TaskInput } from '../../schemas/task.ts';
import type { SourceLine } from './types.ts';
import { outlineMarker } from './text.ts';

interface Row {
  cells: string[];
  lines: number[];
}

function splitCells(text: string): string[] {
  const cells = text.split(/[|｜]/).map((cell) => cell.trim());
  if (/[|｜]\s*$/.test(text)) cells.pop();
  return cells;
}

const nonEmpty = (cells: string[]) => cells.filter((cell) => cell !== '').length;

/** A line that starts a row: a 序号, a header, or a one-cell caption or section line. */
function startsRow(cells: string[]): boolean {
  const first = cells[0] ?? '';
  if (/^\d{1,3}$/.test(first)) return true;
  if (/^(序号|编号)$/.test(first)) return true;
  return nonEmpty(cells) === 1 && first !== '' && cells.length > 1;
}

/** Rebuilds logical rows from the physical lines of a flattened table. */
export function tableRows(lines: SourceLine[]): Row[] {
  const rows: Row[] = [];
  let width = 0;
  let previousClosed = true;
  for (const line of lines) {
    const cells = splitCells(line.text);
    const current = rows.at(-1);
    const complete = current !== undefined && width > 0 && current.cells.length >= width;
    if (!current || complete || startsRow(cells)) {
      rows.push({ cells, lines: [line.no] });
      if (width === 0 && nonEmpty(cells) >= 3) width = cells.length;
    } else if (previousClosed) {
      current.cells.push(...cells);
      current.lines.push(line.no);
    } else {
      // The previous line ended inside a cell: its text goes on in this line's first cell.
      const [head = '', ...rest] = cells;
      const last = current.cells.length - 1;
      current.cells[last] = `${current.cells[last] ?? ''}${head}`;
      current.cells.push(...rest);
      current.lines.push(line.no);
    }
    previousClosed = /[|｜]\s*$/.test(line.text);
  }
  return rows;
}

export interface TableResult {
  /** Markdown blocks: captions as paragraphs, sections as headings, each section's rows as a table. */
  blocks: string[];
  tasks: TaskInput[];
  /** Whether the header is a key-task list's. */
  keyTasks: boolean;
  notes: string[];
}

interface Columns {
  no: number;
  title: number;
  goal: number;
  leader: number;
  owner: number;
}

function keyTaskColumns(header: string[]): Columns | undefined {
  const find = (pattern: RegExp) => header.findIndex((cell) => pattern.test(cell));
  const columns = {
    no: find(/^(序号|编号)$/),
    title: find(/(工作事项|重点任务|任务名称|工作任务|事项)/),
    goal: find(/(工作目标|目标任务|目标|工作内容|主要内容)/),
    leader: find(/(分管领导|责任领导|牵头领导|领导)/),
    owner: find(/(责任科室|责任单位|责任部门|牵头科室|牵头单位|科室)/),
  };
  return Object.values(columns).every((index) => index >= 0) ? columns : undefined;
}

function markdownRow(cells: string[], width: number): string {
  const padded = [...cells, ...Array.from({ length: Math.max(0, width - cells.length) }, () => '')];
  return `| ${padded.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`;
}

function markdownTable(header: string[], rows: string[][]): string {
  const width = Math.max(header.length, ...rows.map((row) => row.length));
  return [markdownRow(header, width), markdownRow(Array.from({ length: width }, () => '---'), width), ...rows.map((row) => markdownRow(row, width))].join('\n');
}

/** `fallbackGroup` names the tasks' group when the table has no section rows (the heading above it). */
export function convertTable(lines: SourceLine[], fallbackGroup?: string): TableResult {
  const rows = tableRows(lines);
  const blocks: string[] = [];
  const tasks: TaskInput[] = [];
  const notes: string[] = [];
  const headerIndex = rows.findIndex((row) => nonEmpty(row.cells) >= 2);
  const header = headerIndex >= 0 ? (rows[headerIndex]?.cells ?? []) : [];
  const columns = keyTaskColumns(header);
  let caption: string | undefined;
  let section: { text: string; number: string } | undefined;
  let pending: string[][] = [];
  let rowInSection = 0;
  let tables = 0;

  const flush = () => {
    if (pending.length > 0) {
      blocks.push(markdownTable(header, pending));
      tables += 1;
    }
    pending = [];
  };

  rows.forEach((row, index) => {
    if (index === headerIndex) return;
    const filled = row.cells.filter((cell) => cell !== '');
    if (filled.length === 1 && (row.cells[0] ?? '') !== '' && (index < headerIndex || outlineMarker(row.cells[0] ?? '') || row.cells.length > 1)) {
      flush();
      const text = row.cells[0] ?? '';
      const marker = outlineMarker(text);
      if (marker && index > headerIndex) {
        blocks.push(`${'#'.repeat(marker.rank)} ${text}`);
        section = { text, number: String(marker.number) };
        rowInSection = 0;
      } else {
        blocks.push(text);
        if (index < headerIndex) caption ??= text;
      }
      return;
    }
    if (index < headerIndex) {
      blocks.push(row.cells.filter((cell) => cell !== '').join(' '));
      return;
    }
    pending.push(row.cells);
    rowInSection += 1;
    if (!columns) return;
    const cell = (column: number) => (row.cells[column] ?? '').trim();
    const number = /^\d+$/.test(cell(columns.no)) ? cell(columns.no) : String(rowInSection);
    const id = section ? `${section.number}-${number}` : number;
    const task = { id, group: section?.text ?? fallbackGroup ?? caption ?? '', title: cell(columns.title), goal: cell(columns.goal), leader: cell(columns.leader), owner: cell(columns.owner) };
    const empty = (['group', 'title', 'goal', 'leader', 'owner'] as const).filter((field) => task[field] === '');
    if (empty.length > 0) {
      notes.push(`table row ${id} (line ${row.lines[0]}) has no ${empty.join(', ')}; kept in the body, left out of tasks`);
      return;
    }
    if (number !== cell(columns.no)) notes.push(`table row on line ${row.lines[0]} has no 序号; its task id ${id} counts its place in the section`);
    if (tasks.some((existing) => existing.id === id)) {
      notes.push(`task id ${id} (line ${row.lines[0]}) repeats an earlier row's; kept in the body, left out of tasks`);
      return;
    }
    tasks.push({ ...task, status: 'awaiting-summary' });
  });
  flush();
  // A table of a header alone still shows its header.
  if (tables === 0 && headerIndex >= 0) blocks.push(markdownTable(header, []));

  if (columns) {
    for (const group of new Set(tasks.map((task) => task.group))) {
      const numbers = tasks.filter((task) => task.group === group).map((task) => Number(task.id.split('-').at(-1)));
      const gaps: string[] = [];
      numbers.forEach((n, i) => {
        const previous = numbers[i - 1];
        if (previous !== undefined && n > previous + 1) gaps.push(n === previous + 2 ? String(previous + 1) : `${previous + 1}–${n - 1}`);
      });
      if (gaps.length > 0) notes.push(`${group}: 序号 ${gaps.join(', ')} missing in the source (kept as printed)`);
    }
  }
  return { blocks, tasks, keyTasks: columns !== undefined, notes };
}
