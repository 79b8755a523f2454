/** The peak-RSS sampler: /proc lines read right, and a process tree's memory summed over its descendants. */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseProcStat, PeakRssSampler, readProcessTable, treeRss } from '../../../tools/bench/process-tree.ts';

describe('reading /proc', () => {
  it('reads pid, parent and RSS even when the command name holds spaces and parentheses', () => {
    const fields = ['S', '41', ...Array.from({ length: 9 }, () => '0'), '70', '30', ...Array.from({ length: 8 }, () => '0'), '2560', '0'];
    expect(parseProcStat(`1234 (node (astro) x) ${fields.join(' ')}`)).toEqual({ pid: 1234, ppid: 41, rss: 2560 * 4096, cpuTicks: 100 });
  });

  it('sums a process and all its descendants, and nothing else', () => {
    const table = [
      { pid: 1, ppid: 0, rss: 1, cpuTicks: 0 },
      { pid: 10, ppid: 1, rss: 100, cpuTicks: 0 },
      { pid: 11, ppid: 10, rss: 20, cpuTicks: 0 },
      { pid: 12, ppid: 11, rss: 3, cpuTicks: 0 },
      { pid: 20, ppid: 1, rss: 5000, cpuTicks: 0 },
    ];
    expect(treeRss(table, 10)).toEqual({ bytes: 123, processes: 3 });
    expect(treeRss(table, 99)).toEqual({ bytes: 0, processes: 0 });
  });
});

describe.skipIf(process.platform !== 'linux')('sampling a live process tree', () => {
  it('counts a child process in its parent’s tree, with its memory and CPU time', async () => {
    const child = spawn(process.execPath, ['-e', 'const keep = Buffer.alloc(64 * 1024 * 1024, 1); setTimeout(() => keep.length, 1500)']);
    try {
      await new Promise((resolve) => setTimeout(resolve, 700));
      const own = treeRss(readProcessTable(), process.pid);
      expect(own.processes).toBeGreaterThanOrEqual(2);
      const sampler = new PeakRssSampler(child.pid as number);
      sampler.sample();
      expect(sampler.peakBytes).toBeGreaterThan(64 * 1024 * 1024);
      expect(sampler.cpuSeconds).toBeGreaterThan(0);
      expect(own.bytes).toBeGreaterThan(sampler.peakBytes);
    } finally {
      child.kill();
    }
  });
});
