/**
 * Groups the document lines of a copy into units: paragraphs (re-joining lines the copy broke inside a
 * sentence), title lines and flattened tables. Units are what duplicates are compared by and what becomes
 * Markdown blocks; each keeps the input lines it came from.
 */
import type { SourceLine } from './types.ts';
import { toSimplified } from './script.ts';
import { outlineMarker } from './text.ts';

export interface TextUnit {
  type: 'text';
  text: string;
  lines: SourceLine[];
}

/** A line that names the document, e.g. `上海市民政局2009年工作要点 ( 2009-03-18 )`. */
export interface TitleUnit {
  type: 'title';
  title: string;
  /** A date printed beside the title, `YYYY-MM-DD`. */
  date?: string;
  lines: SourceLine[];
}

/** Consecutive lines of a table flattened into `cell | cell |` text. */
export interface TableUnit {
  type: 'table';
  lines: SourceLine[];
}

export type Unit = TextUnit | TitleUnit | TableUnit;

export interface Grouping {
  units: Unit[];
  /** Decisions worth reporting, e.g. a long line ending without punctuation that was left unjoined. */
  notes: string[];
}

const kindWords = /(工作要点|工作计划|工作总结|工作安排|工作打算|工作思路|工作报告|情况报告|情况汇报|任务清单|工作清单|清单|述职报告|规划|进展情况|关于.{2,70}的(通知|通报|报告|意见))/;

/** A short line naming a bureau's plan or summary, optionally with its date in brackets. */
export function titleLine(text: string): { title: string; date?: string } | undefined {
  const trimmed = text.trim();
  if ([...trimmed].length > 80 || trimmed.includes('|') || /[。，,；;]/.test(trimmed.replace(/[（(][^)）]*[)）]\s*$/, ''))) return undefined;
  if (outlineMarker(trimmed) || /^附\s*件/.test(trimmed)) return undefined;
  const dated = /^(.*?)\s*[（(]\s*(\d{4}-\d{1,2}-\d{1,2})\s*[)）]\s*$/.exec(trimmed);
  const title = (dated ? dated[1] : trimmed)?.trim() ?? '';
  const reading = toSimplified(title);
  if (!kindWords.test(reading) || !/(\d{4}\s*年|民政|十[一二三四五]五)/.test(reading)) return undefined;
  const date = dated?.[2]?.replace(/-(\d)(?=-|$)/g, '-0$1');
  return date ? { title, date } : { title };
}

function isTableLine(text: string): boolean {
  return text.includes('|');
}

/** Ends in the middle of a sentence: a comma, semicolon, enumeration comma, colon or an opening bracket. */
const softEnd = /[，,；;、：:（(“‘《—]$/;
/** Starts with punctuation that can only continue the previous line. */
const continuationStart = /^[，,。；;、）)”’》：:！？!?]/;
const hardEnd = /[。！？!?…”’」』)）】]$/;

/**
 * Whether `next` continues the sentence `previous` was cut in. A line ending without any punctuation is
 * joined only with evidence that the break split a word: the characters either side of it occur together
 * elsewhere in the text (the other copy of a pasted-twice report often has the sentence whole). `occurs`
 * answers whether a three-character gram is in the text.
 */
function continues(previous: string, next: string, occurs: (gram: string) => boolean): boolean {
  if (isTableLine(next) || outlineMarker(next) || titleLine(next)) return false;
  const previousMarker = outlineMarker(previous);
  if (previousMarker && [...previous].length <= 40 && !/[。]/.test(previous)) return false;
  if (continuationStart.test(next)) return true;
  if (softEnd.test(previous)) return true;
  if (hardEnd.test(previous)) return false;
  if ([...previous].length < 24) return false; // a short line without punctuation is a heading of its own
  const tail = [...previous.trimEnd()];
  const head = [...next.trimStart()];
  return acrossGrams(tail, head).some(occurs);
}

/** The three-character grams across a break: two characters before it and one after, one before and two after. */
function acrossGrams(tail: string[], head: string[]): string[] {
  const across = [tail.slice(-2).join('') + (head[0] ?? ''), (tail.at(-1) ?? '') + head.slice(0, 2).join('')];
  return across.filter((gram) => [...gram].length === 3);
}

/**
 * Whether a gram occurs in `evidence`, answered from one pass over it: searching the whole text again for
 * every line break made ingestion time grow with the square of the text's length. The grams `continues` can
 * ask about are known from the lines beforehand (the end of a line, or of a one-character line and the one
 * before it, and the start of the next); any other is looked up directly.
 */
