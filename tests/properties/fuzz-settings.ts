/**
 * Seed, run counts and the tally of the bad-input property suites. Every suite runs with one fixed seed so a
 * failure is the same failure on every machine; `GONGKAI_FUZZ_SEED` tries another seed and `GONGKAI_FUZZ_RUNS`
 * multiplies every kind's number of cases (e.g. 10 for a longer run before a release). A failing case prints
 * its seed and path: re-run it with `GONGKAI_FUZZ_SEED=<seed>` and keep it as a regression case.
 */
import type { Parameters } from 'fast-check';

/** The seed the suites use unless told otherwise: the day issue 14's suites were written. */
export const defaultSeed = 20261202;

function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`${name}=${raw} is not a positive integer`);
  return value;
}

export const fuzzSeed = positiveInteger('GONGKAI_FUZZ_SEED', defaultSeed);
export const fuzzRunsFactor = positiveInteger('GONGKAI_FUZZ_RUNS', 1);

/**
 * fast-check parameters for one kind of bad input: `runs` cases (times GONGKAI_FUZZ_RUNS), the suite's seed
 * offset by the kind's position so that two kinds do not draw the same choices.
 */
export function fuzzParameters<T>(runs: number, offset: number): Parameters<T> {
  return { seed: fuzzSeed + offset, numRuns: runs * fuzzRunsFactor, endOnFailure: true };
}

/** How many cases of each kind were tried and what became of them, printed when a suite ends. */
export class Tally {
  readonly #counts = new Map<string, Map<string, number>>();
  readonly suite: string;

  constructor(suite: string) {
    this.suite = suite;
  }

  count(kind: string, outcome: string): void {
    const outcomes = this.#counts.get(kind) ?? new Map<string, number>();
    outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    this.#counts.set(kind, outcomes);
  }

  tried(kind: string): number {
    return [...(this.#counts.get(kind)?.values() ?? [])].reduce((sum, n) => sum + n, 0);
  }

  outcomes(kind: string): ReadonlyMap<string, number> {
    return this.#counts.get(kind) ?? new Map();
  }

  /** One line per kind: `numbers  120 tried: 97 refused with file and field, 23 accepted, figures as quoted`. */
  summary(): string {
    const lines = [`${this.suite} (seed ${fuzzSeed}, runs × ${fuzzRunsFactor}):`];
    let total = 0;
    for (const [kind, outcomes] of this.#counts) {
      const tried = this.tried(kind);
      total += tried;
      const parts = [...outcomes].sort((a, b) => b[1] - a[1]).map(([outcome, n]) => `${n} ${outcome}`);
      lines.push(`  ${kind.padEnd(20)} ${String(tried).padStart(5)} tried: ${parts.join(', ')}`);
    }
    lines.push(`  ${'all kinds'.padEnd(20)} ${String(total).padStart(5)} tried`);
    return lines.join('\n');
  }
}
