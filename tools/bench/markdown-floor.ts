#!/usr/bin/env node
/**
 * The markdown-it floor: what reading every document and rendering it to an HTML file costs with nothing else
 * — no site, no layout, no search. Each file's front matter is split and parsed (as every build must, for its
 * title), its body rendered by markdown-it with the CJK-friendly emphasis rule our renderer uses
 * (src/domain/markdown/render-document.ts), and one HTML file written per document. Run by the bench as a
 * process of its own, measured like the builds:
 *
 *   node tools/bench/markdown-floor.ts <documents folder> <output folder>
 *
 * `floorPage` is pure; the walk and the writes are Node.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import MarkdownIt from 'markdown-it';
import markdownItCjkFriendly from 'markdown-it-cjk-friendly';
import { splitFrontmatter } from '../../src/domain/content/frontmatter.ts';
import { markdownFiles } from '../corpus/laws.ts';

// The product's options: raw HTML in a body is escaped, no linkify, no typographer.
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false }).use(markdownItCjkFriendly);

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One document as the floor writes it: the bare frame of the Astro and Hugo baselines around the rendered body. */
export function floorPage(source: string): string {
  const { data, body } = splitFrontmatter(source);
  const title = data !== null && typeof data === 'object' && 'title' in data ? escapeText(String(data.title)) : '';
  return `<!doctype html>\n<html lang="zh-CN">\n  <head><meta charset="utf-8" /><title>${title}</title></head>\n  <body><main><h1>${title}</h1>${markdown.render(body)}</main></body>\n</html>\n`;
}

/** Renders every `.md` under `documentsDir` to `<outDir>/<path without .md>/index.html`; returns how many. */
export function renderFloor(documentsDir: string, outDir: string): number {
  const files = markdownFiles(documentsDir);
  for (const file of files) {
    const target = join(outDir, file.slice(0, -'.md'.length), 'index.html');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, floorPage(readFileSync(join(documentsDir, file), 'utf8')));
  }
  return files.length;
}

if (import.meta.main) {
  const [documentsDir, outDir] = process.argv.slice(2);
  if (!documentsDir || !outDir) {
    console.error('usage: node tools/bench/markdown-floor.ts <documents folder> <output folder>');
    process.exit(2);
  }
  const started = performance.now();
  const count = renderFloor(documentsDir, outDir);
  console.log(`[floor] rendered ${count} documents in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
