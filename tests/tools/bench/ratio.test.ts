/** The median, its spread and the verdicts the bench draws from interleaved pairs (tools/bench/ratio.ts). */
import { describe, expect, it } from 'vitest';
import { budgetVerdict, formatRatio, median, pairRatios, spreadOf, steadiness } from '../../../tools/bench/ratio.ts';

describe('the median of the pairs', () => {
  it('is the middle value of an odd count and the mean of the middle two of an even one, whatever the order', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it('refuses an empty list rather than invent a figure', () => {
    expect(() => median([])).toThrow('median of no values');
  });
});

describe('the spread', () => {
  it('gives min, max and (max − min) over the median', () => {
    expect(spreadOf([1.2, 1.0, 1.4])).toEqual({ median: 1.2, min: 1, max: 1.4, count: 3, relative: (1.4 - 1) / 1.2 });
  });

  it('divides each pair by its own partner, not medians by medians', () => {
    expect(pairRatios([30, 60], [20, 30])).toEqual([1.5, 2]);
    expect(() => pairRatios([1, 2], [1])).toThrow('2 numerators for 1 denominators');
  });
});

describe('the verdict', () => {
  it('calls a spread up to a quarter of the median steady, wider too wide, and one pair unmeasured', () => {
    expect(steadiness(spreadOf([1.0, 1.25]))).toBe('steady');
    expect(steadiness(spreadOf([1.0, 1.3]))).toBe('too wide');
    expect(steadiness(spreadOf([1.0]))).toBe('one pair');
  });

  it('meets a budget only when every pair meets it, misses it only when every pair misses it', () => {
    expect(budgetVerdict(spreadOf([0.7, 0.75]), 0.8)).toBe('met');
    expect(budgetVerdict(spreadOf([0.85, 0.9]), 0.8)).toBe('missed');
    expect(budgetVerdict(spreadOf([0.75, 0.85]), 0.8)).toBe('cannot conclude');
  });

  it('draws no verdict from a spread too wide, even when every pair is under the budget', () => {
    expect(budgetVerdict(spreadOf([1.0, 2.0]), 2.5)).toBe('cannot conclude');
  });

  it('prints the median with its range, and the bare figure for one pair', () => {
    expect(formatRatio(spreadOf([1.05, 1.24]))).toBe('1.15× (1.05–1.24×)');
    expect(formatRatio(spreadOf([1.5]))).toBe('1.50×');
  });
});
