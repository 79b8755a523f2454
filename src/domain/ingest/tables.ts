/**
 * Tables flattened by copying: each row became `cell | cell |`, a long row's last cells wrapped onto lines of
 * their own, and section rows (`一、区委十四届六次全会任务 | ||||`) split the list into parts. Rows are put
 * back together, the table becomes Markdown (one table per section, under the section as a heading), and a
 * task table also becomes the document's `tasks`. A task table is known by its header: a row whose every cell
 * is a column word (序号, 事项/实事内容/工作任务, 目标, 分管领导, 牵头单位/责任单位, 完成时限, 进展情况 …),
 * whether the cells come in pipes, one per line (the header then says how many cells a row has), or run
 * together on one line. Rows with fewer cells than the header lost their merged cells (a rowspan in the
 * page): they inherit the cell above, matched by what each cell looks like (a 序号, names, an office, a date).
 */
import type { TaskInput } from '../../schemas/task.ts';
import type { SourceLine } from './types.ts';
import { BodyBlocks, literalMarkdown } from './markdown-text.ts';
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

/** What a column of a task table holds; `other` is a column word the content model does not keep (配合单位, 备注). */
export type ColumnRole = 'no' | 'title' | 'goal' | 'leader' | 'owner' | 'deadline' | 'progress' | 'other';

export interface Column {
  /** The header cell as written, e.g. `责任单位`, or `进展情况（一季度）` for a sub-column. */
  label: string;
  role: ColumnRole;
}

/** The words task-table headers are made of. Matched whole (after a year prefix such as `2022年`), longest first. */
const columnVocabulary: Record<Exclude<ColumnRole, never>, string[]> = {
  no: ['序号', '编号', '序'],
  title: ['重点工作事项', '工作事项', '重点事项', '事项名称', '事项', '项目名称', '项目', '实事内容', '实事名称', '实事项目', '民生实事', '重点工作任务', '工作任务', '重点工作', '重点任务', '任务名称', '主要任务', '具体任务', '任务'],
  goal: ['工作目标', '目标任务', '预期目标', '年度目标', '建设目标', '目标', '工作内容', '主要内容', '建设内容', '具体内容', '任务内容', '工作措施', '主要措施', '具体措施', '内容'],
  leader: ['分管领导', '责任领导', '牵头领导', '分管区领导', '分管县领导', '分管市领导', '领导', '责任人', '负责人'],
  owner: ['牵头责任单位', '牵头单位', '责任单位', '责任科室', '责任部门', '牵头科室', '牵头部门', '承办单位', '主办单位', '实施单位', '主责单位', '科室'],
  deadline: ['完成时限', '时间节点', '完成时间', '完成期限', '时限', '时间安排', '进度安排'],
  progress: ['进展情况', '完成情况', '推进情况', '落实情况', '工作进展', '进展', '进度', '第一季度', '第二季度', '第三季度', '第四季度', '一季度', '二季度', '三季度', '四季度'],
  other: ['配合单位', '协办单位', '参与单位', '配合部门', '责任分工', '备注', '类别', '分类', '要点', '重点内容', '指标名称', '指标', '属性', '说明', '年份'],
};

const vocabulary = Object.entries(columnVocabulary)
  .flatMap(([role, words]) => words.map((word) => ({ word, role: role as ColumnRole })))
  .sort((a, b) => b.word.length - a.word.length);

const quarterWord = /^第?[一二三四]季度$/;

/** `2022年预期目标` → goal; undefined when the cell is not one column word. */
export function columnRole(cell: string): ColumnRole | undefined {
  const words = columnWords(cell);
  return words?.length === 1 ? words[0]?.role : undefined;
}

/**
 * A header line's column words, or undefined when any part of it is not one: `实事内容工作任务责任单位进展情况`
 * (cells run together) → 实事内容, 工作任务, 责任单位, 进展情况.
 */
export function columnWords(text: string): Column[] | undefined {
  let rest = text.replace(/[\s\u3000]+/g, '').replace(/[（(][^）)]{0,8}[）)]/g, '');
  const columns: Column[] = [];
  while (rest !== '') {
    rest = rest.replace(/^\d{4}年度?/, '');
    if (rest === '') break;
    const found = vocabulary.find((entry) => rest.startsWith(entry.word));
    if (!found) return undefined;
    columns.push({ label: found.word, role: found.role });
    rest = rest.slice(found.word.length);
  }
  return columns.length > 0 ? columns : undefined;
}

