/**
 * One benchmark run: generate the corpus, build the full site from it, build the bare Astro baseline of the
 * same Markdown, optionally rebuild after one change, and collect the figures. Node only; progress goes
 * through `say`, the CLI (tools/bench/cli.ts) prints it.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { writeStamp } from '../../src/domain/in-place-output.ts';
import { loadRegions } from '../../src/domain/regions.ts';
import { planCorpus, type CorpusPlan } from '../corpus/generate.ts';
import { readCorpusSources, touchDocument, writeCorpus } from '../corpus/write-corpus.ts';
import { writeBaselineProject } from './baseline.ts';
import { hugoCommand, writeHugoProject } from './hugo.ts';
import type { BenchDetails, BenchRound, BuildSummary, TreeDifference } from './report.ts';
import { runAstroBuild, runMeasured, type BuildRun } from './run-build.ts';

export interface BenchOptions {
  docs: number;
  seed: number;
  /** The repository (its content/ definitions, node_modules and Astro project). */
  repo: string;
  /** Folder of the law texts. */
  lawsDir: string;
  /** Working folder: corpus/, site/, baseline/, hugo/, floor/. */
  workDir: string;
  /** Build the comparisons (the bare Astro baseline, Hugo, the markdown-it floor) beside the full site. */
  baseline: boolean;
  /** Rounds of full site + comparisons, interleaved (at least 1). */
  pairs: number;
  /** The `hugo` executable, or undefined to leave Hugo out. */
  hugo: string | undefined;
  /** Another checkout of the project whose full site is built in every round too, right after ours (before/after). */
  against?: string | undefined;
  incremental: boolean;
  /** Write a V8 CPU profile of the full build into `<workDir>/profile/`. */
  cpuProfile: boolean;
  /** Extra options for the builds' Node processes (e.g. `--max-old-space-size=12288`). */
  nodeOptions: string[];
  say: (message: string) => void;
}

const mib = 1024 * 1024;

/** Total size of the files under `dir` (0 when it does not exist). */
export function folderBytes(dir: string): number {
  if (!existsSync(dir)) return 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  return bytes;
}

/** How the files under `dir` differ from those under `reference`: paths missing, extra, or with other bytes. */
export function treeDifference(dir: string, reference: string): TreeDifference {
  const list = (root: string) =>
    new Set(
      readdirSync(root, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1)),
    );
  const ours = list(dir);
  const theirs = list(reference);
  const missing = [...theirs].filter((path) => !ours.has(path)).sort();
  const extra = [...ours].filter((path) => !theirs.has(path)).sort();
  const different = [...theirs].filter((path) => ours.has(path) && !readFileSync(join(dir, path)).equals(readFileSync(join(reference, path)))).sort();
  return { missing, extra, different };
}

/** The corpus folder is reused when it was made with the same size, seed and texts (its stamp says so). */
function corpusStamp(options: BenchOptions, laws: number): string {
  return JSON.stringify({ docs: options.docs, seed: options.seed, laws, generator: 2 });
}

/** How many of the plan's documents have a page `<id>/index.html` under `dist`. */
function countDocumentPages(dist: string, plan: CorpusPlan): number {
  let pages = 0;
  for (const doc of plan.documents) if (existsSync(join(dist, doc.id, 'index.html'))) pages++;
  return pages;
}

function summary(run: BuildRun, what: string): BuildSummary {
  return {
    seconds: run.seconds,
    cpuSeconds: run.cpuSeconds,
    peakRssBytes: run.peakRssBytes,
    log: run.log,
    ok: run.ok,
    ...(run.ok ? {} : { error: `${what} exited with ${run.exitCode}; last lines:\n${run.tail.slice(-15).join('\n')}` }),
  };
}

