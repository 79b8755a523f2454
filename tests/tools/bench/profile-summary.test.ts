/** The CPU-profile summary the page-cost work read its figures from (docs/scale.md, "After the page-cost fixes"). */
import { describe, expect, it } from 'vitest';
import { fileLabel, formatProfileSummary, summariseProfile, type CpuProfile } from '../../../tools/bench/profile-summary.ts';

const frame = (functionName: string, url: string, lineNumber = 0) => ({ functionName, url, lineNumber });

// root → render (ours) → parse (a package) → render again (recursion); root → (garbage collector).
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(root)', ''), children: [2, 5] },
    { id: 2, callFrame: frame('render', 'file:///repo/src/lib/page.ts', 9), children: [3] },
    { id: 3, callFrame: frame('parse', 'file:///repo/node_modules/marked/lib/marked.js', 99), children: [4] },
    { id: 4, callFrame: frame('render', 'file:///repo/src/lib/page.ts', 9) },
    { id: 5, callFrame: frame('(garbage collector)', '') },
  ],
  // Each sample lasts until the next: 2 ms in render, 3 ms in parse, 4 ms in the nested render, 1 ms in GC.
  samples: [2, 3, 4, 5, 5],
  timeDeltas: [0, 2000, 3000, 4000, 1000],
};

describe('summariseProfile', () => {
  const summary = summariseProfile(profile, { root: '/repo' });

  it('gives each sample the time until the next one, the last sample none', () => {
    expect(summary.totalMs).toBe(10);
  });

  it('adds self time of the same function at two places in the tree', () => {
    expect(summary.selfByFunction[0]).toEqual({ key: 'render (src/lib/page.ts:10)', ms: 6, share: 0.6 });
    expect(summary.selfByFunction.map((row) => row.key)).toEqual(['render (src/lib/page.ts:10)', 'parse (marked/lib/marked.js:100)', '(garbage collector)']);
  });

  it('names files by package or by the path under the root', () => {
    expect(summary.selfByFile.map((row) => [row.key, row.ms])).toEqual([
      ['src/lib/page.ts', 6],
      ['marked/lib/marked.js', 3],
      ['(garbage collector)', 1],
    ]);
  });

  it('counts a recursive function once per sample in its total time', () => {
    const total = new Map(summary.totalByFunction.map((row) => [row.key, row.ms]));
    expect(total.get('render (src/lib/page.ts:10)')).toBe(9);
    expect(total.get('parse (marked/lib/marked.js:100)')).toBe(7);
    expect(total.get('(root)')).toBe(10);
  });

  it('keeps only the samples inside a focused function, callees included', () => {
    const parseOnly = summariseProfile(profile, { root: '/repo', focus: 'parse' });
    expect(parseOnly.totalMs).toBe(7);
    expect(parseOnly.selfByFunction.map((row) => [row.key, row.ms])).toEqual([
      ['render (src/lib/page.ts:10)', 4],
      ['parse (marked/lib/marked.js:100)', 3],
    ]);
  });

  it('keeps only the samples taken within a stretch of seconds after the profile began', () => {
    // Samples are taken at 0, 2, 5, 9 and 10 ms: from 2 to 9 ms keeps parse, the nested render and one GC.
    const stretch = summariseProfile(profile, { root: '/repo', from: 0.002, to: 0.009 });
    expect(stretch.selfByFunction.map((row) => [row.key, row.ms])).toEqual([
      ['render (src/lib/page.ts:10)', 4],
      ['parse (marked/lib/marked.js:100)', 3],
      ['(garbage collector)', 1],
    ]);
  });

  it('keeps only the top rows', () => {
    expect(summariseProfile(profile, { top: 1 }).selfByFunction).toHaveLength(1);
  });

  it('prints each table with milliseconds and shares', () => {
    expect(formatProfileSummary(summary)).toContain('        6 ms  60.0 %  render (src/lib/page.ts:10)');
  });
});

describe('fileLabel', () => {
  it('keeps a pseudo-frame without a file as native', () => {
    expect(fileLabel('')).toBe('(native)');
  });
  it('keeps a path outside the root whole', () => {
    expect(fileLabel('file:///elsewhere/x.js', '/repo')).toBe('/elsewhere/x.js');
  });
});
