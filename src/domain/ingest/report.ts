/**
 * The report a maintainer reads before committing a draft: where it goes, every field with where it came
 * from, what was left out and why, the figures with their quotes, and the dropped lines grouped by reason.
 */
import type { Destination } from './draft.ts';
import { excerpt } from './text.ts';
import type { Draft } from './types.ts';

function show(value: unknown): string {
  if (Array.isArray(value)) return value.join(', ');
  if (value === null) return 'null (the whole year)';
  return String(value);
}

/** Dropped lines as ranges per reason: `lines 1–5, 7–11: run of bare dates (site navigation)`. */
function droppedSummary(draft: Draft): string[] {
  const byReason = new Map<string, number[]>();
  for (const line of draft.dropped) byReason.set(line.reason, [...(byReason.get(line.reason) ?? []), line.line]);
  return [...byReason].map(([reason, lines]) => {
    const ranges: string[] = [];
    let start = lines[0] ?? 0;
    let previous = start;
    for (const line of [...lines.slice(1), Number.NaN]) {
      if (line === previous + 1) {
        previous = line;
        continue;
      }
      ranges.push(start === previous ? String(start) : `${start}–${previous}`);
      start = line;
      previous = line;
    }
    return `${lines.length === 1 ? 'line' : 'lines'} ${ranges.join(', ')}: ${reason}`;
  });
}

/** `file` is where the draft is (or would be) written, as the user should read it. */
export function formatReport(draft: Draft, where: Destination, file: string, status?: string): string {
  const out: string[] = [];
  out.push(`${draft.input} — document ${draft.index}, lines ${draft.lines[0]}–${draft.lines[1]}`);
  const target = where.kind === 'document' ? file : `${file} (not under documents/: ${where.why})`;
  out.push(`  → ${target}${status ? ` [${status}]` : ''}`);
  out.push('  inferred:');
  for (const item of draft.report.inferred) out.push(`    ${item.field.padEnd(16)} ${excerpt(show(item.value), 60)}  ← ${item.from}`);
  if (draft.report.missing.length > 0) {
    out.push('  left out (the text does not say):');
    for (const item of draft.report.missing) out.push(`    ${item.field.padEnd(16)} ${item.why}`);
  }
  const metrics = (draft.frontmatter.metrics ?? []) as Record<string, unknown>[];
  out.push(`  figures: ${metrics.length}`);
  for (const figure of metrics) {
    const qualifiers = [figure.category ? `${String(figure.category)}类` : '', figure.previous !== undefined ? `was ${String(figure.previous)}` : '', figure.effective ? `from ${String(figure.effective)}` : '', figure.target ? 'target' : ''].filter(Boolean).join(', ');
    out.push(`    ${String(figure.metric)} ${String(figure.value)} ${String(figure.unit)}${qualifiers ? ` (${qualifiers})` : ''} «${String(figure.quote)}»`);
  }
  const outside = draft.report.notInModel ?? [];
  if (outside.length > 0) {
    out.push(`  not in the model: ${outside.length} (no metric holds these figures; add one or leave them out)`);
    for (const figure of outside) out.push(`    ${figure.subject} «${figure.quote}»`);
  }
  const tasks = (draft.frontmatter.tasks ?? []) as unknown[];
  if (tasks.length > 0) out.push(`  tasks: ${tasks.length} (status awaiting-summary)`);
  out.push(`  dropped: ${draft.dropped.length} line${draft.dropped.length === 1 ? '' : 's'}`);
  for (const line of droppedSummary(draft)) out.push(`    ${line}`);
  if (draft.report.notes.length > 0) {
    out.push('  check:');
    for (const note of draft.report.notes) out.push(`    - ${note}`);
  }
  return out.join('\n');
}
