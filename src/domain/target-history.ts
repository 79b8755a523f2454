/**
 * Promises across years for plan targets (issue 18): the same metric's goal (`target: true`) in a bureau's
 * consecutive plans — raised, lowered or unchanged — and the figure a summary of the same period reports for it.
 *
 * These links are derived, not stored like `tasks[].continues`. A task link joins two free-text tasks that only a
 * reader can tell are the same; a target link joins two figures that already say what they are — the same region,
 * the same metric, the same series (class, urban/rural, average) — and each carries the quote that states it, which
 * `npm run check` verified. Nothing is left for a maintainer to confirm, and a stored copy could only go stale.
 *
 * What is compared, and nothing else:
 * - targets of plans and task lists only (a summary's next-year goals carry the period it reports on);
 * - targets of the same span only: one-year documents with one-year documents (a half-year with the same half),
 *   multi-year plans with multi-year plans. A 2021—2025 goal is never set against a 2022 one;
 * - a period that states two targets of one series (in one document or two) is left out: which one the next plan
 *   continues is not stated;
 * - a summary reports on a one-year target when it is the same region's summary of the same period and states one
 *   figure of the same series that is not a target. A multi-year goal gets no report: no summary covers its span.
 * The verdicts (提高, 降低, 未变; 达到, 低于) compare the two stated values in the metric's unit; pages show only the
 * values as the documents state them, each with its quote.
 */
import type { DocumentFrontmatter, DocumentKind, Period } from '../schemas/document.ts';
import { recordsToCsv } from './csv.ts';
import { valueLabel } from './format-zh.ts';
import { groupBy } from './grouping.ts';
import type { MetricPoint, SeriesKey } from './metric-series.ts';
import { regionColumns, type OpenDataContext } from './open-data.ts';
import { periodLabel } from './periods.ts';
import { absoluteUrl } from './urls.ts';

export interface TargetHistoryDocument {
  id: string;
  data: Pick<DocumentFrontmatter, 'kind'>;
}

/** A stated figure of a chain: a plan's target or a summary's reported value. */
export interface ChainFigure {
  documentId: string;
  documentTitle: string;
  period: Period;
  /** As the document states it. */
  stated: { value: number; unit: string };
  /** In the metric's unit: what comparisons use. */
  value: number;
  quote: string;
  /** `/documents/<id>/#q-…`. */
  url: string;
}

export type TargetChange = 'raised' | 'lowered' | 'unchanged';
export type TargetOutcome = 'reached' | 'below';

export interface TargetStep {
  target: ChainFigure;
  /** Against the previous step's target; absent on the first step. */
  change?: TargetChange;
  /** The summary of the same period that states a figure of the series. */
  report?: ChainFigure & { outcome: TargetOutcome };
}

export interface TargetChain {
  /** `<region>|<metric>|<series>|<span>`: one chain per series of a bureau. */
  key: string;
  region: string;
  metric: string;
  /** Class, urban/rural and average, as the figures say (their `target` is always true). */
  series: SeriesKey;
  /** The targets' series key (`target`, `urban-A-target`), as in src/domain/metric-series.ts. */
  seriesKey: string;
  /** The series' qualifiers without 目标: `城市`, `A类`, `平均`; empty for most. */
  qualifiers: string[];
  /** Oldest first. */
  steps: TargetStep[];
}

/** One row of target-links.csv: a target and the next plan's target of the series, or the summary's figure. */
export interface TargetLink {
  chain: TargetChain;
  from: ChainFigure;
  kind: 'next-target' | 'report';
  to: ChainFigure;
  verdict: TargetChange | TargetOutcome;
}

export interface TargetHistoryIndex {
  /** Every chain of two or more targets, or of a target with its report, newest last step first. */
  chains: readonly TargetChain[];
  /** The chains a document's figures are in (its page shows them), in chain order. */
  ofDocument(documentId: string): readonly TargetChain[];
  /** The chains of one metric, newest first. */
  ofMetric(metric: string): readonly TargetChain[];
  /** The other documents a document's chains show (its page's cache key reads them). */
  linkedDocuments(documentId: string): readonly string[];
  links: readonly TargetLink[];
}

/** Sortable start of a period: 2023 H2 → 2023·12+6. */
function startMonth(period: Period): number {
  return period.year * 12 + (period.half === 'H2' ? 6 : 0);
}

function spanOf(period: Period): string {
  return period.end_year !== undefined ? 'multi-year' : (period.half ?? 'year');
}

const periodId = (period: Period) => `${period.year}|${period.half ?? ''}|${period.end_year ?? ''}`;

function figureOf(point: MetricPoint): ChainFigure {
  return { documentId: point.documentId, documentTitle: point.documentTitle, period: point.period, stated: point.stated, value: point.value, quote: point.quote, url: point.url };
}

/** The series key without its target part: a target's reported counterpart has this key. */
function resultKey(point: MetricPoint): string {
  return point.seriesKey === 'target' ? 'all' : point.seriesKey.replace(/-target$/, '');
}

