/**
 * The commands of each job of .github/workflows/site.yml, read from the file and run in the job's order, with
 * the job's environment, in a fixture repository: a git repository of the project (package.json, scripts/,
 * src/, public/, the workflow) whose content is the small fixture site, with the base branch at origin/main as
 * `actions/checkout` with `fetch-depth: 0` leaves it. A step that fails stops its job, as on GitHub.
 *
 * Steps that cannot run here are named with the reason, and the test asserts that list, so a step added to the
 * workflow is either run or explained: the apt-get and npm installs (root, the registry, minutes; the fixture
 * links the repository's node_modules), `npm test` (the suite this test is part of) and the actions that need
 * GitHub (artifacts, Pages). Checkout and the two cache actions have stand-ins that do what the action does to
 * the workspace: the repository is the checkout, and the cache folder is copied out after a build and back into
 * a fresh checkout before the next one, so the test sees the second build reuse the first one's work.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as yaml from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { contentRootWithDefinitions, linkNodeModules, repoRoot } from '../tools/site-build.ts';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string | number>;
}
interface Job {
  env?: Record<string, string>;
  steps: Step[];
}
const workflowFile = '.github/workflows/site.yml';
const workflow = yaml.load(readFileSync(join(repoRoot, workflowFile), 'utf8')) as { env?: Record<string, string>; jobs: Record<string, Job> };

const work = mkdtempSync(join(tmpdir(), 'gongkai-workflow-jobs-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** What a job run sees of GitHub: the event, the repository variables, the workspace. */
interface Run {
  event: 'pull_request' | 'push';
  workspace: string;
  vars: Record<string, string>;
  /** Where the cache stand-ins keep the saved folder between runs (GitHub's cache service). */
  cacheStore: string;
}

/**
 * `${{ … }}` in an env value or an action's input, for the few contexts the workflow uses. An unknown
 * expression fails the test: it would need a stand-in here. A repository variable that is not set is '', as on GitHub.
 */
function expand(text: string, run: Run, env: Record<string, string>): string {
  return text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (whole, expression: string) => {
    if (expression === 'github.workspace') return run.workspace;
    const variable = /^vars\.(\w+)$/.exec(expression);
    if (variable) return run.vars[variable[1]!] ?? '';
    const fromEnv = /^env\.(\w+)$/.exec(expression);
    if (fromEnv) return env[fromEnv[1]!] ?? '';
    throw new Error(`${workflowFile}: this test cannot evaluate ${whole}; give it a value in expand()`);
  });
}

type Outcome =
  | { step: string; ran: true; status: number; stdout: string; stderr: string }
  | { step: string; ran: false; reason: string };

/** Why a step is not run here, by the text of its `uses:` or `run:`. */
const notRunHere: [match: string, reason: string][] = [
  ['apt-get install', 'installs Debian packages as root; chromium and caddy serve only npm test\'s browser tests, which are not run here'],
  ['npm install', 'needs the npm registry and minutes; the fixture repository links the repository\'s node_modules, installed from the same package.json'],
  ['npm test', 'is the test suite this test is part of: it would run this test again'],
  ['actions/upload-artifact', 'needs GitHub\'s artifact storage; the folder it uploads is checked instead'],
  ['actions/upload-pages-artifact', 'needs GitHub Pages; the folder it uploads is checked instead'],
  ['actions/deploy-pages', 'needs GitHub Pages and its OIDC token'],
];

/** Runs `job`'s steps in order, as GitHub would on `run`'s event; stops at the first that fails. */
function runJob(jobName: string, run: Run): Outcome[] {
  const job = workflow.jobs[jobName]!;
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries({ ...workflow.env, ...job.env })) env[name] = expand(String(value), run, env);
  // A clean environment: nothing of this test's own (GONGKAI_CONTENT_ROOT, GONGKAI_CACHE_DIR …) leaks into the job.
  const processEnv = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? run.workspace,
    LANG: 'C.UTF-8',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: run.event,
    GITHUB_WORKSPACE: run.workspace,
    ...(run.event === 'pull_request' ? { GITHUB_BASE_REF: 'main', GITHUB_HEAD_REF: 'correction' } : { GITHUB_REF: 'refs/heads/main' }),
    FORCE_COLOR: '0',
    // npm reads no user configuration and writes its logs (a failing step's debug log) into the scratch folder.
    npm_config_userconfig: join(work, 'npmrc'),
    npm_config_cache: join(work, 'npm-cache'),
    npm_config_update_notifier: 'false',
    ...env,
  };
  const outcomes: Outcome[] = [];
  for (const step of job.steps) {
    const label = step.name ?? step.uses ?? step.run ?? '';
    const text = step.run ?? step.uses ?? '';
    const skip = notRunHere.find(([match]) => text.includes(match));
    if (skip) {
      outcomes.push({ step: label, ran: false, reason: skip[1] });
      continue;
    }
    if (step.uses !== undefined) {
      outcomes.push(standIn(step, run, env));
      continue;
    }
    // GitHub runs a `run:` step with `bash --noprofile --norc -eo pipefail {0}` in the workspace.
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], { cwd: run.workspace, env: processEnv, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (result.error) throw new Error(`${label}: bash could not run`, { cause: result.error });
    outcomes.push({ step: label, ran: true, status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr });
    if (result.status !== 0) break;
  }
  return outcomes;
}

