/**
 * Writes the site's bulk outputs without Astro's page pipeline, which bought them nothing (no layout, no CSP, no
 * cache key): the chart CSVs, one per chart of a region or metric page (`/regions/<slug>/<chart>.csv`,
 * `/metrics/<id>/<chart>.csv`: 16,628 region CSVs at 10,000 documents, 1.0 ms each through the pipeline), and the
 * open-data files that come from the site model alone (src/domain/open-data-files.ts: metrics, tasks, task links,
 * documents, the publishing record). When the pages are done it reads the content files, builds the site model the
 * pages build (src/domain/content/site-input.ts, src/domain/site-model.ts) and writes every file with the pages' own
 * builders (src/charts/site-charts.ts) straight into the output.
 *
 * After the pages, in the build's own thread, rather than in a worker thread beside them as the search index is:
 * measured both ways at 3,000 documents (docs/scale.md, "Bulk outputs without the page pipeline"), a third busy
 * thread beside the pages and the index's worker on two cores cost more CPU and wall time than the ~2 CPU-seconds
 * of the work itself, which is what this hook adds to the critical path.
 *
 * Every build writes them all (as Astro rendered them on every build), so a build from Astro's cache publishes each
 * one and a content change reaches every file it touches. Updating the previous site in place, each is written as a
 * new file (`replaceFile`, never into the linked old one), and one the build no longer makes stays linked, so the
 * in-place sweep after this hook removes it; precompression (precompress.ts) comes after too and gives them their
 * .br/.gz as before. Small and loud: logs what it wrote and how long it took; rethrows with the cause.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { chartCsvFiles } from '../charts/site-charts.ts';
import { readSiteInput } from '../domain/content/site-input.ts';
import { replaceFile } from '../domain/in-place-output.ts';
import { openDataFiles } from '../domain/open-data-files.ts';
import { buildSiteModel } from '../domain/site-model.ts';
import { absoluteUrl } from '../domain/urls.ts';
import { inPlaceBuild } from './in-place-output.ts';

/** What the bulk outputs are made from and where they go. */
export interface BulkOutputsJob {
  /** The folder holding content/. */
  contentRoot: string;
  /** The site's origin (`site` of astro.config.mjs), which the CSVs' and data files' links are written with. */
  site: string;
  /** The folder the files are written into, laid out as the output. */
  outDir: string;
  /** Updating the previous site in place: each file is written as a new file, never into a linked one. */
  inPlace?: boolean;
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
export function writeBulkOutputs(job: BulkOutputsJob): BulkOutputsReport {
  const started = performance.now();
  try {
    const model = buildSiteModel(readSiteInput(job.contentRoot));
    const modelSeconds = (performance.now() - started) / 1000;
    const writeFile = job.inPlace ? replaceFile : writeFileSync;
    const files: string[] = [];
    let bytes = 0;
    const write = (path: string, text: string) => {
      const file = join(job.outDir, path);
      const data = Buffer.from(text, 'utf8');
      // The folders are the pages' (a region's, a metric's, data/): one is made only when a write finds none.
      try {
        writeFile(file, data);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`${file}: ${(error as Error).message}`, { cause: error });
        mkdirSync(dirname(file), { recursive: true });
        writeFile(file, data);
      }
      files.push(path.slice(1));
      bytes += data.length;
    };
    for (const [path, text] of chartCsvFiles(model, (sitePath) => absoluteUrl(job.site, sitePath))) write(path, text);
    const charts = files.length;
    for (const [path, text] of openDataFiles(model, job.site)) write(path, text);
    return { files, charts, data: files.length - charts, bytes, modelSeconds, seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    throw new Error(`Writing the chart CSVs and data files failed: ${(error as Error).message}`, { cause: error });
  }
}

/** The integration's log line (the bench reads it: tools/bench/build-log.ts). */
export function bulkLogLine(report: BulkOutputsReport): string {
  return `[bulk] ${report.files.length} files (${report.charts} chart CSVs, ${report.data} data files; ${Math.round(report.bytes / 1024)} KB) written in ${report.seconds.toFixed(1)} s after the pages (site model ${report.modelSeconds.toFixed(1)} s)`;
}

export function bulkOutputs(): AstroIntegration {
  let projectRoot = process.cwd();
  let site = '';
  return {
    name: 'gongkai-bulk-outputs',
    hooks: {
      'astro:config:done': ({ config }) => {
        projectRoot = fileURLToPath(config.root);
        if (!config.site) throw new Error('gongkai-bulk-outputs: astro.config.mjs sets no `site`, which the CSVs’ and data files’ links are written with (src/domain/site-address.ts gives it)');
        site = config.site;
      },
      'astro:build:done': ({ dir, logger }) => {
        const report = writeBulkOutputs({ contentRoot: process.env.GONGKAI_CONTENT_ROOT ?? projectRoot, site, outDir: fileURLToPath(dir), inPlace: inPlaceBuild() });
        logger.info(bulkLogLine(report));
      },
    },
  };
}
