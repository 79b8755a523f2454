/**
 * One copied file sometimes holds several documents: seed 002 holds 资兴's report and then 皇姑区's. A new
 * document starts where a second title line or a second metadata header (one that does not merely repeat the
 * first) follows a paragraph of text, or where the top level of the outline starts again at 一、 — together with
 * the opening paragraph just before it ("2023年上半年,在区委、区政府的正确领导下…").
 *
 * One page is one document far more often than not, so the signs must be real: a byline is not a header; a
 * title printed again (above the text, or before the footer) is the same document's; an attachment (附件1 and its
 * title) belongs to the notice it is attached to; and 一、 starts again legitimately in each chapter (第一章 …)
 * and each attachment.
 */
import { toSimplified } from './script.ts';
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

/** A paragraph, not a heading or a short line of site furniture: what makes a document "have text". */
const isParagraph = (unit: Unit) => unit.type === 'text' && [...unit.text].length >= 40;
/** 第一章 / 第二部分 / 第三篇: the outline's numbering starts again inside each. */
const isChapter = (unit: Unit) => unit.type === 'text' && /^第[一二三四五六七八九十百\d]+[章篇]|^第[一二三四五六七八九十\d]+部分/.test(unit.text.trim());
/** `附件1`, `附件：`, `附件 2`: what follows is an attachment of this document. */
const isAttachmentLabel = (unit: Unit) => unit.type === 'text' && /^附\s*件\s*[:：]?\s*[0-9一二三四五六七八九十]*\s*[:：]?$/.test(toSimplified(unit.text.trim()));
const titleKey = (text: string) => toSimplified(text).replace(/[\s\u3000]+/g, '').replace(/[（）()]/g, '');

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
  /** Titles the current document has printed, to recognise it printing one again. */
  let titles: string[] = [];
  let attachment = false;
  /** Characters of text the current document has so far. */
  let textChars = 0;
  /** Titles the current document names in 《…》 (a notice that 印发 a plan encloses it). */
  let named = new Set<string>();

  const start = (fromLine: number, why: string, carry: number[] = []) => {
    current.units = current.units.filter((i) => !carry.includes(i));
    spans.push(current);
    current = { units: [...carry], fromLine, why };
    hasText = carry.some((i) => units[i] !== undefined && isParagraph(units[i] as Unit));
    topSeen = false;
    firstKind = undefined;
    identity = new Map();
    titles = [];
    attachment = false;
    textChars = 0;
    named = new Set();
  };
  const repeatsTitle = (title: string) => {
    const key = titleKey(title);
    return titles.some((seen) => seen === key || (key.length >= 6 && seen.includes(key)) || (seen.length >= 6 && key.includes(seen)));
  };

  for (const index of kept) {
    const unit = units[index];
    if (!unit) continue;
    const firstLine = unit.lines[0]?.no ?? previousLastLine + 1;

    // A metadata header between the previous unit and this one: after text, it heads another document
    // (unless it only repeats what this document's header already said).
    // A byline (发布时间 / 来源 …) and a signature's date are not a header.
    const header = metadata.filter((value) => !value.byline && !value.signature && !value.inText && value.line > previousLastLine && value.line < firstLine);
    const fresh = header.filter((value) => value.value !== '' && identity.get(value.key) !== value.value);
    // A header after only an introduction (a 百科 page's summary, the title printed as text) is this
    // document's first header, not a second document's.
    const secondHeader = identity.size > 0 || textChars >= 200;
    if (hasText && secondHeader && header.length >= 2 && (fresh.length > 0 || header.every((value) => value.value === ''))) {
      const from = Math.min(...header.map((value) => value.line));
      start(from, `a second metadata header begins on line ${from}`);
    }
    for (const value of header) if (!identity.has(value.key)) identity.set(value.key, value.value);

    const enclosed = unit.type === 'title' && named.has(titleKey(unit.title));
    if (unit.type === 'title' && hasText && !repeatsTitle(unit.title) && !enclosed && !attachment && !/^附\s*件/.test(unit.title)) {
      start(firstLine, `a second title line "${unit.title}" is on line ${firstLine}`);
    } else if (unit.type === 'text' && (isChapter(unit) || isAttachmentLabel(unit))) {
      // A chapter or an attachment numbers its outline afresh.
      topSeen = false;
      if (isAttachmentLabel(unit)) attachment = true;
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
    if (isParagraph(unit) || unit.type === 'table') hasText = true;
    if (unit.type === 'text') {
      textChars += [...unit.text].length;
      for (const match of unit.text.matchAll(/《([^《》]{4,80})》/g)) named.add(titleKey(match[1] ?? ''));
    }
    if (unit.type === 'title') titles.push(titleKey(unit.title));
    previousLastLine = unit.lines.at(-1)?.no ?? firstLine;
  }
  spans.push(current);
  return spans.filter((span) => span.units.length > 0);
}
