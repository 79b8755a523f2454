/**
 * The one road for content errors: every problem in content/ becomes a ContentIssue naming the file, the
 * field, the bad value and the fix, and all of them are reported together.
 */
import type { z } from 'zod';

export interface ContentIssue {
  /** Path relative to the project, e.g. `content/documents/anhui/xuancheng/xuanzhou/2023-year-task-list.md`. */
  file: string;
  /** Field path in the front matter, e.g. `metrics[2].quote`; absent for whole-file problems. */
  field?: string;
  /** The offending value, when there is one. */
  value?: unknown;
  /** What is wrong. */
  message: string;
  /** How to fix it. */
  hint: string;
  /** 1-based line of the field, value or body text at fault (source-positions.ts); absent when the problem has no place in the file. */
  line?: number;
  /** 1-based column on `line`, in UTF-16 code units as editors count them; present whenever `line` is. */
  column?: number;
}

/** Field path as authors write it: `metrics[2].quote`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** Turns zod's issues for one file into ContentIssues with hints an author can act on. */
export function issuesFromZod(file: string, error: z.ZodError, data: unknown, fieldPrefix: readonly PropertyKey[] = []): ContentIssue[] {
  return error.issues.map((issue) => {
    const path = [...fieldPrefix, ...issue.path];
    const value = valueAt(data, issue.path);
    const field = fieldPath(path) || undefined;
    const base = { file, ...(field ? { field } : {}) };
    switch (issue.code) {
      case 'invalid_type':
        if (value === undefined) {
          return { ...base, message: `required field is missing`, hint: `add \`${field}\` (expected ${issue.expected}); see README › Content model` };
        }
        if (typeof value === 'number' && !Number.isFinite(value)) {
          // YAML's .inf and .nan parse as numbers that no figure can be.
          const written = Number.isNaN(value) ? '.nan' : value > 0 ? '.inf' : '-.inf';
          return { ...base, value: written, message: `${written} is not a finite number`, hint: 'write the number the source states, e.g. `value: 550`' };
        }
        return { ...base, value, message: `expected ${issue.expected}, got ${describe(value)}`, hint: hintForType(issue.expected) };
      case 'invalid_value':
        // A missing choice (`half:` left out) is missing, not "undefined is not allowed".
        if (value === undefined) {
          const choices = /(^|\.)half$/.test(field ?? '') ? 'H1 (上半年), H2 (下半年), or null for the whole year' : `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
          return { ...base, message: 'required field is missing', hint: `add \`${field}\`: ${choices}` };
        }
        return { ...base, value, message: `${JSON.stringify(value)} is not allowed`, hint: `use one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}` };
      case 'unrecognized_keys':
        return {
          ...base,
          // One misspelt key is named where it is written (`metrics[0].previosu`), so the report points at it.
          ...(issue.keys.length === 1 ? { field: fieldPath([...path, issue.keys[0] as string]) } : {}),
          value: issue.keys,
          message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `\`${k}\``).join(', ')}`,
          hint: 'check the spelling against README › Content model, or remove the field',
        };
      case 'too_small':
        if (issue.origin === 'number') {
          return { ...base, value, message: `${String(value)} is below the minimum ${String(issue.minimum)}`, hint: 'figures are never negative; copy the number exactly as the source states it' };
        }
        if (value === '' || (Array.isArray(value) && value.length === 0)) {
          return { ...base, message: 'is empty', hint: 'fill in the value as the source gives it, or remove the field if the source does not give it' };
        }
        return { ...base, value, message: `is too short (minimum ${String(issue.minimum)})`, hint: 'fill in the value as the source gives it, or remove the field if the source does not give it' };
      case 'too_big':
        return { ...base, value, message: `${String(value)} is above the maximum ${String(issue.maximum)}`, hint: 'check the value against the source' };
      case 'invalid_format':
        if (issue.format === 'regex') {
          return { ...base, value, message: `${JSON.stringify(value)} is not in the expected form`, hint: formatHints.find(([pattern]) => pattern.test(field ?? ''))?.[1] ?? `write it to match ${String((issue as { pattern?: string }).pattern ?? 'the pattern in README › Content model')}` };
        }
        return { ...base, value, message: `${JSON.stringify(value)} is not a valid ${issue.format}`, hint: issue.format === 'url' ? 'give the full http(s) address of the source page' : `write a valid ${issue.format}` };
      case 'custom': {
        const hint = (issue.params as { hint?: string } | undefined)?.hint ?? 'see README › Content model';
        return { ...base, value, message: issue.message, hint };
      }
      default:
        return { ...base, value, message: issue.message, hint: 'see README › Content model' };
    }
  });
}

/** What a field checked by a pattern must look like, by field path. */
const formatHints: [RegExp, string][] = [
  [/^tasks\[\d+\]\.id$/, 'use the section number and the row’s 序号, in ASCII letters, digits, dots and hyphens, e.g. 3-8'],
];

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the text ${JSON.stringify(value)}`;
  return typeof value;
}

function hintForType(expected: string): string {
  switch (expected) {
    case 'number':
      return 'write the number without quotes or units, e.g. `value: 550` (the unit goes in `unit`)';
    case 'array':
      return 'write a YAML list, one `- item` per line';
    case 'object':
      return 'write the nested fields indented under the key';
    default:
      return `write a ${expected}`;
  }
}

/** Formats issues for a terminal, grouped by file, every issue listed. */
export function formatContentIssues(issues: readonly ContentIssue[]): string {
  return formatGrouped(issues, 'content error', '✗');
}

/** Formats warnings (files skipped, nothing wrong with what is published) like the errors, marked `!`. */
export function formatContentWarnings(warnings: readonly ContentIssue[]): string {
  return formatGrouped(warnings, 'content warning', '!');
}

function formatGrouped(issues: readonly ContentIssue[], noun: string, mark: string): string {
  const byFile = new Map<string, ContentIssue[]>();
  for (const issue of issues) {
    const list = byFile.get(issue.file) ?? [];
    list.push(issue);
    byFile.set(issue.file, list);
  }
  const lines = [`${issues.length} ${noun}${issues.length === 1 ? '' : 's'} in ${byFile.size} file${byFile.size === 1 ? '' : 's'}:`];
  for (const [file, fileIssues] of byFile) {
    lines.push('', file);
    for (const issue of fileIssues) {
      // `path:line:col` in front, the form editors and terminals turn into a link to the place.
      const at = issue.line === undefined ? '' : `${location(issue)} `;
      const where = issue.field ? `${issue.field}: ` : '';
      lines.push(`  ${mark} ${at}${where}${issue.message}${shownValue(issue)}`, `    → ${issue.hint}`);
    }
  }
  return lines.join('\n');
}

/** `path:line:col`, or the path alone for a problem of the whole file. */
export function location(issue: ContentIssue): string {
  return issue.line === undefined ? issue.file : `${issue.file}:${issue.line}:${issue.column ?? 1}`;
}

function shownValue(issue: ContentIssue): string {
  return issue.value === undefined || issue.message.includes(JSON.stringify(issue.value)) ? '' : ` (value: ${JSON.stringify(issue.value)})`;
}

/** How `npm run check` prints its report: for a person, as GitHub Actions annotations, or as JSON lines. */
export type ReportFormat = 'human' | 'github' | 'json';
export const reportFormats: readonly ReportFormat[] = ['human', 'github', 'json'];

/**
 * The errors and warnings as GitHub Actions workflow commands, one line each (`::error file=…,line=…,col=…::…`),
 * which the runner shows as annotations on the pull request's lines. Escaped as the Actions toolkit escapes
 * them (@actions/core `command.ts`): `%`, CR and LF in the message, and also `:` and `,` in properties.
 */
export function formatGithubAnnotations(issues: readonly ContentIssue[], warnings: readonly ContentIssue[] = []): string {
  const line = (command: 'error' | 'warning', issue: ContentIssue) => {
    const properties = [`file=${escapeProperty(issue.file)}`];
    if (issue.line !== undefined) properties.push(`line=${issue.line}`, `col=${issue.column ?? 1}`);
    properties.push(`title=${escapeProperty(`content ${command}${issue.field ? `: ${issue.field}` : ''}`)}`);
    return `::${command} ${properties.join(',')}::${escapeData(`${issue.message}${shownValue(issue)}\n→ ${issue.hint}`)}`;
  };
  return [...warnings.map((w) => line('warning', w)), ...issues.map((i) => line('error', i))].join('\n');
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * The errors and warnings as JSON lines, one object each: `severity` ("error" or "warning"), `file`, `line` and
 * `column` (1-based, absent for a whole file), `field` (absent for a whole file), `value` (absent when there is
 * none), `message` and `hint` — the fields of ContentIssue, documented in README › Checking content.
 */
export function formatJsonLines(issues: readonly ContentIssue[], warnings: readonly ContentIssue[] = []): string {
  const line = (severity: 'error' | 'warning', issue: ContentIssue) => {
    const { file, line: at, column, field, value, message, hint } = issue;
    return JSON.stringify({ severity, file, ...(at === undefined ? {} : { line: at, column: column ?? 1 }), ...(field === undefined ? {} : { field }), ...(value === undefined ? {} : { value }), message, hint });
  };
  return [...warnings.map((w) => line('warning', w)), ...issues.map((i) => line('error', i))].join('\n');
}
