/**
 * Document pages carry the meta tags of the national government-website design norms (政府网站发展指引):
 * SiteName, ColumnName, ArticleTitle, PubDate (only when the source gives a date: never an invented one) and
 * ContentSource, and every page is `<html lang="zh-CN">` with a title, description and favicon.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

const distDir = inject('distDir');
const htmlFiles = readdirSync(distDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html')).sort();
const read = (file: string) => readFileSync(join(distDir, file), 'utf8');

function metaOf(html: string): Map<string, string[]> {
  const meta = new Map<string, string[]>();
  for (const [, name, content] of html.matchAll(/<meta name="([^"]+)" content="([^"]*)"/g)) meta.set(name!, [...(meta.get(name!) ?? []), content!]);
  return meta;
}

const documentFiles = htmlFiles.filter((file) => /^documents\/(?!year\/|kind\/|topic\/|page\/|index\.html)/.test(file));

describe('government-site conventions', () => {
  it('every page is zh-CN with a title, a meta description and a favicon', () => {
    const problems: string[] = [];
    for (const file of htmlFiles) {
      const html = read(file);
      if (!html.startsWith('<!DOCTYPE html><html lang="zh-CN">')) problems.push(`${file}: not <html lang="zh-CN">`);
      if (!/<title>[^<]+<\/title>/.test(html)) problems.push(`${file}: no title`);
      const description = metaOf(html).get('description')?.[0] ?? '';
      if (description.length < 20) problems.push(`${file}: meta description missing or too short (“${description}”)`);
      if (!html.includes('<link rel="icon" href="/favicon.svg"')) problems.push(`${file}: no favicon`);
      if (metaOf(html).get('SiteName')?.[0] !== '公开 · 民政工作公开') problems.push(`${file}: no SiteName`);
    }
    expect(problems).toEqual([]);
  });

  it('gives every page its own title and description', () => {
    const seen = new Map<string, string>();
    const duplicates: string[] = [];
    for (const file of htmlFiles) {
      const html = read(file);
      const key = `${html.match(/<title>([^<]+)<\/title>/)?.[1]} | ${metaOf(html).get('description')?.[0]}`;
      if (seen.has(key)) duplicates.push(`${file} repeats ${seen.get(key)}`);
      seen.set(key, file);
    }
    expect(duplicates).toEqual([]);
  });

  it('document pages carry SiteName, ColumnName, ArticleTitle, ContentSource, each once', () => {
    expect(documentFiles.length).toBeGreaterThan(0);
    for (const file of documentFiles) {
      const meta = metaOf(read(file));
      for (const name of ['SiteName', 'ColumnName', 'ArticleTitle', 'ContentSource']) {
        expect(meta.get(name), `${file}: ${name}`).toHaveLength(1);
        expect(meta.get(name)![0]!.length, `${file}: ${name} is empty`).toBeGreaterThan(0);
      }
      expect(read(file)).toContain(`<h1>${meta.get('ArticleTitle')![0]}`);
    }
  });

  it('a document whose source gives a publication date carries it as PubDate', () => {
    const meta = metaOf(read('documents/shanghai/2009-year-plan/index.html'));
    expect(meta.get('PubDate')).toEqual(['2009-03-18']);
    expect(meta.get('ColumnName')).toEqual(['工作计划']);
    expect(meta.get('ArticleTitle')).toEqual(['上海市民政局2009年工作要点']);
    // The source names no publishing office, so the region stands in (the page says 发布机构：原文未注明).
    expect(meta.get('ContentSource')).toEqual(['上海市']);
  });

  it('a document whose source gives no date has no PubDate rather than a guessed one', () => {
    const meta = metaOf(read('documents/jiangsu/changzhou/jintan/2017-h1-summary/index.html'));
    expect(meta.has('PubDate')).toBe(false);
    expect(meta.get('ArticleTitle')).toEqual(['金坛区民政局2017年上半年工作总结']);
  });

  it('PubDate, where present, is a calendar date', () => {
    for (const file of documentFiles) {
      for (const date of metaOf(read(file)).get('PubDate') ?? []) expect(date, file).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});
