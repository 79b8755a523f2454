import { describe, expect, it } from 'vitest';
import { documentsJson, metricColumns, metricRows, metricsCsv, metricsJson, taskColumns, taskRows, tasksCsv, type OpenDataContext } from '../../src/domain/open-data.ts';
import { quoteAnchor } from '../../src/domain/anchors.ts';
import { doc, regions } from './figures-fixtures.ts';

const context: OpenDataContext = {
  site: 'https://gongkai.example.org',
  regions,
  regionName: (slug) => (slug === 'hunan/chenzhou/zixing' ? '湖南省 郴州市 资兴市' : slug),
};

const zixing = doc('hunan/chenzhou/zixing/2023-h1-summary', {
  region: 'hunan/chenzhou/zixing',
  period: { year: 2023, half: 'H1' },
  note: '年份依据正文“从2023年1月起”确定，可能有误',
  metrics: [
    { metric: 'dibao-urban', value: 550, unit: '元/人/月', category: 'A', previous: 500, effective: '2023-01-01', quote: '城市低保A类由500元/月.人提高至550元/月.人' },
    { metric: 'elderly-care-beds', value: 1200, unit: '张', quote: '养老床位1200张，其中“护理型”床位占比过半' },
  ],
  tasks: [
    { id: '2-2', group: '二、重点工作', title: '稳步提高低保标准', goal: '城市低保780元,农村755元', leader: '周利宏', owner: '社会救助科', status: 'done', evidence: { document: 'hunan/chenzhou/zixing/2023-h2-summary', quote: '低保标准已提高' } },
    { id: '2-3', group: '二、重点工作', title: '拓宽救助范围', goal: '低收入人口不低于10%', leader: '周利宏', owner: '社会救助科', status: 'awaiting-summary' },
  ],
});

describe('metrics.csv and metrics.json', () => {
  const rows = metricRows([zixing], context);

  it('has exactly the documented columns, in order', () => {
    const csv = metricsCsv(rows);
    expect(csv.slice(1, csv.indexOf('\r\n'))).toBe('region,region_name,region_code,document,year,half,metric,category,scope,value,unit,previous,quote,url,end_year,average,target,effective,has_note');
    expect(metricColumns).toHaveLength(19);
  });

  it('writes one row per figure with an absolute URL to the quote’s anchor', () => {
    const lines = metricsCsv(rows).split('\r\n');
    expect(lines[1]).toBe(
      `hunan/chenzhou/zixing,湖南省 郴州市 资兴市,431081,hunan/chenzhou/zixing/2023-h1-summary,2023,H1,dibao-urban,A,,550,元/人/月,500,城市低保A类由500元/月.人提高至550元/月.人,https://gongkai.example.org/documents/hunan/chenzhou/zixing/2023-h1-summary/#${quoteAnchor('城市低保A类由500元/月.人提高至550元/月.人')},,false,false,2023-01-01,true`,
    );
  });

  it('quotes a quote that holds an ASCII comma or quotation mark, and leaves Chinese punctuation alone', () => {
    expect(metricsCsv(rows).split('\r\n')[2]).toContain(',养老床位1200张，其中“护理型”床位占比过半,');
    expect(metricsCsv(metricRows([doc('x', { region: 'hunan', period: { year: 2023, half: null }, metrics: [{ metric: 'elderly-care-beds', value: 5, unit: '张', quote: '新增"5"张,合计' }] })], context))).toContain('"新增""5""张,合计"');
  });

  it('gives JSON the same keys in the same order, with numbers as numbers and empty fields as null', () => {
    const json = JSON.parse(metricsJson(rows)) as Record<string, unknown>[];
    expect(Object.keys(json[0]!)).toEqual([...metricColumns]);
    expect(json[0]).toMatchObject({ year: 2023, value: 550, previous: 500, scope: null, half: 'H1' });
    expect(json[1]).toMatchObject({ category: null, previous: null });
  });
});

