/**
 * JSON Schemas for editors, generated from the zod schemas of src/schemas (zod 4's `z.toJSONSchema`), so an
 * editor's YAML language server completes and checks a content file while it is typed. They describe what an
 * author writes (zod's input side: defaults optional, dates as text); rules across fields and files (a quote in
 * its body, a region that exists, `end_year` after `year`) stay with `npm run check`.
 */
import { z } from 'zod';
import { abbreviationsFileSchema } from '../schemas/abbreviations.ts';
import { calendarDateSchema } from '../schemas/calendar-date.ts';
import { documentFrontmatterSchema } from '../schemas/document.ts';
import { metricDefinitionSchema } from '../schemas/metric.ts';
import { topicSchema } from '../schemas/topic.ts';
import { withdrawnListSchema } from '../schemas/withdrawn.ts';

/** One generated schema: the file it is written to under `schemas/`, and which content files it describes. */
export interface EditorSchema {
  /** File name under `schemas/`, e.g. `metric.schema.json`. */
  file: string;
  /** Globs of the content files it describes, relative to the project, e.g. `content/metrics/*.yaml`. */
  contentGlobs: string[];
  /** The JSON Schema (draft-07). */
  schema: Record<string, unknown>;
}

/** What a date field accepts in an editor: YAML 1.2 (the language server's default) reads 2023-08-28 as text. */
const calendarDateJsonSchema: z.core.JSONSchema.JSONSchema = {
  type: 'string',
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: 'YYYY-MM-DD, as the source gives it, e.g. 2023-08-28',
};

function toEditorSchema(schema: z.ZodType, title: string, id: string): Record<string, unknown> {
  const generated = z.toJSONSchema(schema, {
    target: 'draft-07',
    io: 'input',
    // The one unrepresentable schema is the calendar date (a custom check that words its own errors); anything
    // else unrepresentable is a new kind of field this generator must learn, so it fails loudly.
    unrepresentable: ({ zodSchema, message }) => {
      if (zodSchema === calendarDateSchema.in) return calendarDateJsonSchema;
      throw new Error(`src/domain/editor-schemas.ts: ${title}: ${message}; map the field to a JSON Schema in toEditorSchema`);
    },
    override: ({ zodSchema, jsonSchema }) => {
      if (zodSchema === calendarDateSchema) {
        for (const key of Object.keys(jsonSchema)) delete (jsonSchema as Record<string, unknown>)[key];
        Object.assign(jsonSchema, calendarDateJsonSchema);
      }
    },
  }) as Record<string, unknown>;
  return { $id: id, title, ...generated };
}

/** One editor schema from its zod schema: the file it is written to, the content files it describes, its title. */
function editorSchema(file: string, contentGlob: string, schema: z.ZodType, title: string): EditorSchema {
  return { file, contentGlobs: [contentGlob], schema: toEditorSchema(schema, title, `https://gongkai.example.org/schemas/${file}`) };
}

/** Every editor schema, in the order they are written. */
export function editorSchemas(): EditorSchema[] {
  return [
    editorSchema('document-frontmatter.schema.json', 'content/documents/**/*.md', documentFrontmatterSchema, 'gongkai document front matter (content/documents/**/*.md)'),
    editorSchema('metric.schema.json', 'content/metrics/*.yaml', metricDefinitionSchema, 'gongkai metric definition (content/metrics/<id>.yaml)'),
    editorSchema('topic.schema.json', 'content/topics/*.yaml', topicSchema, 'gongkai topic (content/topics/<id>.yaml)'),
    editorSchema('abbreviations.schema.json', 'content/search/abbreviations.yaml', abbreviationsFileSchema, 'gongkai search abbreviations (content/search/abbreviations.yaml)'),
    editorSchema('withdrawn.schema.json', 'content/withdrawn.yaml', withdrawnListSchema, 'gongkai withdrawn documents (content/withdrawn.yaml)'),
  ];
}

/** The file text of a schema as written: stable key order from the generator, two-space indent, final newline. */
export function editorSchemaText(schema: EditorSchema): string {
  return `${JSON.stringify(schema.schema, null, 2)}\n`;
}
