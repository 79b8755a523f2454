/**
 * The open-data files as a journalist gets them from the built site: every seed figure in metrics.csv with a
 * link that opens its quote, 宣州's 32 tasks in tasks.csv, JSON that parses, feeds and sitemap that resolve.
 */
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from './browser.ts';
import { bundledDocuments, bundledFigureCount, documentsWithin } from './bundled-content.ts';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

/** Minimal RFC 4180 reader for the tests (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

async function fetchBytes(path: string): Promise<{ status: number; type: string; bytes: Buffer }> {
  const response = await fetch(`${baseUrl}${path}`);
  return { status: response.status, type: response.headers.get('content-type') ?? '', bytes: Buffer.from(await response.arrayBuffer()) };
}

/** The site-relative path and fragment of an absolute URL the build wrote with its configured site. */
function sitePath(url: string): { path: string; anchor: string } {
  const parsed = new URL(url);
  return { path: parsed.pathname, anchor: parsed.hash.slice(1) };
}

describe('metrics.csv', () => {
  it('starts with a UTF-8 BOM and the documented columns', async () => {
    const { status, bytes } = await fetchBytes('/data/metrics.csv');
    expect(status).toBe(200);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(parseCsv(bytes.toString('utf8').slice(1))[0]).toEqual(['region', 'region_name', 'region_code', 'document', 'year', 'half', 'metric', 'category', 'scope', 'value', 'unit', 'previous', 'quote', 'url', 'end_year', 'average', 'target', 'effective', 'has_note']);
  });

  it('marks 上海’s 新增1万张 as a target and 资兴’s raises with their effective date and previous value', async () => {
    const [header, ...rows] = parseCsv((await fetchBytes('/data/metrics.csv')).bytes.toString('utf8').slice(1));
    const records = rows.map((row) => Object.fromEntries(header!.map((column, i) => [column, row[i]])));
    expect(records.find((r) => r.document === 'shanghai/2009-year-plan' && r.quote === '继续新增1万张养老床位')).toMatchObject({ metric: 'new-elderly-care-beds', value: '10000', target: 'true', effective: '', has_note: 'true' });
    const raises = records.filter((r) => r.document === 'hunan/chenzhou/zixing/2023-h1-summary' && r.effective !== '');
    expect(raises.map((r) => [r.metric, r.category, r.previous, r.value, r.effective, r.target])).toEqual([
      ['dibao-urban', 'A', '500', '550', '2023-01-01', 'false'],
      ['dibao-urban', 'B', '370', '420', '2023-01-01', 'false'],
      ['dibao-urban', 'C', '315', '360', '2023-01-01', 'false'],
    ]);
    // The 资兴 copy carries an editor's note (the year may be wrong): every one of its rows says so.
    expect(records.filter((r) => r.document === 'hunan/chenzhou/zixing/2023-h1-summary').every((r) => r.has_note === 'true')).toBe(true);
  });

  it('holds every figure of the content, each with a link to a page where its quote is marked', async () => {
    const [, ...rows] = parseCsv((await fetchBytes('/data/metrics.csv')).bytes.toString('utf8').slice(1));
    expect(rows).toHaveLength(bundledFigureCount);
    const byPage = new Map<string, { anchor: string; quote: string }[]>();
    for (const row of rows) {
      const { path, anchor } = sitePath(row[13]!);
      byPage.set(path, [...(byPage.get(path) ?? []), { anchor, quote: row[12]! }]);
    }
    const page = await browser.newPage();
    for (const [path, quotes] of byPage) {
      const response = await page.goto(`${baseUrl}${path}`);
      expect(response?.status(), path).toBe(200);
      // A quote may sit inside another figure's quote (分别达到636元、515元): the mark is found by id, its text compared.
      const marked = await page.evaluate((ids) => ids.map((id) => {
        const mark = document.getElementById(id);
        return mark?.tagName === 'MARK' && mark.classList.contains('quote') ? mark.textContent : null;
      }), quotes.map((q) => q.anchor));
      expect(marked, path).toEqual(quotes.map((q) => q.quote));
    }
    await page.close();
  });

  it('gives the same rows as metrics.json', async () => {
    const csv = parseCsv((await fetchBytes('/data/metrics.csv')).bytes.toString('utf8').slice(1));
    const json = (await (await fetch(`${baseUrl}/data/metrics.json`)).json()) as Record<string, unknown>[];
    expect(json).toHaveLength(csv.length - 1);
    expect(json.map((r) => r.quote)).toEqual(csv.slice(1).map((r) => r[12]));
    expect(json.find((r) => r.quote === '城市最低生活保障标准为780元/月/人')).toMatchObject({ region_code: '341802', value: 780, year: 2023, half: null });
  });

  it('opens in a browser on the quote, highlighted', async () => {
    const [, first] = parseCsv((await fetchBytes('/data/metrics.csv')).bytes.toString('utf8').slice(1));
    const { path, anchor } = sitePath(first![13]!);
    const page = await browser.newPage();
    await page.goto(`${baseUrl}${path}#${anchor}`);
    expect(await page.evaluate(() => document.querySelector(':target')?.tagName)).toBe('MARK');
    await page.close();
  });
});

