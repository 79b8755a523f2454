/**
 * A document's `changes` (修订记录) are dated oldest first, none after the build date and none before the document
 * was published — reported like every content error, at the entry's `date` with `path:line:col`.
 */
import { describe, expect, it } from 'vitest';
import { formatContentIssues, formatGithubAnnotations } from '../../../src/domain/content/content-issue.ts';
import { buildDateInChina, changeDateProblems } from '../../../src/domain/content/change-dates.ts';
import { validateContent } from '../../../src/domain/content/validate-content.ts';
import { loadRegions, RegionIndex } from '../../../src/domain/regions.ts';
import { documentPath, documentText, sources, validFrontmatter } from './fixtures.ts';

const regions = new RegionIndex(loadRegions());
const today = '2026-12-03';

describe('changeDateProblems', () => {
  it('accepts corrections in date order between the publication and today, two on one day included', () => {
    const changes = [
      { date: '2023-07-10', note: '更正标题' },
      { date: '2024-03-02', note: '更正城市低保A类标准' },
      { date: '2024-03-02', note: '补充发布机构' },
      { date: today, note: '更正成文日期' },
    ];
    expect(changeDateProblems(changes, { published: '2023-07-10' }, today)).toEqual([]);
  });

  it('names the entry that is out of order and the earlier-listed entry it comes before', () => {
    const changes = [
      { date: '2024-03-02', note: '更正城市低保A类标准' },
      { date: '2024-05-01', note: '更正特困供养标准' },
      { date: '2024-04-01', note: '补充发布机构' },
    ];
    expect(changeDateProblems(changes, {}, today)).toEqual([
      {
        field: 'changes[2].date',
        value: '2024-04-01',
        message: '2024-04-01 is earlier than changes[1] above it (2024-05-01): changes are listed oldest first',
        hint: 'move this entry above the one dated 2024-05-01, or correct its date',
      },
    ]);
  });

  it('rejects a correction dated after the build date', () => {
    expect(changeDateProblems([{ date: '2026-12-04', note: '更正' }], {}, today)).toEqual([
      expect.objectContaining({ field: 'changes[0].date', value: '2026-12-04', message: '2026-12-04 is after the build date 2026-12-03 (China Standard Time)' }),
    ]);
  });

  it('rejects a correction before the publication date, and before the written date when no publication date is stated', () => {
    expect(changeDateProblems([{ date: '2023-07-09', note: '更正' }], { published: '2023-07-10', written: '2023-07-01' }, today)).toEqual([
      expect.objectContaining({ field: 'changes[0].date', message: '2023-07-09 is before the document was published (published: 2023-07-10)', hint: expect.stringContaining('`published` if that is the wrong one') }),
    ]);
    expect(changeDateProblems([{ date: '2023-06-30', note: '更正' }], { written: '2023-07-01' }, today)).toEqual([
      expect.objectContaining({ message: '2023-06-30 is before the document was written (written: 2023-07-01)' }),
    ]);
    expect(changeDateProblems([{ date: '2001-01-01', note: '更正' }], {}, today)).toEqual([]);
  });
});

describe('buildDateInChina', () => {
  it('is the date in China Standard Time, a day ahead of UTC from 16:00 UTC', () => {
    expect(buildDateInChina(new Date('2026-12-02T15:59:59Z'))).toBe('2026-12-02');
    expect(buildDateInChina(new Date('2026-12-02T16:00:00Z'))).toBe('2026-12-03');
  });
});

describe('changes dates in npm run check and the build', () => {
  const text = documentText({
    ...validFrontmatter(),
    changes: [
      { date: '2024-03-02', note: '更正城市低保A类标准' },
      { date: '2023-07-01', note: '补充发布机构' },
    ],
  });
  const { issues } = validateContent(sources({ [documentPath]: text }), regions, { today });
  const line = text.split('\n').findIndex((l) => l.includes('2023-07-01')) + 1;
  const column = (text.split('\n')[line - 1] ?? '').indexOf('2023-07-01');

  it('reports each problem of an entry at its date with path:line:col, in the human and GitHub formats', () => {
    expect(issues.map((issue) => [issue.field, issue.message, issue.line])).toEqual([
      ['changes[1].date', '2023-07-01 is before the document was published (published: 2023-07-10)', line],
      ['changes[1].date', '2023-07-01 is earlier than changes[0] above it (2024-03-02): changes are listed oldest first', line],
    ]);
    // The value is quoted by the YAML dump: the column is its opening quote's.
    expect(issues[0]?.column).toBe(column);
    expect(formatContentIssues(issues)).toContain(`${documentPath}:${line}:${column}`);
    expect(formatGithubAnnotations(issues)).toContain(`::error file=${documentPath},line=${line},col=${column},title=content error%3A changes[1].date::2023-07-01 is before the document was published`);
  });

  it('keeps the document in the model: the dates are an error to fix, not a reason to drop the page', () => {
    expect(validateContent(sources({ [documentPath]: text }), regions, { today }).model.documents).toHaveLength(1);
  });
});
