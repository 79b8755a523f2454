/**
 * The publishing record (公开记录) of each bureau: per year, which of its plans, half-year and year-end summaries
 * and task lists this site holds, what is missing next to what it holds (a plan without its summary, a summary
 * without its first half), and how many days passed between a document's 成文日期 (`written`) and its 发布日期
 * (`published`) where its front matter states both. Pure: src/lib/disclosure.ts passes the site model's
 * documents and regions.
 *
 * The site only knows what it holds. A missing document is "本站未收录" (not in this site), never "未公开": the
 * bureau may well have published it where no maintainer has copied it from yet. Dates are never inferred: a
 * delay exists only where both dates are stated.
 */
import type { DocumentFrontmatter, Period } from '../schemas/document.ts';
import type { Region } from '../schemas/region.ts';

/**
 * The places a year's record has for a document. 下半年总结 (H2) fills the year-end place: bureaus publish either a
 * 下半年 or a 全年 summary at the end of the year, and both report on the year's plan.
 */
export const recordSlots = ['plan', 'h1-summary', 'year-end-summary', 'task-list'] as const;
export type RecordSlot = (typeof recordSlots)[number];

export const recordSlotNames: Record<RecordSlot, string> = {
  plan: '工作计划',
  'h1-summary': '上半年总结',
  'year-end-summary': '年度总结',
  'task-list': '重点工作任务清单',
};

/**
 * What is missing beside what the site holds for a year, in the order a reader checks them. A gap is a
 * statement about this site's holdings, never about what the bureau published.
 */
export const gapKinds = ['plan-missing', 'h1-summary-missing', 'year-end-summary-missing', 'year-missing'] as const;
export type GapKind = (typeof gapKinds)[number];

/** The slots a gap is about: where the open data marks it. */
export const gapSlots: Record<GapKind, readonly RecordSlot[]> = {
  'plan-missing': ['plan', 'task-list'],
  'h1-summary-missing': ['h1-summary'],
  'year-end-summary-missing': ['year-end-summary'],
  'year-missing': recordSlots,
};

export interface Gap {
  kind: GapKind;
  /** e.g. `本站未收录2023年的年度工作总结（已收录该年的工作计划）`. */
  text: string;
}

export interface RecordDocument {
  id: string;
  title: string;
  kind: DocumentFrontmatter['kind'];
  period: Period;
  /** 成文日期 as the front matter states it. */
  written?: string;
  /** 发布日期 as the front matter states it. */
  published?: string;
  /** Days from `written` to `published`; only when both are stated. Negative when the stated 发布日期 comes first. */
  delayDays?: number;
}

export interface YearRecord {
  year: number;
  /** The documents of each slot (a plan may come as 上半年 and 下半年 plans; usually one or none). */
  slots: Record<RecordSlot, RecordDocument[]>;
  gaps: Gap[];
}

export interface BureauRecord {
  region: string;
  /** Each year from the first to the last the site holds a one-year plan, summary or task list for, oldest first. */
  years: YearRecord[];
  /** Multi-year plans (十四五 …), oldest first: outside the yearly cycle, so they fill no year and open no gap. */
  multiYear: RecordDocument[];
  /** Standards notices of the bureau: not part of the yearly cycle, counted so the page can say they are left out. */
  notices: number;
  /** Every gap of every year. */
  gapCount: number;
  /** The plans, summaries and task lists in the record (multi-year plans included; notices not). */
  documentCount: number;
}

export interface DisclosureDocument {
  id: string;
  data: Pick<DocumentFrontmatter, 'title' | 'kind' | 'period' | 'written' | 'published' | 'region'>;
}

const dayMs = 86_400_000;

