import { describe, expect, it } from 'vitest';
import { dateLabel, latestDate } from '../../src/domain/dates.ts';

describe('the site’s one date style', () => {
  it('writes 2023-08-28 as 2023年8月28日, without leading zeros', () => {
    expect(dateLabel('2023-08-28')).toBe('2023年8月28日');
    expect(dateLabel('2017-07-02')).toBe('2017年7月2日');
  });

  it('reads the date part of an Atom timestamp', () => {
    expect(dateLabel('2023-01-01T00:00:00+08:00')).toBe('2023年1月1日');
  });

  it('leaves text that is not an ISO date as it is', () => {
    expect(dateLabel('2023年12月底前')).toBe('2023年12月底前');
  });
});

describe('latestDate', () => {
  it('finds the latest date whatever the order, and nothing in an empty list', () => {
    expect(latestDate(['2024-03-02', '2025-01-09', '2024-12-31'])).toBe('2025-01-09');
    expect(latestDate([])).toBeUndefined();
  });
});
