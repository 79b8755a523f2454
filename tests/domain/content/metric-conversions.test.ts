import { describe, expect, it } from 'vitest';
import { formatContentIssues } from '../../../src/domain/content/content-issue.ts';
import { conversionProblems, knownFactor } from '../../../src/domain/content/metric-conversions.ts';
import { validateContent } from '../../../src/domain/content/validate-content.ts';
import { loadRegions, RegionIndex } from '../../../src/domain/regions.ts';
import { documentPath, documentText, metricText, sources, validFrontmatter } from './fixtures.ts';

const conversion = (unit: string, factor: number) => ({ unit, factor, label: '折算' });

describe('knownFactor', () => {
  it('knows a rate per year, quarter and month, and counts in 万', () => {
    expect(knownFactor('元/人/年', '元/人/月')).toBeCloseTo(1 / 12, 12);
    expect(knownFactor('元/人/季', '元/人/月')).toBeCloseTo(1 / 3, 12);
    expect(knownFactor('元/人/月', '元/人/年')).toBe(12);
    expect(knownFactor('万张', '张')).toBe(10000);
    expect(knownFactor('张', '万张')).toBe(1 / 10000);
  });

  it('does not guess between units it cannot relate', () => {
    expect(knownFactor('%', '张')).toBeUndefined();
    expect(knownFactor('元/户/月', '元/人/月')).toBeUndefined();
  });
});

describe('conversionProblems', () => {
  it('accepts the conversions the metrics use', () => {
    expect(conversionProblems({ unit: '元/人/月', conversions: [conversion('元/人/年', 0.0833333333333333)] })).toEqual([]);
    expect(conversionProblems({ unit: '张', conversions: [conversion('万张', 10000)] })).toEqual([]);
  });

  it('rejects a conversion of the metric to its own unit, a unit converted twice, and a wrong factor', () => {
    const problems = conversionProblems({ unit: '元/人/月', conversions: [conversion('元/人/月', 12), conversion('元/人/年', 5), conversion('元/人/年', 1 / 12)] });
    expect(problems.map((p) => [p.field, p.message])).toEqual([
      ['conversions[0].unit', '"元/人/月" is the metric\'s own unit, so it needs no conversion'],
      ['conversions[1].factor', 'a value in 元/人/年 is 1/12 × its value in 元/人/月, not 5 ×'],
      ['conversions[2].unit', '"元/人/年" is converted twice (also conversions[1])'],
    ]);
    expect(problems[1]?.hint).toBe(`set \`factor: ${1 / 12}\``);
  });
});

describe('metric files in validation', () => {
  const regions = new RegionIndex(loadRegions());
  const withMetric = (text: string) => ({ ...sources({ [documentPath]: documentText(validFrontmatter()) }), metrics: [{ path: 'content/metrics/dibao-urban.yaml', text }] });

  it('reports a wrong conversion on the metric file, naming the field and the fix', () => {
    const { issues } = validateContent(withMetric(metricText.replace('factor: 0.0833333333333333', 'factor: 12')), regions);
    expect(issues).toHaveLength(1);
    expect(formatContentIssues(issues)).toMatchSnapshot();
  });

  it('reports a metric file without a unit once, not again on every document that uses the metric', () => {
    const { issues } = validateContent(withMetric(metricText.replace('unit: 元/人/月\n', '')), regions);
    expect(issues.map((issue) => [issue.file, issue.field])).toEqual([['content/metrics/dibao-urban.yaml', 'unit']]);
  });
});
