/**
 * What readers see of the publishing record (src/domain/disclosure.ts): the 公开记录 section of a region page,
 * the national /disclosure/ table of provinces, each province's page of its cities and counties, and
 * `/data/disclosure.csv`. Pure: src/lib/disclosure.ts passes the index
 * and the region names. Every date shown is one the front matter states; a delay is the day difference of two
 * stated dates; everything else the site does not hold is said as 本站未收录.
 */
import { recordsToCsv } from './csv.ts';
import { dateLabel } from './dates.ts';
import { periodLabel } from './periods.ts';
import { documentKindNames } from '../schemas/document.ts';
import type { Region } from '../schemas/region.ts';
import { regionLevelNames } from '../schemas/region.ts';
import { gapSlots, recordSlotNames, recordSlots, type BureauRecord, type DisclosureIndex, type DisclosureNode, type RecordDocument, type RecordSlot } from './disclosure.ts';
import { absoluteUrl, disclosureProvincePath, disclosureRegionAnchor, documentPath, publishingRecordFragment, regionPath } from './urls.ts';

export interface RecordDocumentView {
  href: string;
  /** e.g. `2023年上半年工作总结`. */
  label: string;
  /** e.g. `成文 2023年8月20日，发布 2023年8月28日，成文后 8 天发布`. */
  dates: string;
}

export interface YearRecordView {
  /** The row's (first) year. */
  year: number;
  /** `2023年`, or `2016—2024年` for years the site holds nothing of. */
  label: string;
  cells: Record<RecordSlot, RecordDocumentView[]>;
  gaps: string[];
}

export interface BureauRecordView {
  years: YearRecordView[];
  multiYear: RecordDocumentView[];
  /** e.g. `另有标准通知 2 份，不在此表。`; empty without notices. */
  notices: string;
  /** e.g. `本站收录 2021—2023 年的 4 份……`. */
  summary: string;
}

/** The sentence of a document's two dates, and the delay between them where both are stated. */
export function datesText(doc: Pick<RecordDocument, 'written' | 'published' | 'delayDays'>): string {
  const { written, published, delayDays } = doc;
  if (written !== undefined && published !== undefined && delayDays !== undefined) {
    // A no-break space keeps the number with 天 in a narrow card (Chinese may otherwise break between any two characters).
    const delay = delayDays > 0 ? `成文后 ${delayDays}\u00a0天发布` : delayDays === 0 ? '成文当天发布' : `原文所注发布日期早于成文日期 ${-delayDays}\u00a0天`;
    return `成文 ${dateLabel(written)}，发布 ${dateLabel(published)}，${delay}`;
  }
  if (published !== undefined) return `发布 ${dateLabel(published)}（原文未注明成文日期）`;
  if (written !== undefined) return `成文 ${dateLabel(written)}（原文未注明发布日期）`;
  return '原文未注明成文日期和发布日期';
}

export function recordDocumentView(doc: RecordDocument): RecordDocumentView {
  return { href: documentPath(doc.id), label: `${periodLabel(doc.period)}${documentKindNames[doc.kind]}`, dates: datesText(doc) };
}

/**
 * The table's rows: a year per row, except that consecutive years the site holds nothing of are one row
 * (`2016—2024年`), so ten empty years do not push the years it holds off a phone's screen. The open data keeps a
 * row per year.
 */
function yearRows(record: BureauRecord): YearRecordView[] {
  const rows: (YearRecordView & { lastEmpty?: number })[] = [];
  for (const year of record.years) {
    const empty = year.gaps.length === 1 && year.gaps[0]!.kind === 'year-missing';
    const previous = rows.at(-1);
    if (empty && previous?.lastEmpty === year.year - 1) {
      previous.lastEmpty = year.year;
      previous.label = `${previous.year}—${year.year}年`;
      previous.gaps = [`本站未收录${previous.label}的工作计划、工作总结或任务清单`];
      continue;
    }
    rows.push({
      year: year.year,
      label: `${year.year}年`,
      cells: Object.fromEntries(recordSlots.map((slot) => [slot, year.slots[slot].map(recordDocumentView)])) as Record<RecordSlot, RecordDocumentView[]>,
      gaps: year.gaps.map((gap) => gap.text),
      ...(empty ? { lastEmpty: year.year } : {}),
    });
  }
  return rows.map(({ lastEmpty: _, ...row }) => row);
}

export function bureauRecordView(record: BureauRecord): BureauRecordView {
  const dated = recordDocuments(record).filter((doc) => doc.delayDays !== undefined).length;
  const span = record.years.length === 0 ? '' : record.years.length === 1 ? `${record.years[0]!.year}年` : `${record.years[0]!.year}—${record.years.at(-1)!.year}年`;
  const multiYear = record.multiYear.length > 0 ? `（含多年规划 ${record.multiYear.length} 份）` : '';
  return {
    years: yearRows(record),
    multiYear: record.multiYear.map(recordDocumentView),
    notices: record.notices > 0 ? `另有标准通知 ${record.notices} 份，不属年度计划和总结，不在此表。` : '',
    summary: `本站收录该部门${span}的工作计划、工作总结和任务清单共 ${record.documentCount} 份${multiYear}，其中 ${dated} 份同时注明成文日期和发布日期；对照这些文件，本站未收录 ${record.gapCount} 项。`,
  };
}

