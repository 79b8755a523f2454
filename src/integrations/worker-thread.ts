/**
 * A build job run in a worker thread beside page generation, on the second core, with a heap of its own (so its
 * garbage collection never marks Astro's): the search index (search-index.ts) and the bulk outputs
 * (bulk-outputs.ts). The build's side starts the thread and gets a promise of the job's report; the thread's
 * side (`serveWorkerJob`) runs the job and posts its warnings, then its report or its error.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, Worker, workerData } from 'node:worker_threads';

/** A message from a worker thread to the build's thread. */
export type WorkerMessage<R> = { type: 'warn'; message: string } | { type: 'done'; report: R } | { type: 'error'; message: string; stack: string | undefined };

/**
 * Runs the worker module at `url` on `job` (plain data); `warn` gets its warnings as they come. The thread does
 * not keep the process alive: a build that fails before its pages are done exits without waiting for it.
 * Resolves with the report, rejects with the worker's error (its message and stack kept); `failure` starts the
 * message of a thread that stopped without one (`Building the search index failed`).
 */
export function startWorkerJob<J, R>(url: URL, job: J, warn: (message: string) => void, failure: string): Promise<R> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(url, { workerData: job });
    let settled = false;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      action();
    };
    worker.on('message', (message: WorkerMessage<R>) => {
      if (message.type === 'warn') warn(message.message);
      else if (message.type === 'done') settle(() => resolve(message.report));
      else {
        const error = new Error(message.message);
        if (message.stack) error.stack = message.stack;
        settle(() => reject(error));
      }
    });
    worker.on('error', (error: Error) => settle(() => reject(new Error(`${failure}: the worker thread stopped: ${error.message}`, { cause: error }))));
    worker.on('exit', (code) => settle(() => reject(new Error(`${failure}: the worker thread exited with code ${code} before it finished`))));
    worker.unref();
  });
}

/** The thread's side: runs `run` on the job the thread was started with and posts what it says. */
export async function serveWorkerJob<J, R>(run: (job: J, warn: (message: string) => void) => Promise<R>): Promise<void> {
  const post = (message: WorkerMessage<R>) => parentPort?.postMessage(message);
  try {
    post({ type: 'done', report: await run(workerData as J, (message) => post({ type: 'warn', message })) });
  } catch (error) {
    post({ type: 'error', message: (error as Error).message, stack: (error as Error).stack });
  }
}

/**
 * A folder in Astro's cache folder `cacheDir` for a worker's files until build:done moves them into the output: not
 * the output itself, which Vite empties while it bundles, after astro:build:start; the cache folder lies beside the
 * output in every build we run, so the move is a rename. Removed when the process exits, so a build that fails
 * before its pages are done (and never reaches build:done) leaves nothing behind.
 */
export function stagingFolder(cacheDir: string, name: string): string {
  mkdirSync(cacheDir, { recursive: true });
  const staging = mkdtempSync(join(cacheDir, `gongkai-${name}-staging-`));
  process.once('exit', () => rmSync(staging, { recursive: true, force: true }));
  return staging;
}
