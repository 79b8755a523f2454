/**
 * The repository's workflow passes action-validator (tools/workflow-lint.ts), and the lint rejects a broken copy
 * with the checker's own messages at the broken lines — so a green run here means the checker looked.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatWorkflowProblem, lintWorkflowFile } from '../../tools/workflow-lint.ts';

const repo = resolve(import.meta.dirname, '../..');
const workflowPath = '.github/workflows/site.yml';
const workflow = readFileSync(join(repo, workflowPath), 'utf8');
const scratch = mkdtempSync(join(tmpdir(), 'gongkai-workflow-lint-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The workflow with `from` replaced by `to` (which must occur), written to the scratch folder and linted there. */
function lintBrokenCopy(name: string, from: string, to: string): string[] {
  expect(workflow).toContain(from);
  const path = join(scratch, name);
  writeFileSync(path, workflow.replace(from, to));
  return lintWorkflowFile(path, name).map(formatWorkflowProblem);
}

/** 1-based line of the first occurrence of `text` in the workflow. */
const lineOf = (text: string): number => workflow.slice(0, workflow.indexOf(text)).split('\n').length;

describe(workflowPath, () => {
  it('passes action-validator with no error (the messages are printed when it does not)', () => {
    expect(lintWorkflowFile(join(repo, workflowPath), workflowPath).map(formatWorkflowProblem)).toEqual([]);
  });
});

describe('the workflow lint', () => {
  it('rejects a misspelt job key and a step with neither uses nor run, at their lines', () => {
    const messages = lintBrokenCopy('misspelt.yml', 'runs-on: ubuntu-24.04\n    container: node:22-bookworm\n    timeout-minutes: 60\n    steps:\n      - uses: actions/checkout@v4', 'runs-onn: ubuntu-24.04\n    container: node:22-bookworm\n    timeout-minutes: 60\n    steps:\n      - use: actions/checkout@v4');
    const job = lineOf('  pull-request:');
    expect(messages).toEqual(
      expect.arrayContaining([
        `misspelt.yml:${job}:3: jobs.pull-request: Additional property 'runs-onn' is not allowed (fix the field as GitHub's workflow syntax reference spells it, then run npm run check:workflow)`,
        expect.stringMatching(new RegExp(`^misspelt\\.yml:${lineOf('- uses: actions/checkout@v4')}:\\d+: jobs\\.pull-request\\.steps\\[0\\]: Additional property 'use' is not allowed`)),
        expect.stringMatching(/^misspelt\.yml:\d+:\d+: jobs\.pull-request\.runs-on: This property is required/),
      ]),
    );
  });

  it('rejects a deploy job that needs a job the workflow does not have', () => {
    expect(lintBrokenCopy('needs.yml', 'needs: build', 'needs: built')).toEqual([
      `needs.yml:${lineOf('needs: build')}:12: jobs.deploy.needs: unresolved job built (fix the field as GitHub's workflow syntax reference spells it, then run npm run check:workflow)`,
    ]);
  });

  it('rejects a value of the wrong type where it is written', () => {
    const messages = lintBrokenCopy('type.yml', 'timeout-minutes: 60', 'timeout-minutes: sixty');
    expect(messages[0]).toMatch(new RegExp(`^type\\.yml:${lineOf('timeout-minutes: 60')}:22: jobs\\.pull-request\\.timeout-minutes: `));
  });

  it('rejects a YAML syntax error at the parser\'s line', () => {
    const messages = lintBrokenCopy('syntax.yml', 'branches: [main]', 'branches: [main');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^syntax\.yml:\d+:\d+: did not find expected ',' or ']'/);
  });
});

describe('npm run check:workflow', () => {
  const cli = (...files: string[]) => spawnSync(join(repo, 'node_modules/.bin/node'), [join(repo, 'tools/workflow-lint.ts'), ...files], { cwd: repo, encoding: 'utf8' });

  it('passes the repository\'s workflows, saying how many it read', () => {
    const result = cli();
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^check:workflow: [1-9]\d* workflow\(s\), 0 problem\(s\)$/m);
  });

  it('exits 1 on a broken workflow, printing each problem at its place', () => {
    lintBrokenCopy('cli.yml', 'needs: build', 'needs: built');
    const result = cli(join(scratch, 'cli.yml'));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${join(scratch, 'cli.yml')}:${lineOf('needs: build')}:12: jobs.deploy.needs: unresolved job built`);
  });
});
