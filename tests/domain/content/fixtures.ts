/** Small in-memory content sets for validation tests: one valid document, varied per test. */
import * as yaml from 'js-yaml';
import type { ContentSources } from '../../../src/domain/content/validate-content.ts';

export const validBody = `## 一、社会救助\n\n城市低保A类由500元/月.人提高至550元/月.人。\n`;

export function documentText(frontmatter: Record<string, unknown>, body = validBody): string {
  return `---\n${yaml.dump(frontmatter)}---\n${body}`;
}

export function validFrontmatter(): Record<string, unknown> {
  return {
    title: '资兴市民政局2023年上半年工作总结',
    kind: 'summary',
    period: { year: 2023, half: 'H1' },
    publisher: '资兴市民政局',
    region: 'hunan/chenzhou/zixing',
    published: '2023-07-10',
    topics: ['social-assistance'],
    metrics: [
      { metric: 'dibao-urban', category: 'A', value: 550, previous: 500, unit: '元/人/月', quote: '城市低保A类由500元/月.人提高至550元/月.人' },
    ],
  };
}

export const documentPath = 'content/documents/hunan/chenzhou/zixing/2023-h1-summary.md';

export const metricText = `name: 城市最低生活保障标准
short_name: 城市低保标准
name_en: Urban dibao standard
unit: 元/人/月
conversions:
  - { unit: 元/人/年, factor: 0.0833333333333333, label: 年标准 ÷ 12 }
measure: standard
counts: 城市低保标准
excludes: 救助金总额
has_categories: true
topic: social-assistance
`;
const topic = `name: 社会救助\nname_en: Social assistance\ndescription: 低保、特困与临时救助。\n`;

/** Sources with the given documents (path → front matter and body) and one metric and one topic. */
export function sources(documents: Record<string, string>): ContentSources {
  return {
    documents: Object.entries(documents).map(([path, text]) => ({ path, text })),
    metrics: [{ path: 'content/metrics/dibao-urban.yaml', text: metricText }],
    topics: [{ path: 'content/topics/social-assistance.yaml', text: topic }],
  };
}
