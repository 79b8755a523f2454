/**
 * Reads a document's kind, period, publisher, region and topics from what its text says, recording for each
 * where it came from. Where the text does not say, the field is left out and the report says so: never a
 * guess dressed as fact.
 */
import type { DocumentKind, Half } from '../../schemas/document.ts';
import type { Region } from '../../schemas/region.ts';
import type { Topic } from '../../schemas/topic.ts';
import type { RegionIndex } from '../regions.ts';
import type { DocumentMetadata } from './metadata.ts';
import { countMentions, indexNumberCode, isWithin, regionFromCode, regionFromMentions, regionFromName } from './region-clues.ts';
import { excerpt } from './text.ts';

export interface Inferred<T> {
  value?: T;
  /** Where the value comes from, or why there is none. */
  from: string;
}

/** What inference looks at: the document's title (if printed), its opening paragraph, headings and body. */
export interface DocumentText {
  title?: string;
  opening?: string;
  headings: string[];
  /** Body text without Markdown marks. */
  body: string;
  keyTasks: boolean;
  metadata: DocumentMetadata;
  /** A date printed beside the title line. */
  titleDate?: string;
  /** 网站标识码 printed in the page footer, when the copy has one. */
  siteCode?: string;
}

const kindWords: { pattern: RegExp; kind: DocumentKind }[] = [
  { pattern: /清单/, kind: 'task-list' },
  { pattern: /(总结|工作情况|完成情况|开展情况|工作报告|述职)/, kind: 'summary' },
  { pattern: /(计划|要点|安排|打算|思路|方案)/, kind: 'plan' },
];

/** The kind word that comes first in a title: "…工作总结及下半年工作计划" is a summary. */
function kindInTitle(title: string): DocumentKind | undefined {
  let best: { at: number; kind: DocumentKind } | undefined;
  for (const { pattern, kind } of kindWords) {
    const at = title.search(pattern);
    if (at >= 0 && (!best || at < best.at)) best = { at, kind };
  }
  return best?.kind;
}

/** Past-tense markers: 了 (not 了解/为了/除了), 已, 目前, 截至/截止. A plan has almost none. */
function pastMarkers(text: string): number {
  return (text.match(/(?<![为除])了(?!解)|已|目前|截[至止]/g) ?? []).length;
}

export function inferKind(doc: DocumentText): Inferred<DocumentKind> {
  if (doc.keyTasks) return { value: 'task-list', from: 'a key-task table (序号 | 重点工作事项 | 工作目标 | 分管领导 | 责任科室)' };
  if (doc.title) {
    const kind = kindInTitle(doc.title);
    if (kind) return { value: kind, from: `the title "${doc.title}"` };
  }
  const reportHeading = doc.headings.find((heading) => /(开展情况|完成情况|工作情况|主要工作|取得的成效|工作成效|存在问题|存在的问题)/.test(heading));
  if (reportHeading) return { value: 'summary', from: `the heading "${excerpt(reportHeading, 30)}"` };
  if (doc.opening && /现将.{0,20}(完成|开展|工作)情况/.test(doc.opening)) return { value: 'summary', from: `the opening "${excerpt(doc.opening, 30)}"` };
  const chars = [...doc.body].length;
  if (chars < 200) return { from: 'the text is too short to tell a plan from a summary' };
  const perThousand = (pastMarkers(doc.body) * 1000) / chars;
  const counted = `${pastMarkers(doc.body)} past-tense markers (了/已/目前/截至) in ${chars} characters`;
  if (perThousand >= 2) return { value: 'summary', from: `the wording: ${counted}` };
  if (perThousand < 0.5) return { value: 'plan', from: `the wording: ${counted}` };
  return { from: `the wording does not settle it (${counted})` };
}

export interface PeriodInference {
  year: Inferred<number>;
  half: Inferred<Half | null>;
}

function validYear(year: number): boolean {
  return year >= 1949 && year <= 2100;
}

export function inferPeriod(doc: DocumentText, kind: DocumentKind | undefined): PeriodInference {
  const year = inferYear(doc);
  const half = inferHalf(doc, kind);
  return { year, half };
}