/** A task table's header names what a task is (事项 or 目标) and something about it (序号, who, when, how far). */
export function isTaskHeader(columns: Column[]): boolean {
  const roles = new Set(columns.map((column) => column.role));
  return (roles.has('title') || roles.has('goal')) && ['no', 'owner', 'leader', 'deadline', 'progress'].some((role) => roles.has(role as ColumnRole));
}

/** A header's progress column split into the sub-header's quarters (进展情况 over 一季度 … 四季度). */
function withSubHeader(columns: Column[], sub: Column[]): Column[] {
  const at = columns.findIndex((column) => column.role === 'progress');
  if (at < 0) return [...columns, ...sub];
  const parent = columns[at]?.label ?? '';
  return [...columns.slice(0, at), ...sub.map((column) => ({ label: `${parent}（${column.label}）`, role: 'progress' as const })), ...columns.slice(at + 1)];
}

const isSubHeader = (text: string) => {
  const words = columnWords(text);
  return words !== undefined && words.length >= 2 && words.every((word) => quarterWord.test(word.label));
};

/** Endings of an office's name: 民政局, 社会救助科, 区残联, 相关镇街. */
const officeEnd = '(?:局|委|办|会|联|科|室|处|所|中心|部|院|站|队|政府|街道|镇街|镇|乡|街|公司|组|厅)';
const officeName = `(?:相关|各|有关)?[\\u4e00-\\u9fa5]{0,7}${officeEnd}`;
const officeList = new RegExp(`^${officeName}(?:[,，、/]\\s*${officeName})*`);
const isOffice = (cell: string) => new RegExp(`^${officeName}(?:[,，、/\\s]+${officeName})*$`).test(cell.trim());
const isNames = (cell: string) => !isOffice(cell) && /^[\u4e00-\u9fa5]{2,4}([\s、,，]+[\u4e00-\u9fa5]{2,4})*$/.test(cell.trim());
const isDeadline = (cell: string) => cell.length <= 30 && /(\d{1,2}月|年底|月底|季度|底前|前完成|长期|持续|全年|常态)/.test(cell);
const chars = (cell: string) => [...cell].length;

/** How well a cell's text fits a column: a 序号 is a number, a leader names people, an owner names offices. */
function fit(cell: string, role: ColumnRole): number {
  switch (role) {
    case 'no':
      return /^\d{1,3}$/.test(cell) ? 4 : -4;
    case 'leader':
      return isNames(cell) ? 2 : isOffice(cell) ? -1 : chars(cell) > 12 ? -2 : 0;
    case 'owner':
      return isOffice(cell) ? 2 : isNames(cell) ? -1 : chars(cell) > 40 ? -2 : 0;
    case 'deadline':
      return isDeadline(cell) ? 2 : chars(cell) > 30 ? -1 : 0;
    case 'title':
      return /^\d+$/.test(cell) ? -2 : chars(cell) <= 40 ? 1 : 0;
    case 'goal':
    case 'progress':
      return chars(cell) >= 10 ? 1 : 0;
    default:
      return 0;
  }
}

/** Every way of choosing `missing` of `width` columns, those at the end first. */
function missingChoices(width: number, missing: number): number[][] {
  if (missing === 0) return [[]];
  if (missing > width) return [];
  const out: number[][] = [];
  for (let first = width - 1; first >= missing - 1; first--) for (const rest of missingChoices(first, missing - 1)) out.push([...rest, first]);
  return out;
}

/**
 * A row with fewer cells than the header: the page merged some of its cells with the row above (rowspan).
 * The missing columns are the ones that make every remaining cell fit its column best; they take the cell above.
 */
