/**
 * A document's period in words, for pages, feeds and search results: `2023年上半年`, `2023年`, a multi-year
 * plan's `2021—2025年`, with `（“十四五”时期）` where the plan's title names its five-year plan.
 */
import type { DocumentFrontmatter, Period } from '../schemas/document.ts';

/** `2023年上半年`, `2023年`, or a multi-year plan's `2021—2025年` (一字线 between the years, GB/T 15834). */
export function periodLabel(period: Period): string {
  if (period.end_year !== undefined) return `${period.year}—${period.end_year}年`;
  return `${period.year}年${period.half === 'H1' ? '上半年' : period.half === 'H2' ? '下半年' : ''}`;
}

/** The national five-year plans (五年规划) a multi-year plan's title may name, with the years each covers. */
export const fiveYearPlans = [
  { name: '十一五', year: 2006, end_year: 2010 },
  { name: '十二五', year: 2011, end_year: 2015 },
  { name: '十三五', year: 2016, end_year: 2020 },
  { name: '十四五', year: 2021, end_year: 2025 },
  { name: '十五五', year: 2026, end_year: 2030 },
] as const;

/** `十四五` when the title names it and the period is its years, 2021—2025; otherwise undefined. */
export function fiveYearPlanOf(data: Pick<DocumentFrontmatter, 'title' | 'period'>): string | undefined {
  const { period, title } = data;
  if (period.end_year === undefined) return undefined;
  return fiveYearPlans.find((plan) => title.includes(plan.name) && plan.year === period.year && plan.end_year === period.end_year)?.name;
}

/**
 * A document's period as lists, pages, feeds and search results show it: `periodLabel`, and for a multi-year
 * plan whose title names its five-year plan (十四五民政事业发展规划) and whose years are that plan's, also the
 * name: `2021—2025年（“十四五”时期）`. The name is never inferred from the years alone, only read from the title.
 */
export function documentPeriodLabel(data: Pick<DocumentFrontmatter, 'title' | 'period'>): string {
  const label = periodLabel(data.period);
  const plan = fiveYearPlanOf(data);
  return plan ? `${label}（“${plan}”时期）` : label;
}

/**
 * The one date a document is listed, fed and searched by: its publication date where known, else the date it
 * was written, else the end of the period it covers (a multi-year plan: the end of its first year, so an
 * undated 十四五 plan is not dated in the future). Lists, feeds, the sitemap and the search index all use this,
 * so an undated document sorts the same everywhere.
 */
export function documentDate(data: Pick<DocumentFrontmatter, 'published' | 'written' | 'period'>): string {
  if (data.published) return data.published;
  if (data.written) return data.written;
  return `${data.period.year}-${data.period.half === 'H1' ? '06-30' : '12-31'}`;
}
