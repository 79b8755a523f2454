/**
 * Every internal link of the built site works: each href/src resolves to a file of dist/ and each #fragment
 * to an id on its target page (tools/check-links.ts, run on the build the browser tests use).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { checkLinks, formatReport } from '../../tools/check-links.ts';

describe('links in the built site', () => {
  it('has no broken internal link or missing #fragment on any page', () => {
    const report = checkLinks(inject('distDir'));
    console.log(formatReport(report));
    expect(report.pages).toBeGreaterThan(10);
    expect(report.broken.map((b) => `${b.page}: ${b.link} — ${b.reason}`)).toEqual([]);
  });
});

describe('the link checker', () => {
  const dist = mkdtempSync(join(tmpdir(), 'gongkai-links-'));
  afterAll(() => rmSync(dist, { recursive: true, force: true }));
  const page = (path: string, html: string) => {
    mkdirSync(dirname(join(dist, path)), { recursive: true });
    writeFileSync(join(dist, path), `<!doctype html><html><head><link rel="canonical" href="https://gongkai.example.org/"></head><body>${html}</body></html>`);
  };
  page('index.html', '<a href="/a/">a</a> <a href="/a/#here">here</a> <a href="/a/#gone">gone</a> <a href="/missing/">missing</a> <a href="#top">top</a> <a href="https://elsewhere.example/x">out</a> <a href="https://gongkai.example.org/nope/">own origin</a> <img src="/x.png" alt=""> <script>var s = \'<a href="/in-script/">\';</script> <textarea><a href="/in-text/"></textarea>');
  page('a/index.html', '<h2 id="here">h</h2> <a href="../?q=1#nowhere">up</a> <a href="/%E4%B8%AD/">中</a>');
  page('中/index.html', '');

  it('reports each broken link with the page it is on, and nothing else', () => {
    const report = checkLinks(dist);
    expect(report.broken).toEqual([
      { page: '/a/', link: '../?q=1#nowhere', reason: 'no id "nowhere" in /' },
      { page: '/', link: '/a/#gone', reason: 'no id "gone" in /a/' },
      { page: '/', link: '/missing/', reason: 'no file for /missing/' },
      { page: '/', link: 'https://gongkai.example.org/nope/', reason: 'no file for /nope/' },
      { page: '/', link: '/x.png', reason: 'no file for /x.png' },
    ]);
  });
});
