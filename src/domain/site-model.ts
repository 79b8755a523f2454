/**
 * The per-build site model: every index that pages, feeds, CSVs and the pages' cache keys read — documents newest
 * first, regions with the ancestor walk, the documents within each region, the evidence index, facets, figures
 * and tasks — built once from the validated content. src/lib/site-model.ts builds it once per build from Astro's
 * collections; src/domain/cache-keys.ts keys pages from the same indexes, so a page is fresh exactly when its key
 * says so. Pure.
 */
import { documentKindNames, type DocumentFrontmatter } from '../schemas/document.ts';
import type { MetricDefinition } from '../schemas/metric.ts';
import type { Region } from '../schemas/region.ts';
import type { Task } from '../schemas/task.ts';
import type { Topic } from '../schemas/topic.ts';
import { buildDisclosure, type DisclosureIndex } from './disclosure.ts';
import { buildFacets, facetNames, type FacetName } from './facets.ts';
import { groupBy } from './grouping.ts';
import { metricPoints, type MetricPoint } from './metric-series.ts';
import { documentDate } from './periods.ts';
import { ancestorsAndSelf, documentsWithinRegions, regionFullName, regionLineage } from './region-tree.ts';
import { listedTasks, statusByRegionAndYear, type ListedTask, type StatusRollup } from './task-status.ts';
import { taskListPages, type TaskPages } from './task-pages.ts';
import { buildTaskHistories, type TaskHistoryIndex } from './task-history.ts';
import { buildTargetHistories, type TargetHistoryIndex } from './target-history.ts';
import { facetPath } from './urls.ts';

/** A document as the model needs it: its id (path under content/documents, also its URL) and front matter. */
export interface ModelDocument {
  id: string;
  data: DocumentFrontmatter;
}

/** A task of a plan or task list whose evidence quotes a later summary. */
export interface ReportedTask<D extends ModelDocument = ModelDocument> {
  /** The plan or task list the task belongs to. */
  list: D;
  task: Task & { evidence: NonNullable<Task['evidence']> };
}

/** A facet value's link beside the document lists, with its count. */
export interface FacetLink {
  facet: FacetName;
  value: string;
  label: string;
  count: number;
  href: string;
}

export interface SiteModelInput<D extends ModelDocument> {
  documents: Iterable<D>;
  /** Every region (src/domain/regions.ts); pages are made only where documents are. */
  regions: Iterable<Region>;
  metrics: Iterable<readonly [string, MetricDefinition]>;
  topics: Iterable<readonly [string, Topic]>;
}

export interface RegionModel {
  bySlug: ReadonlyMap<string, Region>;
  /** Regions with documents in them or under them, in code order: the ones with pages. */
  published: readonly Region[];
  /** The region itself first, its province last (memoised per region). */
  ancestorsAndSelf(slug: string): readonly Region[];
  /** The region and its ancestors, province first. */
  lineage(slug: string): Region[];
  /** e.g. `上海市 崇明区`. */
  fullName(slug: string): string;
  /** The published regions directly under `slug`, in code order. */
  publishedChildren(slug: string): readonly Region[];
}

export interface SiteModel<D extends ModelDocument = ModelDocument> {
  /** Every document, newest first by the one date rule (ties by id, so the order is stable between builds). */
  documents: readonly D[];
  documentById: ReadonlyMap<string, D>;
  regions: RegionModel;
  /** The documents of each region and of every region under it, newest first. */
  documentsWithin: ReadonlyMap<string, readonly D[]>;
  /** The evidence index: the tasks, of any document, whose evidence quotes the summary `summaryId`. */
  reportedIn(summaryId: string): readonly ReportedTask<D>[];
  /** The documents whose tasks quote `summaryId` as evidence, each once (its page shows their tasks). */
  citingDocuments(summaryId: string): readonly D[];
  /** Metric definitions in their `order`. */
  metrics: ReadonlyMap<string, MetricDefinition>;
  topics: ReadonlyMap<string, Topic>;
  facets: {
    /** For each facet, each value with its documents, newest first. */
    byValue: Record<FacetName, Map<string, D[]>>;
    /** The links beside every list, with counts; topics by count. */
    links: Record<FacetName, FacetLink[]>;
  };
  /** The publishing record (公开记录) of every bureau, and the province → city → county tree /disclosure/ shows. */
  disclosure: DisclosureIndex;
  figures: {
    /** Every stated figure as a point, oldest document first (ties and "first seen" orders follow publication). */
    points: readonly MetricPoint[];
    byMetric: ReadonlyMap<string, MetricPoint[]>;
    byRegion: ReadonlyMap<string, MetricPoint[]>;
    /** Each bureau's targets followed across its plans, and the summaries' figures for them (derived, not stored). */
    targets: TargetHistoryIndex;
  };
  tasks: {
    /** The documents that list tasks, newest first. */
    documents: readonly D[];
    rollups: StatusRollup[];
    listed: ListedTask[];
    /** The full lists, by province and page. */
    pages: TaskPages;
    /** Tasks followed across a bureau's years through the confirmed `continues` links: histories, repeated, dropped. */
    history: TaskHistoryIndex;
  };
}

