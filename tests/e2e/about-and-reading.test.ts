/**
 * The smaller things a reader hits: /about/ says how to report a mistake and how current the content is (a date
 * from the content, never the build's clock) and has a breadcrumb; /tasks/ shows citizens no maintainer's
 * commands; document text is not justified (half-width punctuation would spread the characters around it).
 */
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from './browser.ts';
import { bundledDocuments } from './bundled-content.ts';

const baseUrl = inject('baseUrl');
const browser = useBrowser();

/** The newest date any bundled document carries: published, written or retrieved. */
const newestContentDate = bundledDocuments
  .flatMap((doc) => [doc.data.published, doc.data.written, doc.data.source?.retrieved])
  .filter((date): date is string => typeof date === 'string')
  .map((date) => String(date).slice(0, 10))
  .sort()
  .at(-1)!;

describe('/about/', () => {
  it('has a breadcrumb back to the home page', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/about/`);
    const crumbs = await page.locator('nav.breadcrumb li').allInnerTexts();
    expect(crumbs).toEqual(['首页', '关于本站']);
    expect(await page.locator('nav.breadcrumb [aria-current="page"]').innerText()).toBe('关于本站');
    await page.close();
  });

  it('says how to report a mistake, at the configured address or the documented default', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/about/#corrections`);
    expect(await page.locator('#corrections').innerText()).toBe('发现错误怎么办');
    const contact = page.locator('[data-contact]');
    const expected = process.env.GONGKAI_CONTACT?.trim() || 'corrections@gongkai.example.org';
    expect(await contact.innerText()).toBe(expected.replace(/^mailto:/, ''));
    expect(await contact.getAttribute('href')).toMatch(/^(mailto:|https?:\/\/)/);
    await page.close();
  });

  it('dates its content by the newest date in the content, written 年月日', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/about/`);
    const updated = page.locator('[data-content-updated]');
    expect(await updated.getAttribute('datetime')).toBe(newestContentDate);
    const [y, m, d] = newestContentDate.split('-').map(Number);
    expect(await updated.innerText()).toBe(`${y}年${m}月${d}日`);
    await page.close();
  });
});

describe('pages for citizens', () => {
  it('/tasks/ shows no maintainer command', async () => {
    const html = await (await fetch(`${baseUrl}/tasks/`)).text();
    expect(html).not.toMatch(/npm run|tasks:suggest/);
  });

  it('does not justify document text', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 812 } });
    await page.goto(`${baseUrl}/documents/hunan/chenzhou/zixing/2023-h1-summary/`);
    const aligns = await page.locator('.doc-body p').evaluateAll((ps) => [...new Set(ps.map((p) => getComputedStyle(p).textAlign))]);
    expect(aligns).not.toContain('justify');
    await page.close();
  });
});