export function alignRow(cells: string[], columns: Column[], above: string[] | undefined): { cells: string[]; inherited: string[] } {
  const width = columns.length;
  if (cells.length >= width || !above || cells.length === 0 || width - cells.length > 4) return { cells, inherited: [] };
  let best: { score: number; missing: number[] } | undefined;
  for (const missing of missingChoices(width, width - cells.length)) {
    let score = 0;
    let next = 0;
    for (let column = 0; column < width; column++) {
      const role = columns[column]?.role ?? 'other';
      // Progress is reported row by row: a missing progress cell is one not yet reported, never merged.
      if (missing.includes(column)) score += role === 'progress' ? 0 : (above[column] ?? '') === '' ? -3 : role === 'no' ? -5 : 0;
      else score += fit(cells[next++] ?? '', role);
    }
    if (!best || score > best.score) best = { score, missing };
  }
  const missing = best?.missing ?? [];
  const aligned: string[] = [];
  let next = 0;
  const inherits = (column: number) => missing.includes(column) && columns[column]?.role !== 'progress';
  for (let column = 0; column < width; column++) aligned.push(missing.includes(column) ? (inherits(column) ? (above[column] ?? '') : '') : (cells[next++] ?? ''));
  return { cells: aligned, inherited: missing.filter(inherits).map((column) => columns[column]?.label ?? '') };
}

export interface TableResult {
  /** The blocks as read (source text): captions as paragraphs, sections as headings, each section's rows as a table. */
  blocks: string[];
  /** The same blocks as the draft's Markdown, the source text escaped where it would render otherwise. */
  markdown: string[];
  tasks: TaskInput[];
  /** Whether the header is a task table's. */
  keyTasks: boolean;
  notes: string[];
}

/** How a cell's text is written: in the reading only its `|` is escaped; in Markdown whatever would be syntax. */
type CellWriter = (cell: string) => string;
const readingCell: CellWriter = (cell) => cell.replace(/\|/g, '\\|');
const markdownCell: CellWriter = (cell) => literalMarkdown(cell, undefined, cell.includes('|'));

function markdownRow(cells: string[], width: number, write: CellWriter): string {
  const padded = [...cells, ...Array.from({ length: Math.max(0, width - cells.length) }, () => '')];
  return `| ${padded.map(write).join(' | ')} |`;
}

function markdownTable(header: string[], rows: string[][], write: CellWriter = readingCell): string {
  const width = rows.reduce((widest, row) => Math.max(widest, row.length), header.length);
  const separator = `| ${Array.from({ length: width }, () => '---').join(' | ')} |`;
  return [markdownRow(header, width, write), separator, ...rows.map((row) => markdownRow(row, width, write))].join('\n');
}

/** A table as both blocks: the reading's and the Markdown's. */
function addTable(body: BodyBlocks, header: string[], rows: string[][]): void {
  body.push(markdownTable(header, rows), markdownTable(header, rows, markdownCell));
}

/** A task table's header with what each column holds, when every header cell is a column word. */
function taskColumns(header: string[]): Column[] | undefined {
  const columns = header.map((cell) => ({ label: cell, role: columnRole(cell) }));
  if (columns.some((column) => column.label !== '' && column.role === undefined)) return undefined;
  const known = columns.map((column) => ({ label: column.label, role: column.role ?? ('other' as const) }));
  return isTaskHeader(known) ? known : undefined;
}

/** A logical row of a table: its cells and the input lines it came from. */
export interface TableRow {
  cells: string[];
  lines: number[];
}

/**
 * Rows after a header → Markdown blocks and tasks. Section rows (one cell, `一、…`) open a group; a row with
 * fewer cells than the header inherits the merged cells above; `columns` undefined makes a plain table.
 */
