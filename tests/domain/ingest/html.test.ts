import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { ingestDecoded } from '../../../src/domain/ingest/ingest.ts';
import { decodeHtml, isHtmlInput, readHtml, tableLines } from '../../../src/domain/ingest/html.ts';
import { readIngestInput } from '../../../src/domain/ingest/read-input.ts';
import { fixturesDir, projectContext } from './helpers.ts';

const page = (name: string) => join(fixturesDir, 'ingest', 'html', name);
const read = (name: string) => readHtml(readFileSync(page(name), 'utf8'));
const draftOf = (name: string, url?: string) => {
  const input = readIngestInput(page(name), url);
  const result = ingestDecoded(input.decoded, name, projectContext(), input.options);
  if (!result.ok) throw new Error(result.reason);
  return result.drafts[0];
};

describe('saved web pages', () => {
  it('reads the CMS meta tags ArticleTitle, PubDate, ContentSource, ColumnName and Url', () => {
    expect(read('trs-editor.html').metadata).toEqual({
      title: '2023年区民政局重点工作任务清单',
      published: '2023-08-28 10:21',
      contentSource: '宣州区民政局',
      column: '计划总结',
      url: 'https://www.xuanzhou.gov.cn/OpennessContent/show/3001.html',
      urlFrom: 'the page’s <meta name="Url">',
    });
  });

  it('takes the article from div.TRS_Editor, leaving out the navigation, footer and related links', () => {
    const { text, article } = read('trs-editor.html');
    expect(article).toBe('.TRS_Editor');
    expect(text.startsWith('为推动民政事业高质量发展')).toBe(true);
    for (const furniture of ['首页', '相关链接', '2022年区民政局工作总结', 'ICP备', '浏览次数']) expect(text).not.toContain(furniture);
  });

  it('repeats a rowspan cell into every row it covers and leaves a colspan section row one filled cell', () => {
    const lines = read('trs-editor.html').text.split('\n');
    expect(lines).toContain('一、区委、区政府重点工作 |  |  |  |  |');
    expect(lines).toContain('2 | 推进困难群众救助 | 做好临时救助工作，做到应救尽救。 | 周利宏 | 社会救助科 |');
  });

  it('fills a cell covering two rows and two columns into each row, its extra column empty', () => {
    const $ = cheerio.load('<table><tr><td rowspan="2" colspan="2">合计</td><td>1</td></tr><tr><td>2</td></tr></table>');
    expect(tableLines($, $('table').get(0) as never)).toEqual(['合计 |  | 1 |', '合计 |  | 2 |']);
  });

  it('turns a saved task list into tasks, published date and source.url from the page', () => {
    const draft = draftOf('trs-editor.html');
    expect(draft?.frontmatter).toMatchObject({ kind: 'task-list', published: '2023-08-28', region: 'anhui/xuancheng/xuanzhou', source: { url: 'https://www.xuanzhou.gov.cn/OpennessContent/show/3001.html' } });
    expect(draft?.frontmatter.tasks?.[1]).toMatchObject({ id: '1-2', leader: '周利宏', owner: '社会救助科' });
  });

  it('decodes a page that declares charset=gb2312 as GBK and reads the browser’s saved-from comment as its address', () => {
    const bytes = readFileSync(page('zoom-gbk.html'));
    const decoded = decodeHtml(bytes);
    expect(decoded.ok && decoded.encoding).toBe('GB18030/GBK (declared gb2312)');
    const html = decoded.ok ? readHtml(decoded.text) : undefined;
    expect(html?.article).toBe('#zoom');
    expect(html?.metadata.url).toBe('http://www.zixing.gov.cn/zwgk/bmxxgkml/mzj/202307/t123.html');
    expect(draftOf('zoom-gbk.html')?.frontmatter).toMatchObject({ kind: 'summary', region: 'hunan/chenzhou/zixing', period: { year: 2023, half: 'H1' } });
  });

  it('refuses a saved GBK page with damaged bytes, naming offset and line, and marks them only when asked', () => {
    const bytes = Buffer.from(readFileSync(page('zoom-gbk.html')));
    // The first 民 of the page becomes two bytes that are no GB18030 sequence (as a bad copy leaves them).
    const at = bytes.indexOf(Buffer.from([0xc3, 0xf1]));
    expect(at).toBeGreaterThan(0);
    bytes[at] = 0x81;
    bytes[at + 1] = 0xff;
    const refused = decodeHtml(bytes);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.reason).toMatch(/^damaged GB18030\/GBK \(declared gb2312\) text: 1 invalid byte sequence at byte \d+ \(line \d+\): 0x81 0xFF/);
    const marked = decodeHtml(bytes, { allowDamaged: true });
    expect(marked.ok && marked.text).toContain('〖无法解码的字节 81 FF〗');
    expect(marked.ok && marked.text).not.toContain('\ufffd');
  });

  it('finds the article of an ASP.NET page wrapped in one <form>, with the canonical link as its address', () => {
    const { text, metadata } = read('article-canonical.html');
    expect(metadata.url).toBe('http://www.jstjt.gov.cn/art/2017/7/10/art_1_2017.html');
    expect(metadata.title).toBe('金坛区民政局2017年上半年工作总结');
    expect(text).toContain('项目 | 2016年 | 2017年 |');
    expect(text).not.toContain('网站首页');
    expect(text).not.toContain('相关文章');
  });

  it('lets --url win over the address the page names', () => {
    expect(draftOf('article-canonical.html', 'https://example.gov.cn/a.html')?.frontmatter.source).toEqual({ url: 'https://example.gov.cn/a.html' });
  });

  it('records --url as source.url for a text copy too', () => {
    const result = ingestDecoded({ ok: true, text: '金坛区民政局2017年上半年工作总结\n2017年上半年，金坛区民政局扎实推进各项民政工作。\n', encoding: 'UTF-8' }, 'copy.txt', projectContext(), { url: 'http://www.jstjt.gov.cn/a.html' });
    expect(result.ok && result.drafts[0]?.frontmatter.source).toEqual({ url: 'http://www.jstjt.gov.cn/a.html' });
  });

  it('knows a saved page by its name or by how its text starts', () => {
    expect(isHtmlInput('page.htm', new Uint8Array())).toBe(true);
    expect(isHtmlInput('page.txt', Buffer.from('<!-- saved from url=(0022)http://example.gov.cn/ -->\n<!DOCTYPE html><html>'))).toBe(true);
    expect(isHtmlInput('page.txt', Buffer.from('索引号: 1134'))).toBe(false);
  });
});
