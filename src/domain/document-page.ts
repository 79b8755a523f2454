/**
 * What a document page (`/documents/<id>/`) shows besides the body: its breadcrumb, the metadata links, the
 * description and government-site meta tags, the table of contents and the tasks of other lists this document
 * reports on. Pure: src/lib/document-page.ts gathers the inputs per build, src/pages/documents/[...id].astro renders.
 */
import type { DocumentFrontmatter, DocumentKind } from '../schemas/document.ts';
import { documentKindNames } from '../schemas/document.ts';
import { taskStatusDefinitions, type Task } from '../schemas/task.ts';
import { documentPeriodLabel } from './periods.ts';
import type { Heading } from './markdown/render-document.ts';
import { documentsPath, facetPath, quoteFragment, regionPath, taskRowUrl, taskStatusUrl } from './urls.ts';

export interface Link {
  href: string;
  label: string;
}

/** A crumb without `href` is the current page. */
export interface Crumb {
  href?: string;
  label: string;
}

/** A task of another document whose evidence quotes this one (a plan's task reported on in this summary). */
export interface ReportedTaskInput {
  list: { id: string; data: { title: string } };
  task: Task & { evidence: NonNullable<Task['evidence']> };
}

export interface ReportedTaskRow {
  title: string;
  /** The task's row on its list's page. */
  href: string;
  listTitle: string;
  status: Link;
  /** The quoted words in this page's body (`#q-…`). */
  evidence: Link;
}

export interface DocumentPageInput {
  id: string;
  data: Pick<DocumentFrontmatter, 'title' | 'kind' | 'period' | 'publisher' | 'published' | 'region' | 'topics' | 'tasks'>;
  /** The region and its ancestors, province first. */
  regionChain: readonly { slug: string; name: string }[];
  /** The region's display name, e.g. `上海市 崇明区`. */
  regionName: string;
  topicNames: ReadonlyMap<string, { name: string }>;
  headings: readonly Heading[];
  reported: readonly ReportedTaskInput[];
  figureCount: number;
}

export interface DocumentPageView {
  breadcrumb: Crumb[];
  region: Link;
  /** 时期, or 执行年度 for a notice, linking to the year's list. */
  period: Link & { term: string };
  kind: Link;
  topics: Link[];
  description: string;
  govMeta: Record<string, string>;
  /** Headings down to level 3; the page shows a contents list when there are more than two. */
  toc: Heading[];
  reported: ReportedTaskRow[];
}

export function kindName(kind: DocumentKind): string {
  return documentKindNames[kind];
}

export function documentPageView(input: DocumentPageInput): DocumentPageView {
  const { data, regionName } = input;
  const periodLabel = documentPeriodLabel(data);
  const kindLabel = kindName(data.kind);
  // A municipality's city level has its province's name (上海市 › 上海市): the crumb is shown once.
  const regionCrumbs = input.regionChain
    .filter((r, i, all) => i === 0 || r.name !== all[i - 1]!.name)
    .map((r) => ({ href: regionPath(r.slug), label: r.name }));
  const counts = `${input.figureCount ? `含 ${input.figureCount} 项指标数据，` : ''}${data.tasks.length ? `${data.tasks.length} 项重点任务，` : ''}`;
  return {
    breadcrumb: [{ href: documentsPath, label: '文件' }, ...regionCrumbs, { label: data.title }],
    region: { href: regionPath(data.region), label: regionName },
    period: { href: facetPath('year', data.period.year), label: periodLabel, term: data.kind === 'notice' ? '执行年度' : '时期' },
    kind: { href: facetPath('kind', data.kind), label: kindLabel },
    topics: data.topics.map((t) => ({ href: facetPath('topic', t), label: input.topicNames.get(t)?.name ?? t })),
    description: `${data.publisher ?? regionName}${periodLabel}${kindLabel}：${data.title}。${counts}附原文出处与引用格式。`,
    govMeta: {
      ColumnName: kindLabel,
      ArticleTitle: data.title,
      ...(data.published ? { PubDate: data.published } : {}),
      ContentSource: data.publisher ?? regionName,
    },
    toc: input.headings.filter((h) => h.depth <= 3),
    reported: input.reported.map(({ list, task }) => ({
      title: task.title,
      href: taskRowUrl(list.id, task.id),
      listTitle: list.data.title,
      status: { href: taskStatusUrl(task.status), label: taskStatusDefinitions[task.status].label },
      evidence: { href: quoteFragment(task.evidence.quote), label: `原文：${task.evidence.quote}` },
    })),
  };
}
