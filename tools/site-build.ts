/**
 * The one way the tooling builds a site: `astro build` of a project (`--root`, the repository by default) run
 * from a scratch folder of its own that links the repository's `node_modules`. The bench (tools/bench), the
 * fixture-site tests (tests/build), the browser tests' global setup and the determinism test all build
 * through it; the bench adds its measurements around the same command (tools/bench/run-build.ts).
 *
 * Why a folder of its own: when the output folder lies outside the working directory, Astro bundles the pages
 * into `<working directory>/.astro/.prerender/`, so every build of the project started from the project shares
 * that folder — a concurrent build (a test, a colleague's build) replaced its chunks and broke a 16-minute
 * build at 100,000 documents. Run from its own folder, a build bundles there instead, and the bundle resolves
 * packages from the nearest `node_modules` up the tree: hence the link. Node only.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository: its Astro project, `content/` and `node_modules`. */
export const repoRoot = resolve(import.meta.dirname, '..');

export interface SiteBuild {
  /** Folder the build runs in; made if missing and given a `node_modules` link to the repository's. */
  workDir: string;
  /** Where the site is written (`--outDir`). */
  outDir: string;
  /** The Astro project (`--root`); the repository by default. */
  project?: string;
  /**
   * `GONGKAI_CONTENT_ROOT`, the folder holding `content/`; the project by default. Always set, because a page
   * that reads a document's body finds the content root from the working directory when the variable is unset
   * (src/lib/content-loaders.ts `contentRoot()`), and a build here never runs in the project.
   */
  contentRoot?: string;
  /** `GONGKAI_CACHE_DIR`, Astro's cache folder; when absent the variable is unset. */
  cacheDir?: string;
  /** More environment for the build; `undefined` removes a variable (e.g. `LC_ALL`). */
  env?: Record<string, string | undefined>;
  /** Options of the build's Node process, e.g. `--max-old-space-size=14000`, `--cpu-prof`. */
  nodeArgs?: string[];
  /**
   * Build through `npm run build`'s script (scripts/build.ts: staged output, swapped in on success) instead of
   * calling `astro build` directly; for the tests of that script.
   */
  viaBuildScript?: boolean;
  /** With `viaBuildScript`: `--in-place`, update the previous output folder instead of building a fresh one. */
  inPlace?: boolean;
}

export interface SiteBuildCommand {
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/**
 * The process that builds `build`: this Node (Node 24, the project's own, when run through npm or vitest) on
 * the repository's Astro CLI, with telemetry off and plain (uncoloured) output. Pure.
 */
export function siteBuildCommand(build: SiteBuild, baseEnv: NodeJS.ProcessEnv = process.env): SiteBuildCommand {
  const env: NodeJS.ProcessEnv = { ...baseEnv, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' };
  env.GONGKAI_CONTENT_ROOT = build.contentRoot ?? build.project ?? repoRoot;
  delete env.GONGKAI_CACHE_DIR;
  if (build.cacheDir !== undefined) env.GONGKAI_CACHE_DIR = build.cacheDir;
  for (const [name, value] of Object.entries(build.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return {
    command: process.execPath,
    args: [...(build.nodeArgs ?? []), ...(build.viaBuildScript ? [join(repoRoot, 'scripts/build.ts')] : [join(repoRoot, 'node_modules/astro/bin/astro.mjs'), 'build']), '--root', build.project ?? repoRoot, '--outDir', build.outDir, ...(build.viaBuildScript && build.inPlace ? ['--in-place'] : [])],
    cwd: build.workDir,
    env,
  };
}

/** Makes `dir` and links the repository's `node_modules` into it (once). */
export function linkNodeModules(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const link = join(dir, 'node_modules');
  if (!existsSync(link)) symlinkSync(join(repoRoot, 'node_modules'), link, 'dir');
}

export interface SiteBuildResult {
  ok: boolean;
  status: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
}

/** Builds and waits: for tests, which build during collection. The output is returned, not printed. */
export function buildSite(build: SiteBuild): SiteBuildResult {
  linkNodeModules(build.workDir);
  const { command, args, cwd, env } = siteBuildCommand(build);
  const started = performance.now();
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.error) throw new Error(`astro build could not run in ${cwd}`, { cause: result.error });
  return { ok: result.status === 0, status: result.status, stdout: result.stdout, stderr: result.stderr, seconds: (performance.now() - started) / 1000 };
}

/** As buildSite, but a failed build throws with its output. */
export function buildSiteOrThrow(build: SiteBuild): SiteBuildResult {
  const result = buildSite(build);
  if (!result.ok) throw new Error(`astro build into ${build.outDir} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result;
}

/**
 * A content root for a build, made at `target`: the `content/` of `source` (a fixture site's documents, or
 * a generated corpus), plus every folder of the project's `content/` that `source` does not have — the metric
 * and topic definitions, the search abbreviations. So a fixture holds only what it is about, never a copy of
 * the definitions, and the product keeps one meaning for GONGKAI_CONTENT_ROOT: a complete content folder.
 * Returns `target`.
 */
export function contentRootWithDefinitions(target: string, source: string | undefined, project = repoRoot): string {
  const content = join(target, 'content');
  mkdirSync(content, { recursive: true });
  if (source !== undefined) cpSync(join(source, 'content'), content, { recursive: true });
  for (const entry of readdirSync(join(project, 'content'), { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === 'documents' || existsSync(join(content, entry.name))) continue;
    cpSync(join(project, 'content', entry.name), join(content, entry.name), { recursive: true });
  }
  return target;
}
