/**
 * Astro glue for the /tasks/ views of tasks followed across years: the site model's histories (src/domain/
 * task-history.ts) as the page shows them, built once per build. The page shows the newest `shownPerList` of each
 * list, so it does not grow with the corpus; task-links.csv has every link.
 */
import { taskHistoryView, type DroppedTask, type TaskHistoryView } from '../domain/task-history.ts';
import { taskHistoryUrl } from '../domain/urls.ts';
import { perBuild } from './site-model.ts';

/** Entries of each list on /tasks/: enough for a bureau's years, small enough for a phone at 100,000 documents. */
export const shownPerList = 50;

export interface TaskHistoryOverview {
  repeated: { key: string; region: string; view: TaskHistoryView }[];
  repeatedTotal: number;
  dropped: DroppedTask[];
  droppedTotal: number;
}

export const taskHistoryOverview = perBuild((model): TaskHistoryOverview => {
  const { repeated, dropped } = model.tasks.history;
  return {
    repeated: repeated.slice(0, shownPerList).map((history) => ({ key: history.key, region: history.region, view: taskHistoryView(history) })),
    repeatedTotal: repeated.length,
    dropped: dropped.slice(0, shownPerList),
    droppedTotal: dropped.length,
  };
});

/** The confirmed links between tasks and the earlier tasks they continue, for task-links.csv and /data/. */
export const taskLinks = perBuild((model) => model.tasks.history.links);

/** Where a task's history is shown on its list's page (`…/#task-history-<id>`), or undefined when it has none. */
export const taskHistoryLink = perBuild((model) => (documentId: string, taskId: string): string | undefined => {
  const under = model.tasks.history.shownUnder(documentId, taskId);
  return under === undefined ? undefined : taskHistoryUrl(documentId, under);
});