function buildTable(headerCells: string[], columns: Column[] | undefined, rows: TableRow[], fallbackGroup: string | undefined, leading: TableRow[] = [], cutOff = false): TableResult {
  const body = new BodyBlocks();
  const tasks: TaskInput[] = [];
  const notes: string[] = [];
  let caption: string | undefined;
  let section: { text: string; number: string } | undefined;
  let pending: string[][] = [];
  let rowInSection = 0;
  let tables = 0;
  let above: string[] | undefined;

  for (const row of leading) {
    const filled = row.cells.filter((cell) => cell !== '');
    if (filled.length === 1) caption ??= filled[0];
    body.paragraph(filled.join(' '));
  }

  const flush = () => {
    if (pending.length > 0) {
      addTable(body, headerCells, pending);
      tables += 1;
    }
    pending = [];
  };

  for (const [rowIndex, row] of rows.entries()) {
    const filled = row.cells.filter((cell) => cell !== '');
    if (filled.length === 1 && (row.cells[0] ?? '') !== '' && (outlineMarker(row.cells[0] ?? '') || row.cells.length > 1)) {
      flush();
      const text = row.cells[0] ?? '';
      const marker = outlineMarker(text);
      if (marker) {
        body.heading(marker.rank, text);
        section = { text, number: String(marker.number) };
        rowInSection = 0;
        above = undefined;
      } else body.paragraph(text);
      continue;
    }
    let cells = row.cells;
    const cut = columns && cutOff && rowIndex === rows.length - 1 && cells.length < columns.length ? capturedCells(cells, columns) : undefined;
    if (cut && columns) {
      notes.push(`table row on line ${row.lines[0]} is cut off by the capture after ${cut.captured} of ${columns.length} cells: ${cut.missing.join(', ')} not captured${cut.cutText ? `; its last cell ("${cut.cutText.slice(0, 20)}…") was cut and stays in the body only` : ''}`);
      pending.push(row.cells);
      rowInSection += 1;
      const task = cut.cells[columns.findIndex((column) => column.role === 'title' || column.role === 'goal')] ? rowTask(cut.cells, columns, row, rowInSection, section, fallbackGroup ?? caption, notes, cut.captured) : undefined;
      if (task && !tasks.some((existing) => existing.id === task.id)) tasks.push(task);
      continue;
    }
    if (columns) {
      const aligned = alignRow(cells, columns, above);
      if (aligned.inherited.length > 0) notes.push(`table row on line ${row.lines[0]} has ${cells.length} of ${columns.length} cells; ${aligned.inherited.join(', ')} taken from the row above (merged cells)`);
      cells = aligned.cells;
      above = cells;
    }
    pending.push(cells);
    rowInSection += 1;
    if (!columns) continue;
    const task = rowTask(cells, columns, row, rowInSection, section, fallbackGroup ?? caption, notes);
    if (!task) continue;
    if (tasks.some((existing) => existing.id === task.id)) {
      notes.push(`task id ${task.id} (line ${row.lines[0]}) repeats an earlier row's; kept in the body, left out of tasks`);
      continue;
    }
    tasks.push(task);
  }
  flush();
  // A table of a header alone still shows its header.
  if (tables === 0) addTable(body, headerCells, []);

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
  return { blocks: body.reading, markdown: body.markdown, tasks, keyTasks: columns !== undefined, notes };
}

/**
 * The last row of a table the capture cut off (the page's text ends inside it): its cells fill the columns from
 * the left, as printed — the missing ones were never captured, not merged with the row above, so nothing is
 * inherited. The last cell is where the cut fell: it is kept on the task only when it is whole by its look (an
 * office in 牵头单位, names in 分管领导, a date in 完成时限); otherwise it stays in the body only. A title that is
 * the cut cell could be half a title: that row becomes no task.
 */
function capturedCells(cells: string[], columns: Column[]): { cells: string[]; captured: number; missing: string[]; cutText?: string } {
  const last = cells.length - 1;
  const role = columns[last]?.role ?? 'other';
  const whole = (role === 'owner' || role === 'leader' || role === 'deadline' || role === 'no') && fit(cells[last] ?? '', role) > 0;
  const captured = whole ? cells.length : last;
  const kept = cells.slice(0, captured);
  const cutRole = columns[captured]?.role;
  if (!whole && (cutRole === 'title' || (cutRole === 'goal' && !columns.some((column) => column.role === 'title')))) kept.length = 0;
  const result = { cells: kept, captured, missing: columns.slice(captured).map((column) => column.label) };
  return whole ? result : { ...result, cutText: cells[last] ?? '' };
}

/**
 * One row's task. The title is the 事项 column (when a list has two, such as 实事内容 over 工作任务, the first is
 * the category and names the group when there are no section rows); a list without one takes its 目标 as title.
 */
