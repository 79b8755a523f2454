/**
 * The truth labels of the real pages (tests/fixtures/ingest/pages/labels/NNN.yaml, format in LABELS.md there):
 * their schema, their reading, and which split a page is in. A label is written by reading the page, before
 * and independently of the ingestion rules; `null` always means "the page does not state it", so a draft is
 * right only when it leaves that field out too. Pure: the caller reads the files.
 */
import * as yaml from 'js-yaml';
import { z } from 'zod';
import { documentKinds, halves } from '../../src/schemas/document.ts';

/** A YAML date the way js-yaml reads it (a string) or a `Date` from another reader, as `YYYY-MM-DD`. */
const labelDate = z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'write dates as YYYY-MM-DD'), z.date().transform((date) => date.toISOString().slice(0, 10))]).nullable().default(null);
/** A text field: quoted or not, it must be a string, so `索引号 0012` does not lose its zeros as a number. */
const labelText = z.string().min(1).nullable().default(null);

export const labelFigureSchema = z
  .object({
    /** Metric id (content/metrics), e.g. `dibao-rural`. */
    metric: z.string().min(1),
    /** The value as stated, in `unit`, e.g. `3150`. */
    value: z.number().nonnegative(),
    /** Normalised unit, e.g. `元/人/年`. */
    unit: z.string().min(1),
    category: z.enum(['A', 'B', 'C']).nullable().default(null),
    scope: z.enum(['urban', 'rural']).nullable().default(null),
    previous: z.number().nonnegative().nullable().default(null),
    effective: labelDate,
    target: z.boolean().nullable().default(null),
    average: z.boolean().nullable().default(null),
    /** Shortest exact substring of the page that states the value, e.g. `3150元∕人、年`. */
    quote: z.string().min(1),
  })
  .strict();
export type LabelFigure = z.output<typeof labelFigureSchema>;

export const labelDocumentSchema = z
  .object({
    /** Title as the page prints it; `null` when it prints none. */
    title: labelText,
    kind: z.enum(documentKinds),
    period: z
      .object({
        year: z.number().int().min(1949).max(2100).nullable(),
        half: z.enum(halves).nullable().default(null),
        end_year: z.number().int().min(1949).max(2100).nullable().default(null),
      })
      .strict(),
    publisher: labelText,
    /** Region slug path, e.g. `henan`; `null` when neither page nor address names a place. */
    region: labelText,
    published: labelDate,
    written: labelDate,
    index_no: labelText,
    doc_no: labelText,
    url: labelText,
    figures: z.array(labelFigureSchema).nullable().default([]).transform((list) => list ?? []),
    not_in_model: z.array(z.string().min(1)).nullable().default([]).transform((list) => list ?? []),
    /** How many task rows the page lists. */
    tasks: z.number().int().nonnegative().default(0),
    task_titles: z.array(z.string().min(1)).nullable().default([]).transform((list) => list ?? []),
    notes: z.string().nullable().default(''),
  })
  .strict();
export type LabelDocument = z.output<typeof labelDocumentSchema>;

export const pageLabelSchema = z
  .object({
    /** The page, e.g. `017.txt`. */
    file: z.string().regex(/^\d{3}\.txt$/, 'name the page as NNN.txt'),
    /** Whether the page is a bureau's plan, summary, task list or notice with a knowable region and year. */
    publish: z.boolean(),
    why_not: z.string().nullable().default(null),
    documents: z.array(labelDocumentSchema).min(1),
  })
  .strict();
export type PageLabel = z.output<typeof pageLabelSchema>;

export type LabelReading = { ok: true; label: PageLabel } | { ok: false; problems: string[] };

/** Reads a label file's text; every schema problem is named by its path, e.g. `documents[0].kind: …`. */
export function readPageLabel(text: string): LabelReading {
  let data: unknown;
  try {
    data = yaml.load(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, problems: [`malformed YAML: ${error instanceof yaml.YAMLException ? error.reason : (error as Error).message}`] };
  }
  const parsed = pageLabelSchema.safeParse(data);
  if (parsed.success) return { ok: true, label: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => `${issue.path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('').replace(/^\./, '') || '(file)'}: ${issue.message}`),
  };
}

export type PageSplit = 'development' | 'held-out';

/** Every fourth page (004, 008, … 060) is held out: nobody developing the rules reads it or its label. */
export function pageSplit(file: string): PageSplit {
  const number = Number(/^(\d+)/.exec(file.replace(/^.*[\\/]/, ''))?.[1]);
  return Number.isInteger(number) && number % 4 === 0 ? 'held-out' : 'development';
}
