import { describe, expect, it } from 'vitest';
import { periodPosition } from '../../src/charts/trend-line.ts';

describe('a trend’s time axis', () => {
  it('places half-years and whole years on one time scale, each at the middle of what it covers', () => {
    const h1 = periodPosition({ year: 2023, half: 'H1' });
    const year = periodPosition({ year: 2023, half: null });
    const h2 = periodPosition({ year: 2023, half: 'H2' });
    expect([h1, year, h2]).toEqual([2023.25, 2023.5, 2023.75]);
    // 2022年 to 2023年上半年 is three quarters of a year, not one category step.
    expect(h1 - periodPosition({ year: 2022, half: null })).toBe(0.75);
  });

  it('puts a multi-year plan, whose figures are targets for its last year, at that year’s end', () => {
    expect(periodPosition({ year: 2021, half: null, end_year: 2025 })).toBe(2026);
  });
});
