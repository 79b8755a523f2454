/**
 * Pages nobody developing the rules has seen, because they were invented after the rules: the layouts the
 * corpus shows (bylines, breadcrumbs, 文库 chrome, flattened tables, traditional characters, pipes and one label
 * per line), the documents bureaus publish (notices raising 低保/特困/孤儿/残疾人 standards, a 十四五 plan, a
 * half-year summary, a summary with next year's plan, a task list), with places, numbers and wording of their
 * own (tests/fixtures/ingest/invented). Each expectation was written from the page, before running the ingester
 * on it; a rule fitted to the labelled pages' wording fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentSources } from '../../../src/domain/content/read-content.ts';
import { validateContent } from '../../../src/domain/content/validate-content.ts';
import { destination, serializeDraft } from '../../../src/domain/ingest/draft.ts';
import { ingestText } from '../../../src/domain/ingest/ingest.ts';
import type { Draft } from '../../../src/domain/ingest/types.ts';
import type { MetricValueInput } from '../../../src/schemas/metric.ts';
import { fixturesDir, projectContext, repo } from './helpers.ts';

const inventedDir = join(fixturesDir, 'ingest', 'invented');

function draftOf(page: string, url?: string): Draft {
  const drafts = ingestText(readFileSync(join(inventedDir, page), 'utf8'), page, projectContext(), url ? { url } : {});
  expect(drafts).toHaveLength(1);
  return drafts[0] as Draft;
}

/** What `npm run check` says of the draft written where ingestion puts it; empty when it passes. */
function checkProblems(draft: Draft): string[] {
  const sources = readContentSources(repo);
  // A held draft (a news report) is checked where it goes once a maintainer decides to publish it.
  const where = destination(draft);
  const path = `content/${where.kind === 'draft' && where.documentPath ? where.documentPath : where.path}`;
  const { issues } = validateContent({ documents: [{ path, text: serializeDraft(draft) }], metrics: sources.metrics, topics: sources.topics }, projectContext().regions);
  return issues.map((issue) => `${issue.field ?? ''}: ${issue.message}`);
}

/** A figure as expected: every field the page states, and a fragment its quote must contain. */
type Expected = Omit<MetricValueInput, 'quote'> & { inQuote: string };

function figuresOf(draft: Draft): Expected[] {
  return (draft.frontmatter.metrics ?? []).map((figure) => {
    const { quote, ...rest } = figure as MetricValueInput;
    return { ...rest, inQuote: quote };
  });
}

function expectFigures(draft: Draft, expected: Expected[]): void {
  const got = figuresOf(draft);
  expect(got.map(({ inQuote: _quote, ...rest }) => rest)).toEqual(expected.map(({ inQuote: _quote, ...rest }) => rest));
  got.forEach((figure, i) => expect(figure.inQuote).toContain(expected[i]?.inQuote));
}

