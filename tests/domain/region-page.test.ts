import { describe, expect, it } from 'vitest';
import { figureAnswer } from '../../src/domain/figure-answer.ts';
import { regionPageListSize, regionPageView, type RegionPageInput } from '../../src/domain/region-page.ts';
import { statusByRegionAndYear } from '../../src/domain/task-status.ts';
import { doc, metrics, regions } from './figures-fixtures.ts';

const absolute = (path: string) => new URL(path, 'https://gongkai.example.org').href;
const summary = doc('hunan/chenzhou/zixing/2023-h1-summary', {
  region: 'hunan/chenzhou/zixing',
  period: { year: 2023, half: 'H1' },
  metrics: [
    { metric: 'dibao-urban', value: 550, unit: '元/人/月', category: 'A', quote: '城市低保A类由500元/月.人提高至550元/月.人' },
    { metric: 'elderly-care-beds', value: 1200, unit: '张', quote: '养老床位1200张' },
  ],
});
const taskList = doc('hunan/chenzhou/zixing/2023-year-task-list', {
  kind: 'task-list',
  region: 'hunan/chenzhou/zixing',
  period: { year: 2023, half: null },
  tasks: [
    { id: '1-1', group: '一、社会救助', title: '提高低保标准', status: 'awaiting-summary' },
    { id: '1-2', group: '一、社会救助', title: '新建养老服务站', status: 'awaiting-summary' },
  ],
});
const answers = summary.data.metrics.map((figure) => figureAnswer(summary, figure, metrics.get(figure.metric)!, { absolute }));

function input(overrides: Partial<RegionPageInput> = {}): RegionPageInput {
  const zixing = regions.get('hunan/chenzhou/zixing')!;
  return {
    region: zixing,
    chain: [regions.get('hunan')!, regions.get('hunan/chenzhou')!, zixing],
    fullName: '湖南省 郴州市 资兴市',
    children: [],
    documentCount: 2,
    answers,
    metrics,
    taskRollups: statusByRegionAndYear([taskList]),
    ...overrides,
  };
}

describe('the region page view', () => {
  it('leads from /regions/ through the ancestors to the region itself', () => {
    expect(regionPageView(input()).breadcrumb).toEqual([
      { href: '/regions/', label: '地区' },
      { href: '/regions/hunan/', label: '湖南省' },
      { href: '/regions/hunan/chenzhou/', label: '郴州市' },
      { label: '资兴市' },
    ]);
  });

  it('names the region’s level, code, document count and feed', () => {
    const view = regionPageView(input());
    expect(view.lead).toBe('县级行政区 · 行政区划代码 431081 · 收录文件 2 份');
    expect(view.feed).toEqual({ title: '湖南省 郴州市 资兴市 · 最新文件', href: '/regions/hunan/chenzhou/zixing/feed.xml' });
    expect(view.description).toBe('湖南省 郴州市 资兴市（行政区划代码 431081）民政部门的工作计划、总结、重点任务和指标数据，共 2 份文件。');
  });

  it('groups its figures by metric in the metrics’ order (beds at 10 before dibao at 40)', () => {
    const groups = regionPageView(input()).figureGroups;
    expect(groups.map((g) => g.metric)).toEqual([
      { href: '/metrics/elderly-care-beds/', label: '养老床位总数' },
      { href: '/metrics/dibao-urban/', label: '城市最低生活保障标准' },
    ]);
    expect(groups[1]!.id).toBe('figures-dibao-urban');
    expect(groups[1]!.answers.map(({ id, title }) => ({ id, title }))).toEqual([{ id: 'figure-2-1', title: '城市低保标准 A类 · 2023年上半年' }]);
  });

  it('counts each year’s tasks by status and links the year’s row on /tasks/', () => {
    expect(regionPageView(input()).taskYears).toEqual([
      { href: '/tasks/#tasks-hunan-chenzhou-zixing-2023', label: '2023年：2 项任务', counts: '待总结 2 项' },
    ]);
  });

  it('says 本级 only for a region with regions under it, and links them', () => {
    expect(regionPageView(input()).ownLevel).toBe('');
    const city = regionPageView(input({ region: regions.get('hunan/chenzhou')!, chain: [regions.get('hunan')!, regions.get('hunan/chenzhou')!], children: [regions.get('hunan/chenzhou/zixing')!] }));
    expect(city.ownLevel).toBe('本级');
    expect(city.children).toEqual([{ href: '/regions/hunan/chenzhou/zixing/', label: '资兴市' }]);
  });

  it('sends readers to the search, filtered by the region, only when the list is cut short', () => {
    expect(regionPageView(input({ documentCount: regionPageListSize })).moreHref).toBeUndefined();
    expect(regionPageView(input({ documentCount: regionPageListSize + 1 })).moreHref).toBe('/search/?region=hunan/chenzhou/zixing');
  });
});