function gramLookup(lines: SourceLine[], evidence: string): (gram: string) => boolean {
  const wanted = new Set<string>();
  const tails = (i: number): string[][] => {
    const line = [...(lines[i]?.text.trimEnd() ?? '')];
    if (line.length !== 1) return [line];
    // A one-character line joined to the line before it: its unit's text ends with both.
    const before = [...(lines[i - 1]?.text.trimEnd() ?? '')].slice(-1);
    return [line, [...before, ...line], [' ', ...line]];
  };
  for (let i = 1; i < lines.length; i++) {
    const head = [...(lines[i]?.text.trimStart() ?? '')];
    for (const tail of tails(i - 1)) for (const gram of acrossGrams(tail, head)) wanted.add(gram);
  }
  const present = new Set<string>();
  let [first, second] = ['', ''];
  let seen = 0;
  for (const character of evidence) {
    const gram = first + second + character;
    if (seen >= 2 && wanted.has(gram)) present.add(gram);
    [first, second] = [second, character];
    seen += 1;
  }
  return (gram) => (wanted.has(gram) ? present.has(gram) : evidence.includes(gram));
}

function joinText(previous: string, next: string): string {
  const a = previous.trimEnd();
  const b = next.trimStart();
  // Words of a Latin-script phrase keep their space; a number cut by the wrap (17|75) does not get one.
  return /[A-Za-z]$/.test(a) && /^[A-Za-z]/.test(b) ? `${a} ${b}` : `${a}${b}`;
}

/**
 * The width a copy was hard-wrapped at (text copied from a PDF or a fixed-width page): when many lines have
 * exactly the same length, a line of that length continues on the next one.
 */
export function wrapWidth(lines: SourceLine[]): number | undefined {
  const lengths = lines.map((line) => [...line.text.trim()].length).filter((n) => n >= 16);
  if (lengths.length < 6) return undefined;
  const counts = new Map<number, number>();
  for (const n of lengths) counts.set(n, (counts.get(n) ?? 0) + 1);
  const [width, count] = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] ?? [0, 0];
  return count >= 4 && count / lengths.length >= 0.3 ? width : undefined;
}

/** Groups document lines (metadata and boilerplate already removed) into units. */
export function groupUnits(lines: SourceLine[], evidence: string): Grouping {
  const units: Unit[] = [];
  const notes: string[] = [];
  const width = wrapWidth(lines.filter((line) => !isTableLine(line.text)));
  if (width) notes.push(`the copy is hard-wrapped at ${width} characters; full-width lines are joined with the next (line ${lines[0]?.no ?? 1})`);
  const occurs = gramLookup(lines, evidence);
  const fullWidth = (unit: Unit | undefined) => width !== undefined && unit?.type === 'text' && [...(unit.lines.at(-1)?.text.trim() ?? '')].length >= width;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    const last = units.at(-1);
    if (isTableLine(line.text)) {
      if (last?.type === 'table') last.lines.push(line);
      else units.push({ type: 'table', lines: [line] });
      continue;
    }
    // A cell that continues on a line of its own, between two rows of a table.
    const next = lines[i + 1];
    if (last?.type === 'table' && next && isTableLine(next.text) && !/\|\s*$/.test(last.lines.at(-1)?.text ?? '|')) {
      last.lines.push(line);
      continue;
    }
    const title = titleLine(line.text);
    if (title && (units.length === 0 || last?.type !== 'text' || !softEnd.test(last.text))) {
      units.push({ type: 'title', ...title, lines: [line] });
      continue;
    }
    const wrapped = fullWidth(last) && !outlineMarker(line.text) && !titleLine(line.text);
    if (last?.type === 'text' && (wrapped || continues(last.text, line.text, occurs))) {
      last.text = joinText(last.text, line.text);
      last.lines.push(line);
      continue;
    }
    if (last?.type === 'text' && [...last.text].length >= 40 && !hardEnd.test(last.text.trimEnd()) && !softEnd.test(last.text.trimEnd()) && !outlineMarker(line.text)) {
      const lastLine = last.lines.at(-1)?.no ?? 0;
      notes.push(`line ${lastLine} ends without punctuation; kept apart from line ${line.no} (no sign the copy cut a sentence there)`);
    }
    units.push({ type: 'text', text: line.text.trim(), lines: [line] });
  }
  return { units, notes };
}