function rowTask(cells: string[], columns: Column[], row: TableRow, rowInSection: number, section: { text: string; number: string } | undefined, fallbackGroup: string | undefined, notes: string[], captured = columns.length): TaskInput | undefined {
  const at = (role: ColumnRole) => columns.map((column, i) => ({ column, i })).filter(({ column }) => column.role === role).map(({ i }) => (cells[i] ?? '').trim());
  const first = (role: ColumnRole) => at(role).find((cell) => cell !== '') ?? '';
  const titles = at('title').filter((cell) => cell !== '');
  const hasTitle = columns.some((column) => column.role === 'title');
  // A title is the task's name: the full stop that ends its cell in a run-together copy (新增30家…照料中心。) is not part of it.
  const title = (hasTitle ? (titles.at(-1) ?? '') : first('goal')).replace(/[。；;]+$/, '');
  const category = titles.length > 1 && titles[0] !== title ? titles[0] : undefined;
  const noCell = first('no');
  const number = /^\d+$/.test(noCell) ? noCell : String(rowInSection);
  const id = section ? `${section.number}-${number}` : number;
  const group = section?.text ?? category ?? fallbackGroup ?? '';
  const progressColumns = columns.map((column, i) => ({ column, cell: (cells[i] ?? '').trim() })).filter(({ column, cell }) => column.role === 'progress' && cell !== '');
  const quarterly = columns.filter((column) => column.role === 'progress').length > 1;
  const progress = progressColumns.map(({ column, cell }) => (quarterly ? `${column.label.replace(/^.*（(.*)）$/, '$1')}：${cell}` : cell)).join(' ');
  const task: TaskInput = { id, group, title, status: 'awaiting-summary' };
  const optional = { goal: hasTitle ? first('goal') : '', leader: first('leader'), owner: first('owner'), deadline: first('deadline'), progress };
  // A column the header has but the row leaves empty is a gap in the source, not a merged cell: kept in the body only.
  const empty: string[] = (['group', 'title'] as const).filter((field) => task[field] === '');
  // Columns after a capture's cut were never seen: not empty in the source.
  const seen = columns.slice(0, captured);
  for (const field of ['goal', 'leader', 'owner'] as const) if (seen.some((column) => column.role === field) && optional[field] === '' && (field !== 'goal' || hasTitle)) empty.push(field);
  if (empty.length > 0) {
    notes.push(`table row ${id} (line ${row.lines[0]}) has no ${empty.join(', ')}; kept in the body, left out of tasks`);
    return undefined;
  }
  if (columns.some((column) => column.role === 'no') && number !== noCell) notes.push(`table row on line ${row.lines[0]} has no 序号; its task id ${id} counts its place in the section`);
  for (const [field, value] of Object.entries(optional)) if (value !== '') (task as Record<string, unknown>)[field] = value;
  const { status, ...rest } = task;
  return { ...rest, status };
}

/** `fallbackGroup` names the tasks' group when the table has no section rows (the heading above it). */
export function convertTable(lines: SourceLine[], fallbackGroup?: string): TableResult {
  const rows = oneCellRows(lines) ?? tableRows(lines);
  const headerIndex = rows.findIndex((row) => nonEmpty(row.cells) >= 2);
  if (headerIndex < 0) return buildTable([], undefined, [], fallbackGroup, rows);
  const header = rows[headerIndex]?.cells ?? [];
  let columns = taskColumns(header);
  let body = rows.slice(headerIndex + 1);
  let headerCells = header;
  const sub = body[0];
  if (columns && sub && isSubHeader(sub.cells.join(''))) {
    columns = withSubHeader(columns, columnWords(sub.cells.join('')) ?? []);
    headerCells = columns.map((column) => column.label);
    body = body.slice(1);
  }
  return buildTable(headerCells, columns, body, fallbackGroup, rows.slice(0, headerIndex));
}

/**
 * A table copied one cell per line, each line `cell |`: the header is the leading run of column words, and it
 * says how many lines make a row. Undefined when the lines are not such a table.
 */
function oneCellRows(lines: SourceLine[]): TableRow[] | undefined {
  const cells = lines.map((line) => ({ cells: splitCells(line.text).filter((cell) => cell !== ''), no: line.no }));
  if (cells.length < 3 || cells.some((line) => line.cells.length > 1)) return undefined;
  const texts = cells.map((line) => line.cells[0] ?? '');
  let width = 0;
  while (width < texts.length && columnRole(texts[width] ?? '') !== undefined) width += 1;
  if (width < 2) return undefined;
  const rows: TableRow[] = [{ cells: texts.slice(0, width), lines: cells.slice(0, width).map((line) => line.no) }];
  for (let i = width; i < texts.length; i += width) rows.push({ cells: texts.slice(i, i + width), lines: cells.slice(i, i + width).map((line) => line.no) });
  return rows;
}

