/**
 * The publishing record on a fixture site built for this file (tests/fixtures/disclosure-site: 宣州区 with a full
 * 2023 — task list, 上半年 and 全年 summaries — and a 2024 plan without its summary; 资兴市 with one 上半年 summary
 * that states only its 发布日期): the gap is shown where it is, the delays are the stated dates' difference, and
 * /disclosure/ and its province pages, the region pages and /data/disclosure.csv say the same.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSiteOrThrow, contentRootWithDefinitions } from '../../tools/site-build.ts';

const work = mkdtempSync(join(tmpdir(), 'gongkai-disclosure-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const outDir = join(work, 'dist');
buildSiteOrThrow({ workDir: work, outDir, cacheDir: join(work, 'cache'), contentRoot: contentRootWithDefinitions(join(work, 'root'), resolve(import.meta.dirname, '../fixtures/disclosure-site')) });
const read = (path: string) => readFileSync(join(outDir, path), 'utf8');
/** The page's text with tags removed, so a test reads what a reader reads. */
const text = (path: string) => read(path).replace(/<[^>]+>/g, '').replace(/&nbsp;|\u00a0/g, ' ').replace(/\s+/g, ' ');

/** The CSV's rows as objects, by its header. */
function csvRows(): Record<string, string>[] {
  const [header, ...lines] = read('data/disclosure.csv').replace(/^\uFEFF/, '').trimEnd().split('\r\n');
  const columns = header!.split(',');
  // No field of this fixture holds a comma or a quote, so a plain split reads it.
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [columns[i], cell])));
}

describe('a bureau with a plan and no summary', () => {
  it('shows the year-end summary as not in this site on its region page, never as 未公开', () => {
    const page = text('regions/anhui/xuancheng/xuanzhou/index.html');
    expect(page).toContain('公开记录');
    expect(page).toContain('本站未收录2024年的年度（或下半年）工作总结（已收录该年的工作计划）');
    expect(page).not.toContain('未公开');
  });

  it('is counted in its province’s line on /disclosure/, which links to the province’s page', () => {
    const html = read('disclosure/index.html');
    const row = /<tr id="region-340000">([\s\S]*?)<\/tr>/.exec(html)?.[1];
    // 省份, 收录的民政部门, 收录文件, 对照缺项, 省级本级收录.
    expect(row?.replace(/<[^>]+>/g, '')).toBe('安徽省1 个4 份1 项本站未收录');
    expect(row).toContain('href="/disclosure/anhui/"');
    expect(html).not.toContain('id="region-341802"');
  });

  it('is listed on its province’s page under its city, linking to its region page’s record', () => {
    const html = read('disclosure/anhui/index.html');
    expect(html.indexOf('id="region-341800"')).toBeLessThan(html.indexOf('id="region-341800-counties"'));
    expect(html.indexOf('id="region-341800-counties"')).toBeLessThan(html.indexOf('id="region-341802"'));
    expect(html).not.toContain('id="region-431000"');
    const row = /<tr id="region-341802">([\s\S]*?)<\/tr>/.exec(html)?.[1]?.replace(/<[^>]+>/g, '');
    // 地区, 收录文件, 年份, 最近一年收录, 注明成文和发布日期, 本站未收录 (the labels are CSS, not text).
    expect(row).toBe('宣州区4 份2023—2024年2024年：工作计划4 份1 项');
    expect(html).toContain('href="/regions/anhui/xuancheng/xuanzhou/#publishing-record"');
  });

  it('marks the gap in the open data, and no gap for the complete year', () => {
    const rows = csvRows().filter((row) => row.region === 'anhui/xuancheng/xuanzhou');
    expect(rows.filter((row) => row.year === '2024' && row.slot === 'year-end-summary')).toEqual([expect.objectContaining({ held: 'false', document: '', gap: 'year-end-summary-missing', url: 'https://gongkai.example.org/regions/anhui/xuancheng/xuanzhou/' })]);
    expect(rows.filter((row) => row.year === '2023' && row.gap !== '')).toEqual([]);
  });
});

describe('the delay from 成文 to 发布', () => {
  // 2023-01-31 → 2023-02-01 across a month end; 2023-12-28 → 2024-01-05 across a year end; 2024-02-27 → 2024-03-01 across 29 February.
  const stated = [
    ['anhui/xuancheng/xuanzhou/2023-year-task-list', '2023-01-31', '2023-02-01', 1],
    ['anhui/xuancheng/xuanzhou/2023-h1-summary', '2023-07-12', '2023-07-20', 8],
    ['anhui/xuancheng/xuanzhou/2023-year-summary', '2023-12-28', '2024-01-05', 8],
    ['anhui/xuancheng/xuanzhou/2024-year-plan', '2024-02-27', '2024-03-01', 3],
  ] as const;

  it.each(stated)('equals the dates’ difference for %s in the open data', (document, written, published, days) => {
    const [row] = csvRows().filter((r) => r.document === document);
    expect(row).toMatchObject({ written, published, delay_days: String(days), held: 'true' });
    expect((Date.parse(published) - Date.parse(written)) / 86_400_000).toBe(days);
  });

  it('is shown with both dates on the region page', () => {
    const page = text('regions/anhui/xuancheng/xuanzhou/index.html');
    expect(page).toContain('成文 2024年2月27日，发布 2024年3月1日，成文后 3 天发布');
    expect(page).toContain('成文 2023年12月28日，发布 2024年1月5日，成文后 8 天发布');
  });

  it('is left out where only the 发布日期 is stated, and the page says which date is missing', () => {
    const [row] = csvRows().filter((r) => r.document === 'hunan/chenzhou/zixing/2023-h1-summary');
    expect(row).toMatchObject({ written: '', published: '2023-07-10', delay_days: '' });
    expect(text('regions/hunan/chenzhou/zixing/index.html')).toContain('发布 2023年7月10日（原文未注明成文日期）');
  });
});

describe('a region that holds no plan or summary of its own', () => {
  it('says so on its page and points to its row on its province’s page, where its county is', () => {
    const page = read('regions/hunan/chenzhou/index.html');
    expect(page.replace(/<[^>]+>/g, '')).toContain('本站未收录湖南省 郴州市本级民政部门的工作计划、工作总结或任务清单');
    expect(page).toContain('href="/disclosure/hunan/#region-431000"');
    expect(read('disclosure/hunan/index.html')).toContain('<tr id="region-431000">');
    expect(read('regions/hunan/index.html')).toContain('href="/disclosure/hunan/"');
  });

  it('is linked from the footer, and the national page and each province’s are in the sitemap', () => {
    expect(read('index.html')).toContain('href="/disclosure/"');
    const sitemap = read('sitemap.xml');
    for (const path of ['disclosure/', 'disclosure/anhui/', 'disclosure/hunan/']) expect(sitemap).toContain(`<loc>https://gongkai.example.org/${path}</loc>`);
  });
});
