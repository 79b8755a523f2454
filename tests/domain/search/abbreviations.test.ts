import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAbbreviations, relatedForms } from '../../../src/domain/search/abbreviations.ts';
import { loadAbbreviations } from '../../../src/domain/search/node.ts';
import { repoRoot } from './corpus.ts';

const groups = [
  ['低保', '最低生活保障'],
  ['特困', '特困人员救助供养', '特困供养'],
  ['五保', '农村五保供养'],
  ['敬老院', '特困人员供养服务设施'],
];

describe('abbreviation groups', () => {
  it('loads the maintainers\' file content/search/abbreviations.yaml with the required pairs', () => {
    const loaded = loadAbbreviations(join(repoRoot, 'content/search/abbreviations.yaml'));
    expect(loaded.length).toBeGreaterThanOrEqual(15);
    const has = (a: string, b: string) => loaded.some((g) => g.includes(a) && g.includes(b));
    expect(has('低保', '最低生活保障')).toBe(true);
    expect(has('特困', '特困人员救助供养')).toBe(true);
    expect(has('两项补贴', '困难残疾人生活补贴和重度残疾人护理补贴')).toBe(true);
    expect(has('五保', '农村五保供养')).toBe(true);
    expect(has('临救', '临时救助')).toBe(true);
  });

  it('reports every problem of a broken file at once, each with the entry and the fix', () => {
    const broken = [{ forms: ['低保'] }, { forms: ['低保', '最低生活保障'] }, { forms: ['特困', '特困'] }, { forms: ['临救', '最低生活保障'] }];
    expect(() => parseAbbreviations(broken, 'abbreviations.yaml')).toThrowErrorMatchingInlineSnapshot(`
      [Error: Abbreviation file has 3 problem(s):
      abbreviations.yaml: entry 1: \`forms\` must list at least two equivalent forms, e.g. \`forms: [低保, 最低生活保障]\`; got ["低保"]
      abbreviations.yaml: entry 3: form "特困" is listed twice; remove one
      abbreviations.yaml: entry 4: form "最低生活保障" is also in entry 2; merge the two groups into one]
    `);
  });

  it('swaps the form a query part contains for each other form of its group', () => {
    expect(relatedForms(['低保标准'], groups)).toEqual([{ partIndex: 0, part: '最低生活保障标准', form: '最低生活保障', replaces: '低保' }]);
    expect(relatedForms(['最低生活保障'], groups).map((r) => r.part)).toEqual(['低保']);
  });

  it('uses the longest form a part contains, not a shorter one inside it', () => {
    expect(relatedForms(['特困人员救助供养'], groups).map((r) => r.part)).toEqual(['特困', '特困供养']);
    // 特困 here is only a piece of 特困人员供养服务设施, a form of another group.
    expect(relatedForms(['特困人员供养服务设施'], groups).map((r) => r.part)).toEqual(['敬老院']);
  });

  it('tries related forms for each part of a query separately', () => {
    expect(relatedForms(['低保', '五保'], groups).map((r) => [r.partIndex, r.part])).toEqual([
      [0, '最低生活保障'],
      [1, '农村五保供养'],
    ]);
  });
});