/** A line that ends a table copied one cell per line or run together: an attachment caption or a new header. */
const endsTable = (text: string) => /^附件\s*\d*[:：]?\s*$/.test(text) || /^附件\s*\d/.test(text) || (columnWords(text)?.length ?? 0) >= 2;

export interface CellTable extends TableResult {
  /** How many of the given units the table took. */
  units: number;
}

/**
 * A table whose cells the copy put on lines of their own (no pipes): `headerUnits` units of column words,
 * then the cells. With a 序号 column a row starts at each number; otherwise every `width` lines make a row.
 * A row with more lines than columns had a cell wrapped: the wrapped line joins the cell it continues.
 */
export function convertCellLines(header: string[], units: SourceLine[][], fallbackGroup?: string): CellTable | undefined {
  let columns = header.map((cell) => ({ label: cell, role: columnRole(cell) ?? ('other' as const) }));
  if (!isTaskHeader(columns)) return undefined;
  let taken = 0;
  const first = units[0]?.map((line) => line.text.trim()).join('');
  if (first !== undefined && isSubHeader(first)) {
    columns = withSubHeader(columns, columnWords(first) ?? []);
    taken = 1;
  }
  const width = columns.length;
  const numbered = columns[0]?.role === 'no';
  const rows: TableRow[] = [];
  let current: TableRow | undefined;
  let lastNumber = 0;
  const startsNumberedRow = (text: string) => numbered && /^\d{1,3}$/.test(text) && (Number(text) === lastNumber + 1 || Number(text) === 1);
  const isSection = (text: string) => outlineMarker(text)?.kind === 'cn' && chars(text) <= 40 && !/[。；]/.test(text);
  let unitIndex = taken;
  for (; unitIndex < units.length; unitIndex++) {
    const texts = (units[unitIndex] ?? []).map((line) => ({ text: line.text.trim(), no: line.no })).filter((line) => line.text !== '');
    const opening = texts[0]?.text ?? '';
    const atBoundary = !current || (numbered ? current.cells.length >= width : current.cells.length >= width);
    if (endsTable(opening)) break;
    // A full row followed by more text: a wrapped cell when the next 序号 comes within two lines, else the table's end.
    const nextRowSoon = () => units.slice(unitIndex + 1, unitIndex + 3).some((unit) => startsNumberedRow(unit[0]?.text.trim() ?? ''));
    if (startsNumberedRow(opening) || (atBoundary && isSection(opening))) {
      current = undefined;
    } else if (atBoundary && numbered && current && (current.cells.length >= width + 2 || !nextRowSoon())) break;
    if (!current && isSection(opening) && texts.length === 1) {
      rows.push({ cells: [opening], lines: [texts[0]?.no ?? 0] });
      lastNumber = 0;
      continue;
    }
    if (!current && numbered && !startsNumberedRow(opening)) break;
    for (const line of texts) {
      if (!current || (!numbered && current.cells.length >= width)) {
        current = { cells: [], lines: [] };
        rows.push(current);
        if (numbered) lastNumber = Number(line.text);
      }
      current.cells.push(line.text);
      current.lines.push(line.no);
    }
  }
  if (rows.length === 0) return undefined;
  for (const row of rows) {
    while (row.cells.length > width) {
      // The longest cell not closed by a full stop is the one that wrapped onto the next line.
      let join = 1;
      row.cells.forEach((cell, i) => {
        if (i >= 1 && i < row.cells.length - 1 && !/[。；！？]$/.test(cell) && chars(cell) > chars(row.cells[join] ?? '')) join = i;
      });
      row.cells.splice(join, 2, `${row.cells[join] ?? ''}${row.cells[join + 1] ?? ''}`);
    }
  }
  // The table runs to the end of the document's text: a short last row is where the capture stopped.
  const cutOff = unitIndex >= units.length && numbered;
  const result = buildTable(
    columns.map((column) => column.label),
    columns,
    rows,
    fallbackGroup,
    [],
    cutOff,
  );
  return { ...result, units: unitIndex };
}

