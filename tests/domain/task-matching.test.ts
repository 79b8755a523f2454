import { describe, expect, it } from 'vitest';
import { bigrams, dice, documentIdFromPath, splitSentences, suggestTaskMatches, suggestionsYaml } from '../../src/domain/task-matching.ts';

const summary = `2023年,在区委、区政府的正确领导下,我局扎实推进各项工作。

## 一、社会救助

1. 城乡低保标准已提高至城市780元/月/人、农村755元/月/人,自7月起执行。**提标工作**已按时全部完成并通过验收。
2. 低收入人口动态监测帮扶工作正在有序推进,已纳入监测对象1200人。

## 二、养老服务

区社会福利院迁址重建项目主体尚未开工。我局全面完成552户特殊困难老年人家庭适老化改造。

| 序号 | 事项 |
| --- | --- |
| 1 | 婚姻登记合格率100% |
`;

const tasks = [
  { id: '2-2', title: '稳步提高城乡居民最低生活保障标准', goal: '城市最低生活保障标准为780元/月/人、农村最低生活保障标准为755元/月/人。', status: 'awaiting-summary' as const },
  { id: '1-3', title: '健全分层分类的社会救助体系', goal: '进一步强化低收入人口动态监测帮扶。', status: 'awaiting-summary' as const },
  { id: '2-4', title: '区社会福利院迁址重建主体完工', goal: '区社会福利院迁址重建项目计划于2024年底竣工。', status: 'awaiting-summary' as const },
  { id: '3-12', title: '启动老年人帮扶行动和实施适老化改造', goal: '完成552户特殊困难老年人家庭适老化改造任务。', status: 'awaiting-summary' as const },
  { id: '5-1', title: '主题教育', goal: '深入学习,推动理论学习入脑入心。', status: 'awaiting-summary' as const },
];

describe('character bigrams', () => {
  it('ignore punctuation and spaces and compare by Dice coefficient', () => {
    expect([...bigrams('低保，标准')]).toEqual(['低保', '保标', '标准']);
    expect(dice(bigrams('提高低保标准'), bigrams('提高低保标准'))).toBe(1);
    expect(dice(bigrams('提高低保标准'), bigrams('婚姻登记'))).toBe(0);
  });
});

describe('summary sentences', () => {
  it('are exact fragments of the body, without headings, list markers, emphasis marks or table pipes', () => {
    const sentences = splitSentences(summary);
    for (const s of sentences) expect(summary).toContain(s);
    expect(sentences).toContain('城乡低保标准已提高至城市780元/月/人、农村755元/月/人,自7月起执行。');
    expect(sentences).toContain('已按时全部完成并通过验收。');
    expect(sentences).toContain('婚姻登记合格率100%');
    expect(sentences.some((s) => s.startsWith('#') || s.includes('**') || s.includes('|'))).toBe(false);
  });
});

describe('task matching', () => {
  const suggestions = suggestTaskMatches(tasks, summary);
  const byId = new Map(suggestions.map((s) => [s.task.id, s]));

  it('ranks the sentence that reports on a task first, with a score', () => {
    const best = byId.get('2-2')!.matches[0]!;
    expect(best.sentence).toBe('城乡低保标准已提高至城市780元/月/人、农村755元/月/人,自7月起执行。');
    expect(best.score).toBeGreaterThan(0.4);
    expect(byId.get('2-2')!.matches.length).toBeLessThanOrEqual(3);
  });

  it('suggests done, in progress or not started from the status words of the best sentence', () => {
    expect(byId.get('2-2')!.suggestedStatus).toBe('done');
    expect(byId.get('1-3')!.suggestedStatus).toBe('in-progress');
    expect(byId.get('2-4')!.suggestedStatus).toBe('not-started');
    expect(byId.get('3-12')!.suggestedStatus).toBe('done');
  });

  it('suggests not mentioned when no sentence reaches the threshold', () => {
    expect(byId.get('5-1')!.suggestedStatus).toBe('not-mentioned');
    expect(byId.get('5-1')!.reason).toMatch(/no sentence scores/);
  });

  it('writes YAML with status and evidence the maintainer can paste after review', () => {
    const yaml = suggestionsYaml(suggestions, 'anhui/xuancheng/xuanzhou/2023-year-summary');
    expect(yaml).toContain('  - id: "2-2"  # 稳步提高城乡居民最低生活保障标准');
    expect(yaml).toContain('    status: done\n    evidence:\n      document: "anhui/xuancheng/xuanzhou/2023-year-summary"\n      quote: "城乡低保标准已提高至城市780元/月/人、农村755元/月/人,自7月起执行。"');
    expect(yaml).toMatch(/- id: "5-1".*\n {4}status: not-mentioned\n(?! {4}evidence)/);
  });

  it('derives a summary’s document id from its path under content/documents/', () => {
    expect(documentIdFromPath('content/documents/anhui/xuancheng/xuanzhou/2023-h2-summary.md')).toBe('anhui/xuancheng/xuanzhou/2023-h2-summary');
    expect(documentIdFromPath('/tmp/summary.md')).toBeUndefined();
  });
});
