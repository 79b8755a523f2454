/**
 * The worker thread of the search index (search-index.ts `startSearchIndexWorker`): builds the index from the
 * job it is given (worker-thread.ts posts its warnings, then its report or its error, to the build's thread).
 */
import { serveWorkerJob } from './worker-thread.ts';
import { writeSearchIndex } from './search-index.ts';

await serveWorkerJob(writeSearchIndex);
