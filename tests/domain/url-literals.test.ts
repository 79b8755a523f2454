/**
 * Site paths are built by src/domain/urls.ts only. A template literal such as `/regions/${slug}/` written in a
 * page, a chart or a feed drifts from the route the moment one of them changes (trailing slash, encoding,
 * anchor name), so this test reads every module of src/ and fails on a string that starts a site path.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Every module and page of src/, repository-relative: TypeScript, Astro components and MDX pages. */
function productFiles(): string[] {
  return readdirSync(join(repoRoot, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|astro|mdx)$/.test(file))
    .map((file) => `src/${file.split(sep).join('/')}`)
    .sort();
}

/** The module allowed to spell site paths. */
const urlModule = 'src/domain/urls.ts';

/** A quote, a backtick or a Markdown link's `](` followed by a site path or a quote anchor. */
const siteLiteral = /(['"`]|\]\()(\/(?:documents|regions|metrics|tasks|data|search|about|reuse|disclosure)(?=[/'"`?#$])|\/feed\.xs?[lm]|\/sitemap|#[qp]-)/;

/** Comments say which paths a module serves (`/documents/<id>/`); only code and markup count. */
function withoutComments(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/(^|[\s;{}(),])\/\/.*$/gm, '$1');
}

/** `file:line: text` of every site-path literal in the source of `file`. */
export function urlLiterals(file: string, source: string): string[] {
  return withoutComments(source)
    .split('\n')
    .flatMap((line, i) => (siteLiteral.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : []));
}

describe('site paths are built in src/domain/urls.ts only', () => {
  it('finds no site-path literal in any other module of src/', () => {
    const files = productFiles().filter((file) => file !== urlModule);
    expect(files).toContain('src/pages/about.mdx');
    const found = files.flatMap((file) => urlLiterals(file, readFileSync(join(repoRoot, file), 'utf8')));
    expect(found, `build these paths with src/domain/urls.ts (add a function there if none fits):\n${found.join('\n')}`).toEqual([]);
  });

  it('would report a template literal, an attribute and a quote anchor, but not a comment', () => {
    const source = [
      'const a = `/regions/${slug}/`;',
      '<a href="/tasks/#status-definitions">状态说明</a>',
      "const b = '#q-' + hash;",
      "const c = '/feed.xml';",
      '/** Serves `/documents/<id>/`. */',
      "// see '/metrics/dibao-urban/'",
      "const d = 'content/metrics/';",
      "const e = 'https://example.org/documents/';",
      '定义见[任务状态说明](/tasks/#status-definitions)。',
    ].join('\n');
    expect(urlLiterals('x.ts', source).map((hit) => hit.split(':')[1])).toEqual(['1', '2', '3', '4', '9']);
  });
});
