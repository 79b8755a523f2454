/**
 * What a region page (`/regions/<slug>/`) shows around its charts and document list: breadcrumb, feed, the
 * regions under it, its own figures grouped by metric in the metrics' order, and its task lists' counts per
 * year. Pure: src/lib/region-page.ts gathers the inputs per build, src/pages/regions/[...slug].astro renders.
 */
import type { Region } from '../schemas/region.ts';
import { regionLevelNames } from '../schemas/region.ts';
import { taskStatusDefinitions, taskStatuses } from '../schemas/task.ts';
import type { MetricDefinition } from '../schemas/metric.ts';
import type { FigureAnswer } from './figure-answer.ts';
import type { StatusRollup } from './task-status.ts';
import { taskGroupAnchor } from './task-pages.ts';
import { groupBy } from './grouping.ts';
import type { Crumb, Link } from './document-page.ts';
import { metricPath, regionFeedPath, regionPath, regionsPath, searchUrl, tasksOverviewUrl } from './urls.ts';

/** How many of a region's newest documents its page lists; the search finds the rest. */
export const regionPageListSize = 50;

export interface RegionPageInput {
  region: Region;
  /** The region and its ancestors, province first. */
  chain: readonly Pick<Region, 'slug' | 'name'>[];
  /** e.g. `上海市 崇明区`. */
  fullName: string;
  children: readonly Pick<Region, 'slug' | 'name'>[];
  /** Documents of the region and of every region under it. */
  documentCount: number;
  /** The figures of the region's own documents, answered. */
  answers: readonly FigureAnswer[];
  metrics: ReadonlyMap<string, Pick<MetricDefinition, 'name' | 'short_name' | 'order'>>;
  /** The region's own task lists, counted per year. */
  taskRollups: readonly StatusRollup[];
}

export interface RegionFigureGroup {
  /** The heading's id, `figures-<metric>`. */
  id: string;
  metric: Link;
  answers: { answer: FigureAnswer; id: string; title: string }[];
}

export interface RegionPageView {
  description: string;
  feed: { title: string; href: string };
  breadcrumb: Crumb[];
  /** `县级行政区 · 行政区划代码 310151 · 收录文件 3 份`, before the feed link. */
  lead: string;
  children: Link[];
  /** `本级` when the region has regions under it, whose figures and tasks are on their own pages. */
  ownLevel: string;
  figureGroups: RegionFigureGroup[];
  taskYears: { href: string; label: string; counts: string }[];
  /** Set when the list shows only the newest documents: the search filtered by this region. */
  moreHref?: string;
}

export function regionPageView(input: RegionPageInput): RegionPageView {
  const { region, fullName, metrics } = input;
  const order = (id: string) => metrics.get(id)?.order ?? 0;
  const groups = [...groupBy(input.answers, (a) => a.metric)].sort(([a], [b]) => order(a) - order(b));
  return {
    description: `${fullName}（行政区划代码 ${region.code}）民政部门的工作计划、总结、重点任务和指标数据，共 ${input.documentCount} 份文件。`,
    feed: { title: `${fullName} · 最新文件`, href: regionFeedPath(region.slug) },
    breadcrumb: [{ href: regionsPath, label: '地区' }, ...input.chain.slice(0, -1).map((r) => ({ href: regionPath(r.slug), label: r.name })), { label: region.name }],
    lead: `${regionLevelNames[region.level]}行政区 · 行政区划代码 ${region.code} · 收录文件 ${input.documentCount} 份`,
    children: input.children.map((child) => ({ href: regionPath(child.slug), label: child.name })),
    ownLevel: input.children.length > 0 ? '本级' : '',
    figureGroups: groups.map(([metricId, answers], g) => ({
      id: `figures-${metricId}`,
      metric: { href: metricPath(metricId), label: metrics.get(metricId)?.name ?? metricId },
      answers: answers.map((answer, i) => ({
        answer,
        id: `figure-${g + 1}-${i + 1}`,
        title: [metrics.get(metricId)?.short_name ?? answer.metricName, ...answer.qualifiers].join(' ') + ` · ${answer.period}`,
      })),
    })),
    // Each year links to its counts on /tasks/, whose row anchors do not move when other regions' lists are
    // added (the list pages' page numbers do).
    taskYears: input.taskRollups.map((rollup) => ({
      href: tasksOverviewUrl(taskGroupAnchor(rollup)),
      label: `${rollup.year}年：${rollup.total} 项任务`,
      counts: taskStatuses.filter((s) => rollup.counts[s] > 0).map((s) => `${taskStatusDefinitions[s].label} ${rollup.counts[s]} 项`).join('，'),
    })),
    ...(input.documentCount > regionPageListSize ? { moreHref: searchUrl({ region: region.slug }) } : {}),
  };
}
