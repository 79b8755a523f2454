/**
 * Corrections on the record, as a build publishes them: a document's 修订记录 on its page and in its feed entry,
 * and a tombstone (已撤回) at the address of a withdrawn document, linking its replacement, with no broken link.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLinks } from '../../tools/check-links.ts';
import { buildSite, contentRootWithDefinitions, repoRoot } from '../../tools/site-build.ts';

const work = mkdtempSync(join(tmpdir(), 'gongkai-corrections-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const summary = 'content/documents/anhui/xuancheng/xuanzhou/2023-h2-summary.md';
const removed = 'anhui/xuancheng/xuanzhou/2023-year-task-list';

describe('a build with a corrected and a withdrawn document', () => {
  const root = contentRootWithDefinitions(join(work, 'site'), join(repoRoot, 'tests/fixtures/site'));
  const text = readFileSync(join(root, summary), 'utf8');
  writeFileSync(join(root, summary), text.replace('topics: [social-assistance]\n', 'topics: [social-assistance]\nchanges:\n  - { date: 2024-03-02, note: 更正发布日期 }\n'));
  unlinkSync(join(root, `content/documents/${removed}.md`));
  writeFileSync(
    join(root, 'content/withdrawn.yaml'),
    `- id: ${removed}\n  title: 宣州区民政局2023年重点工作任务清单（测试）\n  date: 2024-03-05\n  reason: 与发布机构核对后撤回\n  replaced_by: anhui/xuancheng/xuanzhou/2023-h2-summary\n`,
  );
  const outDir = join(work, 'dist');
  const result = buildSite({ workDir: work, contentRoot: root, outDir, cacheDir: `${outDir}-cache` });
  const read = (path: string) => readFileSync(join(outDir, path), 'utf8');

  it('builds', () => {
    expect(result.status, result.stderr).toBe(0);
  });

  it('shows 修订记录 on the corrected document’s page, dated in the site’s style', () => {
    const html = read('documents/anhui/xuancheng/xuanzhou/2023-h2-summary/index.html');
    expect(html).toContain('<h2 id="revisions-heading">修订记录</h2>');
    expect(html).toMatch(/<li><time datetime="2024-03-02">2024年3月2日<\/time>：更正发布日期<\/li>/);
  });

  it('dates the feed entry by its correction and says what changed', () => {
    const feed = read('feed.xml');
    const entry = feed.split('<entry>').find((e) => e.includes('2023-h2-summary/'));
    expect(entry).toContain('<updated>2024-03-02T00:00:00+08:00</updated>');
    expect(entry).toContain('修订记录：2024年3月2日：更正发布日期。');
  });

  it('publishes a tombstone at the withdrawn document’s address, with the date, the reason and the replacement', () => {
    const html = read(`documents/${removed}/index.html`);
    expect(html).toContain('<h1>已撤回：宣州区民政局2023年重点工作任务清单（测试）</h1>');
    expect(html).toContain('<time datetime="2024-03-05">2024年3月5日</time>');
    expect(html).toContain('与发布机构核对后撤回');
    expect(html).toContain('href="/documents/anhui/xuancheng/xuanzhou/2023-h2-summary/"');
    expect(html).toContain('name="robots" content="noindex');
  });

  it('keeps the tombstone out of the document list and the sitemap, and leaves no broken link', () => {
    expect(read('documents/index.html')).not.toContain(`/documents/${removed}/`);
    const sitemaps = ['sitemap.xml', 'sitemap-1.xml'].filter((path) => existsSync(join(outDir, path))).map(read).join('\n');
    expect(sitemaps).toContain('2023-h2-summary/');
    expect(sitemaps).not.toContain(`${removed}/`);
    expect(checkLinks(outDir).broken).toEqual([]);
  });
});
