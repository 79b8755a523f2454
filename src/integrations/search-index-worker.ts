/**
 * The worker thread of the search index (search-index.ts `startSearchIndexWorker`): builds the index from the
 * job it is given and posts its warnings, then its report or its error, to the build's thread. A thread of
 * its own, so the index runs on the second core and its garbage collection never marks Astro's heap.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { writeSearchIndex, type SearchIndexJob, type WorkerMessage } from './search-index.ts';

const post = (message: WorkerMessage) => parentPort?.postMessage(message);

try {
  const report = await writeSearchIndex(workerData as SearchIndexJob, (message) => post({ type: 'warn', message }));
  post({ type: 'done', report });
} catch (error) {
  post({ type: 'error', message: (error as Error).message, stack: (error as Error).stack });
}
