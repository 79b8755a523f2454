/**
 * One copied file sometimes holds several documents: seed 002 holds 资兴's report and then 皇姑区's. A new
 * document starts where a second title line or a second metadata header (one that does not merely repeat the
 * first) follows text, or where the top level of the outline starts again at 一、 — together with the opening
 * paragraph just before it ("2023年上半年,在区委、区政府的正确领导下…").
 */
import type { MetadataValue } from './metadata.ts';
import { outlineMarker, type MarkerKind } from './text.ts';
import type { Unit } from './units.ts';

export interface DocumentSpan {
  /** Indexes into the file's units, in order. */
  units: number[];
  /** First input line that belongs to this document (metadata above its text included). */
  fromLine: number;
  /** Why a document starts here; absent for the first. */
  why?: string;
}

const markerOrder: MarkerKind[] = ['cn', 'cn-paren', 'num'];

/** An opening paragraph: it sets the period or announces the report, rather than continuing a list. */
function isOpening(unit: Unit | undefined): boolean {
  if (!unit || unit.type !== 'text' || outlineMarker(unit.text)) return false;
  return /^(\d{4}年|上半年|下半年|今年|全年|\d{4}年(上|下)半年)/.test(unit.text) || /(现将|报告如下|总体思路|总体要求|工作思路)/.test(unit.text);
}

export function splitDocuments(units: Unit[], kept: number[], metadata: MetadataValue[]): DocumentSpan[] {
  const topKind = markerOrder.find((kind) => kept.some((i) => {
    const unit = units[i];
    return unit?.type === 'text' && outlineMarker(unit.text)?.kind === kind;
  }));
  const spans: DocumentSpan[] = [];
  let current: DocumentSpan = { units: [], fromLine: 1 };
  let hasText = false;
  let topSeen = false;
  /** The first outline marker kind of the current document: its outline never goes above it. */
  let firstKind: MarkerKind | undefined;
  let identity = new Map<string, string>();
  let previousLastLine = 0;

  const start = (fromLine: number, why: string, carry: number[] = []) => {
    current.units = current.units.filter((i) => !carry.includes(i));
    spans.push(current);
    current = { units: [...carry], fromLine, why };
    hasText = carry.length > 0;
    topSeen = false;
    firstKind = undefined;
    identity = new Map();
  };

  for (const index of kept) {
    const unit = units[index];
    if (!unit) continue;
    const firstLine = unit.lines[0]?.no ?? previousLastLine + 1;

    // A metadata header between the previous unit and this one: after text, it heads another document
    // (unless it only repeats what this document's header already said).
    const header = metadata.filter((value) => value.line > previousLastLine && value.line < firstLine);
    const fresh = header.filter((value) => value.value !== '' && identity.get(value.key) !== value.value);
    if (hasText && header.length >= 2 && (fresh.length > 0 || header.every((value) => value.value === ''))) {
      const from = Math.min(...header.map((value) => value.line));
      start(from, `a second metadata header begins on line ${from}`);
    }
    for (const value of header) if (!identity.has(value.key)) identity.set(value.key, value.value);

    if (unit.type === 'title' && hasText) {
      start(firstLine, `a second title line "${unit.title}" is on line ${firstLine}`);
    } else if (unit.type === 'text' && topKind) {
      const marker = outlineMarker(unit.text);
      // 一、 after a document that went (一)…(五) without any 一、: the outline went above its top.
      const wentUp = marker?.number === 1 && firstKind !== undefined && markerOrder.indexOf(marker.kind) < markerOrder.indexOf(firstKind) && marker.kind === topKind;
      if (marker && firstKind === undefined && markerOrder.includes(marker.kind)) firstKind = marker.kind;
      if (marker?.kind === topKind) {
        if (marker.number === 1 && (topSeen || wentUp)) {
          const previous = current.units.at(-1);
          const carry = previous !== undefined && isOpening(units[previous]) ? [previous] : [];
          const from = carry.length > 0 ? (units[carry[0] as number]?.lines[0]?.no ?? firstLine) : firstLine;
          start(from, `the outline starts again at ${marker.text} on line ${firstLine}`, carry);
        }
        topSeen = true;
      }
    }
    current.units.push(index);
    if (unit.type !== 'title') hasText = true;
    previousLastLine = unit.lines.at(-1)?.no ?? firstLine;
  }
  spans.push(current);
  return spans.filter((span) => span.units.length > 0);
}