export async function runBenchmark(options: BenchOptions): Promise<BenchDetails> {
  const { say, repo, workDir } = options;
  mkdirSync(workDir, { recursive: true });
  const corpusRoot = join(workDir, 'corpus');

  // 1. The corpus.
  const started = performance.now();
  say(`reading source texts from ${options.lawsDir} …`);
  const sources = readCorpusSources(options.lawsDir, repo);
  const plan: CorpusPlan = planCorpus({ docs: options.docs, seed: options.seed }, loadRegions());
  const stampFile = join(corpusRoot, 'bench-corpus.json');
  const stamp = corpusStamp(options, sources.laws.length);
  const reused = existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp;
  let corpusBytes: number;
  if (reused) {
    corpusBytes = folderBytes(join(corpusRoot, 'content/documents'));
    say(`corpus: reusing ${options.docs.toLocaleString('en-US')} documents in ${corpusRoot}`);
  } else {
    rmSync(corpusRoot, { recursive: true, force: true });
    say(`corpus: generating ${options.docs.toLocaleString('en-US')} documents from ${sources.laws.length} law texts and ${sources.documents.length} bundled documents …`);
    const written = writeCorpus(corpusRoot, plan, sources, repo, (n) => {
      if (n % 10000 === 0 || n === 1000) say(`  ${n.toLocaleString('en-US')} documents written`);
    });
    writeFileSync(stampFile, stamp);
    corpusBytes = written.bytes;
  }
  const corpusSeconds = (performance.now() - started) / 1000;
  say(`corpus: ${(corpusBytes / mib).toFixed(1)} MiB in ${corpusSeconds.toFixed(1)} s`);

  const progress = (label: string) => (state: { seconds: number; pages: number; rssBytes: number; peakBytes: number }) =>
    say(`  ${label}: ${state.seconds.toFixed(0)} s, ${state.pages.toLocaleString('en-US')} files written, RSS ${(state.rssBytes / mib).toFixed(0)} MiB (peak ${(state.peakBytes / mib).toFixed(0)})`);
  const nodeArgs = [...options.nodeOptions];
  const documentsDir = join(corpusRoot, 'content/documents');
  const siteDir = join(workDir, 'site');
  const siteDist = join(siteDir, 'dist');
  const siteCache = join(siteDir, 'cache');
  // Each build runs in a folder of its own (tools/site-build.ts says why).
  const siteBuild = { workDir: siteDir, project: repo, contentRoot: corpusRoot, cacheDir: siteCache };

  // 2. Rounds, interleaved so each pair of builds sees about the same load: full site, bare Astro baseline,
  // then Hugo and the markdown-it floor. Every build is cold: its whole folder (output, Astro's and Vite's
  // caches, Hugo's cache) is deleted before it starts.
  const rounds: BenchRound[] = [];
  for (let round = 1; round <= options.pairs; round++) {
    const of = options.pairs > 1 ? ` (round ${round} of ${options.pairs})` : '';
    rmSync(siteDir, { recursive: true, force: true });
    mkdirSync(siteDir, { recursive: true });
    say(`full site${of}: astro build (cold) …`);
    const siteRun = await runAstroBuild({
      ...siteBuild,
      outDir: siteDist,
      nodeArgs: options.cpuProfile && round === 1 ? [...nodeArgs, '--cpu-prof', `--cpu-prof-dir=${join(workDir, 'profile')}`] : nodeArgs,
      logFile: join(siteDir, 'build.log'),
      onProgress: progress('full site'),
    });
    say(`full site${of}: ${siteRun.ok ? 'built' : 'FAILED'} in ${siteRun.seconds.toFixed(1)} s (CPU ${siteRun.cpuSeconds.toFixed(1)} s), peak RSS ${(siteRun.peakRssBytes / mib).toFixed(0)} MiB (log: ${join(siteDir, 'build.log')})`);
    let documentPages = 0;
    for (const doc of plan.documents) if (existsSync(join(siteDist, 'documents', doc.id, 'index.html'))) documentPages++;
    const site = {
      ...summary(siteRun, 'the full site build'),
      distBytes: folderBytes(siteDist),
      indexBytes: folderBytes(join(siteDist, 'search')),
      documentPages,
      missingPages: plan.documents.length - documentPages,
    };
    const done: BenchRound = { site };
    rounds.push(done);
    if (!siteRun.ok) break;

    // The same site from another checkout (the code before a change), built the same way right after ours.
    if (options.against !== undefined) {
      const againstDir = join(workDir, 'against');
      rmSync(againstDir, { recursive: true, force: true });
      mkdirSync(againstDir, { recursive: true });
      say(`other checkout${of}: astro build of ${options.against} (cold) …`);
      const run = await runAstroBuild({
        workDir: againstDir,
        project: options.against,
        contentRoot: corpusRoot,
        cacheDir: join(againstDir, 'cache'),
        outDir: join(againstDir, 'dist'),
        nodeArgs,
        logFile: join(againstDir, 'build.log'),
        onProgress: progress('other checkout'),
      });
      say(`other checkout${of}: ${run.ok ? 'built' : 'FAILED'} in ${run.seconds.toFixed(1)} s (CPU ${run.cpuSeconds.toFixed(1)} s), peak RSS ${(run.peakRssBytes / mib).toFixed(0)} MiB`);
      done.against = { ...summary(run, `the build of ${options.against}`), pages: countDocumentPages(join(againstDir, 'dist/documents'), plan), distBytes: folderBytes(join(againstDir, 'dist')) };
    }
    if (!options.baseline) continue;

    // The bare Astro baseline over the same files.
    const baselineDir = join(workDir, 'baseline');
    const project = join(baselineDir, 'project');
    const baselineDist = join(baselineDir, 'dist');
    rmSync(baselineDir, { recursive: true, force: true });
    writeBaselineProject(project, documentsDir);
    say(`baseline${of}: astro build of a bare project (glob loader, default Markdown, one page per document) …`);
    const run = await runAstroBuild({ workDir: project, project, outDir: baselineDist, nodeArgs, logFile: join(baselineDir, 'build.log'), onProgress: progress('baseline') });
    say(`baseline${of}: ${run.ok ? 'built' : 'FAILED'} in ${run.seconds.toFixed(1)} s (CPU ${run.cpuSeconds.toFixed(1)} s), peak RSS ${(run.peakRssBytes / mib).toFixed(0)} MiB`);
    done.baseline = { ...summary(run, 'the baseline build'), distBytes: folderBytes(baselineDist) };

    // Hugo over the same files, when it is installed.
    if (options.hugo !== undefined) {
      const hugoDir = join(workDir, 'hugo');
      const hugoDist = join(hugoDir, 'dist');
      writeHugoProject(join(hugoDir, 'project'), documentsDir);
      rmSync(hugoDist, { recursive: true, force: true });
      rmSync(join(hugoDir, 'cache'), { recursive: true, force: true });
      mkdirSync(hugoDir, { recursive: true });
      say(`hugo${of}: hugo build (minimal layout: title and content) …`);
      const { command, args } = hugoCommand(options.hugo, join(hugoDir, 'project'), hugoDist, join(hugoDir, 'cache'));
      const hugo = await runMeasured({ command, args, cwd: hugoDir, logFile: join(hugoDir, 'build.log') });
      say(`hugo${of}: ${hugo.ok ? 'built' : 'FAILED'} in ${hugo.seconds.toFixed(1)} s (CPU ${hugo.cpuSeconds.toFixed(1)} s), peak RSS ${(hugo.peakRssBytes / mib).toFixed(0)} MiB`);
      done.hugo = { ...summary(hugo, 'the Hugo build'), pages: countDocumentPages(hugoDist, plan), distBytes: folderBytes(hugoDist) };
    }

    // The markdown-it floor: read, render, write one file each, nothing else.
    const floorDir = join(workDir, 'floor');
    const floorDist = join(floorDir, 'dist');
    rmSync(floorDir, { recursive: true, force: true });
    mkdirSync(floorDir, { recursive: true });
    say(`floor${of}: markdown-it over every document …`);
    const floor = await runMeasured({
      command: process.execPath,
      args: [...nodeArgs, join(repo, 'tools/bench/markdown-floor.ts'), documentsDir, floorDist],
      cwd: floorDir,
      logFile: join(floorDir, 'build.log'),
    });
    say(`floor${of}: ${floor.ok ? 'done' : 'FAILED'} in ${floor.seconds.toFixed(1)} s (CPU ${floor.cpuSeconds.toFixed(1)} s), peak RSS ${(floor.peakRssBytes / mib).toFixed(0)} MiB`);
    done.floor = { ...summary(floor, 'the markdown-it floor'), pages: countDocumentPages(floorDist, plan), distBytes: folderBytes(floorDist) };
  }
  const last = rounds.at(-1) as BenchRound;

  // 3. Publishing one change, both ways a CI job can: with its cache folder and its output kept, updated in
  // place through `npm run build -- --in-place` (the figure `rebuild_s`: link, build, sweep, swap — the output
  // ready to deploy), and with only its cache kept, into a fresh output folder (`rebuild_fresh_s`, a job that
  // restores the cache and not the output). Each starts from the cold build's cache (the fresh one from a copy
  // taken before, not timed), and each output is compared with a cold build of the changed content.
  let rebuild: BenchDetails['rebuild'];
  let rebuildFresh: BenchDetails['rebuildFresh'];
  let rebuildCheck: BenchDetails['rebuildCheck'];
  if (options.incremental && last.site.ok) {
    // The cold build ran `astro build` directly (so --cpu-prof profiles Astro, not scripts/build.ts): record
    // what scripts/build.ts records after publishing, which the in-place build checks before it starts.
    writeStamp(siteDist, siteCache);
    const changed = plan.documents[Math.floor(plan.documents.length / 2)]?.id ?? '';
    touchDocument(corpusRoot, changed, '2026-01-01');
    const freshCache = join(siteDir, 'cache-fresh');
    say(`rebuild: changed ${changed}; copying the cold build's cache folder for the fresh-output rebuild (not timed) …`);
    cpSync(siteCache, freshCache, { recursive: true });
    say('rebuild in place: npm run build -- --in-place over the cold build\'s output, with its cache …');
    const run = await runAstroBuild({ ...siteBuild, outDir: siteDist, viaBuildScript: true, inPlace: true, nodeArgs, logFile: join(siteDir, 'rebuild.log'), onProgress: progress('rebuild in place') });
    say(`rebuild in place: ${run.ok ? 'built' : 'FAILED'} in ${run.seconds.toFixed(1)} s (log: ${join(siteDir, 'rebuild.log')})`);
    rebuild = { ...summary(run, 'the rebuild in place'), changed };
    const freshDist = join(siteDir, 'dist-rebuild');
    say('rebuild into a fresh output folder, with a copy of the cold build\'s cache …');
    const fresh = await runAstroBuild({ ...siteBuild, cacheDir: freshCache, outDir: freshDist, nodeArgs, logFile: join(siteDir, 'rebuild-fresh.log'), onProgress: progress('rebuild, fresh output') });
    say(`rebuild, fresh output: ${fresh.ok ? 'built' : 'FAILED'} in ${fresh.seconds.toFixed(1)} s`);
    rebuildFresh = summary(fresh, 'the rebuild into a fresh output folder');
    rmSync(freshCache, { recursive: true, force: true });
    if (run.ok) {
      const coldDir = join(workDir, 'cold-check');
      rmSync(coldDir, { recursive: true, force: true });
      say('cold build of the changed content, to compare both rebuilds with …');
      const cold = await runAstroBuild({ ...siteBuild, workDir: coldDir, cacheDir: join(coldDir, 'cache'), outDir: join(coldDir, 'dist'), nodeArgs, logFile: join(coldDir, 'build.log') });
      if (cold.ok) {
        rebuildCheck = { inPlace: treeDifference(siteDist, join(coldDir, 'dist')), fresh: fresh.ok ? treeDifference(freshDist, join(coldDir, 'dist')) : undefined };
        say(`cold build of the changed content: ${cold.seconds.toFixed(1)} s; compared`);
      } else say('cold build of the changed content FAILED: no comparison');
      rmSync(coldDir, { recursive: true, force: true });
    }
    // The corpus on disk no longer matches its stamp.
    rmSync(stampFile, { force: true });
  }

  return {
    docs: options.docs,
    seed: options.seed,
    workDir,
    loadAverage: loadavg().map((value) => value.toFixed(2)).join(' '),
    corpus: { bytes: corpusBytes, seconds: corpusSeconds, reused },
    rounds,
    ...(rebuild ? { rebuild } : {}),
    ...(rebuildFresh ? { rebuildFresh } : {}),
    ...(rebuildCheck ? { rebuildCheck } : {}),
  };
}
