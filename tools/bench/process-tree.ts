/**
 * Peak memory of a build: the resident set of a process and all its descendants (Astro's Node process, the
 * esbuild service, any worker), summed, sampled from /proc while the build runs. Linux only. Summing counts
 * pages shared between processes twice, so the figure errs high, never low.
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcessInfo {
  pid: number;
  ppid: number;
  /** Resident set size in bytes. */
  rss: number;
  /** CPU time used so far (user + system), in clock ticks. */
  cpuTicks: number;
}

const pageSize = 4096;

/** Parses one `/proc/<pid>/stat` line; the command name in parentheses may hold spaces and parentheses. */
export function parseProcStat(line: string): ProcessInfo | undefined {
  const close = line.lastIndexOf(')');
  const pid = Number.parseInt(line, 10);
  if (close < 0 || !Number.isFinite(pid)) return undefined;
  // Fields after the name: state(3) ppid(4) … utime(14) stime(15) … rss(24), counted from 1 in proc(5).
  const fields = line.slice(close + 2).split(' ');
  const ppid = Number(fields[1]);
  const cpuTicks = Number(fields[11]) + Number(fields[12]);
  const rssPages = Number(fields[21]);
  if (!Number.isFinite(ppid) || !Number.isFinite(rssPages)) return undefined;
  return { pid, ppid, rss: rssPages * pageSize, cpuTicks: Number.isFinite(cpuTicks) ? cpuTicks : 0 };
}

/** Every process visible in /proc (processes that exit while being read are skipped). */
export function readProcessTable(proc = '/proc'): ProcessInfo[] {
  const table: ProcessInfo[] = [];
  for (const name of readdirSync(proc)) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const info = parseProcStat(readFileSync(`${proc}/${name}/stat`, 'utf8'));
      if (info) table.push(info);
    } catch {
      // gone between readdir and read
    }
  }
  return table;
}

/** The processes of the tree under `root` (itself included) in a process table. */
export function processTree(table: readonly ProcessInfo[], root: number): ProcessInfo[] {
  const children = new Map<number, ProcessInfo[]>();
  let rootInfo: ProcessInfo | undefined;
  for (const info of table) {
    if (info.pid === root) rootInfo = info;
    const list = children.get(info.ppid);
    if (list) list.push(info);
    else children.set(info.ppid, [info]);
  }
  if (!rootInfo) return [];
  const tree: ProcessInfo[] = [];
  const stack = [rootInfo];
  while (stack.length > 0) {
    const info = stack.pop() as ProcessInfo;
    tree.push(info);
    stack.push(...(children.get(info.pid) ?? []));
  }
  return tree;
}

/** Summed RSS of `root` and its descendants in a process table. */
export function treeRss(table: readonly ProcessInfo[], root: number): { bytes: number; processes: number } {
  const tree = processTree(table, root);
  return { bytes: tree.reduce((sum, info) => sum + info.rss, 0), processes: tree.length };
}

/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
const ticksPerSecond = 100;

/** Samples a process tree's RSS on an interval and keeps the peak. */
export class PeakRssSampler {
  peakBytes = 0;
  lastBytes = 0;
  maxProcesses = 0;
  samples = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly root: number;
  private readonly intervalMs: number;

  constructor(root: number, intervalMs = 500) {
    this.root = root;
    this.intervalMs = intervalMs;
  }

  /** Last CPU time seen of every process that was ever in the tree, in ticks. */
  private readonly cpuByPid = new Map<number, number>();

  sample(): void {
    const tree = processTree(readProcessTable(), this.root);
    const bytes = tree.reduce((sum, info) => sum + info.rss, 0);
    for (const info of tree) this.cpuByPid.set(info.pid, info.cpuTicks);
    this.samples++;
    this.lastBytes = bytes;
    if (bytes > this.peakBytes) this.peakBytes = bytes;
    if (tree.length > this.maxProcesses) this.maxProcesses = tree.length;
  }

  /**
   * CPU seconds (user + system) the tree used, as last sampled: steadier than wall time on a shared machine.
   * A process's last interval before it exits is not seen, so it errs low by up to one interval per process.
   */
  get cpuSeconds(): number {
    let ticks = 0;
    for (const value of this.cpuByPid.values()) ticks += value;
    return ticks / ticksPerSecond;
  }

  start(): this {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    this.timer.unref();
    return this;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
