/**
 * What a chart is, independent of chart.js: the spec the client island draws, the table that shows the same
 * numbers (the no-JavaScript and screen-reader view), and the CSV of exactly those rows. The builders in this
 * folder make all three in one pass over the same data, so they cannot disagree.
 */
import type { CsvCell } from '../domain/csv.ts';
import { toCsv } from '../domain/csv.ts';
import type { Period } from '../schemas/document.ts';
import type { CitationTemplate } from '../domain/citation.ts';
import { periodLabel } from '../domain/periods.ts';

/**
 * A colour by name: a custom property of src/styles/global.css (`--chart-1` … `--chart-6` for series in order,
 * `--tone-<status>` for task statuses), each with a light and a dark value, so the canvas and the HTML legend
 * use the same colour in either scheme.
 */
export type Colour = `chart-${1 | 2 | 3 | 4 | 5 | 6}` | `tone-${'done' | 'in-progress' | 'not-started' | 'not-mentioned' | 'awaiting-summary'}`;

export interface ChartDataset {
  label: string;
  /** One value per label; `null` where this series has no value for that label. */
  values: (number | null)[];
  /** Where a click on each value leads (the quote that states it); `null` where there is none. */
  urls: (string | null)[];
  /**
   * Where each value comes from, said when it is tapped or pointed at: `《资兴市民政局…工作总结》，2023年上半年`;
   * absent for a chart whose values are counts of the site's own (task statuses).
   */
  sources?: (string | null)[];
  colour: Colour;
}

/** The series colour of the i-th dataset. */
export function seriesColour(index: number): Colour {
  return `chart-${((index % 6) + 1) as 1 | 2 | 3 | 4 | 5 | 6}`;
}

/** Serialised into the page as JSON and read by src/charts/chart-island.ts. */
export interface ChartSpec {
  id: string;
  type: 'bar' | 'line';
  /** Bars run sideways (long Chinese region names read better on a phone). */
  horizontal: boolean;
  stacked: boolean;
  /** Category labels: regions, periods, or region-years. */
  labels: string[];
  datasets: ChartDataset[];
  /** Unit of the value axis, e.g. `元/人/月`. */
  unit: string;
  /** Height of the drawing in CSS pixels, one of `chartHeights` (a class reserves it before the script runs). */
  height: ChartHeight;
  /** Whether values are counts (integer ticks). */
  integer: boolean;
  /**
   * For a trend: where each label sits on one time scale, in years (2023.25 = 2023年上半年, 2023.5 = 2023年,
   * 2023.75 = 2023年下半年), so half-years and whole years are spaced by time, not one category apart.
   */
  positions?: number[];
}

export interface TableCell {
  text: string;
  /** The number the cell shows, for the table-equals-chart check (`data-value`). */
  value?: number;
  href?: string;
  /** Element id of the cell, where a link elsewhere must be able to land on it. */
  id?: string;
  /** A figure's citation: the cell shows its text and a one-tap 复制引用 (`label` names the figure for the button). */
  cite?: { template: CitationTemplate; label: string };
}

export interface ChartTable {
  caption: string;
  /** Column headers; the first column holds the row headers (`th scope="row"`). */
  columns: { label: string; numeric?: boolean; href?: string }[];
  rows: TableCell[][];
}

export interface ChartModel {
  spec: ChartSpec;
  /** The canvas's accessible name: what the chart shows, and that the table below has the numbers. */
  label: string;
  /** Heading shown above the chart. */
  title: string;
  table: ChartTable;
  /** Site path of this chart's CSV, e.g. `/metrics/dibao-urban/compare-county.csv`. */
  csvPath: string;
  csv: { header: string[]; rows: CsvCell[][] };
}

export function chartCsv(model: Pick<ChartModel, 'csv'>): string {
  return toCsv(model.csv.header, model.csv.rows);
}

/** `2017年上半年—2023年`, or the single period. */
export function periodRangeText(periods: readonly Period[]): string {
  if (periods.length === 0) return '';
  const first = periodLabel(periods[0]!);
  const last = periodLabel(periods[periods.length - 1]!);
  return first === last ? first : `${first}—${last}`;
}

/** What a tap on a figure says it comes from: `《金坛区民政局2017年上半年工作总结》，2017年上半年`. */
export function pointSource(point: { period: Period; documentTitle: string }): string {
  return `《${point.documentTitle}》，${periodLabel(point.period)}`;
}

/** `《甲》` / `《甲》《乙》` / `《甲》等 5 份文件`. */
export function sourcesText(documents: readonly { title: string }[]): string {
  if (documents.length === 0) return '无';
  const named = documents.slice(0, 2).map((d) => `《${d.title}》`).join('');
  return documents.length > 2 ? `${named}等 ${documents.length} 份文件` : named;
}

/**
 * The heights a chart may have. The page reserves the height with a class (`chart__box--h280`) before the
 * script draws, so nothing below the chart moves when it appears; a CSP without 'unsafe-inline' rules out a
 * style attribute, so the heights are a short fixed list with a rule each in src/styles/global.css.
 */
export const chartHeights = [200, 280, 360, 480, 640, 860, 1200, 1600, 2400] as const;
export type ChartHeight = (typeof chartHeights)[number];

/** The smallest listed height that fits `pixels`, or the largest. */
export function chartHeight(pixels: number): ChartHeight {
  return chartHeights.find((h) => h >= pixels) ?? chartHeights[chartHeights.length - 1]!;
}

/** Height of a horizontal bar chart with `groups` categories of `barsPerGroup` bars each. */
export function barChartHeight(groups: number, barsPerGroup: number): ChartHeight {
  return chartHeight(70 + groups * Math.max(1, barsPerGroup) * 22 + groups * 12);
}
