/**
 * Turns a document's units into Markdown. The outline markers of official documents become headings:
 * 一、 → `##`, （一） → `###`, a short 1、/1. → `####` (or list items, when several short ones follow each
 * other), a short （1） → `#####`. A marker that opens a long paragraph ("（一）疫情防控工作。一是…") gives the
 * heading up to its first full stop and the rest stays a paragraph; "一是…二是…" stay paragraphs. Text is
 * never rewritten: every character of a unit ends up in the body.
 */
import type { TaskInput } from '../../schemas/task.ts';
import { convertTable } from './tables.ts';
import { outlineMarker, type Marker } from './text.ts';
import type { Unit } from './units.ts';

export interface Structured {
  blocks: string[];
  tasks: TaskInput[];
  /** Whether a key-task table was found. */
  keyTasks: boolean;
  notes: string[];
}

/** Characters a heading may have; longer marked text is a paragraph that starts with a marker. */
const headingLength = { cn: 60, 'cn-paren': 60, num: 40, 'num-paren': 40 } as const;

const length = (text: string) => [...text].length;

/** Escapes what Markdown would read as syntax at the start of a paragraph (`#`, `>`, `-`, `1. `). */
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
export function structure(units: Unit[], title?: string): Structured {
  const blocks: string[] = [];
  const tasks: TaskInput[] = [];
  const notes: string[] = [];
  let keyTasks = false;
  let lastHeading: string | undefined;
  let list: string[] = [];

  const flushList = () => {
    if (list.length > 0) blocks.push(list.join('\n'));
    list = [];
  };

  units.forEach((unit, index) => {
    if (unit.type === 'title') return;
    if (unit.type === 'table') {
      flushList();
      const table = convertTable(unit.lines, lastHeading ?? title);
      blocks.push(...table.blocks);
      tasks.push(...table.tasks.filter((task) => !tasks.some((existing) => existing.id === task.id)));
      notes.push(...table.notes);
      keyTasks ||= table.keyTasks;
      return;
    }
    const text = unit.text;
    const marker = outlineMarker(text);
    if (!marker) {
      flushList();
      blocks.push(paragraph(text));
      return;
    }
    if (isHeadingText(text, marker)) {
      const next = units[index + 1];
      const nextMarker = next?.type === 'text' ? outlineMarker(next.text) : undefined;
      const previousInList = list.length > 0;
      const listLike = (marker.kind === 'num' || marker.kind === 'num-paren') && (previousInList || (nextMarker?.kind === marker.kind && next?.type === 'text' && isHeadingText(next.text, nextMarker)));
      if (listLike) {
        list.push(`- ${text}`);
        return;
      }
      flushList();
      blocks.push(`${'#'.repeat(marker.rank)} ${text}`);
      lastHeading = text;
      return;
    }
    flushList();
    const split = leadingHeading(text, marker);
    if (split) {
      blocks.push(`${'#'.repeat(marker.rank)} ${split[0]}`, paragraph(split[1]));
      lastHeading = split[0];
      return;
    }
    blocks.push(paragraph(text));
  });
  flushList();
  return { blocks, tasks, keyTasks, notes };
}
