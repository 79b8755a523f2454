import { describe, expect, it } from 'vitest';
import { figureRoleProblems, quotedNumbers, readDigits } from '../../../src/domain/content/figure-roles.ts';

const roles = (quote: string) => quotedNumbers(quote).map((n) => [n.value, n.role]);

describe('quotedNumbers', () => {
  it('tells the value before a change from the value after it, in the wordings bureaus use', () => {
    expect(roles('城市低保标准由每人每月500元提高到530元')).toEqual([[500, 'from'], [530, 'to']]);
    expect(roles('年标准从7094元提高至7334元')).toEqual([[7094, 'from'], [7334, 'to']]);
    expect(roles('从70元/人/月提高到75元/人/月')).toEqual([[70, 'from'], [75, 'to']]);
    expect(roles('由每年4800元/年提高到4860元/年')).toEqual([[4800, 'from'], [4860, 'to']]);
    expect(roles('特困人员基本生活标准调整为9048元/年')).toEqual([[9048, 'to']]);
    expect(roles('提高 为 660 元')).toEqual([[660, 'to']]);
  });

  it('reads a number directly before 提高到 as the earlier value, and 增加N元 as a raise', () => {
    expect(roles('5 520元提高到5 880元')).toEqual([[5520, 'from'], [5880, 'to']]);
    expect(roles('月人均增加47元')).toEqual([[47, 'increase']]);
  });

  it('leaves plain statements, lists and counts as stated', () => {
    expect(roles('每人每月980元、760元')).toEqual([[980, 'stated'], [760, 'stated']]);
    expect(roles('新增床位 500 张')).toEqual([[500, 'stated']]);
    expect(roles('1.5万张')).toEqual([[15000, 'stated']]);
  });

  it('reads full-width digits and separated thousands as the plain number, keeping the length of a list', () => {
    expect(readDigits('７５０元')).toBe('750元');
    expect(readDigits('5,520元')).toBe('5520元');
    expect(readDigits('550，420')).toBe('550，420');
  });
});

describe('figureRoleProblems', () => {
  it('accepts the raised-to value with the earlier one as previous', () => {
    expect(figureRoleProblems('由320元提高至380元', 380, 320)).toEqual([]);
    expect(figureRoleProblems('由320元提高至380元', 380)).toEqual([]);
  });

  it('names the value the quote raises to when the figure took the earlier one', () => {
    expect(figureRoleProblems('由320元提高至380元', 320)).toEqual([{ field: 'value', message: '320 is the value before the change in the quote, not the one the figure states', hint: 'did you mean `value: 380` with `previous: 320`?' }]);
  });

  it('accepts a value that also appears in a role of its own elsewhere in the quote', () => {
    // 550 is raised from in one clause and stated in another: the figure may be the stated one.
    expect(figureRoleProblems('由550元提高至600元，农村550元', 550)).toEqual([]);
  });

  it('says nothing when the quote writes the value in Chinese numerals', () => {
    expect(figureRoleProblems('新增养老床位一万张', 10000)).toEqual([]);
  });
});