describe('tasks.csv', () => {
  it('holds 宣州区’s 32 tasks with the documented columns and links to their rows', async () => {
    const { bytes } = await fetchBytes('/data/tasks.csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(bytes.toString('utf8').slice(1));
    expect(header).toEqual(['region', 'region_name', 'region_code', 'document', 'group', 'id', 'title', 'goal', 'leader', 'owner', 'status', 'evidence', 'url']);
    const xuanzhou = rows.filter((r) => r[0] === 'anhui/xuancheng/xuanzhou');
    expect(xuanzhou).toHaveLength(32);
    expect(new Set(xuanzhou.map((r) => r[5])).size).toBe(32);
    const html = await (await fetch(`${baseUrl}${sitePath(xuanzhou[0]![12]!).path}`)).text();
    for (const row of xuanzhou) expect(html).toContain(`id="${sitePath(row[12]!).anchor}"`);
  });
});

describe('documents.json, feeds and the sitemap', () => {
  it('lists every document with its front matter', async () => {
    const docs = (await (await fetch(`${baseUrl}/data/documents.json`)).json()) as { id: string; title: string; kind: string; url: string }[];
    expect(docs).toHaveLength(bundledDocuments.length);
    expect(docs.map((d) => d.id)).toContain('anhui/xuancheng/xuanzhou/2023-year-task-list');
    for (const d of docs) expect(d.url).toMatch(/^https?:\/\/[^/]+\/documents\/.+\/$/);
  });

  it('publish Atom feeds, site-wide and per region, that a browser parses', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/data/`);
    for (const [path, entries] of [['/feed.xml', Math.min(bundledDocuments.length, 50)], ['/regions/hunan/feed.xml', documentsWithin('hunan')], ['/regions/shanghai/feed.xml', documentsWithin('shanghai')]] as const) {
      const xml = await (await fetch(`${baseUrl}${path}`)).text();
      const parsed = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'application/xml');
        return { error: doc.querySelector('parsererror')?.textContent ?? null, root: doc.documentElement.namespaceURI, entries: doc.getElementsByTagName('entry').length };
      }, xml);
      expect(parsed, path).toEqual({ error: null, root: 'http://www.w3.org/2005/Atom', entries });
    }
    await page.close();
  });

  it('open in a browser as a readable Chinese page through /feed.xsl, under the site’s CSP', async () => {
    const xml = await (await fetch(`${baseUrl}/feed.xml`)).text();
    expect(xml.split('\n').slice(0, 2)).toEqual(['<?xml version="1.0" encoding="utf-8"?>', '<?xml-stylesheet type="text/xsl" href="/feed.xsl"?>']);
    const stylesheet = await fetchBytes('/feed.xsl');
    expect(stylesheet.status).toBe(200);
    const page = await browser.newPage({ viewport: { width: 375, height: 812 } });
    for (const [path, entries] of [['/feed.xml', Math.min(bundledDocuments.length, 50)], ['/regions/hunan/feed.xml', documentsWithin('hunan')]] as const) {
      await page.goto(`${baseUrl}${path}`);
      const shown = await page.evaluate(() => ({
        lang: document.documentElement.lang,
        title: document.title,
        h1: document.querySelector('h1')?.textContent ?? '',
        entries: document.querySelectorAll('li.feed-entry').length,
        links: [...document.querySelectorAll<HTMLAnchorElement>('li.feed-entry h3 a')].every((a) => /\/documents\/.+\/$/.test(a.href)),
        dates: [...document.querySelectorAll('li.feed-entry time')].map((t) => t.textContent ?? ''),
        csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
        // The page the stylesheet makes has no inline style or script of its own; its look comes from /feed.css.
        inline: [...document.querySelectorAll('main [style], main script, [onclick], [onload]')].length,
        styled: getComputedStyle(document.querySelector('.feed-howto')!).borderLeftStyle,
        // The site's tokens (src/styles/tokens.css) are written into /feed.css: the site's accent and type.
        accent: getComputedStyle(document.querySelector('.feed-site')!).color,
        font: getComputedStyle(document.body).fontFamily,
        sideways: document.documentElement.scrollWidth > window.innerWidth,
      }));
      expect(shown, path).toMatchObject({ lang: 'zh-CN', entries, links: true, inline: 0, styled: 'solid', accent: 'rgb(159, 28, 28)', sideways: false });
      expect(shown.font).toContain('PingFang SC');
      expect(shown.title).toContain('订阅源');
      expect(shown.h1).toContain('最新文件');
      expect(shown.csp).toContain("script-src 'none'");
      expect(shown.dates.length).toBeGreaterThan(0);
      for (const date of shown.dates) expect(date).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
    }
    await page.close();
  });

  it('lists in sitemap.xml only pages that exist, and robots.txt points to it', async () => {
    const sitemap = await (await fetch(`${baseUrl}/sitemap.xml`)).text();
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    expect(locs).toContain('/metrics/dibao-urban/');
    expect(locs).toContain('/documents/anhui/xuancheng/xuanzhou/2023-year-task-list/');
    for (const path of locs) expect((await fetch(`${baseUrl}${path}`)).status, path).toBe(200);
    const robots = await (await fetch(`${baseUrl}/robots.txt`)).text();
    expect(robots).toMatch(/^Sitemap: https?:\/\/.+\/sitemap\.xml$/m);
  });

  it('offers a CSV of exactly each chart’s table', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/metrics/dibao-rural/`);
    const tables = await page.evaluate(() =>
      [...document.querySelectorAll('[data-chart]')].map((figure) => ({
        csv: figure.querySelector<HTMLAnchorElement>('.chart__download a')!.getAttribute('href')!,
        values: [...figure.querySelectorAll<HTMLElement>('td[data-value]')].map((td) => td.dataset.value),
      })),
    );
    expect(tables.length).toBeGreaterThan(0);
    for (const table of tables) {
      const [header, ...rows] = parseCsv((await fetchBytes(table.csv)).bytes.toString('utf8').slice(1));
      expect(header![3]).toBe('数值');
      expect(rows.map((r) => r[3])).toEqual(table.values);
    }
    await page.close();
  });
});
