/**
 * Writes the site's bulk outputs without Astro's page pipeline, which bought them nothing (no layout, no CSP, no
 * cache key): the chart CSVs, one per chart of a region or metric page (`/regions/<slug>/<chart>.csv`,
 * `/metrics/<id>/<chart>.csv`: 16,628 region CSVs at 10,000 documents, 1.0 ms each through the pipeline), and the
 * open-data files that come from the site model alone (src/domain/open-data-files.ts: metrics, tasks, task links,
 * documents, the publishing record). When the pages are done it takes the site model they built, which they hand
 * over in this process (src/domain/site-model-handoff.ts: building it again from the content files cost 8.2 s at
 * 30,000 documents), and writes every file with the pages' own builders (src/charts/site-charts.ts) straight into
 * the output. When no page offered one (the tests' calls of `writeBulkOutputs`) it reads the content files and
 * builds the same model (src/domain/content/site-input.ts, src/domain/site-model.ts).
 *
 * After the pages, in the build's own thread, rather than in a worker thread beside them as the search index is:
 * measured both ways at 3,000 documents (docs/scale.md, "Bulk outputs without the page pipeline"), a third busy
 * thread beside the pages and the index's worker on two cores cost more CPU and wall time than the ~2 CPU-seconds
 * of the work itself, which is what this hook adds to the critical path.
 *
 * Every build makes them all (as Astro rendered them on every build), so a build from Astro's cache publishes each
 * one and a content change reaches every file it touches. Updating the previous site in place, a file whose bytes
 * equal the previous site's (still linked) is left as that file — at 10,000 documents the bench's one changed
 * document left all 17,360 as they were — so precompression (precompress.ts, after this hook) keeps its .br/.gz without reading
 * them; a changed or new one is written as a new file (`replaceFile`, never into the linked old one). Every path
 * made, written or not, is noted as published (in-place-output.ts `notePublished`), and one the build no longer
 * makes stays linked, so the in-place sweep after this hook removes it. The comparison is with the bytes in the
 * output, not with a key, so nothing cached can make a file stale. Small and loud: logs what it wrote and how long
 * it took; rethrows with the cause.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { chartCsvFiles } from '../charts/site-charts.ts';
import { readSiteInput } from '../domain/content/site-input.ts';
import { keptFromPrevious, replaceFile } from '../domain/in-place-output.ts';
import { openDataFiles } from '../domain/open-data-files.ts';
import { buildSiteModel, type ModelDocument, type SiteModel } from '../domain/site-model.ts';
import { clearOfferedSiteModel, offeredSiteModel } from '../domain/site-model-handoff.ts';
import { absoluteUrl } from '../domain/urls.ts';
import { inPlaceBuild, notePublished } from './in-place-output.ts';

/** What the bulk outputs are made from and where they go. */
export interface BulkOutputsJob {
  /** The folder holding content/. */
  contentRoot: string;
  /** The site's origin (`site` of astro.config.mjs), which the CSVs' and data files' links are written with. */
  site: string;
  /** The folder the files are written into, laid out as the output. */
  outDir: string;
  /**
   * Updating the previous site in place: a file whose bytes equal the linked previous one is not written, and a
   * changed one is written as a new file, never into the linked one.
   */
  inPlace?: boolean;
  /**
   * The site model the pages built from the same content (src/domain/site-model-handoff.ts); when absent, the
   * content files are read and the model is built here.
   */
  model?: SiteModel<ModelDocument>;
}

export interface BulkOutputsReport {
  /** The files made (written, or in place left as the previous site's same bytes), as `/`-separated paths under `outDir`, in order. */
  files: string[];
  /** In place: how many of `files` held the same bytes in the previous site and were left as they were. */
  unchanged: number;
  /** How many of them are chart CSVs, and how many open-data files. */
  charts: number;
  data: number;
  bytes: number;
  /** Reading the content files and building the site model (about 0 when the pages' model was given). */
  modelSeconds: number;
  /** Whether the pages' model was used (`job.model`). */
  pagesModel: boolean;
  seconds: number;
}

/** Writes every bulk output of the content at `job.contentRoot` into `job.outDir`. Throws `Writing the chart CSVs and data files failed: …` with the cause. */
export function writeBulkOutputs(job: BulkOutputsJob): BulkOutputsReport {
  const started = performance.now();
  try {
    const model = job.model ?? buildSiteModel(readSiteInput(job.contentRoot));
    const modelSeconds = (performance.now() - started) / 1000;
    const writeFile = job.inPlace ? replaceFile : writeFileSync;
    const files: string[] = [];
    let bytes = 0;
    let unchanged = 0;
    const write = (path: string, text: string) => {
      const file = join(job.outDir, path);
      const data = Buffer.from(text, 'utf8');
      files.push(path.slice(1));
      bytes += data.length;
      if (job.inPlace && sameAsPrevious(file, data)) {
        unchanged++;
        return;
      }
      // The folders are the pages' (a region's, a metric's, data/): one is made only when a write finds none.
      try {
        writeFile(file, data);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`${file}: ${(error as Error).message}`, { cause: error });
        mkdirSync(dirname(file), { recursive: true });
        writeFile(file, data);
      }
    };
    for (const [path, text] of chartCsvFiles(model, (sitePath) => absoluteUrl(job.site, sitePath))) write(path, text);
    const charts = files.length;
    for (const [path, text] of openDataFiles(model, job.site)) write(path, text);
    return { files, unchanged, charts, data: files.length - charts, bytes, modelSeconds, pagesModel: job.model !== undefined, seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    throw new Error(`Writing the chart CSVs and data files failed: ${(error as Error).message}`, { cause: error });
  }
}

/** Whether `file` is the previous site's (still linked: nothing in this build wrote it) and holds `data`. */
function sameAsPrevious(file: string, data: Buffer): boolean {
  if (!keptFromPrevious(file)) return false;
  const previous = readFileSync(file);
  return previous.length === data.length && previous.equals(data);
}

/** The integration's log line (the bench reads it: tools/bench/build-log.ts). */
export function bulkLogLine(report: BulkOutputsReport): string {
  return `[bulk] ${report.files.length} files (${report.charts} chart CSVs, ${report.data} data files; ${Math.round(report.bytes / 1024)} KB) written in ${report.seconds.toFixed(1)} s after the pages (${report.pagesModel ? 'from the pages’ site model' : `site model ${report.modelSeconds.toFixed(1)} s`})${report.unchanged > 0 ? `; in place, ${report.unchanged} held the same bytes and were left as they were` : ''}`;
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
      // A model offered by an earlier build in this process (a dev server, tests) is not this build's.
      'astro:build:start': () => clearOfferedSiteModel(),
      'astro:build:done': ({ dir, logger }) => {
        const inPlace = inPlaceBuild();
        const contentRoot = process.env.GONGKAI_CONTENT_ROOT ?? projectRoot;
        // The pages built the model from the same content files in this process; none is offered when no page
        // asked for it, and then it is built here from the files.
        const model = offeredSiteModel(contentRoot);
        clearOfferedSiteModel();
        const report = writeBulkOutputs({ contentRoot, site, outDir: fileURLToPath(dir), inPlace, ...(model ? { model } : {}) });
        // The files left unwritten are still linked: the sweep must know this build publishes them.
        if (inPlace) notePublished(report.files);
        logger.info(bulkLogLine(report));
      },
    },
  };
}