/** The points of the periods that state one of them: a period with two is ambiguous and left out. */
function onePerPeriod(points: readonly MetricPoint[]): MetricPoint[] {
  return [...groupBy(points, (point) => periodId(point.period)).values()].filter((list) => list.length === 1).map((list) => list[0]!);
}

const reportKey = (point: MetricPoint) => `${point.region.slug}|${point.metric}|${resultKey(point)}|${periodId(point.period)}`;

export function buildTargetHistories(points: readonly MetricPoint[], documents: Iterable<TargetHistoryDocument>): TargetHistoryIndex {
  const kindOf = new Map<string, DocumentKind>();
  for (const doc of documents) kindOf.set(doc.id, doc.data.kind);

  // A summary's own targets are the next period's plan inside it (下一步工作打算), dated by the period it reports
  // on: set against that period's plan they would read as a change of goal. Only plans and task lists set targets here.
  const setsTargets = (point: MetricPoint) => point.target && (kindOf.get(point.documentId) === 'plan' || kindOf.get(point.documentId) === 'task-list');
  const targets = groupBy(points.filter(setsTargets), (point) => `${point.region.slug}|${point.metric}|${point.seriesKey}|${spanOf(point.period)}`);
  // A summary of one year or half-year; no summary covers a multi-year plan's span.
  const reports = groupBy(
    points.filter((point) => !point.target && kindOf.get(point.documentId) === 'summary' && point.period.end_year === undefined),
    reportKey,
  );

  const chains: TargetChain[] = [];
  for (const [key, group] of targets) {
    const ordered = onePerPeriod(group).sort((a, b) => startMonth(a.period) - startMonth(b.period));
    const steps: TargetStep[] = ordered.map((point, i) => {
      const previous = ordered[i - 1];
      const found = point.period.end_year === undefined ? reports.get(reportKey(point)) : undefined;
      // Two reported figures of one series in the period's summaries: which one answers the target is not stated.
      const report = found?.length === 1 ? found[0]! : undefined;
      return {
        target: figureOf(point),
        ...(previous ? { change: point.value > previous.value ? 'raised' : point.value < previous.value ? 'lowered' : 'unchanged' } as const : {}),
        ...(report ? { report: { ...figureOf(report), outcome: report.value >= point.value ? 'reached' : 'below' } as const } : {}),
      };
    });
    if (steps.length < 2 && !steps[0]?.report) continue;
    const first = ordered[0]!;
    chains.push({ key, region: first.region.slug, metric: first.metric, series: first.series, seriesKey: first.seriesKey, qualifiers: first.qualifiers.filter((q) => q !== '目标'), steps });
  }
  const lastStart = (chain: TargetChain) => startMonth(chain.steps[chain.steps.length - 1]!.target.period);
  chains.sort((a, b) => lastStart(b) - lastStart(a) || a.key.localeCompare(b.key));

  const documentsOf = (chain: TargetChain) => [...new Set(chain.steps.flatMap((s) => [s.target.documentId, ...(s.report ? [s.report.documentId] : [])]))];
  const byDocument = groupBy(chains.flatMap((chain) => documentsOf(chain).map((id) => ({ id, chain }))), (entry) => entry.id);
  const byMetric = groupBy(chains, (chain) => chain.metric);
  const links: TargetLink[] = [];
  for (const chain of chains) {
    chain.steps.forEach((step, i) => {
      const next = chain.steps[i + 1];
      if (step.report) links.push({ chain, from: step.target, kind: 'report', to: step.report, verdict: step.report.outcome });
      if (next) links.push({ chain, from: step.target, kind: 'next-target', to: next.target, verdict: next.change! });
    });
  }
  const chainsOf = new Map([...byDocument].map(([id, entries]) => [id, entries.map((entry) => entry.chain)]));
  const linked = new Map([...chainsOf].map(([id, list]) => [id, [...new Set(list.flatMap(documentsOf))].filter((other) => other !== id).sort()]));
  links.sort((a, b) => a.chain.region.localeCompare(b.chain.region) || a.chain.metric.localeCompare(b.chain.metric) || a.chain.key.localeCompare(b.chain.key) || startMonth(a.from.period) - startMonth(b.from.period) || a.kind.localeCompare(b.kind));

  return {
    chains,
    ofDocument: (documentId) => chainsOf.get(documentId) ?? [],
    ofMetric: (metric) => byMetric.get(metric) ?? [],
    linkedDocuments: (documentId) => linked.get(documentId) ?? [],
    links,
  };
}

/** What a target history shows and what its verdicts are, said above every list of them (document and metric pages). */
export const targetHistoryIntro = '同一机构历年计划中同一指标的目标，以及同期工作总结报告的数字，每个数字照录原文并链接到原句。“目标提高”“目标降低”“达到目标”“低于目标”是本站对两个原文数字的比较，不是文件的原话。';

const changeWords: Record<TargetChange, string> = { raised: '目标提高', lowered: '目标降低', unchanged: '目标未变' };
const outcomeWords: Record<TargetOutcome, string> = { reached: '达到目标', below: '低于目标' };

