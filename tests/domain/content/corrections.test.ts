/** Silent corrections: what counts as a change to a published document, and what counts as a new `changes` entry. */
import { describe, expect, it } from 'vitest';
import { silentCorrections } from '../../../src/domain/content/corrections.ts';
import { validateContent } from '../../../src/domain/content/validate-content.ts';
import { loadRegions, RegionIndex } from '../../../src/domain/regions.ts';
import { documentPath, documentText, sources, validBody, validFrontmatter } from './fixtures.ts';

const published = documentText(validFrontmatter());
const withFrontmatter = (change: (fm: Record<string, any>) => void, body = validBody) => {
  const fm: Record<string, any> = validFrontmatter();
  change(fm);
  return documentText(fm, body);
};
const compare = (current: string | undefined, base = published, tombstones: string[] = []) =>
  silentCorrections([{ path: documentPath, base, ...(current === undefined ? {} : { current }) }], new Set(tombstones), 'origin/main');

describe('silent corrections since a base version', () => {
  it('accepts a document whose figures, dates and body are as published, whatever else changed', () => {
    expect(compare(withFrontmatter((fm) => (fm.topics = ['social-assistance', 'elderly-care'])))).toEqual([]);
  });

  it('names a changed unit and a changed publication date, each at its line', () => {
    const current = withFrontmatter((fm) => {
      fm.metrics[0].unit = '元/人/年';
      fm.published = '2023-07-11';
    });
    const issues = compare(current);
    const lineOf = (needle: string) => current.split('\n').findIndex((line) => line.includes(needle)) + 1;
    expect(issues.map(({ field, line }) => ({ field, line }))).toEqual([
      { field: 'metrics[0].unit', line: lineOf('元/人/年') },
      { field: 'published', line: lineOf('published:') },
    ]);
    expect(issues[1]?.message).toBe('changed since origin/main (was "2023-07-10") without a new `changes` entry');
  });

  it('names a removed figure', () => {
    expect(compare(withFrontmatter((fm) => (fm.metrics = []))).map((i) => i.field)).toEqual(['metrics[0]']);
  });

  it('places a changed body at its first changed line', () => {
    const current = withFrontmatter(() => {}, `${validBody}\n补充一句。\n`);
    const [issue] = compare(current);
    expect(issue?.message).toContain('the body text changed');
    expect(issue?.line).toBe(current.split('\n').indexOf('补充一句。') + 1);
  });

  it('does not count a trailing space or a last line end as a change of the text', () => {
    expect(compare(withFrontmatter(() => {}, validBody.replace('。\n', '。  \n\n')))).toEqual([]);
  });

  it('accepts a change with a changes entry the base did not have, and not with only the old entries', () => {
    const old = { date: '2023-08-01', note: '补录发布机构' };
    const base = withFrontmatter((fm) => (fm.changes = [old]));
    const changedWithOld = withFrontmatter((fm) => {
      fm.changes = [old];
      fm.metrics[0].value = 551;
    });
    expect(compare(changedWithOld, base).map((i) => i.field)).toEqual(['metrics[0].value']);
    const changedWithNew = withFrontmatter((fm) => {
      fm.changes = [old, { date: '2024-03-02', note: '更正城市低保A类标准' }];
      fm.metrics[0].value = 551;
    });
    expect(compare(changedWithNew, base)).toEqual([]);
  });

  it('requires a tombstone for a removed document, naming the address it would break', () => {
    expect(compare(undefined)[0]?.message).toContain('/documents/hunan/chenzhou/zixing/2023-h1-summary/ would turn into a 404');
    expect(compare(undefined, published, ['hunan/chenzhou/zixing/2023-h1-summary'])).toEqual([]);
  });
});

describe('content/withdrawn.yaml in validation', () => {
  const regions = new RegionIndex(loadRegions());
  const check = (withdrawn: string) =>
    validateContent({ ...sources({ [documentPath]: published }), withdrawn: { path: 'content/withdrawn.yaml', text: withdrawn } }, regions);

  it('reads a tombstone into the model, apart from the documents', () => {
    const { issues, model } = check('- { id: hunan/chenzhou/zixing/2023-h2-summary, title: 资兴市民政局2023年下半年工作总结, date: 2024-03-02, reason: 重复收录, replaced_by: hunan/chenzhou/zixing/2023-h1-summary }\n');
    expect(issues).toEqual([]);
    expect(model.withdrawn.map((t) => t.id)).toEqual(['hunan/chenzhou/zixing/2023-h2-summary']);
    expect(model.documents.map((d) => d.id)).toEqual(['hunan/chenzhou/zixing/2023-h1-summary']);
  });

  it('refuses a tombstone for a document still published, and a replacement that does not exist, at their lines', () => {
    const text = '- id: hunan/chenzhou/zixing/2023-h1-summary\n  title: 资兴市民政局2023年上半年工作总结\n  date: 2024-03-02\n  reason: 重复收录\n  replaced_by: hunan/chenzhou/zixing/2099-h1-summary\n';
    const { issues } = check(text);
    expect(issues.map(({ field, line, column }) => ({ field, line, column }))).toEqual([
      { field: '[0].id', line: 1, column: 7 },
      { field: '[0].replaced_by', line: 5, column: 16 },
    ]);
  });
});
