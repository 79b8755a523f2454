import { describe, expect, it } from 'vitest';
import { classDefinitions, classMeaning } from '../../src/domain/dibao-classes.ts';

describe('classDefinitions', () => {
  it('takes a class’s meaning from a sentence of the body that defines it', () => {
    const body = '实行分类施保，A类对象为无劳动能力、无生活来源、无法定赡养人的困难群众，B类为因病因残致贫家庭；C类（其他低保家庭）按差额补助。';
    const found = classDefinitions(body);
    expect(found.get('A')).toEqual({ category: 'A', definition: '无劳动能力、无生活来源、无法定赡养人的困难群众', fragment: 'A类对象为无劳动能力、无生活来源、无法定赡养人的困难群众' });
    expect(found.get('B')?.definition).toBe('因病因残致贫家庭');
    expect(found.get('C')?.definition).toBe('其他低保家庭');
  });

  it('finds no definition in sentences that only give the amounts of each class (资兴)', () => {
    const body = '从2023年1月起,城市低保A类由500元/月.人提高至550元/月.人,B类由370元/月.人提高至420元/月.人,C类由315元/月.人提高至360元/月.人。A类标准为550元。A类：提高10%。';
    expect(classDefinitions(body).size).toBe(0);
  });

  it('keeps the first definition of a class and reads full-width letters', () => {
    const found = classDefinitions('Ａ类是指特困家庭。A类是指另一种说法。');
    expect(found.get('A')?.definition).toBe('特困家庭');
  });
});

describe('classMeaning', () => {
  it('says what 分类施保 is, and that the document does not define the class, when the body has no definition', () => {
    const meaning = classMeaning('B', new Map());
    expect(meaning?.text).toContain('分类施保');
    expect(meaning?.text).toContain('本文未写明B类的认定条件');
    expect(meaning?.fragment).toBeUndefined();
  });

  it('quotes the document’s own definition when it has one', () => {
    const meaning = classMeaning('A', classDefinitions('A类对象为无劳动能力的困难群众。'));
    expect(meaning?.text).toBe('A类：无劳动能力的困难群众（原文：“A类对象为无劳动能力的困难群众”）');
  });

  it('says nothing for a figure without a class', () => {
    expect(classMeaning(undefined, new Map())).toBeUndefined();
  });
});
