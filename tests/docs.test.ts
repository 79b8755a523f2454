/**
 * The docs are checked: every field of every content schema has a row of its own in a README table (its name
 * in backticks in the first cell), and every command-line flag of every script a row in the README or docs/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { documentFrontmatterSchema } from '../src/schemas/document.ts';
import { metricDefinitionSchema } from '../src/schemas/metric.ts';
import { regionSchema } from '../src/schemas/region.ts';
import { topicSchema } from '../src/schemas/topic.ts';

const repo = resolve(import.meta.dirname, '..');
const readme = readFileSync(join(repo, 'README.md'), 'utf8');
const docs = readdirSync(join(repo, 'docs'))
  .filter((name) => name.endsWith('.md'))
  .map((name) => readFileSync(join(repo, 'docs', name), 'utf8'))
  .join('\n');

/** The names in backticks in the first cell of each Markdown table row of `markdown`: the rows that document them. */
function namesDocumentedInRows(markdown: string): Set<string> {
  const names = new Set<string>();
  for (const line of markdown.split('\n')) {
    const row = /^\|([^|]*)\|/.exec(line.trim());
    if (!row || /^[\s:-]*$/.test(row[1]!)) continue;
    for (const [, name] of row[1]!.matchAll(/`([^`]+)`/g)) {
      names.add(name!);
      // `period.year` documents the field `year` of `period`; `conversions.factor` the `factor` of each conversion.
      names.add(name!.split('.').pop()!);
      // A row may name a flag with its argument (`--out DIR`) or a command with its flags (`npm run x -- --y`).
      for (const [flag] of name!.matchAll(/--[a-z][a-z-]+/g)) names.add(flag);
    }
  }
  return names;
}

/** Every field name in a schema, nested objects and arrays of objects included. */
function fieldNames(schema: z.ZodType, names = new Set<string>()): Set<string> {
  let inner: z.ZodType = schema;
  // Unwrap optional/default/nullable/pipe wrappers to reach the object or array.
  for (;;) {
    const def = (inner as unknown as { def: { type: string; innerType?: z.ZodType; in?: z.ZodType; element?: z.ZodType } }).def;
    if (def.innerType) inner = def.innerType;
    else if (def.type === 'pipe' && def.in) inner = def.in;
    else break;
  }
  if (inner instanceof z.ZodObject) {
    for (const [name, field] of Object.entries(inner.shape)) {
      names.add(name);
      fieldNames(field as z.ZodType, names);
    }
  } else if (inner instanceof z.ZodArray) {
    fieldNames(inner.element as z.ZodType, names);
  }
  return names;
}

describe('the README', () => {
  const schemas = { documents: documentFrontmatterSchema, metrics: metricDefinitionSchema, topics: topicSchema, regions: regionSchema };
  for (const [collection, schema] of Object.entries(schemas)) {
    it(`documents every field of the ${collection} schema`, () => {
      const fields = [...fieldNames(schema)];
      expect(fields.length).toBeGreaterThan(3);
      const rows = namesDocumentedInRows(readme);
      const missing = fields.filter((field) => !rows.has(field));
      expect(missing, `fields without a row of their own in a README table (first cell, in backticks): ${missing.join(', ')}`).toEqual([]);
    });
  }

  it('gives the quick start as exactly the two commands', () => {
    expect(readme).toContain('npm install && npm run build    # builds the site from content/ into dist/ (npm run preview serves it)\nnpm test\n');
  });
});

describe('the command-line flags', () => {
  // The product's command lines (scripts/) and the tooling's (tools/: the files that read their arguments).
  const scripts = [
    ...readdirSync(join(repo, 'scripts')).filter((name) => name.endsWith('.ts')).map((name) => `scripts/${name}`),
    ...readdirSync(join(repo, 'tools'), { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.ts') && /parseArgs|process\.argv/.test(readFileSync(join(repo, 'tools', name), 'utf8')))
      .map((name) => `tools/${name.split('\\').join('/')}`),
  ];
  it('are each documented in a table row of the README or docs/', () => {
    const documentedFlags = namesDocumentedInRows(`${readme}\n${docs}`);
    const missing: string[] = [];
    expect(scripts).toContain('tools/bench/cli.ts');
    for (const script of scripts) {
      const source = readFileSync(join(repo, script), 'utf8');
      for (const [flag] of source.matchAll(/(?<![\w-])--[a-z][a-z-]+(?![\w-])/g)) {
        // Options we pass on to programs of others (astro build, Node, Chromium) are documented by them.
        if (['--outDir', '--root', '--no-sandbox', '--max-old-space-size', '--import', '--cpu-prof-dir'].includes(flag)) continue;
        if (!documentedFlags.has(flag)) missing.push(`${script}: ${flag}`);
      }
    }
    expect(missing, `flags not documented: ${missing.join(', ')}`).toEqual([]);
  });
});
