/** Metric and topic definitions for pages. */
import { getCollection } from 'astro:content';
import type { MetricDefinition } from '../schemas/metric.ts';
import type { Topic } from '../schemas/topic.ts';

let metrics: Map<string, MetricDefinition> | undefined;
let topics: Map<string, Topic> | undefined;

export async function metricDefinitions(): Promise<Map<string, MetricDefinition>> {
  metrics ??= new Map((await getCollection('metrics')).map((m) => [m.id, m.data] as const).sort(([, a], [, b]) => a.order - b.order));
  return metrics;
}

export async function topicDefinitions(): Promise<Map<string, Topic>> {
  topics ??= new Map((await getCollection('topics')).map((t) => [t.id, t.data] as const));
  return topics;
}
