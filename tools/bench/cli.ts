#!/usr/bin/env node
/**
 * `npm run bench -- --docs N`: generates N documents, builds the full site and its comparisons from them in
 * interleaved rounds (full site, bare Astro, Hugo when installed, the markdown-it floor), prints a summary and,
 * as its last line, the figures as one JSON object. See docs/scale.md.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { lawsDir } from '../corpus/laws.ts';
import { repoRoot } from '../site-build.ts';
import { runBenchmark } from './benchmark.ts';
import { findOnPath } from './hugo.ts';
import { benchFigures, figuresLine, formatSummary } from './report.ts';

const usage = `usage: npm run bench -- --docs N [options]
  --docs N          documents to generate (default 1000)
  --seed S          seed of the generated corpus (default 1)
  --laws DIR        folder of the law texts (default $GONGKAI_LAWS_DIR or ../shared/corpus/laws)
  --out DIR         working folder (corpus, builds, logs), kept; an existing corpus of the same size and seed is reused
  --keep            keep the temporary working folder
  --pairs N         rounds of full site + comparisons, interleaved, each build cold (default 2; 1 with --skip-baseline)
  --incremental     after the last cold build, change one document and rebuild; adds "rebuild_s"
  --against DIR     another checkout of the project (the code before a change): its full site is built in every round too
  --skip-baseline   build the full site only: no bare Astro baseline, Hugo or markdown-it floor (their figures are null)
  --cpu-prof        write a V8 CPU profile of the full build into <working folder>/profile/
  --max-heap-mb M   heap limit of the builds' Node processes (--max-old-space-size)`;

const repo = repoRoot;
let args;
try {
  args = parseArgs({
    options: {
      docs: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '1' },
      laws: { type: 'string' },
      out: { type: 'string' },
      keep: { type: 'boolean', default: false },
      pairs: { type: 'string' },
      against: { type: 'string' },
      incremental: { type: 'boolean', default: false },
      'skip-baseline': { type: 'boolean', default: false },
      'cpu-prof': { type: 'boolean', default: false },
      'max-heap-mb': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  }).values;
} catch (error) {
  console.error(`${(error as Error).message}\n\n${usage}`);
  process.exit(2);
}
if (args.help) {
  console.log(usage);
  process.exit(0);
}

const docs = Number(args.docs);
const seed = Number(args.seed);
const heap = args['max-heap-mb'] === undefined ? undefined : Number(args['max-heap-mb']);
const pairs = Number(args.pairs ?? (args['skip-baseline'] ? 1 : 2));
if (!Number.isInteger(docs) || docs < 1 || !Number.isInteger(seed) || !Number.isInteger(pairs) || pairs < 1 || (heap !== undefined && !(heap > 0))) {
  console.error(`--docs, --seed and --pairs take whole numbers (--docs and --pairs at least 1), --max-heap-mb a positive number\n\n${usage}`);
  process.exit(2);
}
const laws = args.laws ?? lawsDir(repo);
const workDir = args.out ? resolve(args.out) : mkdtempSync(join(tmpdir(), 'gongkai-bench-'));
const keep = args.keep || args.out !== undefined;
const started = performance.now();
const say = (message: string) => console.log(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(5)} s] ${message}`);

try {
  const details = await runBenchmark({
    docs,
    seed,
    repo,
    lawsDir: isAbsolute(laws) ? laws : resolve(laws),
    workDir,
    baseline: !args['skip-baseline'],
    pairs,
    hugo: args['skip-baseline'] ? undefined : findOnPath('hugo'),
    against: args.against === undefined ? undefined : resolve(args.against),
    incremental: args.incremental,
    cpuProfile: args['cpu-prof'],
    nodeOptions: heap === undefined ? [] : [`--max-old-space-size=${heap}`],
    say,
  });
  console.log(formatSummary(details));
  for (const round of details.rounds) {
    for (const build of [round.site, round.against, round.baseline, round.hugo, round.floor]) if (build && !build.ok) console.error(build.error);
  }
  if (!keep) rmSync(workDir, { recursive: true, force: true });
  else console.log(`working folder kept: ${workDir}`);
  console.log(figuresLine(benchFigures(details)));
  process.exitCode = details.rounds.every((round) => round.site.ok) ? 0 : 1;
} catch (error) {
  console.error(error);
  if (!keep) rmSync(workDir, { recursive: true, force: true });
  process.exitCode = 1;
}
