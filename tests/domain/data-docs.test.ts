/** docs/data.md is checked: every open-data column and every tasks:suggest flag must be documented. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { metricColumns, taskColumns } from '../../src/domain/open-data.ts';
import { reuseColumns } from '../../src/domain/reuse/reuse-views.ts';
import { disclosureColumns } from '../../src/domain/disclosure-views.ts';
import { taskStatuses } from '../../src/schemas/task.ts';
import { taskLinkColumns } from '../../src/domain/task-history.ts';
import { targetLinkColumns } from '../../src/domain/target-history.ts';

const docs = readFileSync(resolve(import.meta.dirname, '../../docs/data.md'), 'utf8');
const script = readFileSync(resolve(import.meta.dirname, '../../scripts/tasks-suggest.ts'), 'utf8');

describe('docs/data.md', () => {
  it.each([...metricColumns])('documents the metrics.csv column %s', (column) => {
    expect(docs).toMatch(new RegExp(`\\| \`${column}\` \\|`));
  });

  it.each([...taskColumns])('documents the tasks.csv column %s', (column) => {
    expect(docs).toContain(`\`${column}\``);
  });

  it.each([...reuseColumns])('documents the reuse.csv column %s', (column) => {
    expect(docs.slice(docs.indexOf('### `reuse.csv`'))).toContain(`\`${column}\``);
  });

  it.each([...taskLinkColumns])('documents the task-links.csv column %s', (column) => {
    expect(docs.slice(docs.indexOf('### `task-links.csv`'), docs.indexOf('### `documents.json`'))).toContain(`\`${column}\``);
  });

  it.each([...targetLinkColumns])('documents the target-links.csv column %s', (column) => {
    expect(docs.slice(docs.indexOf('### `target-links.csv`'), docs.indexOf('### `documents.json`'))).toContain(`\`${column}\``);
  });

  it.each([...disclosureColumns])('documents the disclosure.csv column %s', (column) => {
    expect(docs.slice(docs.indexOf('### `disclosure.csv`'))).toContain(`\`${column}\``);
  });

  it.each([...taskStatuses])('defines the task status %s', (status) => {
    expect(docs).toMatch(new RegExp(`\\| \`${status}\` \\|`));
  });

  it('documents every flag tasks:suggest accepts', () => {
    const flags = [...script.matchAll(/^\s{6}(\w+): \{ type:/gm), ...script.matchAll(/(\w+): \{ type: '(?:boolean|string)'/g)].map((m) => `--${m[1]}`);
    expect(new Set(flags)).toEqual(new Set(['--json', '--help', '--top', '--threshold', '--region', '--write', '--root']));
    for (const flag of flags) expect(docs).toMatch(new RegExp(`\\| \`${flag}[ \`]`));
  });
});
