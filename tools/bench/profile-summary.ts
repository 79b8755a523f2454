#!/usr/bin/env node
/**
 * `node tools/bench/profile-summary.ts <file.cpuprofile> [--top N] [--root DIR] [--focus NAME] [--from S] [--to S]`: where a V8 CPU profile
 * (the bench's `--cpu-prof`) spent its time — self time by function and by file, and total time (self plus
 * callees) by function. Self time says which code is hot; total time says which of our functions a hot
 * library call (Astro's renderer, the Markdown parser, zod) was made for, which self time alone hides.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

/** The parts of V8's `.cpuprofile` JSON this reads (Chrome DevTools protocol `Profiler.Profile`). */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  /** Node id of each sample, in time order. */
  samples: number[];
  /** Microseconds since the previous sample (the first since `startTime`). */
  timeDeltas: number[];
}

export interface ProfileRow {
  /** `name (file:line)`, or a file path for the by-file table. */
  key: string;
  /** Milliseconds. */
  ms: number;
  /** Share of all sampled time, 0–1. */
  share: number;
}

export interface ProfileSummary {
  totalMs: number;
  selfByFunction: ProfileRow[];
  selfByFile: ProfileRow[];
  totalByFunction: ProfileRow[];
}

/**
 * A file named the way one reads it: the part after `node_modules/` (the package), or after `root` (our code);
 * V8's pseudo-frames ((garbage collector), (program), (idle)) keep their names.
 */
export function fileLabel(url: string, root = ''): string {
  if (url === '') return '(native)';
  const path = url.replace(/^file:\/\//, '');
  const modules = path.lastIndexOf('node_modules/');
  if (modules >= 0) return path.slice(modules + 'node_modules/'.length);
  if (root && path.startsWith(root)) return path.slice(root.length).replace(/^\/+/, '');
  return path;
}

/**
 * `focus` keeps only the samples taken inside a function whose `name (file:line)` contains it (e.g.
 * `generatePathWithPrerenderer`: page rendering alone, without content sync or the search index).
 */
/**
 * `from`/`to` keep only the samples taken that many seconds after the profile began: the stretch in which the
 * build log shows one route's pages being written (its time stamps), which `focus` cannot cut out because Astro
 * renders pages in promise continuations whose stacks start at the event loop.
 */
export function summariseProfile(profile: CpuProfile, options: { top?: number; root?: string; focus?: string; from?: number; to?: number } = {}): ProfileSummary {
  const top = options.top ?? 30;
  const root = options.root ?? '';
  const focus = options.focus;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const functionKey = (id: number) => {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    return url === '' ? functionName || '(anonymous)' : `${functionName || '(anonymous)'} (${fileLabel(url, root)}:${lineNumber + 1})`;
  };

  // A sample's time is the delta to the next sample: the one before it is the time until this one was taken.
  const sampleMs = profile.samples.map((_, i) => (profile.timeDeltas[i + 1] ?? 0) / 1000);
  const inFocus = new Map<number, boolean>();
  const focused = (id: number): boolean => {
    if (focus === undefined) return true;
    let known = inFocus.get(id);
    if (known === undefined) {
      const up = parent.get(id);
      known = functionKey(id).includes(focus) || (up !== undefined && focused(up));
      inFocus.set(id, known);
    }
    return known;
  };
  const [from, to] = [(options.from ?? -Infinity) * 1000, (options.to ?? Infinity) * 1000];
  const selfById = new Map<number, number>();
  let at = 0;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i]! / 1000;
    if (at >= from && at <= to && focused(id)) selfById.set(id, (selfById.get(id) ?? 0) + sampleMs[i]!);
  });

  const selfFunction = new Map<string, number>();
  const selfFile = new Map<string, number>();
  for (const [id, ms] of selfById) {
    const key = functionKey(id);
    selfFunction.set(key, (selfFunction.get(key) ?? 0) + ms);
    const file = byId.get(id)!.callFrame.url === '' ? functionKey(id) : fileLabel(byId.get(id)!.callFrame.url, root);
    selfFile.set(file, (selfFile.get(file) ?? 0) + ms);
  }

  // Total time: each node's self time counted once for every distinct function on its stack, so a recursive
  // function is not counted twice for one sample.
  const totalFunction = new Map<string, number>();
  for (const [id, ms] of selfById) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const key = functionKey(at);
      if (seen.has(key)) continue;
      seen.add(key);
      totalFunction.set(key, (totalFunction.get(key) ?? 0) + ms);
    }
  }

  const totalMs = [...selfById.values()].reduce((sum, ms) => sum + ms, 0);
  const rows = (map: Map<string, number>) =>
    [...map]
      .sort(([ka, a], [kb, b]) => b - a || ka.localeCompare(kb))
      .slice(0, top)
      .map(([key, ms]) => ({ key, ms, share: totalMs > 0 ? ms / totalMs : 0 }));
  return { totalMs, selfByFunction: rows(selfFunction), selfByFile: rows(selfFile), totalByFunction: rows(totalFunction) };
}

export function formatProfileSummary(summary: ProfileSummary): string {
  const table = (title: string, rows: ProfileRow[]) =>
    [`${title}:`, ...rows.map((row) => `${row.ms.toFixed(0).padStart(9)} ms ${(row.share * 100).toFixed(1).padStart(5)} %  ${row.key}`)].join('\n');
  return [
    `sampled ${(summary.totalMs / 1000).toFixed(1)} s`,
    table('self time by function', summary.selfByFunction),
    table('self time by file', summary.selfByFile),
    table('total time (self + callees) by function', summary.totalByFunction),
  ].join('\n\n');
}

if (import.meta.main) {
  const usage = 'usage: node tools/bench/profile-summary.ts <file.cpuprofile> [--top N] [--root DIR] [--focus NAME] [--from S] [--to S]';
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { top: { type: 'string', default: '30' }, root: { type: 'string', default: process.cwd() }, focus: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } },
  });
  const top = Number(values.top);
  const window = { from: values.from === undefined ? undefined : Number(values.from), to: values.to === undefined ? undefined : Number(values.to) };
  if (positionals.length !== 1 || !Number.isInteger(top) || top < 1 || Object.values(window).some((seconds) => seconds !== undefined && !Number.isFinite(seconds))) {
    console.error(usage);
    process.exit(2);
  }
  const file = positionals[0]!;
  let profile: CpuProfile;
  try {
    profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  } catch (error) {
    console.error(`${file}: not a readable CPU profile (${(error as Error).message}); pass a .cpuprofile written by node --cpu-prof`);
    process.exit(1);
  }
  console.log(formatProfileSummary(summariseProfile(profile, { top, root: values.root, ...(values.focus !== undefined ? { focus: values.focus } : {}), ...(window.from !== undefined ? { from: window.from } : {}), ...(window.to !== undefined ? { to: window.to } : {}) })));
}