describe('what a number is: goal or result, since when, and whether its document carries a caveat', () => {
  const plan = doc('shanghai/2009-year-plan', {
    kind: 'plan',
    region: 'shanghai',
    period: { year: 2009, half: null },
    metrics: [{ metric: 'new-elderly-care-beds', value: 10000, unit: '张', target: true, quote: '继续新增1万张养老床位' }],
  });

  it('appends target, effective and has_note after average, so readers by position keep working', () => {
    expect(metricColumns.slice(0, 16).at(-1)).toBe('average');
    expect(metricColumns.slice(16)).toEqual(['target', 'effective', 'has_note']);
  });

  it('marks a plan’s 新增1万张 as a target, with no effective date and no note', () => {
    const [row] = JSON.parse(metricsJson(metricRows([plan], context))) as Record<string, unknown>[];
    expect(row).toMatchObject({ value: 10000, target: true, effective: null, has_note: false });
    expect(metricsCsv(metricRows([plan], context)).split('\r\n')[1]).toMatch(/,,false,true,,false$/);
  });

  it('gives a raise its effective date and previous value, and flags the document’s note', () => {
    const [raise, beds] = JSON.parse(metricsJson(metricRows([zixing], context))) as Record<string, unknown>[];
    expect(raise).toMatchObject({ value: 550, previous: 500, effective: '2023-01-01', target: false, has_note: true });
    expect(beds).toMatchObject({ effective: null, target: false, has_note: true });
  });
});

describe('tasks.csv', () => {
  const csv = tasksCsv(taskRows([zixing], context));

  it('has exactly the documented columns, in order', () => {
    expect(csv.slice(1, csv.indexOf('\r\n'))).toBe(taskColumns.join(','));
    expect(taskColumns.join(',')).toBe('region,region_name,region_code,document,group,id,title,goal,leader,owner,status,evidence,url');
  });

  it('links each task to its row on the list’s page and carries the summary’s words as evidence', () => {
    const lines = csv.split('\r\n');
    expect(lines[1]).toContain(',done,低保标准已提高,https://gongkai.example.org/documents/hunan/chenzhou/zixing/2023-h1-summary/#task-2-2');
    expect(lines[1]).toContain(',"城市低保780元,农村755元",');
    expect(lines[2]).toMatch(/,awaiting-summary,,https:\/\/gongkai\.example\.org\/documents\/hunan\/chenzhou\/zixing\/2023-h1-summary\/#task-2-3$/);
  });
});

describe('documents.json', () => {
  it('lists every front-matter field of each document with its page URL', () => {
    const [record] = JSON.parse(documentsJson([zixing], context)) as Record<string, unknown>[];
    expect(record).toMatchObject({ id: 'hunan/chenzhou/zixing/2023-h1-summary', url: 'https://gongkai.example.org/documents/hunan/chenzhou/zixing/2023-h1-summary/', region_code: '431081', kind: 'summary', period: { year: 2023, half: 'H1' } });
    for (const field of Object.keys(zixing.data)) expect(record).toHaveProperty(field);
  });
});

describe('open data of multi-year plans and averages', () => {
  const plan = doc('hunan/2021-2025-plan', {
    title: '湖南省“十四五”民政事业发展规划',
    kind: 'plan',
    region: 'hunan',
    period: { year: 2021, half: null, end_year: 2025 },
    metrics: [{ metric: 'dibao-urban', value: 900, unit: '元/人/月', target: true, average: true, quote: '到2025年全省城市低保平均标准达到900元' }],
  });

  it('appends end_year and average after url in metrics.csv', () => {
    expect(metricsCsv(metricRows([plan], context)).split('\r\n')[1]).toMatch(/,https:\/\/gongkai\.example\.org\/documents\/hunan\/2021-2025-plan\/#[^,]+,2025,true,true,,false$/);
  });

  it('writes end_year as null and average as false in metrics.json for a one-year document', () => {
    const [row] = JSON.parse(metricsJson(metricRows([zixing], context))) as Record<string, unknown>[];
    expect(row).toMatchObject({ end_year: null, average: false });
  });

  it('gives every documents.json period an end_year after year and half', () => {
    const [planRecord, summaryRecord] = JSON.parse(documentsJson([plan, zixing], context)) as { period: Record<string, unknown> }[];
    expect(Object.entries(planRecord!.period)).toEqual([['year', 2021], ['half', null], ['end_year', 2025]]);
    expect(Object.entries(summaryRecord!.period)).toEqual([['year', 2023], ['half', 'H1'], ['end_year', null]]);
  });
});
