import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../../src/domain/ingest/figures.ts';
import { quoteStatesNumber } from '../../../src/domain/content/validate-content.ts';
import { ingestOne, projectContext } from './helpers.ts';

const figures = (body: string, kind?: 'plan' | 'summary' | 'task-list') => extractFigures(body, { metrics: projectContext().metrics, ...(kind ? { kind } : {}) });

describe('figures of the content model', () => {
  it('reads a raise as the new value with the previous one', () => {
    expect(figures('一是从2023年1月起,城市低保A类由500元/月.人提高至550元/月.人,月人均救助水平不低于370元。')).toEqual([
      { metric: 'dibao-urban', value: 550, unit: '元/人/月', category: 'A', previous: 500, effective: '2023-01-01', quote: '城市低保A类由500元/月.人提高至550元/月.人' },
    ]);
  });

  it('carries the metric of a sentence to the classes that follow it', () => {
    const found = figures('农村低保A类由320元/月.人提高至380元/月.人,B类由240元/月.人提高至280元/月.人,C类由180元/月.人提高至240元/月.人。');
    expect(found.map((f) => [f.metric, f.category, f.value, f.previous, f.quote])).toEqual([
      ['dibao-rural', 'A', 380, 320, '农村低保A类由320元/月.人提高至380元/月.人'],
      ['dibao-rural', 'B', 280, 240, 'B类由240元/月.人提高至280元/月.人'],
      ['dibao-rural', 'C', 240, 180, 'C类由180元/月.人提高至240元/月.人'],
    ]);
  });

  it('tells urban from rural standards', () => {
    expect(figures('城市最低生活保障标准为780元/月/人、农村最低生活保障标准为755元/月/人。')).toEqual([
      { metric: 'dibao-urban', value: 780, unit: '元/人/月', quote: '城市最低生活保障标准为780元/月/人' },
      { metric: 'dibao-rural', value: 755, unit: '元/人/月', quote: '农村最低生活保障标准为755元/月/人' },
    ]);
  });

  it('reads the basic living standard of persons in extreme poverty (特困)', () => {
    expect(figures('城市特困人员供养基本生活标准由650元/月.人提高到715元/月.人。农村特困人员供养基本生活标准由420元/月.人提高到550元/月.人。').map((f) => [f.metric, f.value, f.previous])).toEqual([
      ['tekun-urban', 715, 650],
      ['tekun-rural', 550, 420],
    ]);
  });

  it('gives both 两项补贴 metrics one figure each, with the same quote', () => {
    const quote = '重度残疾人护理补贴和困难残疾人生活补贴标准由每项60元/月.人提高到65元/月.人';
    expect(figures(`四是残疾人“两项补贴”提标。${quote},上半年已为54768人次残疾人发放两项补贴资金355.99万元。`)).toEqual([
      { metric: 'disability-care-subsidy', value: 65, unit: '元/人/月', previous: 60, quote },
      { metric: 'disability-living-subsidy', value: 65, unit: '元/人/月', previous: 60, quote },
    ]);
  });

  it('normalises the unit of a yearly standard to 元/人/年', () => {
    expect(figures('农村低保标准提高到每人每年6000元。')).toEqual([{ metric: 'dibao-rural', value: 6000, unit: '元/人/年', quote: '农村低保标准提高到每人每年6000元' }]);
  });

  it('reads the total of elderly-care beds and of nursing beds', () => {
    expect(figures('目前,全区养老床位总数达6331张,护理型床位总数达1775张。')).toEqual([
      { metric: 'elderly-care-beds', value: 6331, unit: '张', quote: '全区养老床位总数达6331张' },
      { metric: 'nursing-beds', value: 1775, unit: '张', quote: '护理型床位总数达1775张' },
    ]);
  });

  it('reads 新增1万张养老床位 as 10000 new beds, a target in a plan', () => {
    expect(figures('继续新增1万张养老床位,新建50家老年人日间照料机构。', 'plan')).toEqual([
      { metric: 'new-elderly-care-beds', value: 10000, unit: '张', target: true, quote: '继续新增1万张养老床位' },
    ]);
  });

  it('reads beds written in Chinese numerals', () => {
    const [figure] = figures('全年新增一万二千张养老床位。', 'summary');
    expect(figure).toEqual({ metric: 'new-elderly-care-beds', value: 12000, unit: '张', quote: '全年新增一万二千张养老床位' });
    expect(quoteStatesNumber(figure?.quote ?? '', 12000)).toBe(true);
  });

  it('does not force counts of people, households or money into a metric', () => {
    expect(figures('全市共保障农村低保对象9836户20232人,发放农村低保资金922.0920万元;月人均补差不低于227元。困难残疾人生活补贴2429人、重度残疾人护理补贴7201人。社会力量举办床位总数达4714张。')).toEqual([]);
  });

  it('takes every quote from the body it is checked against', () => {
    const draft = ingestOne('二是农村低保标准提标。农村低保A类由320元/月.人提高至380元/月.人,B类由240元/月.人提高至280元/月.人。\n');
    const metrics = (draft.frontmatter.metrics ?? []) as { quote: string; value: number }[];
    expect(metrics).toHaveLength(2);
    for (const figure of metrics) {
      expect(draft.body).toContain(figure.quote);
      expect(quoteStatesNumber(figure.quote, figure.value)).toBe(true);
    }
  });
});