function inferYear(doc: DocumentText): Inferred<number> {
  const titleYear = doc.title ? /(\d{4})\s*年/.exec(doc.title)?.[1] : undefined;
  if (titleYear && validYear(Number(titleYear))) return { value: Number(titleYear), from: `the title "${doc.title}"` };
  const openingYear = doc.opening ? /^\s*(\d{4})\s*年/.exec(doc.opening)?.[1] : undefined;
  if (openingYear && validYear(Number(openingYear))) return { value: Number(openingYear), from: `the opening "${excerpt(doc.opening ?? '', 20)}"` };
  const counts = new Map<number, number>();
  for (const match of doc.body.matchAll(/(?<!\d)(\d{4})\s*年/g)) {
    const year = Number(match[1]);
    if (validYear(year)) counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
  const [mode, modeCount] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [undefined, 0];
  const dated = doc.metadata.published ?? doc.metadata.written;
  const dateYear = dated ? Number(dated.value.slice(0, 4)) : doc.titleDate ? Number(doc.titleDate.slice(0, 4)) : undefined;
  const dateSource = doc.metadata.published ? `${doc.metadata.published.key} ${doc.metadata.published.value}` : doc.metadata.written ? `${doc.metadata.written.key} ${doc.metadata.written.value}` : `the date beside the title, ${doc.titleDate ?? ''}`;
  if (mode !== undefined && modeCount >= 2 && modeCount * 2 > total) {
    const agreement = dateYear === mode ? ` and ${dateSource}` : dateYear !== undefined ? ` (${dateSource} says ${dateYear})` : '';
    return { value: mode, from: `the body: ${mode}年 is named ${modeCount} of ${total} times a year is named${agreement}` };
  }
  if (dateYear !== undefined && validYear(dateYear)) return { value: dateYear, from: dateSource };
  return { from: total > 0 ? `the years the body names (${[...counts.keys()].join(', ')}) do not settle it, and no date is printed` : 'neither the title, the text nor a date names the year' };
}

function inferHalf(doc: DocumentText, kind: DocumentKind | undefined): Inferred<Half | null> {
  const halfOf = (text: string): Half | null | undefined => (/上半年/.test(text) ? 'H1' : /下半年/.test(text) ? 'H2' : undefined);
  if (doc.title) {
    const half = halfOf(doc.title);
    if (half) return { value: half, from: `the title "${doc.title}"` };
  }
  const opening = doc.opening?.trim() ?? '';
  const openingHalf = /^(\d{4}\s*年)?\s*(上半年|下半年)/.exec(opening)?.[2];
  if (openingHalf) return { value: openingHalf === '上半年' ? 'H1' : 'H2', from: `the opening "${excerpt(opening, 20)}"` };
  if (kind === 'summary') {
    // A half-year summary closes with what the bureau will do 下半年; a whole-year one looks to 明年.
    const closing = doc.headings.find((heading) => /下半年/.test(heading)) ?? doc.body.split('\n').find((line) => /^\s*下半年[，,]/.test(line));
    if (closing && /上半年/.test(doc.body)) return { value: 'H1', from: `a summary of 上半年 that closes with "${excerpt(closing.trim(), 20)}"` };
  }
  if (doc.title && /\d{4}\s*年/.test(doc.title)) return { value: null, from: `the title names the year and no half: "${doc.title}"` };
  if (/^\d{4}\s*年(度)?[，,是]/.test(opening)) return { value: null, from: `the opening names the year and no half: "${excerpt(opening, 20)}"` };
  return { from: 'neither the title nor the opening says whether it covers the year or a half' };
}

export function inferPublisher(doc: DocumentText, regions: RegionIndex): Inferred<string> {
  const printed = doc.metadata.publisher;
  if (printed) return { value: printed.value, from: `metadata ${printed.key} (line ${printed.line})` };
  if (doc.metadata.empty.has('publisher')) return { from: 'the metadata prints 发布机构/公开主体 empty' };
  // "上半年,资兴市民政局在市委市政府…的领导下": the report names its own bureau as the subject of its opening.
  const self = doc.opening ? /^(?:[^，,。]{0,15}[，,])?\s*([\u4e00-\u9fa5]{2,15}?民政局)(?=在|以|坚持|紧紧|认真|始终|围绕|全面|按照)/.exec(doc.opening) : undefined;
  const named = self?.[1] ? regionFromName(self[1].replace(/民政局$/, ''), regions) : undefined;
  if (self?.[1] && (named?.region || named?.ambiguous)) return { value: self[1], from: `the opening sentence, where the bureau names itself: "${excerpt(doc.opening ?? '', 24)}"` };
  return { from: 'no metadata names the publisher and the text does not name its bureau' };
}

export interface RegionInference extends Inferred<Region> {
  /** Clues that disagree with the chosen region, for the report. */
  conflicts: string[];
}

export function inferRegion(doc: DocumentText, publisher: string | undefined, regions: RegionIndex): RegionInference {
  const clues: { region?: Region; ambiguous?: Region[]; from: string }[] = [];
  if (publisher) {
    const resolved = regionFromName(publisher.replace(/(民政局|民政厅|人民政府|政府|民政)$/, ''), regions);
    clues.push({ ...resolved, from: `the publisher "${publisher}"` });
  }
  if (doc.title) {
    const prefix = /^(.*?)(民政|人民政府)/.exec(doc.title)?.[1];
    if (prefix) clues.push({ ...regionFromName(prefix, regions), from: `the title "${doc.title}"` });
  }
  const indexNo = doc.metadata.index_no?.value;
  const indexCode = indexNo ? indexNumberCode(indexNo) : undefined;
  const notes: string[] = [];
  if (indexCode) {
    const region = regionFromCode(indexCode, regions);
    if (region) clues.push({ region, from: `the division code ${indexCode} in 索引号 ${indexNo}` });
    else notes.push(`索引号 ${indexNo} carries division code ${indexCode}, which is not in the division table; ignored`);
  }
  const { mentions, unresolved } = countMentions(doc.body, regions);
  const body = regionFromMentions(mentions, regions);
  clues.push({ ...(body.region ? { region: body.region } : {}), from: body.why });
  if (doc.siteCode) {
    const region = regionFromCode(doc.siteCode.slice(0, 6), regions);
    if (region) clues.push({ region, from: `the site's 网站标识码 ${doc.siteCode}` });
  }
  const ambiguousNotes = unresolved.map(({ name, regions: named }) => `${name} is the name of ${named.map((r) => r.slug).join(' and ')}; the text names none of their parents, so it is not counted`);

  const chosen = clues.find((clue) => clue.region);
  // Ambiguous place names (城区, 朝阳区) are worth a maintainer's eye only when no region could be settled.
  if (!chosen?.region) notes.push(...ambiguousNotes);
  if (!chosen?.region) {
    const ambiguous = clues.find((clue) => clue.ambiguous);
    const why = ambiguous
      ? `${ambiguous.from} could be ${ambiguous.ambiguous?.map((r) => r.slug).join(' or ')}, and nothing else in the text settles it`
      : [...clues.map((clue) => clue.from), ...ambiguousNotes].join('; ');
    return { from: why, conflicts: notes };
  }
  const conflicts = [
    ...notes,
    ...clues.filter((clue) => clue.region && clue !== chosen && !isWithin(clue.region, chosen.region as Region, regions)).map((clue) => `${clue.from} points to ${clue.region?.slug}, not ${chosen.region?.slug}`),
  ];
  return { value: chosen.region, from: chosen.from, conflicts };
}

export interface TopicInference {
  ids: string[];
  /** Per topic: sentences naming it and whether a heading does. */
  evidence: Map<string, { sentences: number; heading: boolean; keywords: string[] }>;
}

/**
 * Topics a document is about: those a heading (or a task's title) names, and those at least two of its
 * sentences name — one passing mention is not what a document is about. `text` leaves out the 分管领导 and
 * 责任科室 columns of a task list (区划地名科 is an office, not a subject).
 */
export function inferTopics(text: string, headings: string[], topics: Map<string, Topic>): TopicInference {
  const sentences = text.split(/[。；;！？!?\n]/).filter((sentence) => sentence.trim() !== '');
  const evidence: TopicInference['evidence'] = new Map();
  for (const [id, topic] of topics) {
    const names = (sentence: string) => topic.keywords.some((keyword) => sentence.includes(keyword));
    const count = sentences.filter(names).length;
    const heading = headings.some(names);
    const keywords = topic.keywords.filter((keyword) => text.includes(keyword) || headings.some((h) => h.includes(keyword)));
    if (count > 0 || heading) evidence.set(id, { sentences: count, heading, keywords });
  }
  const ids = [...evidence]
    .filter(([, e]) => e.heading || e.sentences >= topicThreshold)
    .sort((a, b) => Number(b[1].heading) - Number(a[1].heading) || b[1].sentences - a[1].sentences || a[0].localeCompare(b[0]))
    .map(([id]) => id);
  return { ids, evidence };
}

/** Sentences a topic needs when no heading names it. */
export const topicThreshold = 2;
