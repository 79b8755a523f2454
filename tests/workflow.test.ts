/**
 * The repository's CI workflow (.github/workflows/site.yml, docs/deploy.md): what a reviewer relies on, read from
 * the file itself — which commands each job runs and in which order, what runs only on main, what the deploy needs.
 * The file is linted against the workflow schema by tests/tools/workflow-lint.test.ts, and each job's commands
 * are run in order on a fixture repository by tests/workflow-jobs.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '..');

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  if?: string;
  needs?: string | string[];
  permissions?: Record<string, string>;
  env?: Record<string, string>;
  steps: Step[];
}
const workflow = yaml.load(readFileSync(join(repo, '.github/workflows/site.yml'), 'utf8')) as { on: Record<string, unknown>; permissions: Record<string, string>; jobs: Record<string, Job> };

/** The job's steps as one line each: `run: <command>` or `uses: <action>`. */
const stepLines = (job: Job): string[] => job.steps.map((step) => (step.run !== undefined ? `run: ${step.run.trim()}` : `uses: ${step.uses}`));
/** Index of the first step whose line contains `text`; fails the test naming the job when there is none. */
function stepIndex(jobName: string, text: string): number {
  const index = stepLines(workflow.jobs[jobName]!).findIndex((line) => line.includes(text));
  if (index < 0) throw new Error(`.github/workflows/site.yml: job ${jobName} has no step with ${JSON.stringify(text)}`);
  return index;
}

describe('.github/workflows/site.yml', () => {
  it('runs on pull requests and on pushes to main, reading the repository only by default', () => {
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['pull_request', 'push']));
    expect(workflow.on.push).toEqual({ branches: ['main'] });
    expect(workflow.permissions).toEqual({ contents: 'read' });
  });

  it('checks a pull request as .ci/run does, with annotations and the corrections check, then builds, tests and keeps the site', () => {
    const job = 'pull-request';
    expect(workflow.jobs[job]!.if).toContain("github.event_name == 'pull_request'");
    const order = [
      'apt-get install -y -qq chromium caddy',
      'npm install',
      'npm run check -- --format github',
      '--since "origin/${GITHUB_BASE_REF}"',
      'npm run build',
      'npm test',
      'actions/upload-artifact',
    ].map((text) => stepIndex(job, text));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // The corrections check compares with the base branch, so the checkout must hold its history.
    expect(workflow.jobs[job]!.steps[0]).toMatchObject({ uses: expect.stringMatching(/^actions\/checkout@/), with: { 'fetch-depth': 0 } });
    // Never a browser download: Playwright's installer is not used.
    expect(stepLines(workflow.jobs[job]!).join('\n')).not.toMatch(/playwright install/);
  });

  it('on main refuses to build without the site address, builds with the cache restored and saved, and uploads for Pages', () => {
    const job = 'build';
    expect(workflow.jobs[job]!.if).toContain("github.ref == 'refs/heads/main'");
    expect(workflow.jobs[job]!.env?.GONGKAI_SITE).toBe('${{ vars.GONGKAI_SITE }}');
    const order = ['npm install', 'npm run require-site', 'actions/cache/restore', 'npm run build', 'actions/cache/save', 'actions/upload-pages-artifact'].map((text) => stepIndex(job, text));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('deploys only after the build, with the Pages permissions and nothing else', () => {
    const deploy = workflow.jobs.deploy!;
    expect(deploy.needs).toBe('build');
    expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(stepLines(deploy)).toEqual([expect.stringMatching(/^uses: actions\/deploy-pages@/)]);
  });

  it('names only npm scripts the project has', () => {
    const scripts = Object.keys((JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);
    const named = Object.values(workflow.jobs).flatMap((job) => stepLines(job)).flatMap((line) => [...line.matchAll(/npm run ([\w:-]+)/g)].map((match) => match[1]!));
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((name) => !scripts.includes(name))).toEqual([]);
  });
});
