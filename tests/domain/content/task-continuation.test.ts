/**
 * A task's link to the earlier task it continues (`tasks[].continues`), checked by the one validation road: the
 * fixture of余杭区's 2021 and 2022 plans is valid; each wrong link is reported on its field with path:line:col,
 * and a proposal tasks:suggest wrote is an error until a maintainer deletes its marker.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatContentIssues } from '../../../src/domain/content/content-issue.ts';
import { validateContent } from '../../../src/domain/content/validate-content.ts';
import { continuationProblems, unconfirmedMarker, type ContinuationSide } from '../../../src/domain/content/task-continuation.ts';
import { namesTask } from '../../../src/domain/content/task-evidence.ts';
import { loadRegions, RegionIndex } from '../../../src/domain/regions.ts';
import { sources } from './fixtures.ts';

const regions = new RegionIndex(loadRegions());
const folder = 'content/documents/zhejiang/hangzhou/yuhang';
const fixture = resolve(import.meta.dirname, '../../fixtures/promises-site', folder);
const files = ['2021-year-plan.md', '2022-year-plan.md', '2022-year-summary.md'];
const original = Object.fromEntries(files.map((name) => [`${folder}/${name}`, readFileSync(join(fixture, name), 'utf8')]));

const repo = resolve(import.meta.dirname, '../../..');
const definition = (path: string) => ({ path, text: readFileSync(join(repo, path), 'utf8') });

/** Validates the fixture, with the project's definitions it names, and the 2022 plan's text changed by `edit`. */
function validateWith(edit: (plan2022: string) => string) {
  const documents = { ...original, [`${folder}/2022-year-plan.md`]: edit(original[`${folder}/2022-year-plan.md`]!) };
  const content = sources(documents);
  content.metrics.push(definition('content/metrics/new-elderly-care-beds.yaml'));
  content.topics.push(definition('content/topics/elderly-care.yaml'));
  return validateContent(content, regions).issues;
}

describe('a task linked to the task it continues', () => {
  it('is valid in the fixture: same bureau, earlier plan, both sentences in their bodies', () => {
    expect(validateWith((text) => text)).toEqual([]);
  });

  it('reports a missing earlier document, a missing task and quotes not in the bodies, each at its field', () => {
    const issues = validateWith((text) =>
      text
        .replace('task: 1-2', 'task: 9-9')
        .replace('earlier_quote: 推进特殊困难', 'earlier_quote: 不在正文里的推进特殊困难')
        .replace('quote: 继续增加养老床位供给', 'quote: 改写过的继续增加养老床位供给')
        .replace(/(continues:\n {6}document: )zhejiang\/hangzhou\/yuhang\/2021-year-plan(\n {6}task: 1-1)/, '$1zhejiang/hangzhou/yuhang/2020-year-plan$2'),
    );
    expect(issues.map((i) => [i.field, i.message])).toEqual([
      ['tasks[0].continues.quote', 'the quote does not appear in the body'],
      ['tasks[0].continues.document', 'document "zhejiang/hangzhou/yuhang/2020-year-plan" does not exist'],
      ['tasks[1].continues.task', 'zhejiang/hangzhou/yuhang/2021-year-plan has no task "9-9"'],
      ['tasks[1].continues.earlier_quote', 'the quote does not appear in zhejiang/hangzhou/yuhang/2021-year-plan'],
    ]);
    expect(formatContentIssues(issues)).toMatchSnapshot();
  });

  it('reports a goal that 目标由X改为Y would quote but its body does not state, at the goal’s line and column', () => {
    const issues = validateWith((text) => text.replace('goal: 全年新增养老床位300张', 'goal: 2022年全年新增养老床位300张'));
    expect(issues.map((i) => [i.file, i.field, i.line, i.column])).toEqual([[`${folder}/2022-year-plan.md`, 'tasks[0].goal', 19, 11]]);
    expect(formatContentIssues(issues)).toMatchSnapshot();
  });

  it('does not ask for a goal both lists word the same (目标表述未变 quotes nothing)', () => {
    const same = (text: string) => text.replace('goal: 完成适老化改造100户', 'goal: 完成改造一百户（不在正文）');
    // Only the 2022 plan's 1-2 goal changes, so 1-2's goals now differ: the 2022 one is not in its body.
    expect(validateWith(same).map((i) => i.field)).toEqual(['tasks[1].goal']);
  });

  it('fails on a proposal whose unconfirmed marker is still there, at the marker’s line', () => {
    const issues = validateWith((text) => text.replace('    continues:\n', `    ${unconfirmedMarker}\n    continues:\n`));
    expect(issues).toEqual([expect.objectContaining({ file: `${folder}/2022-year-plan.md`, line: 24, column: 5, message: 'a proposed task link is not confirmed yet' })]);
  });
});

describe('continuationProblems', () => {
  const side = (over: Partial<ContinuationSide>): ContinuationSide => ({
    id: 'zhejiang/hangzhou/yuhang/2022-year-plan',
    kind: 'plan',
    region: 'zhejiang/hangzhou/yuhang',
    period: { year: 2022, half: null },
    taskIds: new Set(['1-1']),
    hasInBody: () => true,
    ...over,
  });
  const link = { document: 'zhejiang/hangzhou/yuhang/2021-year-plan', task: '1-1', earlier_quote: '全年新增养老床位200张', quote: '全年新增养老床位300张' };
  const task = { title: '增加养老床位供给', goal: '全年新增养老床位300张' };

  it('accepts the same bureau’s earlier plan', () => {
    expect(continuationProblems(link, task, side({}), side({ id: link.document, period: { year: 2021, half: null } }), task)).toEqual([]);
  });

  it('rejects another region’s document, a later one and a summary', () => {
    const earlier = side({ id: link.document, kind: 'summary', region: 'zhejiang/hangzhou/xihu', period: { year: 2023, half: null } });
    expect(continuationProblems(link, task, side({}), earlier, task).map((p) => p.message)).toEqual([
      'zhejiang/hangzhou/yuhang/2021-year-plan is a summary: a task continues a task of a plan or task list',
      'zhejiang/hangzhou/yuhang/2021-year-plan is about zhejiang/hangzhou/xihu, not this document’s region zhejiang/hangzhou/yuhang',
      'zhejiang/hangzhou/yuhang/2021-year-plan does not cover an earlier time than this document',
    ]);
  });

  it('rejects a quote that names nothing of the task', () => {
    expect(namesTask('做到应救尽救', task)).toBe(false);
    const problems = continuationProblems({ ...link, quote: '做到应救尽救' }, task, side({}), side({ id: link.document, period: { year: 2021, half: null } }), task);
    expect(problems).toEqual([expect.objectContaining({ field: 'quote', message: 'the quote shares no term with the task’s title or goal' })]);
  });
});
