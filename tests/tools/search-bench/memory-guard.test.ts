/** Whether the bench may run Pagefind at a size: what /proc/meminfo says is free against what Pagefind needs. */
import { describe, expect, it } from 'vitest';
import { expectedPagefindPeak, pagefindMemoryDecision, parseMemAvailable, reserveBytes } from '../../../tools/search-bench/memory-guard.ts';

const gib = 2 ** 30;

describe('reading /proc/meminfo', () => {
  it('takes MemAvailable, not MemFree, in bytes', () => {
    const meminfo = 'MemTotal:       24576000 kB\nMemFree:         5000000 kB\nMemAvailable:   16777216 kB\nBuffers:          100 kB\n';
    expect(parseMemAvailable(meminfo)).toBe(16 * gib);
  });

  it('says what it could not find instead of guessing', () => {
    expect(() => parseMemAvailable('MemTotal: 1 kB\n')).toThrow(/MemAvailable/);
  });
});

describe('the memory a Pagefind run may use', () => {
  it('expects about 15.5 GB at 10,000 documents, as measured for issue 15', () => {
    expect(expectedPagefindPeak(10_000) / 1e9).toBeGreaterThan(15.5);
    expect(expectedPagefindPeak(10_000) / 1e9).toBeLessThan(17);
  });

  it('lets 2,000 documents run on a machine with 16 GiB available, with the reserve kept aside', () => {
    const decision = pagefindMemoryDecision(2000, 16 * gib);
    expect(decision).toMatchObject({ ok: true, reason: '', budgetBytes: 16 * gib - reserveBytes });
  });

  it('refuses 10,000 documents when 16 GiB is available, naming the flag and the largest size that fits', () => {
    const decision = pagefindMemoryDecision(10_000, 16 * gib);
    expect(decision.ok).toBe(false);
    expect(decision.reason).toContain('--pagefind-docs');
    expect(decision.reason).toMatch(/at most 9227\b/);
    expect(decision.reason).toContain('16.0 GiB is available');
  });

  it('allows 10,000 documents only with about 17.2 GiB available (15.2 GiB expected, 2 GiB kept)', () => {
    expect(pagefindMemoryDecision(10_000, 17 * gib).ok).toBe(false);
    expect(pagefindMemoryDecision(10_000, 17.5 * gib).ok).toBe(true);
  });

  it('refuses everything, with a size of 0 suggested, when less than the reserve is free', () => {
    const decision = pagefindMemoryDecision(1, 1 * gib);
    expect(decision).toMatchObject({ ok: false, budgetBytes: 0 });
    expect(decision.reason).toContain('at most 0');
  });
});
