/** Astro glue for a metric page: its charts, its definition's topic link and the answers to its latest figures. */
import { metricDefinitions, topicDefinitions } from './definitions.ts';
import { metricCharts, pointAnswer, type MetricCharts } from './figures.ts';
import { documentFacets, type FacetLink } from './listing.ts';
import { metricPageView, type MetricPageView } from '../domain/metric-page.ts';
import type { MetricPoint } from '../domain/metric-series.ts';
import type { FigureAnswer } from '../domain/figure-answer.ts';
import type { MetricDefinition } from '../schemas/metric.ts';
import { targetHistoryView, type TargetHistoryView } from '../domain/target-history.ts';
import { siteModel } from './site-model.ts';
import { shownPerList } from './task-history.ts';

export interface MetricPage {
  metric: MetricDefinition;
  view: MetricPageView;
  charts: MetricCharts;
  topicName?: string;
  /** The topic's document list, which exists only once some document has the topic. */
  topicLink?: FacetLink;
  answers: { point: MetricPoint; answer: FigureAnswer }[];
  /** The newest `shownPerList` of the metric's targets followed across a bureau's plans; target-links.csv has all. */
  targetHistories: { key: string; title: string; view: TargetHistoryView }[];
  targetHistoryTotal: number;
}

export async function metricPage(id: string): Promise<MetricPage> {
  const metric = (await metricDefinitions()).get(id);
  if (!metric) throw new Error(`no metric "${id}": the metric pages are made from content/metrics/*.yaml`);
  const [topics, { links }, charts] = await Promise.all([topicDefinitions(), documentFacets(), metricCharts(id)]);
  const view = metricPageView(metric, charts.points);
  const topicLink = links.topic.find((link) => link.value === metric.topic);
  const topicName = topics.get(metric.topic)?.name;
  const model = await siteModel();
  const chains = model.figures.targets.ofMetric(id);
  return {
    metric,
    view,
    charts,
    ...(topicName !== undefined ? { topicName } : {}),
    ...(topicLink ? { topicLink } : {}),
    answers: await Promise.all(view.answered.map(async (point) => ({ point, answer: await pointAnswer(point) }))),
    targetHistories: chains.slice(0, shownPerList).map((chain) => ({ key: chain.key, title: [model.regions.fullName(chain.region), ...chain.qualifiers].join(' '), view: targetHistoryView(chain) })),
    targetHistoryTotal: chains.length,
  };
}
