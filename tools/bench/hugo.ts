/**
 * The Hugo comparison: a minimal Hugo site over the very same Markdown files, a layout that prints each
 * document's title and content and nothing else (no lists, feeds, sitemaps or taxonomies), so the bench can
 * show our build next to a tool a maintainer would compare it with. Our YAML front matter is read by Hugo as
 * it stands (checked: every generated document gets its page and its title), so nothing is converted and the
 * Hugo build reads the corpus in place. Node only for the writing; `hugoFiles` and `hugoCommand` are pure.
 */
import { accessSync, constants, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The layout of every document page: the bare frame of the Astro baseline, title and rendered body. */
export const hugoPageLayout = [
  '<!doctype html>',
  '<html lang="zh-CN">',
  '  <head><meta charset="utf-8" /><title>{{ .Title }}</title></head>',
  '  <body><main><h1>{{ .Title }}</h1>{{ .Content }}</main></body>',
  '</html>',
  '',
].join('\n');

/** The files of the Hugo project, path → text, reading documents from `documentsDir` (an absolute path). */
export function hugoFiles(documentsDir: string): Record<string, string> {
  return {
    // JSON is YAML: the folder name is quoted whatever it holds.
    'hugo.yaml': [
      'baseURL: https://hugo.example.org/',
      'languageCode: zh-CN',
      // Word counts and summaries split Chinese by character, not by spaces.
      'hasCJKLanguage: true',
      `contentDir: ${JSON.stringify(documentsDir)}`,
      // Documents only, like the Astro baseline: the section lists Hugo makes per folder stay (they are
      // Hugo's own, and cheap), everything that needs a template of its own is off.
      'disableKinds: [taxonomy, term, RSS, sitemap, robotsTXT, "404"]',
      // `published:` is one of Hugo's publishDate names; a document dated later than today must still be built.
      'buildFuture: true',
      '',
    ].join('\n'),
    'layouts/_default/single.html': hugoPageLayout,
    'layouts/_default/list.html': hugoPageLayout,
  };
}

/** Writes the Hugo project into `root` (emptied first). */
export function writeHugoProject(root: string, documentsDir: string): void {
  rmSync(root, { recursive: true, force: true });
  for (const [path, text] of Object.entries(hugoFiles(documentsDir))) {
    const target = join(root, path);
    mkdirSync(join(target, '..'), { recursive: true });
    writeFileSync(target, text);
  }
}

/**
 * The command that builds the project in `root` into `outDir`, cold: its cache folder (`cacheDir`, emptied by
 * the caller) inside the bench's folder, never Hugo's default under $TMPDIR where an earlier run's would be found.
 */
export function hugoCommand(hugo: string, root: string, outDir: string, cacheDir: string): { command: string; args: string[] } {
  return { command: hugo, args: ['--source', root, '--destination', outDir, '--cacheDir', cacheDir] };
}

/** The first executable `name` on `path` (a PATH value), or undefined. Node only. */
export function findOnPath(name: string, path = process.env.PATH ?? ''): string | undefined {
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}