describe('invented pages, read as a maintainer would read them', () => {
  it('reads a county notice under a breadcrumb, byline and toolbar, with its closing 新标准自…起执行 for every standard', () => {
    const draft = draftOf('notice-byline.txt');
    expect(draft.frontmatter).toMatchObject({ title: '关于提高城乡居民最低生活保障标准的通知', kind: 'notice', period: { year: 2024, half: null }, region: 'hubei/enshi/lichuan', publisher: '利川市民政局', published: '2024-06-18' });
    expectFigures(draft, [
      { metric: 'dibao-urban', value: 715, unit: '元/人/月', previous: 680, effective: '2024-07-01', inQuote: '每人每月680元提高到每人每月715元' },
      { metric: 'dibao-rural', value: 5400, unit: '元/人/年', previous: 5160, effective: '2024-07-01', inQuote: '每人每年5160元提高到每人每年5400元' },
    ]);
    expect(draft.dropped.map((line) => line.text)).toEqual(expect.arrayContaining(['首页 > 政务公开 > 通知公告', '字号：大 中 小', '打印本页 关闭窗口']));
    expect(checkProblems(draft)).toEqual([]);
  });

  it('reads a traditional-character notice of 特困 standards and keeps its quotes as printed', () => {
    const draft = draftOf('traditional-tekun.txt');
    expect(draft.frontmatter).toMatchObject({ kind: 'notice', period: { year: 2023, half: null }, region: 'gansu/tianshui/qinzhou', publisher: '天水市秦州區民政局', published: '2023-09-05' });
    expectFigures(draft, [
      { metric: 'tekun-urban', value: 1080, unit: '元/人/月', previous: 1020, effective: '2023-10-01', inQuote: '每人每月1020元調整為每人每月1080元' },
      { metric: 'tekun-rural', value: 8160, unit: '元/人/年', previous: 7800, effective: '2023-10-01', inQuote: '每人每年7800元調整為每人每年8160元' },
    ]);
    expect(checkProblems(draft)).toEqual([]);
  });

  it('reads a 十四五 plan: 2021—2025, its 到2025年 goals as targets and its review of 十三五 as results', () => {
    const draft = draftOf('fourteenth-plan.txt');
    expect(draft.frontmatter).toMatchObject({ kind: 'plan', period: { year: 2021, half: null, end_year: 2025 }, region: 'jiangxi/ganzhou/yudou', publisher: '于都县民政局' });
    expectFigures(draft, [
      { metric: 'elderly-care-beds', value: 2150, unit: '张', inQuote: '养老床位总数达到2150张' },
      { metric: 'dibao-urban', value: 720, unit: '元/人/月', inQuote: '每人每月720元' },
      { metric: 'dibao-rural', value: 510, unit: '元/人/月', inQuote: '510元' },
      { metric: 'elderly-care-beds', value: 3200, unit: '张', target: true, inQuote: '养老床位总数达到3200张' },
      { metric: 'nursing-bed-share', value: 55, unit: '%', target: true, inQuote: '护理型床位占比不低于55%' },
      { metric: 'dibao-urban', value: 850, unit: '元/人/月', target: true, inQuote: '城市低保标准达到每人每月850元' },
      { metric: 'dibao-rural', value: 640, unit: '元/人/月', target: true, inQuote: '农村低保标准达到每人每月640元' },
      { metric: 'new-elderly-care-beds', value: 1000, unit: '张', target: true, inQuote: '新增养老床位1000张' },
    ]);
    expect(checkProblems(draft)).toEqual([]);
  });

  it('reads a half-year summary: H1, results as results and the 下半年 plan as a target', () => {
    const draft = draftOf('half-year-summary.txt');
    expect(draft.frontmatter).toMatchObject({ kind: 'summary', period: { year: 2023, half: 'H1' }, region: 'yunnan/qujing/xuanwei', publisher: '宣威市民政局' });
    expectFigures(draft, [
      { metric: 'dibao-urban', value: 736, unit: '元/人/月', inQuote: '城市低保标准达到每人每月736元' },
      { metric: 'dibao-rural', value: 5064, unit: '元/人/年', inQuote: '农村低保标准达到每人每年5064元' },
      { metric: 'new-elderly-care-beds', value: 120, unit: '张', inQuote: '新增养老床位120张' },
      { metric: 'new-elderly-care-beds', value: 200, unit: '张', target: true, inQuote: '新增养老床位200张' },
    ]);
    expect(checkProblems(draft)).toEqual([]);
  });

  it('turns a table whose cells come one per line into task rows, with the bureau the title opens with as publisher', () => {
    const draft = draftOf('flattened-task-table.txt');
    expect(draft.frontmatter).toMatchObject({ kind: 'task-list', period: { year: 2024, half: null }, region: 'shanxi/changzhi/luzhou', publisher: '潞州区民政局' });
    expect(draft.frontmatter.tasks?.map((task) => [task.title, task.owner, task.deadline])).toEqual([
      ['稳步提高城乡低保保障水平', '社会救助股', '2024年6月底'],
      ['推进街道综合养老服务中心建设', '养老服务股', '2024年10月底'],
      ['开展地名文化保护', '区划地名股', '2024年12月底'],
    ]);
    expect(checkProblems(draft)).toEqual([]);
  });

  it('reads the two disability subsidies and both orphan allowances of one notice, each with its previous value', () => {
    const draft = draftOf('disability-orphans.txt');
    expect(draft.frontmatter).toMatchObject({ kind: 'notice', period: { year: 2022, half: null }, region: 'guangdong/meizhou/jiaoling', published: '2022-03-10' });
    expect(figuresOf(draft).map((figure) => [figure.metric, figure.value, figure.previous])).toEqual([
      ['disability-living-subsidy', 180, 170],
      ['disability-care-subsidy', 240, 230],
      ['orphan-allowance-institutional', 2000, 1900],
      ['orphan-allowance-dispersed', 1330, 1250],
    ]);
    // 从2022年1月起 opens the sentence of the subsidies: their date of effect.
    expect(figuresOf(draft).slice(0, 2).map((figure) => figure.effective)).toEqual(['2022-01-01', '2022-01-01']);
    expect(checkProblems(draft)).toEqual([]);
  });

  it('drops a 文库 page’s chrome and the site name after its title', () => {
    const draft = draftOf('wenku-summary.txt');
    expect(draft.frontmatter).toMatchObject({ title: '讷河市民政局2022年工作总结', kind: 'summary', period: { year: 2022, half: null }, region: 'heilongjiang/qiqihaer/nehe', publisher: '讷河市民政局' });
    expect(draft.body).not.toMatch(/下载后可任意编辑|第1页共2页|豆丁文库/);
    expectFigures(draft, [
      { metric: 'dibao-urban', value: 662, unit: '元/人/月', inQuote: '城市低保标准提高至每人每月662元' },
      { metric: 'dibao-rural', value: 5180, unit: '元/人/年', inQuote: '农村低保标准提高至每人每年5180元' },
      { metric: 'elderly-care-beds', value: 1860, unit: '张', inQuote: '养老床位总数达到1860张' },
      { metric: 'nursing-beds', value: 980, unit: '张', inQuote: '护理型床位980张' },
    ]);
    expect(checkProblems(draft)).toEqual([]);
  });

  it('reads a header in pipes, classes listed as A、B、C三类 before 分别, a date of effect across a clause and a number set apart as 5 520', () => {
    const draft = draftOf('pipes-metadata-classes.txt');
    expect(draft.frontmatter).toMatchObject({ kind: 'notice', period: { year: 2024, half: null }, region: 'guizhou/zunyi/meitan', publisher: '湄潭县民政局', published: '2023-12-22', written: '2023-12-20', source: { index_no: '11360730MB1234567X/2023-04512', doc_no: '湄民发〔2023〕58号' } });
    expectFigures(draft, [
      { metric: 'dibao-urban', value: 790, unit: '元/人/月', category: 'A', effective: '2024-01-01', inQuote: '790元' },
      { metric: 'dibao-urban', value: 760, unit: '元/人/月', category: 'B', effective: '2024-01-01', inQuote: '760元' },
      { metric: 'dibao-urban', value: 730, unit: '元/人/月', category: 'C', effective: '2024-01-01', inQuote: '730元' },
      { metric: 'dibao-rural', value: 5520, unit: '元/人/年', effective: '2024-01-01', inQuote: '每人每年5 520元' },
    ]);
    expect(checkProblems(draft)).toEqual([]);
  });

  it('reads a header of one label per line, full-width digits, 張 and the next year’s plan of a summary', () => {
    const draft = draftOf('label-lines-summary-plan.txt');
    expect(draft.frontmatter).toMatchObject({ title: '叙州区民政局2023年工作总结及2024年工作计划', kind: 'summary', period: { year: 2023, half: null }, region: 'sichuan/yibin/xuzhou', publisher: '叙州区民政局', published: '2024-01-16' });
    expectFigures(draft, [
      { metric: 'dibao-urban', value: 750, unit: '元/人/月', inQuote: '每人每月７５０元' },
      { metric: 'dibao-rural', value: 560, unit: '元/人/月', inQuote: '５６０元' },
      { metric: 'elderly-care-beds', value: 4560, unit: '张', inQuote: '养老机构床位达4 560張' },
      { metric: 'nursing-bed-share', value: 58, unit: '%', inQuote: '护理型床位占比达到58%' },
      { metric: 'new-elderly-care-beds', value: 500, unit: '张', target: true, inQuote: '新增养老床位500张' },
    ]);
    expect(draft.report.notInModel?.map((figure) => figure.quote)).toContain('新增护理型床位300张');
    expect(checkProblems(draft)).toEqual([]);
  });

  it('takes the region from a county’s own address, and reports an address two counties share instead of guessing', () => {
    const settled = draftOf('address-only-notice.txt', 'http://www.liling.gov.cn/xxgk/202104/t20210402_1234.html');
    expect(settled.frontmatter).toMatchObject({ kind: 'notice', period: { year: 2021, half: null }, region: 'hunan/zhuzhou/liling' });
    expectFigures(settled, [
      { metric: 'dibao-urban', value: 620, unit: '元/人/月', effective: '2021-04-01', inQuote: '城市低保标准为每人每月620元' },
      { metric: 'dibao-rural', value: 4800, unit: '元/人/年', effective: '2021-04-01', inQuote: '每人每年4 800元' },
    ]);
    expect(checkProblems(settled)).toEqual([]);

    // www.wugang.gov.cn is 舞钢市 (河南) or 武冈市 (湖南), and the page names neither: a draft, with the reason.
    const shared = draftOf('address-only-notice.txt', 'http://www.wugang.gov.cn/xxgk/202104/t20210402_1234.html');
    expect(shared.frontmatter.region).toBeUndefined();
    expect(destination(shared)).toMatchObject({ kind: 'draft', why: 'the text does not settle region' });
    expect(shared.report.missing.find((field) => field.field === 'region')?.why).toMatch(/henan\/pingdingshan\/wugang.*hunan\/shaoyang\/wugang/);
  });

  it('takes the region from a local news portal named after its city, the text’s 我市 choosing the city over a district of that name', () => {
    const draft = draftOf('region-news-host.txt', 'http://www.zhuzhounews.cn/system/2021/10/28/011234567.shtml');
    expect(draft.frontmatter).toMatchObject({ kind: 'notice', period: { year: 2021, half: null }, region: 'hunan/zhuzhou' });
    expect(figuresOf(draft).map((figure) => [figure.metric, figure.value, figure.previous, figure.effective])).toEqual([
      ['dibao-urban', 680, 640, '2021-11-01'],
      ['dibao-rural', 5520, 5160, '2021-11-01'],
    ]);
    // A news portal's report of the bureau's press conference: drafted in full, held for the maintainer's decision.
    expect(draft.held).toMatch(/^a news report/);
    expect(checkProblems(draft)).toEqual([]);
  });

  it('marks a provincial average as an average', () => {
    const draft = draftOf('yearly-average.txt', 'http://mzt.hubei.gov.cn/fbjd/xxgkml/202208/t20220830_4282.shtml');
    expect(draft.frontmatter).toMatchObject({ kind: 'notice', period: { year: 2022, half: null }, region: 'hubei' });
    expectFigures(draft, [
      { metric: 'dibao-urban', value: 726, unit: '元/人/月', previous: 693, effective: '2022-07-01', average: true, inQuote: '城市低保平均标准由每人每月693元提高到每人每月726元' },
      { metric: 'dibao-rural', value: 5820, unit: '元/人/年', previous: 5400, effective: '2022-07-01', average: true, inQuote: '农村低保平均标准由年人均5400元提高到年人均5820元' },
    ]);
  });

  it('reads no figure from money paid, people counted, 高龄津贴 or a multiple of 低保, in a summary full of numbers', () => {
    const draft = draftOf('busy-summary.txt');
    expect(draft.frontmatter).toMatchObject({ kind: 'summary', period: { year: 2021, half: null }, region: 'fujian/longyan/changting', publisher: '长汀县民政局' });
    expectFigures(draft, [
      { metric: 'dibao-urban', value: 720, unit: '元/人/月', previous: 680, inQuote: '每月每人680元提高 为每月每人720元' },
      { metric: 'dibao-rural', value: 5760, unit: '元/人/年', previous: 5400, inQuote: '年人均5 400元提高到年人均5 760元' },
      { metric: 'nursing-bed-share', value: 52, unit: '%', inQuote: '护理型床位占比达到52%' },
      { metric: 'elderly-care-beds', value: 2200, unit: '张', target: true, inQuote: '养老床位总数达到2 200张' },
    ]);
    expect(draft.report.notInModel?.map((figure) => figure.subject)).toEqual(expect.arrayContaining(['高龄津贴', '月人均补助']));
    expect(checkProblems(draft)).toEqual([]);
  });
});

describe('the site name a title bar adds', () => {
  it('is left out of the title after a separator, and a title’s own dash stays', async () => {
    const { withoutSiteName } = await import('../../../src/domain/ingest/text.ts');
    expect(withoutSiteName('某县民政局2020年工作总结 - 百度文库')).toBe('某县民政局2020年工作总结');
    expect(withoutSiteName('关于调整城乡低保标准的通知_某某市人民政府门户网站')).toBe('关于调整城乡低保标准的通知');
    expect(withoutSiteName('某市民政事业发展规划（2021—2025年）')).toBe('某市民政事业发展规划（2021—2025年）');
    expect(withoutSiteName('某区民政局 - 工作动态')).toBe('某区民政局 - 工作动态');
  });
});