/** `YYYY-MM-DD` as days since 1970-01-01 (UTC calendar days: no time zone or summer time can shift a day). */
function epochDay(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error(`publishing record: ${JSON.stringify(date)} is not a YYYY-MM-DD date (the document schema admits only those)`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / dayMs;
}

/** Whole calendar days from `written` (成文) to `published` (发布); undefined unless both are stated. */
export function publishingDelayDays(written: string | undefined, published: string | undefined): number | undefined {
  if (written === undefined || published === undefined) return undefined;
  return epochDay(published) - epochDay(written);
}

/** The slot a one-year document fills; undefined for a notice or a multi-year plan. */
export function recordSlotOf(data: Pick<DocumentFrontmatter, 'kind' | 'period'>): RecordSlot | undefined {
  if (data.period.end_year !== undefined) return undefined;
  switch (data.kind) {
    case 'plan':
      return 'plan';
    case 'task-list':
      return 'task-list';
    case 'summary':
      return data.period.half === 'H1' ? 'h1-summary' : 'year-end-summary';
    case 'notice':
      return undefined;
  }
}

function recordDocument(doc: DisclosureDocument): RecordDocument {
  const { title, kind, period, written, published } = doc.data;
  const delayDays = publishingDelayDays(written, published);
  return {
    id: doc.id,
    title,
    kind,
    period,
    ...(written === undefined ? {} : { written }),
    ...(published === undefined ? {} : { published }),
    ...(delayDays === undefined ? {} : { delayDays }),
  };
}

function emptySlots(): Record<RecordSlot, RecordDocument[]> {
  return { plan: [], 'h1-summary': [], 'year-end-summary': [], 'task-list': [] };
}

/** What the site holds of a year, in words, for a gap's parenthesis: `工作计划、上半年总结`. */
function heldNames(slots: Record<RecordSlot, RecordDocument[]>): string {
  return recordSlots.filter((slot) => slots[slot].length > 0).map((slot) => recordSlotNames[slot]).join('、');
}

/** The gaps of one year, given what the site holds of it. */
export function yearGaps(year: number, slots: Record<RecordSlot, RecordDocument[]>): Gap[] {
  const has = (slot: RecordSlot) => slots[slot].length > 0;
  const held = heldNames(slots);
  if (!held) return [{ kind: 'year-missing', text: `本站未收录${year}年的工作计划、工作总结或任务清单` }];
  const gaps: Gap[] = [];
  const planned = has('plan') || has('task-list');
  const summarised = has('h1-summary') || has('year-end-summary');
  if (summarised && !planned) gaps.push({ kind: 'plan-missing', text: `本站未收录${year}年的工作计划或任务清单（已收录该年的${held}）` });
  if (has('year-end-summary') && !has('h1-summary')) gaps.push({ kind: 'h1-summary-missing', text: `本站未收录${year}年上半年工作总结（已收录该年的${held}）` });
  if (!has('year-end-summary')) gaps.push({ kind: 'year-end-summary-missing', text: `本站未收录${year}年的年度（或下半年）工作总结（已收录该年的${held}）` });
  return gaps;
}

const byPeriodThenId = (a: RecordDocument, b: RecordDocument) =>
  a.period.year - b.period.year || (a.period.half ?? 'H3').localeCompare(b.period.half ?? 'H3') || a.id.localeCompare(b.id);

/** The record of one bureau from its own documents (those whose `region` is the bureau's; not its sub-regions'). */
export function bureauRecord(region: string, documents: Iterable<DisclosureDocument>): BureauRecord {
  const byYear = new Map<number, Record<RecordSlot, RecordDocument[]>>();
  const multiYear: RecordDocument[] = [];
  let notices = 0;
  for (const doc of documents) {
    if (doc.data.region !== region) continue;
    if (doc.data.kind === 'notice') {
      notices += 1;
      continue;
    }
    const slot = recordSlotOf(doc.data);
    if (slot === undefined) {
      multiYear.push(recordDocument(doc));
      continue;
    }
    let slots = byYear.get(doc.data.period.year);
    if (!slots) byYear.set(doc.data.period.year, (slots = emptySlots()));
    slots[slot].push(recordDocument(doc));
  }
  const years: YearRecord[] = [];
  const held = [...byYear.keys()];
  if (held.length > 0) {
    // Every year between the first and the last held: a year the site holds nothing of is itself a gap.
    for (let year = Math.min(...held); year <= Math.max(...held); year++) {
      const slots = byYear.get(year) ?? emptySlots();
      for (const slot of recordSlots) slots[slot].sort(byPeriodThenId);
      years.push({ year, slots, gaps: yearGaps(year, slots) });
    }
  }
  multiYear.sort(byPeriodThenId);
  const documentCount = multiYear.length + [...byYear.values()].reduce((n, slots) => n + recordSlots.reduce((m, slot) => m + slots[slot].length, 0), 0);
  return { region, years, multiYear, notices, gapCount: years.reduce((n, y) => n + y.gaps.length, 0), documentCount };
}

/** A region of the /disclosure/ drill-down, with its own bureau's record and the regions under it that have one. */
export interface DisclosureNode {
  region: Region;
  /** Its own bureau's record; undefined when the site holds no plan, summary or task list of it. */
  record?: BureauRecord;
  children: DisclosureNode[];
  /** Over the region and every region under it. */
  totals: { bureaus: number; documents: number; gaps: number };
}

export interface DisclosureIndex {
  /** The record of each bureau with at least one plan, summary, task list or notice. */
  bySlug: ReadonlyMap<string, BureauRecord>;
  /** Provinces in code order, each with the cities and counties under it that have a record. */
  tree: DisclosureNode[];
  /** The regions the tree holds (the ones /disclosure/ has an entry for). */
  listed: ReadonlySet<string>;
  totals: DisclosureNode['totals'];
}

export interface DisclosureRegions {
  /** Regions with documents in or under them, in code order. */
  published: readonly Region[];
  publishedChildren(slug: string): readonly Region[];
}

/** Every bureau's record and the province → city → county tree of those that have one. */
export function buildDisclosure(documents: Iterable<DisclosureDocument>, regions: DisclosureRegions): DisclosureIndex {
  const own = new Map<string, DisclosureDocument[]>();
  for (const doc of documents) {
    const list = own.get(doc.data.region);
    if (list) list.push(doc);
    else own.set(doc.data.region, [doc]);
  }
  const bySlug = new Map<string, BureauRecord>();
  for (const [region, docs] of own) bySlug.set(region, bureauRecord(region, docs));

  const listed = new Set<string>();
  const node = (region: Region): DisclosureNode | undefined => {
    const record = bySlug.get(region.slug);
    const kept = record && record.documentCount > 0 ? record : undefined;
    const children = regions.publishedChildren(region.slug).map(node).filter((child): child is DisclosureNode => child !== undefined);
    if (!kept && children.length === 0) return undefined;
    listed.add(region.slug);
    const totals = { bureaus: kept ? 1 : 0, documents: kept?.documentCount ?? 0, gaps: kept?.gapCount ?? 0 };
    for (const child of children) {
      totals.bureaus += child.totals.bureaus;
      totals.documents += child.totals.documents;
      totals.gaps += child.totals.gaps;
    }
    return { region, ...(kept ? { record: kept } : {}), children, totals };
  };
  const tree = regions.published.filter((region) => region.level === 'province').map(node).filter((n): n is DisclosureNode => n !== undefined);
  const totals = { bureaus: 0, documents: 0, gaps: 0 };
  for (const province of tree) {
    totals.bureaus += province.totals.bureaus;
    totals.documents += province.totals.documents;
    totals.gaps += province.totals.gaps;
  }
  return { bySlug, tree, listed, totals };
}
