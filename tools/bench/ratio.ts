/**
 * The ratio one can trust (issue 16): the full build and the baseline are built in pairs, interleaved, so each
 * pair saw about the same load on the shared machine; the bench quotes the median of the pairs' ratios with
 * its spread (min–max), and says when that spread is too wide to conclude anything. Pure.
 */

export interface Spread {
  median: number;
  min: number;
  max: number;
  /** How many values. */
  count: number;
  /** (max − min) / median: 0 when every pair agrees. */
  relative: number;
}

/**
 * The widest relative spread (max − min over the median) at which a ratio is still quoted as a finding.
 * Runs of the same code on this machine an hour apart gave ratios 2× apart (issue 16), and the changes the bench
 * is meant to steer by move the ratio by about a quarter (issue 16: from 1.05–1.24× to 0.8×): pairs that
 * disagree by more than that cannot tell such a change from the load, so the summary says so.
 */
export const widestSpread = 0.25;

/** The median of `values` (the mean of the middle two for an even count). Throws on an empty list. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Median, min, max and relative spread of `values` (at least one). */
export function spreadOf(values: readonly number[]): Spread {
  const m = median(values);
  const min = Math.min(...values);
  const max = Math.max(...values);
  return { median: m, min, max, count: values.length, relative: m === 0 ? 0 : (max - min) / m };
}

/** The pairs' ratios `numerator[i] / denominator[i]`, pair by pair (the lists have one entry per pair). */
export function pairRatios(numerators: readonly number[], denominators: readonly number[]): number[] {
  if (numerators.length !== denominators.length) throw new Error(`pairRatios: ${numerators.length} numerators for ${denominators.length} denominators`);
  return numerators.map((value, i) => value / (denominators[i] as number));
}

/**
 * What the pairs say about a ratio:
 * - `one pair`: a single pair measures no spread, so nothing can be concluded about how steady it is;
 * - `too wide`: the spread exceeds `widestSpread` — run more pairs, or at a quieter time;
 * - `steady`: the pairs agree within `widestSpread`.
 */
export type Steadiness = 'one pair' | 'too wide' | 'steady';

export function steadiness(spread: Spread, widest = widestSpread): Steadiness {
  if (spread.count < 2) return 'one pair';
  return spread.relative > widest ? 'too wide' : 'steady';
}

/**
 * A budget `ratio ≤ budget` judged on every pair, not on the median alone: `met` when every pair met it,
 * `missed` when every pair missed it, `cannot conclude` when the pairs disagree or the spread is too wide.
 */
export type BudgetVerdict = 'met' | 'missed' | 'cannot conclude';

export function budgetVerdict(spread: Spread, budget: number, widest = widestSpread): BudgetVerdict {
  if (steadiness(spread, widest) === 'too wide') return 'cannot conclude';
  if (spread.max <= budget) return 'met';
  if (spread.min > budget) return 'missed';
  return 'cannot conclude';
}

/** `1.52× (1.45–1.60×)`, or `1.52×` for one pair. */
export function formatRatio(spread: Spread): string {
  return spread.count < 2 ? `${spread.median.toFixed(2)}×` : `${spread.median.toFixed(2)}× (${spread.min.toFixed(2)}–${spread.max.toFixed(2)}×)`;
}
