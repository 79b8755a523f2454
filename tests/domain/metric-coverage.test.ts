import { describe, expect, it } from 'vitest';
import { regionsReporting } from '../../src/domain/metric-coverage.ts';

const point = (metric: string, slug: string) => ({ metric, region: { slug } });

describe('how many regions report a metric', () => {
  it('counts each region once, however many figures, classes or years it states', () => {
    const counts = regionsReporting([
      point('dibao-urban', 'hunan/chenzhou/zixing'),
      point('dibao-urban', 'hunan/chenzhou/zixing'),
      point('dibao-urban', 'anhui/xuancheng/xuanzhou'),
      point('elderly-care-beds', 'shanghai'),
    ]);
    expect(counts).toEqual(new Map([['dibao-urban', 2], ['elderly-care-beds', 1]]));
  });

  it('has no entry for a metric nobody states', () => {
    expect(regionsReporting([]).get('dibao-urban')).toBeUndefined();
  });
});
