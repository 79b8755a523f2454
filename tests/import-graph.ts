/**
 * The import specifiers of the project's own modules, read from the source text (no compiler): `import … from`,
 * `import type`, `export … from`, side-effect `import '…'`, dynamic `import('…')`, in `.ts` files and in
 * `.astro` files (front matter and `<script>`). Used by the tests that guard the import directions and the
 * search cache key's list of indexing code.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '..');

const importPattern = /(?:^|[;\s}])(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"\n]+)['"]|\bimport\s*\(\s*['"]([^'"\n]+)['"]\s*\)/g;

/** Every module specifier in a source text, in order. Comments are left out first. */
export function importSpecifiers(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"\\])\/\/[^\n]*/g, '$1');
  return [...code.matchAll(importPattern)].map((match) => (match[1] ?? match[2]) as string);
}

/** Repository-relative paths (with `/`) of the `.ts` and `.astro` files under `dir`. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(join(repoRoot, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|astro)$/.test(file))
    .map((file) => `${dir}/${file.split(sep).join('/')}`)
    .sort();
}

/** The repository-relative file a relative specifier of `from` points at; undefined for a package or `astro:…`. */
export function resolveSpecifier(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  return relative(repoRoot, resolve(repoRoot, dirname(from), specifier)).split(sep).join('/');
}

/** The project files `file` imports. */
export function importsOf(file: string): string[] {
  return importSpecifiers(readFileSync(join(repoRoot, file), 'utf8')).flatMap((specifier) => resolveSpecifier(file, specifier) ?? []);
}

/** `file` and every project file it imports, directly or not. */
export function importClosure(file: string): string[] {
  const seen = new Set<string>();
  const stack = [file];
  while (stack.length > 0) {
    const next = stack.pop() as string;
    if (seen.has(next) || !existsSync(join(repoRoot, next))) continue;
    seen.add(next);
    stack.push(...importsOf(next));
  }
  return [...seen].sort();
}