/** What the actions this test can stand in for do to the workspace. */
function standIn(step: Step, run: Run, env: Record<string, string>): Outcome {
  const label = step.name ?? step.uses!;
  const action = step.uses!.replace(/@.*$/, '');
  if (action === 'actions/checkout') return { step: label, ran: true, status: 0, stdout: `the fixture repository ${run.workspace} is the checkout`, stderr: '' };
  if (action === 'actions/cache/restore' || action === 'actions/cache/save') {
    const path = expand(String(step.with?.path), run, env);
    if (action === 'actions/cache/save') {
      if (!existsSync(path)) return { step: label, ran: true, status: 1, stdout: '', stderr: `Path Validation Error: ${path} does not exist` };
      rmSync(run.cacheStore, { recursive: true, force: true });
      cpSync(path, run.cacheStore, { recursive: true });
      return { step: label, ran: true, status: 0, stdout: `Cache saved from ${path}`, stderr: '' };
    }
    if (!existsSync(run.cacheStore)) return { step: label, ran: true, status: 0, stdout: 'Cache not found', stderr: '' };
    cpSync(run.cacheStore, path, { recursive: true });
    return { step: label, ran: true, status: 0, stdout: `Cache restored to ${path}`, stderr: '' };
  }
  throw new Error(`${workflowFile}: step "${label}" uses ${step.uses}, which this test neither stands in for nor names with a reason in notRunHere`);
}

