import { describe, expect, it } from 'vitest';
import { atomFeed, escapeXml } from '../../src/domain/atom.ts';

const feed = {
  selfUrl: 'https://gongkai.example.org/feed.xml',
  alternateUrl: 'https://gongkai.example.org/documents/',
  title: '公开：最新文件',
  author: '公开',
  entries: [
    { url: 'https://gongkai.example.org/documents/a/', title: '宣州区<重点>任务 & “清单”', updated: '2023-08-28', published: '2023-08-28', author: '宣州区民政局', summary: "安徽省 'x' 2023年", categories: [{ term: 'task-list', label: '重点工作任务清单' }] },
    { url: 'https://gongkai.example.org/documents/b/', title: '资兴市民政局2023年上半年工作总结', updated: '2023-06-30', summary: '湖南省' },
  ],
};

describe('Atom feed', () => {
  const xml = atomFeed(feed);

  it('is an Atom 1.0 feed with self and alternate links and one entry per document', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">')).toBe(true);
    expect(xml).toContain('<link rel="self" type="application/atom+xml" href="https://gongkai.example.org/feed.xml"/>');
    expect(xml.match(/<entry>/g)).toHaveLength(2);
    expect(xml).toContain('<id>https://gongkai.example.org/documents/a/</id>');
  });

  it('escapes markup and ampersands in titles and summaries', () => {
    expect(xml).toContain('<title>宣州区&lt;重点&gt;任务 &amp; “清单”</title>');
    expect(xml).toContain('<summary>安徽省 &apos;x&apos; 2023年</summary>');
    expect(escapeXml('a\u0001b\uFFFEc')).toBe('abc');
  });

  it('dates the feed by its newest document, never by the clock, so rebuilds are identical', () => {
    expect(xml).toContain('  <updated>2023-08-28T00:00:00+08:00</updated>\n  <link');
    expect(atomFeed(feed)).toBe(xml);
    expect(atomFeed({ ...feed, entries: [], emptyUpdated: '2020-01-01' })).toContain('<updated>2020-01-01T00:00:00+08:00</updated>');
  });

  it('names an entry’s publisher as its author only where the document gives one', () => {
    const [first, second] = xml.split('<entry>').slice(1);
    expect(first).toContain('<author><name>宣州区民政局</name></author>');
    expect(second).not.toContain('<author>');
  });
});

describe('Atom feed opened in a browser', () => {
  it('names its XSLT stylesheet right after the XML declaration, and stays an Atom feed', () => {
    const xml = atomFeed({ ...feed, stylesheet: '/feed.xsl' });
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<?xml-stylesheet type="text/xsl" href="/feed.xsl"?>\n<feed xmlns="http://www.w3.org/2005/Atom"')).toBe(true);
    expect(xml.replace('<?xml-stylesheet type="text/xsl" href="/feed.xsl"?>\n', '')).toBe(atomFeed(feed));
  });
});
