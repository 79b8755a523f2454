import { describe, expect, it } from 'vitest';
import { documentPeriodLabel, periodLabel } from '../../src/domain/periods.ts';

describe('period labels', () => {
  it('reads { year: 2023, half: H1 } as 2023年上半年 and a whole year as 2023年', () => {
    expect(periodLabel({ year: 2023, half: 'H1' })).toBe('2023年上半年');
    expect(periodLabel({ year: 2023, half: null })).toBe('2023年');
  });

  it('reads { year: 2021, end_year: 2025 } as 2021—2025年', () => {
    expect(periodLabel({ year: 2021, half: null, end_year: 2025 })).toBe('2021—2025年');
  });

  it('adds “十四五”时期 when the title of a 2021—2025 plan says 十四五', () => {
    expect(documentPeriodLabel({ title: '资兴市“十四五”民政事业发展规划', period: { year: 2021, half: null, end_year: 2025 } })).toBe('2021—2025年（“十四五”时期）');
    expect(documentPeriodLabel({ title: '十四五民政事业发展规划', period: { year: 2021, half: null, end_year: 2025 } })).toBe('2021—2025年（“十四五”时期）');
  });

  it('does not name a five-year plan the title does not name', () => {
    expect(documentPeriodLabel({ title: '资兴市民政事业发展规划（2021—2025年）', period: { year: 2021, half: null, end_year: 2025 } })).toBe('2021—2025年');
  });

  it('does not name 十四五 when the years are not 2021—2025', () => {
    expect(documentPeriodLabel({ title: '“十四五”养老服务体系建设规划（2022—2025年）', period: { year: 2022, half: null, end_year: 2025 } })).toBe('2022—2025年');
    expect(documentPeriodLabel({ title: '2023年落实“十四五”规划工作要点', period: { year: 2023, half: null } })).toBe('2023年');
  });
});