/** The sort key of the lists, feeds and sitemap: the one document date rule (src/domain/periods.ts). */
export function documentSortKey(data: Pick<DocumentFrontmatter, 'period' | 'published' | 'written'>): string {
  return documentDate(data);
}

/** Newest first, ties by id. */
export function newestFirst<D extends ModelDocument>(docs: Iterable<D>): D[] {
  return [...docs].sort((a, b) => documentSortKey(b.data).localeCompare(documentSortKey(a.data)) || a.id.localeCompare(b.id));
}

export function buildSiteModel<D extends ModelDocument>(input: SiteModelInput<D>): SiteModel<D> {
  const documents = newestFirst(input.documents);
  const documentById = new Map(documents.map((doc) => [doc.id, doc]));
  const regions = regionModel([...input.regions], documents);
  const metrics = new Map([...input.metrics].sort(([, a], [, b]) => a.order - b.order));
  const topics = new Map(input.topics);

  const reported = new Map<string, ReportedTask<D>[]>();
  for (const list of documents) {
    for (const task of list.data.tasks) {
      if (!task.evidence) continue;
      const tasks = reported.get(task.evidence.document);
      const entry = { list, task: task as ReportedTask<D>['task'] };
      if (tasks) tasks.push(entry);
      else reported.set(task.evidence.document, [entry]);
    }
  }
  const citing = new Map([...reported].map(([id, tasks]) => [id, [...new Set(tasks.map(({ list }) => list))]]));

  const points = metricPoints([...documents].reverse(), metrics, regions.bySlug);
  const taskDocuments = documents.filter((doc) => doc.data.tasks.length > 0);
  const listed = listedTasks(taskDocuments);

  return {
    documents,
    documentById,
    regions,
    documentsWithin: documentsWithinRegions(documents, regions.bySlug),
    reportedIn: (summaryId) => reported.get(summaryId) ?? [],
    citingDocuments: (summaryId) => citing.get(summaryId) ?? [],
    metrics,
    topics,
    facets: facetIndex(documents, topics),
    disclosure: buildDisclosure(documents, regions),
    figures: { points, byMetric: groupBy(points, (p) => p.metric), byRegion: groupBy(points, (p) => p.region.slug), targets: buildTargetHistories(points, documents) },
    tasks: { documents: taskDocuments, rollups: statusByRegionAndYear(taskDocuments), listed, pages: taskListPages(listed), history: buildTaskHistories(documents) },
  };
}

function regionModel(all: readonly Region[], documents: readonly ModelDocument[]): RegionModel {
  const bySlug = new Map(all.map((region) => [region.slug, region]));
  const chains = new Map<string, Region[]>();
  const chainOf = (slug: string): Region[] => {
    let chain = chains.get(slug);
    if (!chain) chains.set(slug, (chain = ancestorsAndSelf(bySlug, slug)));
    return chain;
  };
  // Every link to another document names its region (the 相同段落亦见于 list: dozens a page), so each name is
  // joined once, not once per link.
  const fullNames = new Map<string, string>();
  const wanted = new Set<string>();
  for (const doc of documents) for (const region of chainOf(doc.data.region)) wanted.add(region.slug);
  const published = all.filter((region) => wanted.has(region.slug)).sort((a, b) => a.code.localeCompare(b.code));
  const children = groupBy(
    published.filter((region) => region.parent !== undefined),
    (region) => region.parent as string,
  );
  return {
    bySlug,
    published,
    ancestorsAndSelf: chainOf,
    lineage: (slug) => regionLineage(bySlug, slug),
    fullName: (slug) => {
      let name = fullNames.get(slug);
      if (name === undefined) fullNames.set(slug, (name = regionFullName(bySlug, slug)));
      return name;
    },
    publishedChildren: (slug) => children.get(slug) ?? [],
  };
}

function facetIndex<D extends ModelDocument>(documents: readonly D[], topics: ReadonlyMap<string, Topic>): SiteModel<D>['facets'] {
  const byValue = buildFacets(documents);
  const label = (facet: FacetName, value: string) =>
    facet === 'year' ? `${value}年` : facet === 'kind' ? documentKindNames[value as keyof typeof documentKindNames] : (topics.get(value)?.name ?? value);
  const links = {} as Record<FacetName, FacetLink[]>;
  for (const facet of facetNames) {
    links[facet] = [...byValue[facet]].map(([value, list]) => ({ facet, value, label: label(facet, value), count: list.length, href: facetPath(facet, value) }));
  }
  links.topic.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return { byValue, links };
}
