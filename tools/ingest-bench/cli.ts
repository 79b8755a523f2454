#!/usr/bin/env node
/**
 * `npm run bench:ingest -- --mb 1,5,20`: how ingestion time grows with the size of its input. For each size it
 * generates that many MB of copied pages (copied-pages.ts, from a seed), runs `npm run ingest -- --json` on the
 * file in a process of its own, and prints that process's CPU time, wall time and peak RSS, per MB and as a
 * ratio to the smallest size, less the startup (a run on one page): time linear in size keeps the per-MB
 * figures level. Last line: the figures as JSON.
 * See docs/ingest.md ("Speed").
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadRegions } from '../../src/domain/regions.ts';
import { lawsDir } from '../corpus/laws.ts';
import type { CorpusSources } from '../corpus/text-sources.ts';
import { documentSources, readCorpusSources } from '../corpus/write-corpus.ts';
import { repoRoot } from '../site-build.ts';
import { copiedPages } from './copied-pages.ts';
import { formatRuns, type IngestRun } from './report.ts';

const usage = `usage: npm run bench:ingest -- [--mb 1,5,20] [options]
  --mb LIST     input sizes in MB (2^20 bytes), comma-separated (default 1,5,20)
  --seed S      seed of the generated pages (default 1)
  --laws DIR    folder of the law texts (default $GONGKAI_LAWS_DIR or ../shared/corpus/laws); without it the
                pages are made from the bundled documents alone
  --out DIR     keep the generated inputs, outputs and logs there (default: a temporary folder, removed)
  --cpu-prof    write a V8 CPU profile of each ingest run into the working folder (implies keeping it)
  --script FILE the ingest script to measure (default scripts/ingest.ts): another checkout's, to compare
  --help        this text`;

function parseOptions() {
  try {
    return parseArgs({
      options: {
        mb: { type: 'string', default: '1,5,20' },
        seed: { type: 'string', default: '1' },
        laws: { type: 'string' },
        out: { type: 'string' },
        'cpu-prof': { type: 'boolean', default: false },
        script: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    process.exit(2);
  }
}
const args = parseOptions();
if (args.help) {
  console.log(usage);
  process.exit(0);
}
const sizes = args.mb.split(',').map(Number);
const seed = Number(args.seed);
if (sizes.some((mb) => !(mb > 0)) || !Number.isInteger(seed)) {
  console.error(`--mb takes positive numbers separated by commas, --seed a whole number\n\n${usage}`);
  process.exit(2);
}

const mib = 1024 * 1024;
const workDir = args.out ? resolve(args.out) : mkdtempSync(join(tmpdir(), 'gongkai-ingest-bench-'));
const keep = args.out !== undefined || args['cpu-prof'];
mkdirSync(workDir, { recursive: true });
const ingestScript = args.script ? resolve(args.script) : join(repoRoot, 'scripts/ingest.ts');
const say = (message: string) => process.stderr.write(`[bench:ingest] ${message}\n`);

/** The laws when they are there; the bundled documents alone otherwise (the bench must run in a fresh clone). */
function sources(): { sources: CorpusSources; from: string } {
  const dir = args.laws ? resolve(args.laws) : lawsDir(repoRoot);
  try {
    return { sources: readCorpusSources(dir, repoRoot), from: `laws in ${dir} and the bundled documents` };
  } catch {
    const documents = documentSources(repoRoot);
    return { sources: { laws: documents, documents }, from: `the bundled documents only (no law texts in ${dir})` };
  }
}

function runIngest(mb: number, text: { text: string; bytes: number; documents: number; lines: number }, name = `${mb}mb`): IngestRun {
  const input = join(workDir, `pages-${name}.txt`);
  const output = join(workDir, `drafts-${name}.json`);
  const usageFile = join(workDir, `usage-${name}.json`);
  writeFileSync(input, text.text);
  const node = [
    '--import',
    join(import.meta.dirname, 'usage-probe.ts'),
    ...(args['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', join(workDir, `profile-${name}`)] : []),
    ingestScript,
    '--json',
    input,
  ];
  const started = performance.now();
  const run = spawnSync(process.execPath, node, { cwd: repoRoot, env: { ...process.env, GONGKAI_USAGE_FILE: usageFile }, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1024 * mib });
  const wallSeconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`npm run ingest exited with ${run.status ?? run.signal} on ${input}:\n${String(run.stderr).split('\n').slice(-15).join('\n')}`);
  writeFileSync(output, run.stdout);
  const drafts = (JSON.parse(String(run.stdout)) as unknown[]).length;
  const measured = JSON.parse(readFileSync(usageFile, 'utf8')) as { userMicros: number; systemMicros: number; maxRssKib: number };
  return {
    mb,
    bytes: text.bytes,
    lines: text.lines,
    documents: text.documents,
    drafts,
    cpuSeconds: (measured.userMicros + measured.systemMicros) / 1e6,
    wallSeconds,
    peakRssBytes: measured.maxRssKib * 1024,
  };
}

try {
  const { sources: texts, from } = sources();
  say(`pages made from ${from}, seed ${seed}; measuring ${ingestScript}; working folder ${workDir}`);
  const regions = loadRegions();
  // One small page: what every run spends before reading its input (loading the program, regions, metrics).
  const startup = runIngest(0, copiedPages(1, seed, texts, regions), 'startup');
  const runs: IngestRun[] = [];
  for (const mb of sizes) {
    const pages = copiedPages(mb * mib, seed, texts, regions);
    say(`${mb} MB: ${pages.documents.toLocaleString('en-US')} pages, ${pages.lines.toLocaleString('en-US')} lines; ingesting …`);
    runs.push(runIngest(mb, pages));
  }
  console.log(formatRuns(runs, startup));
  console.log(JSON.stringify({ seed, source: from, load_avg: loadavg().map((load) => Number(load.toFixed(2))), startup_cpu_s: startup.cpuSeconds, runs }));
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  if (!keep) rmSync(workDir, { recursive: true, force: true });
  else say(`inputs, drafts${args['cpu-prof'] ? ', CPU profiles' : ''} kept in ${workDir}`);
}
