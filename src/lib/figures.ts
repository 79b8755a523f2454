/**
 * Astro glue for figures, charts, tasks and open data: reads the collections once and hands them to src/domain
 * and src/charts. The region and metric charts come from src/charts/site-charts.ts, the builder the chart CSVs
 * are written with (src/integrations/bulk-outputs.ts), so a page's table and its CSV hold the same rows.
 */
import type { DocumentItem } from './documents.ts';
import { perBuild, perBuildKeyed, siteModel } from './site-model.ts';
import { contentRoot } from './content-loaders.ts';
import { documentBody } from '../domain/content/document-files.ts';
import { classDefinitions, type ClassDefinition, type DibaoClass } from '../domain/dibao-classes.ts';
import { documentCitation, figureAnswer, type FigureAnswer } from '../domain/figure-answer.ts';
import type { CitationTemplate } from '../domain/citation.ts';
import type { MetricPoint } from '../domain/metric-series.ts';
import type { ListedTask, StatusRollup } from '../domain/task-status.ts';
import type { MetricDefinition } from '../schemas/metric.ts';
import type { ChartModel } from '../charts/chart-model.ts';
import type { FigureTableContext } from '../charts/figure-table.ts';
import { figureTableContext, metricPageCharts, regionTrendCharts, type MetricCharts } from '../charts/site-charts.ts';
import { taskStatusChart } from '../charts/task-status.ts';
import type { TaskPages } from '../domain/task-pages.ts';
import { absoluteUrl as siteAbsoluteUrl, taskStatusCsvPath, tasksPath } from '../domain/urls.ts';

/** The site's origin from `site` in astro.config.mjs. */
export function siteOrigin(): string {
  return import.meta.env.SITE ?? 'https://gongkai.example.org';
}

/** Absolute URL of a site path on this site's origin (src/domain/urls.ts, bound to `site`). */
export function absoluteUrl(path: string): string {
  return siteAbsoluteUrl(siteOrigin(), path);
}

export { maxTrendLines, type MetricCharts } from '../charts/site-charts.ts';

interface FigureData {
  points: readonly MetricPoint[];
  /** Points grouped once, so a page per metric or region does not scan every point (100,000 documents). */
  byMetric: ReadonlyMap<string, MetricPoint[]>;
  byRegion: ReadonlyMap<string, MetricPoint[]>;
  metrics: ReadonlyMap<string, MetricDefinition>;
  context: FigureTableContext;
}

/** The site model's figures, with what charts and tables need to name regions and cite documents on this site. */
export const figureData = perBuild((model): FigureData => ({ ...model.figures, metrics: model.metrics, context: figureTableContext(model, absoluteUrl) }));

const noClasses: ReadonlyMap<DibaoClass, ClassDefinition> = new Map();
const classCache = new Map<string, ReadonlyMap<DibaoClass, ClassDefinition>>();

/**
 * The A/B/C definitions a document's body states. Only a document with a classed figure is read (bodies stay on
 * disk otherwise, src/lib/documents.ts), and only its definitions are kept, once per build.
 */
function documentClassDefinitions(doc: DocumentItem): ReadonlyMap<DibaoClass, ClassDefinition> {
  if (!doc.data.metrics.some((m) => m.category)) return noClasses;
  let found = classCache.get(doc.id);
  if (!found) {
    found = classDefinitions(documentBody(contentRoot(), doc.id));
    classCache.set(doc.id, found);
  }
  return found;
}

/**
 * Every figure of a document answered (src/domain/figure-answer.ts), in the document's order: once per build, as
 * its page, its region's page and the metric pages listing its figures show the same answers. Callers read them
 * and never change them.
 */
export function documentAnswers(doc: DocumentItem): Promise<readonly FigureAnswer[]> {
  return answersOf(doc);
}

const answersOf = perBuildKeyed((model, doc: DocumentItem): readonly FigureAnswer[] => {
  const context = { absolute: absoluteUrl, classDefinitions: documentClassDefinitions(doc) };
  return doc.data.metrics.map((figure) => {
    const metric = model.metrics.get(figure.metric);
    if (!metric) throw new Error(`${doc.id}: metric "${figure.metric}" has no definition`);
    return figureAnswer(doc, figure, metric, context);
  });
});

/** The document's own citation, to its page on this site. */
export function documentCitationOf(doc: DocumentItem): CitationTemplate {
  return documentCitation(doc, absoluteUrl);
}

/** The answer for a chart's or a list's point: the figure of its document that the point was made from. */
export async function pointAnswer(point: MetricPoint): Promise<FigureAnswer> {
  const doc = (await siteModel()).documentById.get(point.documentId);
  if (!doc) throw new Error(`no document "${point.documentId}" for a figure of ${point.metric}`);
  const index = doc.data.metrics.findIndex(
    (f) => f.metric === point.metric && f.quote === point.quote && f.category === point.series.category && f.scope === point.series.scope && (f.target === true) === point.target && f.value === point.stated.value,
  );
  const answers = await documentAnswers(doc);
  const answer = answers[index];
  if (!answer) throw new Error(`${doc.id}: no figure of ${point.metric} quoting "${point.quote}"`);
  return answer;
}


/** Every chart of a metric's page, built once per build for the page (its CSVs are written by src/integrations/bulk-outputs.ts). */
export function metricCharts(metricId: string): Promise<MetricCharts> {
  return chartsOfMetric(metricId);
}

const chartsOfMetric = perBuildKeyed(async (model, metricId: string): Promise<MetricCharts> => metricPageCharts(model, (await figureData()).context, metricId));

/** A region's own trend charts, one per metric it states (lines per class or scope), built once per build. */
export function regionCharts(slug: string): Promise<readonly ChartModel[]> {
  return chartsOfRegion(slug);
}

const chartsOfRegion = perBuildKeyed(async (model, slug: string): Promise<readonly ChartModel[]> => regionTrendCharts(model, (await figureData()).context, slug));

export interface TaskOverview {
  rollups: StatusRollup[];
  chart: ChartModel;
  tasks: ListedTask[];
  /** The full lists, by province and page; the overview's counts link into them. */
  pages: TaskPages;
}

/** The /tasks/ overview and every province's task pages (the site model's), with the status chart built once per build. */
export const taskOverview = perBuild((model): TaskOverview => {
  const { rollups, listed, pages } = model.tasks;
  const chart = taskStatusChart(rollups, {
    id: 'status',
    csvPath: taskStatusCsvPath,
    regionName: (slug) => model.regions.fullName(slug),
    listAnchor: (r) => pages.locate.get(r.key) ?? tasksPath,
    statusAnchor: (r, status) => pages.locate.get(`${r.key}#${status}`) ?? tasksPath,
    rowIds: true,
  });
  return { rollups, chart, tasks: listed, pages };
});
