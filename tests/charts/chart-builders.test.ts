import { describe, expect, it } from 'vitest';
import { comparisonChart } from '../../src/charts/bar-comparison.ts';
import { trendChart } from '../../src/charts/trend-line.ts';
import { taskStatusChart, rollupAnchor } from '../../src/charts/task-status.ts';
import { chartCsv, type ChartModel } from '../../src/charts/chart-model.ts';
import { comparisons, metricPoints, trends } from '../../src/domain/metric-series.ts';
import { statusByRegionAndYear } from '../../src/domain/task-status.ts';
import { doc, metrics, regions } from '../domain/figures-fixtures.ts';

const context = { regionName: (slug: string) => `全称:${regions.get(slug)?.name}`, absolute: (path: string) => `https://gongkai.example.org${path}` };
const dibao = metrics.get('dibao-urban')!;

const documents = [
  doc('hunan/chenzhou/zixing/2022-year-summary', { region: 'hunan/chenzhou/zixing', period: { year: 2022, half: null }, metrics: [{ metric: 'dibao-urban', value: 6000, unit: '元/人/年', category: 'A', quote: 'A类每人每年6000元' }] }),
  doc('hunan/chenzhou/zixing/2023-h1-summary', {
    region: 'hunan/chenzhou/zixing',
    period: { year: 2023, half: 'H1' },
    metrics: [
      { metric: 'dibao-urban', value: 550, unit: '元/人/月', category: 'A', quote: 'A类提高至550元' },
      { metric: 'dibao-urban', value: 420, unit: '元/人/月', category: 'B', quote: 'B类提高至420元' },
    ],
  }),
  doc('anhui/xuancheng/xuanzhou/2023-year-task-list', { region: 'anhui/xuancheng/xuanzhou', period: { year: 2023, half: null }, kind: 'task-list', metrics: [{ metric: 'dibao-urban', value: 780, unit: '元/人/月', quote: '城市低保标准为780元' }] }),
];
const points = metricPoints(documents, metrics, regions);

/** The numbers a chart draws, and the numbers its table shows, each sorted. */
function chartNumbers(model: ChartModel): number[] {
  return model.spec.datasets.flatMap((d) => d.values.filter((v): v is number => v !== null)).sort((a, b) => a - b);
}
function tableNumbers(model: ChartModel): number[] {
  return model.table.rows.flatMap((row) => row.filter((c) => c.value !== undefined).map((c) => c.value!)).sort((a, b) => a - b);
}

