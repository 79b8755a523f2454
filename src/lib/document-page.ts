/** Astro glue for a document page: gathers what src/domain/document-page.ts needs from this build's indexes. */
import { renderDocument, tasksReportedIn, type DocumentItem } from './documents.ts';
import { metricDefinitions, topicDefinitions } from './definitions.ts';
import { lineage, regionTable } from './regions.ts';
import { documentAnswers, documentCitationOf } from './figures.ts';
import { documentPageView, type DocumentPageView } from '../domain/document-page.ts';
import type { FigureAnswer } from '../domain/figure-answer.ts';
import type { CitationTemplate } from '../domain/citation.ts';
import type { DocumentReuseView } from '../domain/reuse/reuse-views.ts';
import { documentReuse } from './reuse.ts';
import { siteModel } from './site-model.ts';
import { taskHistoryView, type TaskHistoryView } from '../domain/task-history.ts';
import { targetHistoryAnchor, taskHistoryAnchor } from '../domain/urls.ts';
import { targetHistoryView, type TargetHistoryView } from '../domain/target-history.ts';

export interface DocumentPage {
  view: DocumentPageView;
  /** The rendered body, quotes marked. */
  html: string;
  /** Each figure answered, without the 编者注: the page shows it once above them. */
  figures: { answer: Omit<FigureAnswer, 'caveat'>; title: string }[];
  citation: CitationTemplate;
  /** The passages that also stand in other documents; `undefined` when none do. */
  reuse: DocumentReuseView | undefined;
  /** The histories of this document's tasks that other years' plans or lists continue or were continued from, one per chain. */
  histories: { taskId: string; view: TaskHistoryView }[];
  /** Task id → the anchor of the history its row links to (历年情况). */
  historyAnchors: ReadonlyMap<string, string>;
  /** The histories across years of the targets this document states or reports on, one per metric series. */
  targetHistories: { id: string; title: string; view: TargetHistoryView }[];
}

export async function documentPage(doc: DocumentItem): Promise<DocumentPage> {
  const [reported, shared] = await Promise.all([tasksReportedIn(doc.id), documentReuse(doc.id)]);
  const { html, headings } = renderDocument(doc, reported, shared?.reuse.marks);
  const [{ bySlug, fullName }, metrics, topics, answers] = await Promise.all([regionTable(), metricDefinitions(), topicDefinitions(), documentAnswers(doc)]);
  const figures = answers.map(({ caveat: _shownAbove, ...answer }) => ({ answer, title: [metrics.get(answer.metric)?.name ?? answer.metricName, ...answer.qualifiers].join(' ') }));
  const view = documentPageView({
    id: doc.id,
    data: doc.data,
    regionChain: lineage(bySlug, doc.data.region),
    regionName: fullName(doc.data.region),
    topicNames: topics,
    headings,
    reported,
    figureCount: figures.length,
  });
  const model = await siteModel();
  const history = model.tasks.history;
  const histories: DocumentPage['histories'] = [];
  const historyAnchors = new Map<string, string>();
  for (const task of doc.data.tasks) {
    const under = history.shownUnder(doc.id, task.id);
    if (under === undefined) continue;
    historyAnchors.set(task.id, taskHistoryAnchor(under));
    if (under === task.id) histories.push({ taskId: task.id, view: taskHistoryView(history.of(doc.id, task.id)!, { documentId: doc.id, taskId: task.id }) });
  }
  const targetHistories = model.figures.targets.ofDocument(doc.id).map((chain) => ({
    id: targetHistoryAnchor(chain.metric, chain.seriesKey),
    title: [metrics.get(chain.metric)?.name ?? chain.metric, ...chain.qualifiers].join(' '),
    view: targetHistoryView(chain, doc.id),
  }));
  return { view, html, figures, citation: documentCitationOf(doc), reuse: shared?.view, histories, historyAnchors, targetHistories };
}
