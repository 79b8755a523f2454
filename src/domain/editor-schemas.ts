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

/** Every editor schema, in the order they are written. */
export function editorSchemas(): EditorSchema[] {
  const id = (file: string) => `https://gongkai.example.org/schemas/${file}`;
  return [
    {
      file: 'document-frontmatter.schema.json',
      contentGlobs: ['content/documents/**/*.md'],
      schema: toEditorSchema(documentFrontmatterSchema, 'gongkai document front matter (content/documents/**/*.md)', id('document-frontmatter.schema.json')),
    },
    {
      file: 'metric.schema.json',
      contentGlobs: ['content/metrics/*.yaml'],
      schema: toEditorSchema(metricDefinitionSchema, 'gongkai metric definition (content/metrics/<id>.yaml)', id('metric.schema.json')),
    },
    {
      file: 'topic.schema.json',
      contentGlobs: ['content/topics/*.yaml'],
      schema: toEditorSchema(topicSchema, 'gongkai topic (content/topics/<id>.yaml)', id('topic.schema.json')),
    },
    {
      file: 'abbreviations.schema.json',
      contentGlobs: ['content/search/abbreviations.yaml'],
      schema: toEditorSchema(abbreviationsFileSchema, 'gongkai search abbreviations (content/search/abbreviations.yaml)', id('abbreviations.schema.json')),
    },
    {
      file: 'withdrawn.schema.json',
      contentGlobs: ['content/withdrawn.yaml'],
      schema: toEditorSchema(withdrawnListSchema, 'gongkai withdrawn documents (content/withdrawn.yaml)', id('withdrawn.schema.json')),
    },
  ];
}

/** The file text of a schema as written: stable key order from the generator, two-space indent, final newline. */
export function editorSchemaText(schema: EditorSchema): string {
  return `${JSON.stringify(schema.schema, null, 2)}\n`;
}
