/**
 * Builds the bundled content (the demo is the fixture) into a temporary folder once, serves it on loopback,
 * and hands the URL to every browser test. `GONGKAI_E2E_DIST` reuses an existing build (local iteration).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveDirectory } from './static-server.ts';

const repo = resolve(import.meta.dirname, '../..');

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    distDir: string;
  }
}

export default async function setup(project: TestProject) {
  let distDir = process.env.GONGKAI_E2E_DIST;
  let temporary: string | undefined;
  if (!distDir) {
    temporary = mkdtempSync(join(tmpdir(), 'gongkai-e2e-'));
    distDir = join(temporary, 'dist');
    const started = performance.now();
    // Built from a folder of its own (`--root` at the project): Astro bundles the pages next to an output folder
    // inside its working directory, so this build shares no `.astro/.prerender/` with another build of the
    // project running at the same time. The bundle resolves packages from the nearest node_modules.
    symlinkSync(join(repo, 'node_modules'), join(temporary, 'node_modules'), 'dir');
    execFileSync(join(repo, 'node_modules/.bin/astro'), ['build', '--root', repo, '--outDir', distDir], {
      cwd: temporary,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, GONGKAI_CONTENT_ROOT: process.env.GONGKAI_CONTENT_ROOT ?? repo, GONGKAI_CACHE_DIR: join(temporary, 'cache'), ASTRO_TELEMETRY_DISABLED: '1' },
    });
    console.log(`e2e: built the site in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const server = await serveDirectory(distDir);
  project.provide('baseUrl', server.url);
  project.provide('distDir', distDir);
  return async () => {
    await server.close();
    if (temporary) rmSync(temporary, { recursive: true, force: true });
  };
}
