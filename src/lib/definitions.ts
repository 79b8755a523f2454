/** Metric and topic definitions for pages (the site model's). */
import type { MetricDefinition } from '../schemas/metric.ts';
import type { Topic } from '../schemas/topic.ts';
import { siteModel } from './site-model.ts';

/** The metrics in their `order`. */
export async function metricDefinitions(): Promise<ReadonlyMap<string, MetricDefinition>> {
  return (await siteModel()).metrics;
}

export async function topicDefinitions(): Promise<ReadonlyMap<string, Topic>> {
  return (await siteModel()).topics;
}
