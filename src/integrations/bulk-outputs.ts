/**
 * Writes the site's bulk outputs without Astro's page pipeline, which bought them nothing (no layout, no CSP, no
 * cache key): the chart CSVs, one per chart of a region or metric page (`/regions/<slug>/<chart>.csv`,
 * `/metrics/<id>/<chart>.csv`: 16,628 region CSVs at 10,000 documents, 1.0 ms each through the pipeline), and the
 * open-data files that come from the site model alone (src/domain/open-data-files.ts: metrics, tasks, task links,
 * documents, the publishing record). They need only the content, so a worker thread (bulk-outputs-worker.ts)
 * started when the build starts reads the content files, builds the site model the pages build
 * (src/domain/content/site-input.ts, src/domain/site-model.ts) and writes every file with the pages' own builders
 * (src/charts/site-charts.ts) into a staging folder in the cache folder, on the second core beside the pages; when
 * the pages are done the files are moved into the output. Every build writes them all (as Astro rendered them on
 * every build), so a build from Astro's cache publishes each one and a content change reaches every file it
 * touches; updating the previous site in place, each is renamed over its old name (a new file, never a write into
 * the linked one) and one the build no longer makes stays linked, so the in-place sweep removes it. Precompression
 * (precompress.ts) runs after this hook and gives them their .br/.gz as before. Small and loud: logs what it wrote
 * and how long the pages waited; rethrows with the cause.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { chartCsvFiles } from '../charts/site-charts.ts';
import { readSiteInput } from '../domain/content/site-input.ts';
import { replaceFile } from '../domain/in-place-output.ts';
import { openDataFiles } from '../domain/open-data-files.ts';
import { buildSiteModel } from '../domain/site-model.ts';
import { absoluteUrl } from '../domain/urls.ts';
import { stagingFolder, startWorkerJob } from './worker-thread.ts';

/** What the bulk outputs are made from and where they go: plain data, handed to the worker thread. */
export interface BulkOutputsJob {
  /** The folder holding content/. */
  contentRoot: string;
  /** The site's origin (`site` of astro.config.mjs), which the CSVs' `url` column is written with. */
  site: string;
  /** The folder the files are written into, laid out as the output (a staging folder). */
  outDir: string;
}

export interface BulkOutputsReport {
  /** The files written, as `/`-separated paths under `outDir`, in the order written. */
  files: string[];
  /** How many of them are chart CSVs, and how many open-data files. */
  charts: number;
  data: number;
  bytes: number;
  /** Reading the content files and building the site model. */
  modelSeconds: number;
  seconds: number;
}

/** Writes every bulk output of the content at `job.contentRoot` into `job.outDir`. Throws `Writing the chart CSVs and data files failed: …` with the cause. */
export async function writeBulkOutputs(job: BulkOutputsJob): Promise<BulkOutputsReport> {
  const started = performance.now();
  try {
    const model = buildSiteModel(readSiteInput(job.contentRoot));
    const modelSeconds = (performance.now() - started) / 1000;
    const files: string[] = [];
    let bytes = 0;
    const made = new Set<string>();
    const charts = chartCsvFiles(model, (sitePath) => absoluteUrl(job.site, sitePath));
    const write = (path: string, text: string) => {
      const file = join(job.outDir, path);
      const dir = dirname(file);
      if (!made.has(dir)) {
        mkdirSync(dir, { recursive: true });
        made.add(dir);
      }
      const data = Buffer.from(text, 'utf8');
      writeFileSync(file, data);
      files.push(path.slice(1));
      bytes += data.length;
    };
    for (const [path, text] of charts) write(path, text);
    const chartFiles = files.length;
    for (const [path, text] of openDataFiles(model, job.site)) write(path, text);
    return { files, charts: chartFiles, data: files.length - chartFiles, bytes, modelSeconds, seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    throw new Error(`Writing the chart CSVs and data files failed: ${(error as Error).message}`, { cause: error });
  }
}

/** Runs `writeBulkOutputs(job)` in a worker thread (worker-thread.ts). Resolves with the report, rejects with the worker's error. */
export function startBulkOutputsWorker(job: BulkOutputsJob, warn: (message: string) => void): Promise<BulkOutputsReport> {
  return startWorkerJob(new URL('./bulk-outputs-worker.ts', import.meta.url), job, warn, 'Writing the chart CSVs and data files failed');
}

/**
 * Moves the staged files into the output `root`, each renamed over its name (a new file where the old one was
 * linked). The folders are the pages' (a region's, a metric's, data/), so one is made only when a rename finds
 * none: 16,628 renames at 10,000 documents sit on the critical path, after the pages.
 */
function moveFiles(staged: string, root: string, files: readonly string[]): void {
  for (const path of files) {
    const from = join(staged, path);
    const to = join(root, path);
    try {
      try {
        renameSync(from, to);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        mkdirSync(dirname(to), { recursive: true });
        renameSync(from, to);
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw new Error(`gongkai-bulk-outputs: moving ${path} into ${root} failed: ${(error as Error).message}`, { cause: error });
      mkdirSync(dirname(to), { recursive: true });
      replaceFile(to, readFileSync(from));
    }
  }
}

export function bulkOutputs(): AstroIntegration {
  let projectRoot = process.cwd();
  let cacheDir = join(projectRoot, 'node_modules/.astro');
  let site = '';
  let running: { staging: string; report: Promise<BulkOutputsReport> } | undefined;
  return {
    name: 'gongkai-bulk-outputs',
    hooks: {
      'astro:config:done': ({ config }) => {
        projectRoot = fileURLToPath(config.root);
        cacheDir = fileURLToPath(config.cacheDir);
        if (!config.site) throw new Error('gongkai-bulk-outputs: astro.config.mjs sets no `site`, which the CSVs’ and data files’ links are written with (src/domain/site-address.ts gives it)');
        site = config.site;
      },
      'astro:build:start': ({ logger }) => {
        const staging = stagingFolder(cacheDir, 'bulk');
        const job: BulkOutputsJob = { contentRoot: process.env.GONGKAI_CONTENT_ROOT ?? projectRoot, site, outDir: staging };
        const report = startBulkOutputsWorker(job, (message) => logger.warn(message));
        // Handled in build:done; without this a build failing earlier would also report an unhandled rejection.
        report.catch(() => {});
        running = { staging, report };
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!running) throw new Error('gongkai-bulk-outputs: astro:build:done came without astro:build:start, so no chart CSVs or data files were written');
        const { staging, report: pending } = running;
        running = undefined;
        const pagesDone = performance.now();
        try {
          const report = await pending;
          const waited = (performance.now() - pagesDone) / 1000;
          const moving = performance.now();
          moveFiles(staging, fileURLToPath(dir), report.files);
          logger.info(
            `[bulk] ${report.files.length} files (${report.charts} chart CSVs, ${report.data} data files; ${Math.round(report.bytes / 1024)} KB) written in ${report.seconds.toFixed(1)} s beside the pages (site model ${report.modelSeconds.toFixed(1)} s), ` +
              `moved into the output in ${((performance.now() - moving) / 1000).toFixed(1)} s; ${waited >= 0.05 ? `the pages waited ${waited.toFixed(1)} s for them` : 'ready before the pages'}`,
          );
        } finally {
          rmSync(staging, { recursive: true, force: true });
        }
      },
    },
  };
}
