/**
 * Dependencies point one way (docs/architecture.md): pages → lib → domain ← scripts, tools. The domain is plain
 * TypeScript that runs in Node and in the browser, so it imports nothing from the Astro glue, the pages, the
 * browser modules, the command lines or the tooling; chart builders are called by lib/, so they import nothing
 * from it; and the product never imports the tooling.
 */
import { describe, expect, it } from 'vitest';
import { importSpecifiers, importsOf, resolveSpecifier, sourceFiles } from './import-graph.ts';

interface Rule {
  from: string;
  forbidden: string[];
}

const rules: Rule[] = [
  { from: 'src/domain/', forbidden: ['src/lib/', 'src/pages/', 'src/scripts/', 'scripts/', 'tools/'] },
  { from: 'src/charts/', forbidden: ['src/lib/'] },
  { from: 'src/', forbidden: ['tools/', 'tests/'] },
];

/** Every import of a file under `rule.from` that lands in a forbidden folder, as `file → target`. */
function violations(rule: Rule, files: readonly string[]): string[] {
  return files
    .filter((file) => file.startsWith(rule.from))
    .flatMap((file) => importsOf(file).filter((target) => rule.forbidden.some((folder) => target.startsWith(folder))).map((target) => `${file} → ${target}`));
}

describe('import directions', () => {
  const files = sourceFiles('src');

  it('reads the modules of src/, .ts and .astro alike', () => {
    expect(files.some((file) => file.startsWith('src/domain/') && file.endsWith('.ts'))).toBe(true);
    expect(files.some((file) => file.startsWith('src/pages/') && file.endsWith('.astro'))).toBe(true);
  });

  for (const rule of rules) {
    it(`${rule.from} imports nothing from ${rule.forbidden.join(', ')}`, () => {
      expect(violations(rule, files)).toEqual([]);
    });
  }

  it('would report an import that runs the wrong way', () => {
    expect(resolveSpecifier('src/domain/figures.ts', '../lib/format.ts')).toBe('src/lib/format.ts');
    expect(resolveSpecifier('src/domain/figures.ts', 'zod')).toBeUndefined();
  });
});

describe('reading import specifiers', () => {
  it('finds static, type-only, re-exported, side-effect and dynamic imports, across lines', () => {
    const source = [
      "import { a, type B } from './a.ts';",
      "import type { C } from '../c.ts';",
      "import * as d from \"./d.ts\";",
      "export { e } from './e.ts';",
      "export * from './f.ts';",
      "import './g.css';",
      'import {',
      '  h,',
      "} from './h.ts';",
      "const i = await import('./i.ts');",
    ].join('\n');
    expect(importSpecifiers(source)).toEqual(['./a.ts', '../c.ts', './d.ts', './e.ts', './f.ts', './g.css', './h.ts', './i.ts']);
  });

  it('reads the front matter and scripts of an .astro file and skips comments and strings that only mention imports', () => {
    const astro = [
      '---',
      "import Layout from '../layouts/Base.astro';",
      "// import { old } from '../lib/old.ts';",
      "const text = 'see import.meta.env';",
      '---',
      '<Layout />',
      '<script>',
      "  import { start } from '../scripts/start.ts';",
      '</script>',
    ].join('\n');
    expect(importSpecifiers(astro)).toEqual(['../layouts/Base.astro', '../scripts/start.ts']);
  });
});
