import { describe, expect, it } from 'vitest';
import { planSitemaps, urlsetXml } from '../../src/domain/sitemap.ts';

const urls = (n: number) => Array.from({ length: n }, (_, i) => ({ loc: `https://gongkai.example.org/documents/${i}/`, lastmod: `2023-01-${String((i % 28) + 1).padStart(2, '0')}` }));

describe('sitemap', () => {
  it('lists every URL with its last-modified date in one urlset', () => {
    const xml = urlsetXml([{ loc: 'https://gongkai.example.org/?a=1&b=2' }, { loc: 'https://gongkai.example.org/documents/x/', lastmod: '2023-08-28' }]);
    expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(xml).toContain('<url><loc>https://gongkai.example.org/?a=1&amp;b=2</loc></url>');
    expect(xml).toContain('<url><loc>https://gongkai.example.org/documents/x/</loc><lastmod>2023-08-28</lastmod></url>');
  });

  it('stays a single file up to the limit and drops duplicate URLs', () => {
    const plan = planSitemaps([...urls(3), ...urls(3)], (n) => `https://gongkai.example.org/sitemap-${n}.xml`, 3);
    expect(plan.parts).toEqual([]);
    expect(plan.root.match(/<url>/g)).toHaveLength(3);
  });

  it('becomes a sitemap index of parts past the limit (50,000 URLs by default)', () => {
    const plan = planSitemaps(urls(7), (n) => `https://gongkai.example.org/sitemap-${n}.xml`, 3);
    expect(plan.parts.map((p) => p.n)).toEqual([1, 2, 3]);
    expect(plan.root).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(plan.root).toContain('<sitemap><loc>https://gongkai.example.org/sitemap-3.xml</loc><lastmod>2023-01-07</lastmod></sitemap>');
    expect(plan.parts[2]!.xml.match(/<url>/g)).toHaveLength(1);
    expect(planSitemaps(urls(50_000), () => '').parts).toEqual([]);
    expect(planSitemaps(urls(50_001), (n) => `https://gongkai.example.org/sitemap-${n}.xml`).parts).toHaveLength(2);
  });
});
