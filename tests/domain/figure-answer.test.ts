import { describe, expect, it } from 'vitest';
import { documentCitation, figureAnswer } from '../../src/domain/figure-answer.ts';
import { citationText } from '../../src/domain/citation.ts';
import { classDefinitions } from '../../src/domain/dibao-classes.ts';
import { doc, metrics } from './figures-fixtures.ts';

const absolute = (path: string) => new URL(path, 'https://gongkai.example.org').href;
const zixing = doc('hunan/chenzhou/zixing/2023-h1-summary', {
  title: '资兴市民政局2023年上半年工作总结',
  publisher: '资兴市民政局',
  region: 'hunan/chenzhou/zixing',
  period: { year: 2023, half: 'H1' },
  note: '年份可能经转载网站改动，以转载文本为准。',
  metrics: [
    { metric: 'dibao-urban', value: 550, unit: '元/人/月', category: 'A', previous: 500, effective: '2023-01-01', quote: '城市低保A类由500元/月.人提高至550元/月.人' },
    { metric: 'elderly-care-beds', value: 10000, unit: '张', target: true, quote: '新增养老床位1万张' },
  ],
});
const dibao = metrics.get('dibao-urban')!;

describe('figureAnswer', () => {
  const answer = figureAnswer(zixing, zixing.data.metrics[0]!, dibao, { absolute });

  it('answers what the figure is and since when: value, class, 执行时间, 调整前 and that it is a reported result', () => {
    expect(answer.view).toEqual({ value: 550, unit: '元/人/月' });
    expect(answer.qualifiers).toEqual(['A类']);
    expect(answer.classMeaning?.text).toContain('分类施保');
    expect(answer.effective).toBe('2023-01-01');
    expect(answer.previous).toEqual({ value: 500, unit: '元/人/月' });
    expect(answer.nature.label).toBe('结果');
    expect(answer.average).toBeUndefined();
    expect(answer.period).toBe('2023年上半年');
  });

  it('links the sentence that states it and carries the document’s 编者注', () => {
    expect(answer.quote).toBe('城市低保A类由500元/月.人提高至550元/月.人');
    expect(answer.url).toMatch(/^\/documents\/hunan\/chenzhou\/zixing\/2023-h1-summary\/#q-[0-9a-z]+$/);
    expect(answer.caveat).toBe('年份可能经转载网站改动，以转载文本为准。');
  });

  it('cites the figure with the quote’s URL on this site', () => {
    expect(citationText(answer.citation, '2024-05-01')).toBe(`资兴市民政局. 资兴市民政局2023年上半年工作总结[EB/OL]. [2024-05-01]. ${absolute(answer.url)}.`);
  });

  it('uses the document’s own class definition where its body has one', () => {
    const withDefinition = figureAnswer(zixing, zixing.data.metrics[0]!, dibao, { absolute, classDefinitions: classDefinitions('A类对象为无劳动能力的困难群众。') });
    expect(withDefinition.classMeaning?.text).toBe('A类：无劳动能力的困难群众（原文：“A类对象为无劳动能力的困难群众”）');
  });

  it('calls a plan’s goal a goal, and says 平均 of an average', () => {
    const goal = figureAnswer(zixing, zixing.data.metrics[1]!, metrics.get('elderly-care-beds')!, { absolute });
    expect(goal.nature.label).toBe('目标');
    expect(goal.effective).toBeUndefined();
    expect(goal.classMeaning).toBeUndefined();
    const average = figureAnswer(zixing, { ...zixing.data.metrics[0]!, category: undefined, average: true }, dibao, { absolute });
    expect(average.average).toContain('平均');
  });

  it('gives a notice’s figure as the standard it sets', () => {
    const notice = doc('hunan/2023-year-notice', { region: 'hunan', kind: 'notice', period: { year: 2023, half: null } });
    expect(figureAnswer(notice, zixing.data.metrics[0]!, dibao, { absolute }).nature.label).toBe('标准');
  });
});

describe('documentCitation', () => {
  it('cites the document page on this site', () => {
    expect(citationText(documentCitation(zixing, absolute), '2024-05-01')).toBe(
      '资兴市民政局. 资兴市民政局2023年上半年工作总结[EB/OL]. [2024-05-01]. https://gongkai.example.org/documents/hunan/chenzhou/zixing/2023-h1-summary/.',
    );
  });
});