/**
 * One bureau's line on its province's page of /disclosure/: how much of its record the site holds, in counts,
 * with its region page's 公开记录 table one link away. The year-by-year tables are on the region pages: a
 * province holds a hundred bureaus at scale, and their tables would make its page megabytes.
 */
export interface DisclosureRowView {
  /** The anchor of the region's row on its province's page of /disclosure/. */
  id: string;
  name: string;
  /** The region page's 公开记录 section. */
  href: string;
  /** `省级`, `地级`, `县级`. */
  level: string;
  /** Whether the site holds any of the bureau's own plans, summaries and task lists (else only regions under it). */
  held: boolean;
  /** `4 份`; empty when not held. */
  documents: string;
  /** `2015—2025年`, with each multi-year plan after it (`2021—2025年（多年规划）`); empty when not held. */
  years: string;
  /** The latest year and the kinds held of it, e.g. `2025年：工作计划、上半年总结`; `仅收录多年规划` without one-year documents. */
  latest: string;
  /** `3 份`: documents that state both 成文日期 and 发布日期. */
  dated: string;
  /** `2 项`. */
  gaps: string;
}

/** A province's line on the national /disclosure/ table: its totals in counts, linking to its own page. */
export interface DisclosureProvinceRowView {
  /** The anchor of its row on /disclosure/. */
  id: string;
  name: string;
  /** Its page of /disclosure/, with its cities and counties. */
  href: string;
  /** `3 个`: bureaus in the province (its own included) the site holds a record of. */
  bureaus: string;
  /** `7 份`. */
  documents: string;
  /** `2 项`. */
  gaps: string;
  /** `4 份`: the province's own bureau (民政厅); empty when the site holds none of its documents. */
  own: string;
}

export interface DisclosurePageView {
  totals: string;
  provinces: DisclosureProvinceRowView[];
  slotNames: typeof recordSlotNames;
}

/** A province's page of /disclosure/: its own bureau, its cities, and each city's counties. */
export interface DisclosureProvincePageView {
  /** The province's slug: its page's path (`disclosureProvincePath`). */
  province: string;
  name: string;
  /** The province's region page. */
  regionHref: string;
  /** e.g. `3 个民政部门 · 7 份文件 · 本站未收录 2 项`. */
  totals: string;
  /** The province's own bureau (民政厅), when the site holds its record. */
  own?: DisclosureRowView;
  /** Its cities, each with its own bureau's line. */
  rows: DisclosureRowView[];
  /** Each city with counties that have a record, and those counties. */
  cities: { id: string; name: string; totals: string; rows: DisclosureRowView[] }[];
  slotNames: typeof recordSlotNames;
}

function totalsText(totals: DisclosureNode['totals']): string {
  return `${totals.bureaus} 个民政部门 · ${totals.documents} 份文件 · 本站未收录 ${totals.gaps} 项`;
}

function recordDocuments(record: BureauRecord): RecordDocument[] {
  return [...record.years.flatMap((y) => recordSlots.flatMap((slot) => y.slots[slot])), ...record.multiYear];
}

/** A multi-year plan's years as the row shows them: `2021—2025年（多年规划）`. */
function multiYearSpan(doc: RecordDocument): string {
  return `${doc.period.year}—${doc.period.end_year ?? doc.period.year}年（多年规划）`;
}

export function disclosureRowView(node: DisclosureNode): DisclosureRowView {
  const { region, record } = node;
  const base = { id: disclosureRegionAnchor(region.code), name: region.name, href: `${regionPath(region.slug)}${publishingRecordFragment}`, level: regionLevelNames[region.level] };
  if (!record) return { ...base, held: false, documents: '', years: '', latest: '', dated: '', gaps: '' };
  const first = record.years[0];
  const last = record.years.at(-1);
  const latestHeld = last ? recordSlots.filter((slot) => last.slots[slot].length > 0).map((slot) => recordSlotNames[slot]).join('、') : '';
  return {
    ...base,
    held: true,
    documents: `${record.documentCount} 份`,
    // A bureau the site holds only a 五年规划 of still shows its years: a blank cell beside "1 份" reads as an error.
    years: [first && last ? (first === last ? `${first.year}年` : `${first.year}—${last.year}年`) : '', ...record.multiYear.map(multiYearSpan)].filter(Boolean).join('；'),
    latest: last ? `${last.year}年：${latestHeld}` : record.multiYear.length > 0 ? '仅收录多年规划' : '',
    dated: `${recordDocuments(record).filter((doc) => doc.delayDays !== undefined).length} 份`,
    gaps: `${record.gapCount} 项`,
  };
}

