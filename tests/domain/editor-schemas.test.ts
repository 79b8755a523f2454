/**
 * The editors' JSON Schemas: written from the zod schemas (a zod change without `npm run schemas` fails here),
 * accepting every content file of the project as the YAML language server reads it (YAML 1.2: dates are text),
 * and refusing the mistakes the zod schemas refuse.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { default as addFormats } from 'ajv-formats';
import * as yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { editorSchemas, editorSchemaText } from '../../src/domain/editor-schemas.ts';

const repo = resolve(import.meta.dirname, '../..');
const schemas = editorSchemas();

function validatorFor(file: string): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(join(repo, 'schemas', file), 'utf8')));
}

/** YAML as the editor's language server reads it: YAML 1.2 core schema, so 2023-08-28 stays text. */
const readYaml = (text: string): unknown => yaml.load(text, { schema: yaml.CORE_SCHEMA });

function frontMatterOf(path: string): unknown {
  const text = readFileSync(path, 'utf8').replace(/\r\n?/g, '\n');
  const match = /^---\n([\s\S]*?)\n---(?:\n|$)/.exec(text);
  if (!match) throw new Error(`${relative(repo, path)}: no front matter`);
  return readYaml(match[1]!) ?? {};
}

const filesUnder = (folder: string, ending: string): string[] =>
  readdirSync(join(repo, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith(ending))
    .map((name) => join(repo, folder, name))
    .sort();

const errorsOf = (validate: ValidateFunction, data: unknown): string[] =>
  validate(data) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message} ${JSON.stringify(error.params)}`);

describe('the editor schemas in schemas/', () => {
  it.each(schemas.map((schema) => [schema.file, schema] as const))('%s is what npm run schemas writes from the zod schemas', (file, schema) => {
    const committed = readFileSync(join(repo, 'schemas', file), 'utf8');
    expect(committed, `schemas/${file} is out of date with src/schemas: run npm run schemas and commit schemas/`).toBe(editorSchemaText(schema));
  });

  it('lists exactly the files npm run schemas writes', () => {
    expect(readdirSync(join(repo, 'schemas')).sort()).toEqual(schemas.map((schema) => schema.file).sort());
  });
});

describe('every content file', () => {
  const cases = [
    { file: 'document-frontmatter.schema.json', paths: filesUnder('content/documents', '.md'), read: frontMatterOf },
    { file: 'metric.schema.json', paths: filesUnder('content/metrics', '.yaml'), read: (path: string) => readYaml(readFileSync(path, 'utf8')) },
    { file: 'topic.schema.json', paths: filesUnder('content/topics', '.yaml'), read: (path: string) => readYaml(readFileSync(path, 'utf8')) },
    { file: 'abbreviations.schema.json', paths: [join(repo, 'content/search/abbreviations.yaml')], read: (path: string) => readYaml(readFileSync(path, 'utf8')) },
  ];
  for (const { file, paths, read } of cases) {
    it(`passes ${file} (${paths.length} files)`, () => {
      expect(paths.length).toBeGreaterThan(0);
      const validate = validatorFor(file);
      const failures = paths.flatMap((path) => errorsOf(validate, read(path)).map((error) => `${relative(repo, path)}: ${error}`));
      expect(failures).toEqual([]);
    });
  }
});

describe('the document front matter schema', () => {
  const validate = validatorFor('document-frontmatter.schema.json');
  const valid = frontMatterOf(filesUnder('content/documents', '.md')[0]!) as Record<string, unknown>;

  it('refuses a misspelt field, as the zod schema does', () => {
    expect(errorsOf(validate, { ...valid, publsher: '宣州区民政局' })).toEqual(['/ must NOT have additional properties {"additionalProperty":"publsher"}']);
  });

  it('refuses an unknown kind, naming the allowed ones', () => {
    expect(errorsOf(validate, { ...valid, kind: 'report' })).toEqual(['/kind must be equal to one of the allowed values {"allowedValues":["plan","summary","task-list","notice"]}']);
  });

  it('refuses a date without its hyphens and a figure without its quote', () => {
    const errors = errorsOf(validate, { ...valid, published: '20230828', metrics: [{ metric: 'dibao-urban', value: 550, unit: '元/人/月' }] });
    expect(errors).toEqual([
      '/published must match pattern "^\\d{4}-\\d{2}-\\d{2}$" {"pattern":"^\\\\d{4}-\\\\d{2}-\\\\d{2}$"}',
      '/metrics/0 must have required property \'quote\' {"missingProperty":"quote"}',
    ]);
  });

  it('refuses a source address that is not an address', () => {
    expect(errorsOf(validate, { ...valid, source: { url: 'not a url' } })).toEqual(['/source/url must match format "uri" {"format":"uri"}']);
  });
});

describe('the withdrawn documents schema', () => {
  const validate = validatorFor('withdrawn.schema.json');
  const entry = { id: 'anhui/xuancheng/xuanzhou/2023-task-list', title: '宣州区民政局2023年重点工作任务清单', date: '2024-03-05', reason: '与发布机构核对后撤回', replaced_by: 'anhui/xuancheng/xuanzhou/2023-h2-summary' };

  it('accepts a list of tombstones as content/withdrawn.yaml holds them', () => {
    expect(errorsOf(validate, readYaml(`- id: ${entry.id}\n  title: ${entry.title}\n  date: ${entry.date}\n  reason: ${entry.reason}\n`))).toEqual([]);
  });

  it('refuses an entry without its reason and a misspelt field', () => {
    const { reason: _reason, ...withoutReason } = entry;
    expect(errorsOf(validate, [withoutReason])).toEqual(['/0 must have required property \'reason\' {"missingProperty":"reason"}']);
    expect(errorsOf(validate, [{ ...entry, replaced: 'x' }])).toEqual(['/0 must NOT have additional properties {"additionalProperty":"replaced"}']);
  });
});
