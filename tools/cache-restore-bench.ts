/**
 * What restoring Astro's cache folder between CI runs saves on the bundled content (issue 17, docs/deploy.md):
 * `npm run build` in fresh checkouts of HEAD (`git archive`, so only committed files), as the workflow's build
 * job sees them, each round in this order:
 *
 *   cold            an empty cache folder (the first run, or a new lockfile)
 *   restored        the cold build's cache folder copied into a fresh checkout at the same path (actions/cache)
 *   one changed     the same, with a sentence appended to one document (a content commit)
 *   other path      the cold build's cache restored into a checkout at another path
 *
 *   npm run bench:cache -- [--rounds 3]
 *
 * --rounds N   how many rounds (default 3); the summary gives each scenario's median wall and CPU time and their
 *              ratios to the cold build of the same round, so rounds under different load stay comparable
 *
 * Prints one line per build, the summary, then one JSON line {"documents","rounds":[…],"median_ratio":{…}}.
 * The checkouts are made under the system's temporary folder and removed at the end.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { linkNodeModules, repoRoot, siteBuildCommand } from './site-build.ts';

export interface BuildLogFigures {
  /** Routes Astro lists as written (pages, feeds, CSV files). */
  routes: number;
  /** Of those, copied from the previous build (`(restored)`). */
  restored: number;
  /** Search documents reused from the cache, and tokenised anew. */
  searchReused: number;
  searchTokenised: number;
}

