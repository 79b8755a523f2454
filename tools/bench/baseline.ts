/**
 * The baseline the budgets are measured against: a bare Astro 7 project over the same Markdown files — a
 * `glob()` loader, Astro's default Markdown processor (Sätteri), one page per document through
 * `render(entry)`, a bare HTML frame, no search, no other pages. Node only: writes the project into a folder,
 * with `node_modules` linked to the repository's so both builds run the very same Astro.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { linkNodeModules } from '../site-build.ts';

export interface BaselineProject {
  /** The project folder (run `astro build` in it). */
  root: string;
}

/** The files of the baseline project, path → text (exported for tests). */
export function baselineFiles(documentsDir: string): Record<string, string> {
  return {
    'package.json': `${JSON.stringify({ name: 'gongkai-bench-baseline', private: true, type: 'module' }, null, 2)}\n`,
    'astro.config.mjs': [
      "import { defineConfig } from 'astro/config';",
      '',
      '// Nothing but defaults: the Markdown processor is Astro 7’s default (Sätteri). The caches stay in the',
      '// project, not in the linked node_modules, which is the repository’s own.',
      'export default defineConfig({',
      "  site: 'https://baseline.example.org',",
      "  build: { format: 'directory' },",
      '  devToolbar: { enabled: false },',
      "  cacheDir: './.astro-cache',",
      "  vite: { cacheDir: './.vite-cache' },",
      '});',
      '',
    ].join('\n'),
    'src/content.config.ts': [
      "import { defineCollection } from 'astro:content';",
      "import { glob } from 'astro/loaders';",
      '',
      'export const collections = {',
      `  documents: defineCollection({ loader: glob({ pattern: '**/*.md', base: ${JSON.stringify(documentsDir)} }) }),`,
      '};',
      '',
    ].join('\n'),
    'src/pages/documents/[...id].astro': [
      '---',
      "import { getCollection, render } from 'astro:content';",
      '',
      'export async function getStaticPaths() {',
      "  return (await getCollection('documents')).map((entry) => ({ params: { id: entry.id }, props: { entry } }));",
      '}',
      '',
      'const { entry } = Astro.props;',
      'const { Content } = await render(entry);',
      '---',
      '<!doctype html>',
      '<html lang="zh-CN">',
      '  <head><meta charset="utf-8" /><title>{entry.data.title}</title></head>',
      '  <body><main><h1>{entry.data.title}</h1><Content /></main></body>',
      '</html>',
      '',
    ].join('\n'),
  };
}

/** Writes the baseline project into `root` (emptied first), reading documents from `documentsDir`. */
export function writeBaselineProject(root: string, documentsDir: string): BaselineProject {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  for (const [path, text] of Object.entries(baselineFiles(documentsDir))) {
    const target = join(root, path);
    mkdirSync(join(target, '..'), { recursive: true });
    writeFileSync(target, text);
  }
  linkNodeModules(root);
  return { root };
}
