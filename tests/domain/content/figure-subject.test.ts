import { describe, expect, it } from 'vitest';
import { categoryProblem, metricNameProblem, unitPeriodProblem } from '../../../src/domain/content/figure-subject.ts';
import { readContentSources } from '../../../src/domain/content/read-content.ts';
import { validateContent } from '../../../src/domain/content/validate-content.ts';
import { loadRegions, RegionIndex } from '../../../src/domain/regions.ts';
import { repo } from '../ingest/helpers.ts';

const sources = readContentSources(repo);
const { metrics } = validateContent({ documents: [], metrics: sources.metrics, topics: sources.topics }, new RegionIndex(loadRegions())).model;

describe('what a figure’s quote names', () => {
  it('tells sibling metrics apart by the words their names and short names start with', () => {
    expect(metricNameProblem('农村低保A类由320元提高至380元', 'dibao-urban', metrics)?.hint).toContain('`metric: dibao-rural`');
    expect(metricNameProblem('城市特困人员供养基本生活标准由650元提高到715元', 'tekun-rural', metrics)?.hint).toContain('tekun-urban');
    expect(metricNameProblem('机构集中养育孤儿每人每月1900元', 'orphan-allowance-dispersed', metrics)?.hint).toContain('orphan-allowance-institutional');
    expect(metricNameProblem('护理型床位总数达1775张', 'elderly-care-beds', metrics)?.hint).toContain('`metric: nursing-beds`');
    expect(metricNameProblem('养老机构护理型床位占比达到55%', 'nursing-bed-share', metrics)).toBeUndefined();
  });

  it('leaves a quote that names neither metric, or both, to the author', () => {
    expect(metricNameProblem('每人每月600元', 'orphan-allowance-dispersed', metrics)).toBeUndefined();
    expect(metricNameProblem('城市和农村低保标准分别为780元、755元', 'dibao-rural', metrics)).toBeUndefined();
    expect(metricNameProblem('重度残疾人护理补贴和困难残疾人生活补贴标准由每项60元提高到65元', 'disability-living-subsidy', metrics)).toBeUndefined();
  });

  it('reads the class a quote names, and leaves a quote naming none or several', () => {
    expect(categoryProblem('C类由315元提高至360元', 'B')?.message).toBe('the quote states class C (C类), not B');
    expect(categoryProblem('550元/月.人', 'A')).toBeUndefined();
    expect(categoryProblem('A类、B类分别为550元、420元', 'B')).toBeUndefined();
  });

  it('reads per month or per year from the quote, not from a date or a bracketed restatement', () => {
    expect(unitPeriodProblem('每人每年4560元', '元/人/月')?.hint).toBe('did you mean `unit: 元/人/年`?');
    expect(unitPeriodProblem('716元/人.月', '元/人/年')?.hint).toBe('did you mean `unit: 元/人/月`?');
    expect(unitPeriodProblem('2023年1月起城市低保标准提高至780元', '元/人/年')).toBeUndefined();
    expect(unitPeriodProblem('8244元(月人均687元)提高到8400元', '元/人/年')).toBeUndefined();
    expect(unitPeriodProblem('8244元(月人均687元)提高到8400元', '元/人/月')?.hint).toBe('did you mean `unit: 元/人/年`?');
    expect(unitPeriodProblem('养老床位总数达6331张', '张')).toBeUndefined();
  });
});
