/** The worker thread of the bulk outputs (bulk-outputs.ts): writes them from the job it is given. */
import { serveWorkerJob } from './worker-thread.ts';
import { writeBulkOutputs } from './bulk-outputs.ts';

await serveWorkerJob(writeBulkOutputs);
