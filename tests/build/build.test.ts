/**
 * Builds the site from small fixture content folders (GONGKAI_CONTENT_ROOT) and checks what is published,
 * and that invalid content fails the build with the full report and publishes nothing.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { quoteAnchor } from '../../src/domain/anchors.ts';
import { checkLinks } from '../../tools/check-links.ts';
import { buildSite, contentRootWithDefinitions, repoRoot } from '../../tools/site-build.ts';

const work = mkdtempSync(join(tmpdir(), 'gongkai-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
// The fixture holds documents only; the project's metric and topic definitions are added to a copy of it.
const fixture = contentRootWithDefinitions(join(work, 'fixture'), join(repoRoot, 'tests/fixtures/site'));

const build = (contentRoot: string, outDir: string) => buildSite({ workDir: work, contentRoot, outDir, cacheDir: `${outDir}-cache` });


/** A page's HTML without the no-break spans that keep numbers with their units (tested in tests/domain/markdown). */
const withoutNoBreakSpans = (html: string): string => html.replace(/<span class="nobr">([^<]*)<\/span>/g, '$1');

describe('building the site from a content folder', () => {
  const outDir = join(work, 'dist');
  const result = build(fixture, outDir);
  const read = (path: string) => readFileSync(join(outDir, path), 'utf8');

  it('succeeds and publishes a page per document at /documents/<path>/', () => {
    expect(result.status, result.stderr).toBe(0);
    expect(existsSync(join(outDir, 'documents/hunan/chenzhou/zixing/2023-h1-summary/index.html'))).toBe(true);
    expect(existsSync(join(outDir, 'documents/anhui/xuancheng/xuanzhou/2023-year-task-list/index.html'))).toBe(true);
  });

  it('marks each figure’s quote in the body with its anchor', () => {
    const html = withoutNoBreakSpans(read('documents/hunan/chenzhou/zixing/2023-h1-summary/index.html'));
    const anchor = quoteAnchor('城市低保A类由500元/月.人提高至550元/月.人');
    expect(html).toContain(`<mark class="quote" id="${anchor}">城市低保A类由500元/月.人提高至550元/月.人</mark>`);
    expect(html).toContain(`href="/documents/hunan/chenzhou/zixing/2023-h1-summary/#${anchor}"`);
  });

  it('renders emphasis next to Chinese punctuation in a .md document', () => {
    expect(read('documents/hunan/chenzhou/zixing/2023-h1-summary/index.html')).toContain('<strong>重点任务：</strong>推进低保提标');
  });

  it('renders emphasis next to Chinese punctuation in an .mdx page', () => {
    expect(read('about/index.html')).toContain('<strong>原则：</strong>原文没有说的');
  });

  it('escapes raw HTML in a document body instead of running it', () => {
    const html = read('documents/hunan/chenzhou/zixing/2023-h1-summary/index.html');
    expect(html).not.toContain('<script>alert("content must not run")</script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;content must not run&quot;)&lt;/script&gt;');
  });

  it('shows a yearly standard per month too, with the conversion named', () => {
    const html = read('documents/hunan/chenzhou/zixing/2023-h1-summary/index.html');
    expect(html).toContain('4,560 元/人/年');
    expect(html).toContain('≈ 380 元/人/月（年标准 ÷ 12 折算为月标准）');
  });

  it('says so where the source does not give a field', () => {
    const html = read('documents/hunan/chenzhou/zixing/2023-h1-summary/index.html');
    expect(html).toMatch(/<dt>索引号<\/dt><dd><em class="unknown">原文未注明<\/em><\/dd>/);
  });

  it('lists the task list’s tasks in a table, each status linking to its definition and evidence to the summary', () => {
    const html = read('documents/anhui/xuancheng/xuanzhou/2023-year-task-list/index.html');
    expect(html).toContain('稳步提高城乡居民最低生活保障标准');
    expect(html).toContain('href="/tasks/#status-done"');
    expect(html).toContain(`href="/documents/anhui/xuancheng/xuanzhou/2023-h2-summary/#${quoteAnchor('自7月起城市最低生活保障标准提高至780元/月/人')}"`);
  });

  it('anchors a task’s evidence on the summary it quotes, around the figure quoted from the same sentence', () => {
    const html = withoutNoBreakSpans(read('documents/anhui/xuancheng/xuanzhou/2023-h2-summary/index.html'));
    const evidence = quoteAnchor('自7月起城市最低生活保障标准提高至780元/月/人');
    const figure = quoteAnchor('城市最低生活保障标准提高至780元/月/人');
    expect(html).toContain(`<mark class="quote" id="${evidence}">自7月起<mark class="quote" id="${figure}">城市最低生活保障标准提高至780元/月/人</mark></mark>`);
    // The summary lists the tasks it reports on, each linked to its row in the task list.
    expect(html).toContain('本文报告的任务进展（1 项）');
    expect(html).toContain('href="/documents/anhui/xuancheng/xuanzhou/2023-year-task-list/#task-1-1"');
  });

  it('has no broken internal link or #fragment, evidence links included', () => {
    expect(checkLinks(outDir).broken).toEqual([]);
  });

  // 安徽省's notice raising orphan allowances from 2024, and 郴州市's 十四五 plan (2021—2025) with targets, one an average.
  describe('notices and multi-year plans', () => {
    it('publishes a notice as 标准通知, dated by the year its standards take effect', () => {
      const html = read('documents/anhui/2024-year-notice/index.html');
      expect(html).toContain('<dt>执行年度</dt><dd><a href="/documents/year/2024/">2024年</a></dd>');
      expect(html).toContain('<a href="/documents/kind/notice/">标准通知</a>');
      expect(read('documents/kind/notice/index.html')).toContain('href="/documents/anhui/2024-year-notice/"');
    });

    it('shows a 十四五 plan’s period as 2021—2025年（“十四五”时期） and lists it under each year it covers', () => {
      const html = read('documents/hunan/chenzhou/2021-2025-plan/index.html');
      expect(html).toContain('2021—2025年（“十四五”时期）');
      for (const year of [2021, 2023, 2025]) expect(read(`documents/year/${year}/index.html`)).toContain('href="/documents/hunan/chenzhou/2021-2025-plan/"');
      expect(read('regions/hunan/chenzhou/index.html')).toContain('2021—2025年（“十四五”时期）');
    });

    it('says 平均 beside an average, explains on the metric page that averages are not ranked with standards, and writes a share as 55%', () => {
      const page = read('metrics/orphan-allowance-dispersed/index.html');
      expect(page).toContain('标“平均”的是下辖各地的平均数');
      expect(page).toContain('平均 目标');
      expect(page).toContain('2021—2025年');
      const plan = read('documents/hunan/chenzhou/2021-2025-plan/index.html');
      expect(plan).toContain('社会散居孤儿基本生活保障标准 平均 目标');
      expect(plan).toContain('<dt>平均</dt>');
      expect(plan).toMatch(/<strong class="figure-value">55<\/strong>%/);
    });

    it('publishes end_year and average in the open data and the period in the feed', () => {
      const csv = read('data/metrics.csv');
      // end_year and average, then the columns appended after them (target, effective, has_note).
      expect(csv).toMatch(/hunan\/chenzhou\/2021-2025-plan,2021,,orphan-allowance-dispersed,.*,2025,true,true,,false\r\n/);
      expect(csv).toMatch(/anhui\/2024-year-notice,2024,,orphan-allowance-institutional,.*,,false,false,2024-01-01,false\r\n/);
      const documents = JSON.parse(read('data/documents.json')) as { id: string; kind: string; period: unknown }[];
      expect(documents.find((d) => d.id === 'hunan/chenzhou/2021-2025-plan')?.period).toEqual({ year: 2021, half: null, end_year: 2025 });
      expect(documents.find((d) => d.id === 'anhui/2024-year-notice')).toMatchObject({ kind: 'notice', period: { year: 2024, half: null, end_year: null } });
      const feed = read('feed.xml');
      expect(feed).toContain('湖南省 郴州市 2021—2025年（“十四五”时期）工作计划。');
      expect(feed).toContain('2024年标准通知。');
    });
  });

  // The fixture states only 低保 standards and lists tasks only for 宣州区: most metrics and regions have nothing yet.
  describe('where there is nothing to show yet', () => {
    it('says in Chinese that no document states a metric, instead of drawing an empty chart', () => {
      const empty = read('metrics/nursing-beds/index.html');
      expect(empty).toContain('暂无文件陈述该指标');
      expect(empty).not.toContain('data-chart');
      const stated = read('metrics/dibao-urban/index.html');
      expect(stated).toContain('data-chart');
      expect(stated).not.toContain('暂无文件陈述该指标');
    });

    it('says so on a region page without figures or task lists, and shows what a region has', () => {
      const zixing = read('regions/hunan/chenzhou/zixing/index.html');
      expect(zixing).toContain('湖南省 郴州市 资兴市暂无收录的重点工作任务清单');
      expect(zixing).not.toContain('暂无本站记录的指标数字');
      expect(read('regions/hunan/index.html')).toContain('湖南省本级民政部门的文件中暂无本站记录的指标数字');
      const xuanzhou = read('regions/anhui/xuancheng/xuanzhou/index.html');
      expect(xuanzhou).not.toMatch(/class="empty-state"/);
      expect(xuanzhou).toContain('href="/tasks/#tasks-anhui-xuancheng-xuanzhou-2023"');
    });

    it('lists on the home page only the metrics that have figures, each with its quote', () => {
      const home = read('index.html');
      const section = home.slice(home.indexOf('<ul class="headline-figures">'), home.indexOf('</ul>', home.indexOf('<ul class="headline-figures">')));
      expect([...section.matchAll(/class="headline-figures__metric" href="([^"]+)"/g)].map((m) => m[1])).toEqual([
        '/metrics/nursing-bed-share/',
        '/metrics/dibao-urban/',
        '/metrics/dibao-rural/',
        '/metrics/orphan-allowance-institutional/',
        '/metrics/orphan-allowance-dispersed/',
      ]);
      expect(section).toContain(`href="/documents/anhui/xuancheng/xuanzhou/2023-h2-summary/#${quoteAnchor('城市最低生活保障标准提高至780元/月/人')}"`);
    });

    it('publishes task pages only for provinces with task lists', () => {
      expect(existsSync(join(outDir, 'tasks/anhui/index.html'))).toBe(true);
      expect(existsSync(join(outDir, 'tasks/hunan/index.html'))).toBe(false);
    });
  });
});