function git(root: string, ...args: string[]): string {
  const result = spawnSync('git', ['-C', root, '-c', 'user.name=gongkai test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

const summary = 'content/documents/anhui/xuancheng/xuanzhou/2023-h2-summary.md';
const edit = (root: string, path: string, change: (text: string) => string) => writeFileSync(join(root, path), change(readFileSync(join(root, path), 'utf8')));

/**
 * A checkout of a repository whose main branch holds the project and the fixture site (origin/main), with
 * `change` committed on a branch of its own when given — a pull request's head.
 */
function fixtureRepository(name: string, change?: (root: string) => void): string {
  const root = join(work, name);
  // The project's tracked files that the jobs' commands read; tests/, tools/ and docs/ belong to npm test.
  const tracked = git(repoRoot, 'ls-files', '-z', '--', 'package.json', 'package-lock.json', 'astro.config.mjs', 'tsconfig.json', '.gitignore', 'src', 'scripts', 'public', '.github').split('\0').filter(Boolean);
  for (const path of tracked) cpSync(join(repoRoot, path), join(root, path));
  contentRootWithDefinitions(root, join(repoRoot, 'tests/fixtures/site'));
  linkNodeModules(root);
  git(root, 'init', '--quiet', '--initial-branch=main');
  git(root, 'add', '.');
  git(root, 'commit', '--quiet', '-m', 'published');
  git(root, 'update-ref', 'refs/remotes/origin/main', 'HEAD');
  if (change) {
    git(root, 'checkout', '--quiet', '-b', 'correction');
    change(root);
    git(root, 'add', '--all', '.');
    git(root, 'commit', '--quiet', '-m', 'correction');
  }
  return root;
}

/** The summary's published standard corrected from 780 to 790 (figure, quote, body); with a 修订记录 entry when `onRecord`. */
function correctFigure(onRecord: boolean): (root: string) => void {
  return (root) => {
    edit(root, summary, (text) => text.replaceAll('780元/月/人', '790元/月/人').replace('value: 780', 'value: 790'));
    edit(root, 'content/documents/anhui/xuancheng/xuanzhou/2023-year-task-list.md', (text) => text.replace('quote: 自7月起城市最低生活保障标准提高至780元/月/人', 'quote: 自7月起城市最低生活保障标准提高至790元/月/人'));
    if (onRecord) edit(root, summary, (text) => text.replace('topics: [social-assistance]\n', 'topics: [social-assistance]\nchanges:\n  - { date: 2024-03-02, note: 更正城市低保标准：原录入780元有误，原文为790元 }\n'));
  };
}

const ran = (outcomes: Outcome[]) => outcomes.filter((o): o is Extract<Outcome, { ran: true }> => o.ran);
const stepOf = (outcomes: Outcome[], name: string) => {
  const outcome = ran(outcomes).find((o) => o.step === name);
  if (!outcome) throw new Error(`step "${name}" did not run; ran: ${ran(outcomes).map((o) => o.step).join(', ')}`);
  return outcome;
};
const skipped = (outcomes: Outcome[]) => outcomes.filter((o): o is Extract<Outcome, { ran: false }> => !o.ran).map((o) => [o.step, o.reason]);
/** Files under `dir` ending in `suffix`, recursively. */
const filesEnding = (dir: string, suffix: string): string[] => (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).filter((path) => path.endsWith(suffix));

describe('the pull-request job, on a pull request that corrects a figure on the record', () => {
  const workspace = fixtureRepository('pull-request', correctFigure(true));
  const outcomes = runJob('pull-request', { event: 'pull_request', workspace, vars: {}, cacheStore: join(work, 'pr-cache') });

  it('runs every step it can, in the job\'s order, each exiting 0', () => {
    expect(outcomes.map((o) => o.step)).toEqual(workflow.jobs['pull-request']!.steps.map((step) => step.name ?? step.uses));
    expect(ran(outcomes).map((o) => [o.step, o.status, o.status === 0 ? '' : `${o.stdout}\n${o.stderr}`])).toEqual([
      ['actions/checkout@v4', 0, ''],
      ['Check content', 0, ''],
      ['Check corrections against the base branch', 0, ''],
      ['Build', 0, ''],
    ]);
  });

  it('names each step it does not run and why', () => {
    expect(skipped(outcomes)).toEqual([
      ['Install Debian\'s chromium and caddy', notRunHere[0]![1]],
      ['Install', notRunHere[1]![1]],
      ['Test', notRunHere[2]![1]],
      ['Upload the built site', notRunHere[3]![1]],
    ]);
  });

  it('checks the content and the corrections against origin/main with no annotation, the correction being on the record', () => {
    expect(stepOf(outcomes, 'Check content').stdout).not.toContain('::error');
    expect(stepOf(outcomes, 'Check corrections against the base branch').stdout).not.toContain('::error');
  });

  it('builds the fixture site at the placeholder address, precompressed, into the dist/ the artifact step uploads', () => {
    const build = stepOf(outcomes, 'Build');
    expect(build.stdout).toContain('gongkai: site address https://gongkai.example.org (set GONGKAI_SITE to publish)');
    expect(build.stdout).toContain(`build: site written to ${join(workspace, 'dist')}`);
    const upload = workflow.jobs['pull-request']!.steps.find((step) => step.uses?.startsWith('actions/upload-artifact'))!;
    const uploaded = join(workspace, String(upload.with?.path));
    expect(readFileSync(join(uploaded, 'documents/anhui/xuancheng/xuanzhou/2023-h2-summary/index.html'), 'utf8')).toContain('修订记录');
    expect(filesEnding(uploaded, '.br').length).toBeGreaterThan(0);
  });
});

describe('the pull-request job, on a pull request that changes a figure silently', () => {
  const workspace = fixtureRepository('silent', correctFigure(false));
  const outcomes = runJob('pull-request', { event: 'pull_request', workspace, vars: {}, cacheStore: join(work, 'silent-cache') });

  it('stops at the corrections check with a GitHub annotation at the changed value, building nothing', () => {
    const check = stepOf(outcomes, 'Check corrections against the base branch');
    expect(check.status).toBe(1);
    const line = readFileSync(join(workspace, summary), 'utf8').split('\n').findIndex((l) => l.includes('value: 790')) + 1;
    expect(check.stdout).toContain(`::error file=${summary},line=${line},col=12,title=content error%3A metrics[0].value::changed since origin/main (was 780) without a new \`changes\` entry`);
    expect(outcomes.at(-1)?.step).toBe('Check corrections against the base branch');
    expect(existsSync(join(workspace, 'dist'))).toBe(false);
  });
});

describe('the build job on main', () => {
  const cacheStore = join(work, 'main-cache');
  const unset = runJob('build', { event: 'push', workspace: fixtureRepository('main-unset'), vars: {}, cacheStore });
  const vars = { GONGKAI_SITE: 'https://minzheng.example.gov.cn', GONGKAI_CONTACT: 'https://minzheng.example.gov.cn/corrections' };
  const workspace = fixtureRepository('main');
  const first = runJob('build', { event: 'push', workspace, vars, cacheStore });
  // What the first run published, read before the next run's checkout replaces it.
  const firstFeed = readFileSync(join(workspace, 'dist/feed.xml'), 'utf8');
  const firstCompressed = [...filesEnding(join(workspace, 'dist'), '.br'), ...filesEnding(join(workspace, 'dist'), '.gz')];
  // The next run checks out afresh at the same path, as GitHub's workspace is the same path on every run: Astro
  // reuses a cached page only for a project at the path it was built in (a checkout elsewhere re-renders every
  // page and reuses only the search documents).
  rmSync(workspace, { recursive: true, force: true });
  fixtureRepository('main');
  const second = runJob('build', { event: 'push', workspace, vars, cacheStore });

  it('refuses to publish without the GONGKAI_SITE variable: an annotation, exit 1, and no build', () => {
    const require = stepOf(unset, 'Refuse to publish without the site\'s address');
    expect(require.status).toBe(1);
    expect(require.stdout).toContain('::error title=GONGKAI_SITE missing::GONGKAI_SITE is not set');
    expect(require.stderr).toContain('Settings → Secrets and variables → Actions → Variables');
    expect(unset.at(-1)?.step).toBe('Refuse to publish without the site\'s address');
    expect(existsSync(join(work, 'main-unset/dist'))).toBe(false);
  });

  it('with the variable set runs every step it can in order, each exiting 0, and names the Pages upload it leaves out', () => {
    expect(first.map((o) => o.step)).toEqual(workflow.jobs.build!.steps.map((step) => step.name ?? step.uses));
    expect(ran(first).map((o) => [o.step, o.status])).toEqual([
      ['actions/checkout@v4', 0],
      ['Refuse to publish without the site\'s address', 0],
      ['Restore Astro\'s cache', 0],
      ['Build', 0],
      ['Save Astro\'s cache', 0],
    ]);
    expect(skipped(first)).toEqual([
      ['Install', notRunHere[1]![1]],
      ['Upload the site for GitHub Pages', notRunHere[4]![1]],
    ]);
    expect(stepOf(first, 'Refuse to publish without the site\'s address').stdout).toContain('require-site: publishing at https://minzheng.example.gov.cn');
  });

  it('builds for the site\'s address, without .br/.gz files (GitHub Pages compresses on the fly)', () => {
    expect(stepOf(first, 'Build').stdout).toContain('gongkai: site address https://minzheng.example.gov.cn (from GONGKAI_SITE)');
    expect(firstFeed).toContain('https://minzheng.example.gov.cn/documents/');
    expect(firstCompressed).toEqual([]);
  });

  it('finds no cache on its first run, and on the next run, in a fresh checkout, reuses the pages and search documents the first one saved', () => {
    expect(stepOf(first, 'Restore Astro\'s cache').stdout).toBe('Cache not found');
    expect(stepOf(second, 'Restore Astro\'s cache').stdout).toBe(`Cache restored to ${join(workspace, '.astro-cache')}`);
    const firstBuild = stepOf(first, 'Build').stdout;
    const secondBuild = stepOf(second, 'Build').stdout;
    expect(firstBuild).not.toContain('(restored)');
    expect(firstBuild).toMatch(/\[search\] 0 documents reused from the cache/);
    expect(secondBuild).toMatch(/\(restored\)/);
    const documents = readdirSync(join(workspace, 'content/documents'), { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('.md')).length;
    expect(secondBuild).toContain(`[search] ${documents} documents reused from the cache, 0 tokenised`);
  });
});

describe('the deploy job', () => {
  it('runs nothing here, and says why', () => {
    const outcomes = runJob('deploy', { event: 'push', workspace: join(work, 'unused'), vars: {}, cacheStore: join(work, 'unused-cache') });
    expect(outcomes).toEqual([{ step: 'Deploy to GitHub Pages', ran: false, reason: notRunHere[5]![1] }]);
  });
});
