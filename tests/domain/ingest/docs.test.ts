/** docs/ingest.md is checked: every flag of the command and every reason a line is dropped for is in it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { boilerplateReasons } from '../../../src/domain/ingest/boilerplate.ts';
import { repo } from './helpers.ts';

const docs = readFileSync(join(repo, 'docs', 'ingest.md'), 'utf8');

describe('docs/ingest.md', () => {
  it('documents every flag of npm run ingest', () => {
    const script = readFileSync(join(repo, 'scripts', 'ingest.ts'), 'utf8');
    const flags = [...new Set([...script.matchAll(/(?<![\w-])--[a-z][a-z-]+/g)].map((match) => match[0]))];
    expect(flags.sort()).toEqual(['--allow-damaged', '--dry-run', '--force', '--help', '--json', '--no-progress', '--out', '--progress', '--url']);
    expect(flags.filter((flag) => !docs.includes(`\`${flag}`))).toEqual([]);
  });

  it('lists every reason a boilerplate line is dropped for', () => {
    expect(boilerplateReasons.filter((reason) => !docs.includes(reason))).toEqual([]);
  });

  it('gives the eval command', () => {
    expect(docs).toContain('npm run ingest:eval');
  });
});