describe('building from invalid content', () => {
  it('fails with every error named and publishes nothing', () => {
    const broken = contentRootWithDefinitions(join(work, 'broken'), fixture);
    const file = join(broken, 'content/documents/hunan/chenzhou/zixing/2023-h1-summary.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('published: 2023-07-10', 'published: 2023-13-45').replace('kind: summary', 'kind: report'));
    // A quote that crosses bold: once found only when its page rendered, now in the report with the rest.
    const summary = join(broken, 'content/documents/anhui/xuancheng/xuanzhou/2023-h2-summary.md');
    writeFileSync(summary, readFileSync(summary, 'utf8').replace('quote: 城市最低生活保障标准提高至780元/月/人', 'quote: 城市最低生活保障标准提高至**780元/月/人').replace('自7月起城市最低生活保障标准提高至780元/月/人', '自7月起城市最低生活保障标准提高至**780元/月/人**'));
    const outDir = join(work, 'broken-dist');
    const result = build(broken, outDir);
    const output = result.stdout + result.stderr;
    expect(result.status).not.toBe(0);
    expect(output).toContain('content/documents/hunan/chenzhou/zixing/2023-h1-summary.md');
    expect(output).toContain('published: "2023-13-45" is not a real date');
    expect(output).toContain('kind: "report" is not allowed');
    expect(output).toContain('metrics[0].quote: the quote contains Markdown marks (`**`), so its page cannot mark it');
    expect(output).toContain('tasks[0].evidence.quote: the quote does not appear in anhui/xuancheng/xuanzhou/2023-h2-summary');
    // Our report and hint are the last thing printed: no unrelated Astro hint, no stack trace after them.
    expect(output).not.toContain('Browser APIs');
    const shown = output.replace(/\u001b\[[0-9;]*m/g, '').trimEnd(); // Astro colours the hint even with FORCE_COLOR=0
    expect(shown.endsWith('`npm run check` re-checks all content without building. Nothing was published.'), shown.slice(-600)).toBe(true);
    expect(existsSync(join(outDir, 'index.html'))).toBe(false);
  });
});

describe('building from content with files it would not read', () => {
  it('fails on a hidden document, naming it, and says which clutter it skipped', () => {
    const stray = contentRootWithDefinitions(join(work, 'stray'), fixture);
    const folder = join(stray, 'content/documents/hunan/chenzhou/zixing');
    writeFileSync(join(folder, '.2023-h2-summary.md'), readFileSync(join(folder, '2023-h1-summary.md')));
    writeFileSync(join(stray, 'content/documents/.DS_Store'), '\0');
    const outDir = join(work, 'stray-dist');
    const result = build(stray, outDir);
    const output = (result.stdout + result.stderr).replace(/\u001b\[[0-9;]*m/g, '');
    expect(result.status).not.toBe(0);
    expect(output).toContain('content/documents/hunan/chenzhou/zixing/.2023-h2-summary.md\n  ✗ a hidden file (its name starts with a dot): it is not read or published');
    expect(output).toContain('content/documents/.DS_Store\n  ! a file the operating system writes');
    expect(existsSync(join(outDir, 'index.html'))).toBe(false);
  });

  it('fails on an empty content/documents/, and builds an empty site when GONGKAI_ALLOW_EMPTY_CONTENT=1 asks for one', () => {
    const empty = contentRootWithDefinitions(join(work, 'empty'), undefined);
    mkdirSync(join(empty, 'content/documents'));
    const refusedDir = join(work, 'empty-dist');
    const refused = buildSite({ workDir: work, contentRoot: empty, outDir: refusedDir, cacheDir: `${refusedDir}-cache`, env: { GONGKAI_ALLOW_EMPTY_CONTENT: undefined } });
    expect(refused.status).not.toBe(0);
    expect(refused.stdout + refused.stderr).toContain('content/documents/\n  ✗ holds no documents, so the site would be published empty');
    expect(existsSync(join(refusedDir, 'index.html'))).toBe(false);
    const allowedDir = join(work, 'empty-allowed-dist');
    const allowed = buildSite({ workDir: work, contentRoot: empty, outDir: allowedDir, cacheDir: `${allowedDir}-cache`, env: { GONGKAI_ALLOW_EMPTY_CONTENT: '1' } });
    expect(allowed.status, allowed.stderr).toBe(0);
    expect(existsSync(join(allowedDir, 'index.html'))).toBe(true);
  });
});
