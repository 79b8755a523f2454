import { describe, expect, it } from 'vitest';
import { buildFacets, facetValues } from '../../src/domain/facets.ts';
import { doc } from './figures-fixtures.ts';

const plan = doc('hunan/2021-2025-plan', { title: '湖南省“十四五”民政事业发展规划', kind: 'plan', region: 'hunan', period: { year: 2021, half: null, end_year: 2025 } });
const notice = doc('hunan/2023-year-notice', { title: '关于提高城乡低保标准的通知', kind: 'notice', region: 'hunan', period: { year: 2023, half: null } });
const summary = doc('hunan/2023-h1-summary', { region: 'hunan', period: { year: 2023, half: 'H1' } });

describe('document facets', () => {
  it('lists a 2021–2025 plan under every year from 2021 to 2025', () => {
    expect(facetValues(plan, 'year')).toEqual(['2021', '2022', '2023', '2024', '2025']);
  });

  it('lists a one-year document under its year only', () => {
    expect(facetValues(summary, 'year')).toEqual(['2023']);
  });

  it('puts notices in their own kind, after the kinds that were there before', () => {
    const facets = buildFacets([notice, summary, plan]);
    expect([...facets.kind.keys()]).toEqual(['plan', 'summary', 'notice']);
    expect(facets.year.get('2023')?.map((d) => d.id)).toEqual(['hunan/2023-year-notice', 'hunan/2023-h1-summary', 'hunan/2021-2025-plan']);
    expect([...facets.year.keys()]).toEqual(['2025', '2024', '2023', '2022', '2021']);
  });
});