/** The figures of one build's log. Pure; a line the log lacks counts 0. */
export function readBuildLog(log: string): BuildLogFigures {
  // Astro colours its log even with FORCE_COLOR=0 (its colour library reads any value as "on"): read the text.
  const text = log.replace(/\u001b\[[0-9;]*m/g, '');
  const lines = text.split('\n');
  const routeLines = lines.filter((line) => /[├└]─ \//.test(line));
  const search = /\[search\] (\d+) documents reused from the cache, (\d+) tokenised/.exec(text);
  return {
    routes: routeLines.length,
    restored: routeLines.filter((line) => line.includes('(restored)')).length,
    searchReused: Number(search?.[1] ?? 0),
    searchTokenised: Number(search?.[2] ?? 0),
  };
}

const scenarios = ['cold', 'restored', 'one changed', 'other path'] as const;
type Scenario = (typeof scenarios)[number];

interface Measured extends BuildLogFigures {
  scenario: Scenario;
  wall_s: number;
  cpu_s: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** A fresh checkout of HEAD at `dir` (whatever was there is removed), with node_modules linked. */
function checkout(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const archive = spawnSync('git', ['-C', repoRoot, 'archive', 'HEAD'], { maxBuffer: 1024 * 1024 * 1024 });
  if (archive.status !== 0) throw new Error(`git archive HEAD failed: ${archive.stderr.toString()}`);
  const tar = spawnSync('tar', ['-x', '-C', dir], { input: archive.stdout });
  if (tar.status !== 0) throw new Error(`tar -x into ${dir} failed: ${tar.stderr.toString()}`);
  linkNodeModules(dir);
}

/** CPU seconds (user + system) of a shell's children, from the second line bash's `times` prints. Pure. */
export function childCpuSeconds(times: string): number | undefined {
  const line = times.trim().split('\n').at(-1) ?? '';
  const parts = [...line.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  return parts.length === 2 ? parts[0]! + parts[1]! : undefined;
}

/**
 * `npm run build`'s script in `dir`, with the cache folder the workflow sets (GONGKAI_CACHE_DIR in the
 * workspace), timed in wall and CPU seconds: the machine is shared, and CPU time moves far less with the load.
 */
function build(dir: string, scenario: Scenario): Measured {
  linkNodeModules(dir);
  const { command, args, cwd, env } = siteBuildCommand({ workDir: dir, project: dir, contentRoot: dir, outDir: join(dir, 'dist'), cacheDir: join(dir, '.astro-cache'), viaBuildScript: true });
  const started = performance.now();
  // bash's `times` gives the CPU time of the build and every process it started (Astro's worker threads count).
  const result = spawnSync('bash', ['-c', '"$@"; status=$?; times >&2; exit $status', 'bash', command, ...args], { cwd, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const wall = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`the ${scenario} build in ${dir} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  const cpu = childCpuSeconds(result.stderr);
  if (cpu === undefined) throw new Error(`the ${scenario} build printed no CPU times (bash's times) at the end of its stderr:\n${result.stderr.slice(-500)}`);
  return { scenario, wall_s: Math.round(wall * 10) / 10, cpu_s: Math.round(cpu * 10) / 10, ...readBuildLog(result.stdout) };
}

function main(): void {
  const { values } = parseArgs({ options: { rounds: { type: 'string', default: '3' } } });
  const rounds = Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds takes a whole number ≥ 1, got ${values.rounds}`);
  const work = mkdtempSync(join(tmpdir(), 'gongkai-cache-bench-'));
  const workspace = join(work, 'workspace');
  const elsewhere = join(work, 'elsewhere');
  const saved = join(work, 'saved-cache');
  const results: Measured[][] = [];
  let documents = 0;
  try {
    for (let round = 1; round <= rounds; round++) {
      const measured: Measured[] = [];
      const report = (m: Measured) => {
        measured.push(m);
        console.log(`round ${round} ${m.scenario.padEnd(11)} wall ${m.wall_s.toFixed(1).padStart(5)} s  CPU ${m.cpu_s.toFixed(1).padStart(5)} s  ${m.restored}/${m.routes} routes restored  search: ${m.searchReused} reused, ${m.searchTokenised} tokenised`);
      };
      checkout(workspace);
      documents = (readdirSync(join(workspace, 'content/documents'), { recursive: true, encoding: 'utf8' }) as string[]).filter((path) => path.endsWith('.md')).length;
      report(build(workspace, 'cold'));
      rmSync(saved, { recursive: true, force: true });
      cpSync(join(workspace, '.astro-cache'), saved, { recursive: true });

      checkout(workspace);
      cpSync(saved, join(workspace, '.astro-cache'), { recursive: true });
      report(build(workspace, 'restored'));

      checkout(workspace);
      cpSync(saved, join(workspace, '.astro-cache'), { recursive: true });
      const changed = (readdirSync(join(workspace, 'content/documents'), { recursive: true, encoding: 'utf8' }) as string[]).filter((path) => path.endsWith('.md')).sort()[0]!;
      appendFileSync(join(workspace, 'content/documents', changed), '\n本年度继续推进相关工作。\n');
      report(build(workspace, 'one changed'));

      checkout(elsewhere);
      cpSync(saved, join(elsewhere, '.astro-cache'), { recursive: true });
      report(build(elsewhere, 'other path'));
      results.push(measured);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const ratios: Record<string, { wall: number; cpu: number }> = {};
  console.log(`\n${documents} documents, ${rounds} round(s): median wall and CPU time, and the median of each round's ratio to its cold build`);
  for (const scenario of scenarios) {
    const of = results.map((round) => round.find((m) => m.scenario === scenario)!);
    const cold = results.map((round) => round.find((m) => m.scenario === 'cold')!);
    const wall = median(of.map((m, i) => m.wall_s / cold[i]!.wall_s));
    const cpu = median(of.map((m, i) => m.cpu_s / cold[i]!.cpu_s));
    ratios[scenario] = { wall: Math.round(wall * 100) / 100, cpu: Math.round(cpu * 100) / 100 };
    console.log(`  ${scenario.padEnd(11)} wall ${median(of.map((m) => m.wall_s)).toFixed(1).padStart(5)} s ×${wall.toFixed(2)}  CPU ${median(of.map((m) => m.cpu_s)).toFixed(1).padStart(5)} s ×${cpu.toFixed(2)}  (${of[0]!.restored}/${of[0]!.routes} routes restored, ${of[0]!.searchReused} search documents reused)`);
  }
  console.log(JSON.stringify({ documents, rounds: results, median_ratio: ratios }));
}

if (import.meta.main) main();