/** A chain as a page shows it: one line in words, then each figure with its document, quote and link. */
export interface TargetHistoryView {
  /** e.g. `2021年目标 200 张 → 2021年总结报告 180 张（低于目标） → 2022年目标 300 张（目标提高）`. */
  line: string;
  entries: {
    /** `2021年目标`, `2022年总结报告`. */
    label: string;
    /** `200 张`, as stated. */
    value: string;
    /** `目标提高`, `达到目标`; absent on the first target. */
    verdict?: string;
    documentTitle: string;
    href: string;
    quote: string;
    /** Whether the figure is stated in the page showing the chain. */
    current: boolean;
  }[];
}

export function targetHistoryView(chain: TargetChain, currentDocument?: string): TargetHistoryView {
  const entries: TargetHistoryView['entries'] = [];
  const entry = (figure: ChainFigure, label: string, verdict?: string) =>
    entries.push({
      label,
      value: valueLabel(figure.stated.value, figure.stated.unit),
      ...(verdict ? { verdict } : {}),
      documentTitle: figure.documentTitle,
      href: figure.url,
      quote: figure.quote,
      current: figure.documentId === currentDocument,
    });
  for (const step of chain.steps) {
    entry(step.target, `${periodLabel(step.target.period)}目标`, step.change ? changeWords[step.change] : undefined);
    if (step.report) entry(step.report, `${periodLabel(step.report.period)}总结报告`, outcomeWords[step.report.outcome]);
  }
  return {
    line: entries.map((e) => `${e.label} ${e.value}${e.verdict ? `（${e.verdict}）` : ''}`).join(' → '),
    entries,
  };
}

/** The columns of `/data/target-links.csv`, one row per link; documented in docs/data.md. */
export const targetLinkColumns = [
  'region', 'region_name', 'region_code', 'metric', 'category', 'scope', 'average', 'link', 'verdict',
  'document', 'year', 'half', 'end_year', 'value', 'unit', 'quote', 'url',
  'later_document', 'later_year', 'later_half', 'later_end_year', 'later_value', 'later_unit', 'later_quote', 'later_url',
] as const;
export type TargetLinkColumn = (typeof targetLinkColumns)[number];

/** Rows by region, metric, series and year. Pure: the CSV route only serialises what the site model derived. */
export function targetLinksCsv(links: readonly TargetLink[], context: OpenDataContext): string {
  return recordsToCsv(
    targetLinkColumns,
    links.map(({ chain, from, kind, to, verdict }) => {
      return {
        ...regionColumns(chain.region, context),
        metric: chain.metric,
        category: chain.series.category ?? null,
        scope: chain.series.scope ?? null,
        average: chain.series.average === true,
        link: kind,
        verdict,
        document: from.documentId,
        year: from.period.year,
        half: from.period.half,
        end_year: from.period.end_year ?? null,
        value: from.stated.value,
        unit: from.stated.unit,
        quote: from.quote,
        url: absoluteUrl(context.site, from.url),
        later_document: to.documentId,
        later_year: to.period.year,
        later_half: to.period.half,
        later_end_year: to.period.end_year ?? null,
        later_value: to.stated.value,
        later_unit: to.stated.unit,
        later_quote: to.quote,
        later_url: absoluteUrl(context.site, to.url),
      };
    }),
  );
}

/** What each column of target-links.csv holds; shown on /data/ and mirrored in docs/data.md. */
export const targetLinkColumnDescriptions: Record<TargetLinkColumn, string> = {
  region: '地区路径（拼音），同 metrics.csv；两个数字属同一机构',
  region_name: '地区全称',
  region_code: '六位行政区划代码（GB/T 2260）',
  metric: '指标标识，同 metrics.csv',
  category: 'A、B、C 类（分类设定标准的地方），否则为空',
  scope: 'urban 或 rural（指标标识未区分城乡时），否则为空',
  average: '是否为下辖地区的平均标准（true/false）',
  link: 'next-target：下一份计划中同一指标的目标；report：同期工作总结报告的该指标数字',
  verdict: '本站对两个原文数字的比较（按指标单位）：raised 提高、lowered 降低、unchanged 未变；reached 达到目标、below 低于目标',
  document: '提出目标的计划（或任务清单）的文件标识',
  year: '该文件的年度（多年规划为首年）',
  half: 'H1、H2，全年为空',
  end_year: '多年规划的末年，否则为空',
  value: '目标数值，照录原文',
  unit: '目标数值的单位，照录（规范写法）',
  quote: '原文中陈述该目标的片段，逐字照录',
  url: '该目标在原文中的位置',
  later_document: '后一份计划（next-target）或工作总结（report）的文件标识',
  later_year: '后一份文件的年度',
  later_half: '后一份文件的半年度，全年为空',
  later_end_year: '后一份文件为多年规划时的末年，否则为空',
  later_value: '后一份文件所陈述的数值，照录原文',
  later_unit: '该数值的单位',
  later_quote: '后一份文件中陈述该数值的片段，逐字照录',
  later_url: '该数值在后一份文件原文中的位置',
};