/**
 * Cells run together on one line, as a copy of a table without borders gives them: `养老助残创建20个无障碍社区。区残联,相关镇街1.完成…`.
 * The office names (牵头单位/责任单位) mark where the task's text ends; what comes after is split into the
 * remaining columns at full stops, a numbered list (1. 2.) staying one cell until it starts again at 1.
 * Undefined when the line holds no office after a full stop (it is not a row).
 */
export function splitRunTogether(text: string, columns: Column[]): string[] | undefined {
  const ownerAt = columns.findIndex((column) => column.role === 'owner');
  if (ownerAt < 1) return undefined;
  let body = text.trim();
  let no: string | undefined;
  if (columns[0]?.role === 'no') {
    const match = /^(\d{1,3})\s*(?![.、．\d])/.exec(body);
    if (!match) return undefined;
    no = match[1];
    body = body.slice(match[0].length);
  }
  let owner: { from: number; text: string } | undefined;
  for (const stop of body.matchAll(/[。；;]\s*/g)) {
    const from = (stop.index ?? 0) + stop[0].length;
    const match = officeList.exec(body.slice(from));
    if (match) {
      owner = { from, text: match[0] };
      break;
    }
  }
  if (!owner) return undefined;
  const before = body.slice(0, owner.from).trim();
  const after = body.slice(owner.from + owner.text.length).trim();
  const beforeColumns = columns.slice(no === undefined ? 0 : 1, ownerAt);
  const afterColumns = columns.slice(ownerAt + 1);
  const lead = [before, ...beforeColumns.slice(1).map(() => '')];
  const segments = after === '' ? [] : splitAfterOwner(after);
  const tail = segments.slice(0, Math.max(0, afterColumns.length - 1));
  if (segments.length >= afterColumns.length && afterColumns.length > 0) tail.push(segments.slice(afterColumns.length - 1).join(''));
  const cells = [...(no === undefined ? [] : [no]), ...lead, owner.text, ...tail];
  // Columns after the office that the row leaves out are not reported yet: empty, not merged.
  return [...cells, ...Array.from({ length: Math.max(0, columns.length - cells.length) }, () => '')];
}

/** Progress text after the office: one cell per sentence, a numbered list one cell until it restarts at 1. */
function splitAfterOwner(text: string): string[] {
  const sentences = text.match(/[^。]+。?\s*/g) ?? [text];
  const cells: string[] = [];
  let lastItem = 0;
  for (const raw of sentences) {
    const sentence = raw.trim();
    const item = /^(\d{1,2})[.、．](?!\d)/.exec(sentence);
    const number = item ? Number(item[1]) : 0;
    const continuesList = number > 1 && number === lastItem + 1 && cells.length > 0;
    if (continuesList) cells[cells.length - 1] = `${cells.at(-1) ?? ''} ${sentence}`;
    else cells.push(sentence);
    // The last item number the sentence reaches (`1.… 2.…。` ends at 2).
    const items = [...sentence.matchAll(/(?:^|[\s;；])(\d{1,2})[.、．](?!\d)/g)].map((match) => Number(match[1]));
    lastItem = items.length > 0 ? (items.at(-1) ?? 0) : 0;
  }
  return cells;
}

/** A table whose header and rows each run together on one line: rows are the lines that split into cells. */
export function convertRunTogether(header: Column[], units: string[][], lineNumbers: number[][], fallbackGroup?: string): CellTable | undefined {
  if (!isTaskHeader(header)) return undefined;
  let columns = header;
  let taken = 0;
  const firstUnit = units[0]?.join('');
  if (firstUnit !== undefined && isSubHeader(firstUnit)) {
    columns = withSubHeader(columns, columnWords(firstUnit) ?? []);
    taken = 1;
  }
  const rows: TableRow[] = [];
  for (let i = taken; i < units.length; i++) {
    const cells = splitRunTogether((units[i] ?? []).join(''), columns);
    if (!cells) break;
    rows.push({ cells, lines: lineNumbers[i] ?? [] });
    taken = i + 1;
  }
  if (rows.length === 0) return undefined;
  const result = buildTable(
    columns.map((column) => column.label),
    columns,
    rows,
    fallbackGroup,
  );
  return { ...result, units: taken };
}