describe('the comparison bar chart', () => {
  const [county] = comparisons(points, 'dibao-urban');
  const model = comparisonChart(county!, dibao, { ...context, id: 'compare-county', csvPath: '/metrics/dibao-urban/compare-county.csv' });

  it('puts regions on the axis and one coloured series per class, with gaps where a region has no such class', () => {
    expect(model.spec).toMatchObject({ type: 'bar', horizontal: true, labels: ['宣州区', '资兴市'], unit: '元/人/月' });
    expect(model.spec.datasets.map((d) => [d.label, d.values, d.colour])).toEqual([
      ['城市低保标准', [780, null], 'chart-1'],
      ['A类', [null, 550], 'chart-2'],
      ['B类', [null, 420], 'chart-3'],
    ]);
  });

  it('says for every plotted value which document and period it comes from, for a tap or a pointer to name', () => {
    expect(model.spec.datasets[1]!.sources).toEqual([null, '《hunan/chenzhou/zixing/2023-h1-summary 标题》，2023年上半年']);
  });

  it('links every plotted value to the quote that states it', () => {
    expect(model.spec.datasets[1]!.urls[1]).toMatch(/^\/documents\/hunan\/chenzhou\/zixing\/2023-h1-summary\/#q-/);
    expect(model.spec.datasets[1]!.urls[0]).toBeNull();
  });

  it('shows in its table exactly the numbers it draws, each linked to its quote', () => {
    expect(tableNumbers(model)).toEqual(chartNumbers(model));
    for (const row of model.table.rows) expect(row.find((c) => c.value !== undefined)!.href).toMatch(/#q-/);
  });

  it('has a caption with the unit, the period and the sources', () => {
    expect(model.table.caption).toContain('单位：元/人/月');
    expect(model.table.caption).toContain('时期：2023年上半年—2023年');
    expect(model.table.caption).toContain('《anhui/xuancheng/xuanzhou/2023-year-task-list 标题》');
    expect(model.label).toContain('最高为全称:宣州区780元/人/月');
  });

  it('writes a CSV with the same rows as the table and absolute quote links', () => {
    const lines = chartCsv(model).slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + model.table.rows.length);
    expect(lines[0]).toBe('地区,地区代码,分类,数值,单位,文件所述数值,文件所述单位,时期,文件,原文,链接,调整前数值,执行日期,目标,编者注');
    expect(lines[2]).toMatch(/^全称:资兴市,431081,A类,550,元\/人\/月,550,元\/人\/月,2023年上半年,hunan\/chenzhou\/zixing\/2023-h1-summary,A类提高至550元,https:\/\/gongkai\.example\.org\/documents\//);
  });
});

describe('chart CSVs say what a number is', () => {
  const raise = doc('hunan/chenzhou/zixing/2023-h1-summary', {
    region: 'hunan/chenzhou/zixing',
    period: { year: 2023, half: 'H1' },
    note: '年份可能有误',
    metrics: [{ metric: 'dibao-urban', value: 550, unit: '元/人/月', category: 'A', previous: 500, effective: '2023-01-01', quote: 'A类由500元提高至550元' }],
  });
  const goal = doc('anhui/xuancheng/xuanzhou/2023-year-plan', { region: 'anhui/xuancheng/xuanzhou', kind: 'plan', period: { year: 2023, half: null }, metrics: [{ metric: 'dibao-urban', value: 800, unit: '元/人/月', target: true, quote: '力争达到800元' }] });
  const [county] = comparisons(metricPoints([raise, goal], metrics, regions), 'dibao-urban');
  const rows = chartCsv(comparisonChart(county!, dibao, { ...context, id: 'c', csvPath: '/c.csv' })).slice(1).trimEnd().split('\r\n').slice(1);

  it('appends the value before the raise, its effective date, 否 for a result and 是 for a document with an editor’s note', () => {
    expect(rows.find((r) => r.startsWith('全称:资兴市'))).toMatch(/,500,2023-01-01,否,是$/);
  });

  it('marks a plan’s goal 目标 是, with empty previous and effective columns', () => {
    expect(rows.find((r) => r.startsWith('全称:宣州区'))).toMatch(/,,,是,否$/);
  });
});

describe('the trend line chart', () => {
  const zixing = trends(points, { region: 'hunan/chenzhou/zixing' });
  const model = trendChart(zixing, dibao, { ...context, id: 'trend-dibao-urban', csvPath: '/x.csv', title: '城市低保标准：资兴市历年变化', lineLabel: (t) => t.seriesKey });

  it('puts the periods in time order on the axis, and leaves a gap where a line has no value', () => {
    expect(model.spec.labels).toEqual(['2022年', '2023年上半年']);
    expect(model.spec.datasets.map((d) => [d.label, d.values])).toEqual([
      ['A', [500, 550]],
      ['B', [null, 420]],
    ]);
  });

  it('shows the per-month value of a yearly standard and says it was converted', () => {
    const yearly = model.table.rows.find((row) => row.some((c) => c.text.includes('折算')))!;
    expect(yearly.find((c) => c.value !== undefined)).toMatchObject({ value: 500, text: '500（由 6,000 元/人/年 折算）' });
    expect(tableNumbers(model)).toEqual(chartNumbers(model));
  });

  it('says so when there is only one period and no change can be seen yet', () => {
    const single = trendChart(trends(points, { region: 'anhui/xuancheng/xuanzhou' }), dibao, { ...context, id: 't', csvPath: '/t.csv', title: 't', lineLabel: () => 'x' });
    expect(single.label).toContain('目前只有一个时期的数据');
  });
});

describe('the task status chart', () => {
  const tasks = (statuses: string[]) =>
    statuses.map((status, i) => ({ id: `1-${i + 1}`, group: '一', title: `任务${i}`, goal: '目标', leader: '甲', owner: '乙', status: status as 'awaiting-summary', ...(status === 'done' ? { evidence: { document: 'x', quote: '已完成' } } : {}) }));
  const rollups = statusByRegionAndYear([
    doc('anhui/xuancheng/xuanzhou/2023-year-task-list', { region: 'anhui/xuancheng/xuanzhou', period: { year: 2023, half: null }, kind: 'task-list', tasks: tasks(['done', 'awaiting-summary', 'awaiting-summary']) }),
  ]);
  const model = taskStatusChart(rollups, { id: 'status', csvPath: '/tasks/status.csv', regionName: () => '宣州区', listAnchor: (r) => `#${rollupAnchor(r)}` });

  it('stacks the five statuses in their own colours for each region and year', () => {
    expect(model.spec).toMatchObject({ stacked: true, horizontal: true, labels: ['宣州区 2023年'], integer: true });
    expect(model.spec.datasets.map((d) => [d.colour, d.values[0]])).toEqual([
      ['tone-done', 1],
      ['tone-in-progress', 0],
      ['tone-not-started', 0],
      ['tone-not-mentioned', 0],
      ['tone-awaiting-summary', 2],
    ]);
  });

  it('links each non-empty segment to that status’s list of tasks', () => {
    expect(model.spec.datasets[0]!.urls[0]).toBe('#tasks-anhui-xuancheng-xuanzhou-2023-done');
    expect(model.spec.datasets[1]!.urls[0]).toBeNull();
  });

  it('shows the same counts in its table and CSV, with the status columns linked to their definitions', () => {
    expect(tableNumbers(model)).toEqual(chartNumbers(model));
    expect(model.table.columns[1]).toMatchObject({ label: '已完成', href: '#status-done' });
    expect(chartCsv(model).slice(1).split('\r\n')[1]).toBe('宣州区 2023年,anhui/xuancheng/xuanzhou,2023,1,0,0,0,2,3');
  });

  it('links into the province’s task pages and keeps the old in-page anchors on its rows', () => {
    const paged = taskStatusChart(rollups, {
      id: 'status',
      csvPath: '/tasks/status.csv',
      regionName: () => '宣州区',
      listAnchor: () => '/tasks/anhui/#tasks-anhui-xuancheng-xuanzhou-2023',
      statusAnchor: (_, status) => `/tasks/anhui/page/2/#tasks-anhui-xuancheng-xuanzhou-2023-${status}`,
      rowIds: true,
    });
    const [head, done] = paged.table.rows[0]!;
    expect(head).toMatchObject({ href: '/tasks/anhui/#tasks-anhui-xuancheng-xuanzhou-2023', id: 'tasks-anhui-xuancheng-xuanzhou-2023' });
    expect(done).toMatchObject({ href: '/tasks/anhui/page/2/#tasks-anhui-xuancheng-xuanzhou-2023-done', id: 'tasks-anhui-xuancheng-xuanzhou-2023-done' });
    expect(paged.spec.datasets[0]!.urls[0]).toBe('/tasks/anhui/page/2/#tasks-anhui-xuancheng-xuanzhou-2023-done');
    expect(model.table.rows[0]![0]!.id).toBeUndefined();
  });
});
