#!/usr/bin/env node
/**
 * `npm run schemas`: writes the editors' JSON Schemas (src/domain/editor-schemas.ts) to `schemas/`, after a change
 * to a zod schema in src/schemas. tests/domain/editor-schemas.test.ts fails until they are written again.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { editorSchemas, editorSchemaText } from '../src/domain/editor-schemas.ts';

const folder = resolve(import.meta.dirname, '../schemas');
mkdirSync(folder, { recursive: true });
for (const schema of editorSchemas()) {
  const path = join(folder, schema.file);
  const text = editorSchemaText(schema);
  const before = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  if (before === text) {
    console.log(`schemas: schemas/${schema.file} unchanged`);
    continue;
  }
  writeFileSync(path, text);
  console.log(`schemas: schemas/${schema.file} ${before === undefined ? 'written' : 'updated'} (${schema.contentGlobs.join(', ')})`);
}