function provincePageView(province: DisclosureNode): DisclosureProvincePageView {
  return {
    province: province.region.slug,
    name: province.region.name,
    regionHref: regionPath(province.region.slug),
    totals: totalsText(province.totals),
    ...(province.record ? { own: disclosureRowView(province) } : {}),
    rows: province.children.map(disclosureRowView),
    cities: province.children
      .filter((city) => city.children.length > 0)
      .map((city) => ({
        id: `${disclosureRegionAnchor(city.region.code)}-counties`,
        name: city.region.name,
        totals: totalsText({ bureaus: city.totals.bureaus - (city.record ? 1 : 0), documents: city.totals.documents - (city.record?.documentCount ?? 0), gaps: city.totals.gaps - (city.record?.gapCount ?? 0) }),
        rows: city.children.map(disclosureRowView),
      })),
    slotNames: recordSlotNames,
  };
}

/** The national /disclosure/: a line per province, the cities and counties on each province's page. */
export function disclosurePageView(index: DisclosureIndex): DisclosurePageView {
  return {
    totals: totalsText(index.totals),
    provinces: index.tree.map((province) => ({
      id: disclosureRegionAnchor(province.region.code),
      name: province.region.name,
      href: disclosureProvincePath(province.region.slug),
      bureaus: `${province.totals.bureaus} 个`,
      documents: `${province.totals.documents} 份`,
      gaps: `${province.totals.gaps} 项`,
      own: province.record ? `${province.record.documentCount} 份` : '',
    })),
    slotNames: recordSlotNames,
  };
}

/** Every province's page of /disclosure/, in the order of the national table. */
export function disclosureProvincePageViews(index: DisclosureIndex): DisclosureProvincePageView[] {
  return index.tree.map(provincePageView);
}

// Open data: one row per bureau, year and slot — a held document, or the slot empty (本站未收录).
export const disclosureColumns = ['region', 'region_name', 'region_code', 'year', 'end_year', 'slot', 'held', 'document', 'title', 'written', 'published', 'delay_days', 'gap', 'url'] as const;
export type DisclosureColumn = (typeof disclosureColumns)[number];
export type DisclosureRow = Record<DisclosureColumn, string | number | boolean | null>;

export const disclosureColumnDescriptions: Record<DisclosureColumn, string> = {
  region: '民政部门所在地区的路径（拼音），同 metrics.csv',
  region_name: '地区全称',
  region_code: '六位行政区划代码（GB/T 2260）',
  year: '年度；多年规划为其第一年',
  end_year: '多年规划的最后一年；其他为空',
  slot: 'plan（工作计划）、h1-summary（上半年总结）、year-end-summary（年度或下半年总结）、task-list（重点工作任务清单）、multi-year-plan（多年规划）',
  held: 'true：本站收录了该文件；false：本站未收录（不等于该部门未公开）',
  document: '文件标识；未收录时为空',
  title: '文件标题，照录；未收录时为空',
  written: '成文日期（YYYY-MM-DD），原文注明时才有',
  published: '发布日期（YYYY-MM-DD），原文注明时才有',
  delay_days: '发布日期减成文日期的天数；两个日期都注明时才有，负数表示原文所注发布日期在前',
  gap: '未收录且对照同年已收录文件应有时的缺项：plan-missing、h1-summary-missing、year-end-summary-missing、year-missing；否则为空',
  url: '文件页面；未收录时为地区页面',
};

export interface RegionLabel {
  region: Pick<Region, 'slug' | 'code'>;
  /** e.g. `安徽省 宣城市 宣州区`. */
  fullName: string;
}

export function disclosureRows(index: DisclosureIndex, label: (slug: string) => RegionLabel, site: URL | string): DisclosureRow[] {
  const rows: DisclosureRow[] = [];
  const walk = (node: DisclosureNode) => {
    const record = node.record;
    if (record) {
      const { region, fullName } = label(record.region);
      const base = { region: region.slug, region_name: fullName, region_code: region.code };
      const held = (doc: RecordDocument, slot: string) => ({
        ...base,
        year: doc.period.year,
        end_year: doc.period.end_year ?? null,
        slot,
        held: true,
        document: doc.id,
        title: doc.title,
        written: doc.written ?? null,
        published: doc.published ?? null,
        delay_days: doc.delayDays ?? null,
        gap: null,
        url: absoluteUrl(site, documentPath(doc.id)),
      });
      for (const year of record.years) {
        for (const slot of recordSlots) {
          const docs = year.slots[slot];
          if (docs.length > 0) {
            for (const doc of docs) rows.push(held(doc, slot));
            continue;
          }
          const gap = year.gaps.find((g) => gapSlots[g.kind].includes(slot));
          rows.push({ ...base, year: year.year, end_year: null, slot, held: false, document: null, title: null, written: null, published: null, delay_days: null, gap: gap?.kind ?? null, url: absoluteUrl(site, regionPath(region.slug)) });
        }
      }
      for (const doc of record.multiYear) rows.push(held(doc, 'multi-year-plan'));
    }
    for (const child of node.children) walk(child);
  };
  for (const province of index.tree) walk(province);
  return rows;
}

export function disclosureCsv(rows: readonly DisclosureRow[]): string {
  return recordsToCsv(disclosureColumns, rows);
}

/** `disclosure.json`: the rows of the CSV, numbers and booleans as such, empty fields as null. */
export function disclosureJson(rows: readonly DisclosureRow[]): string {
  return `${JSON.stringify(rows, null, 1)}\n`;
}
