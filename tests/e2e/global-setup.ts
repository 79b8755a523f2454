/**
 * Builds the bundled content (the demo is the fixture) into a temporary folder once, serves it on loopback,
 * and hands the URL to every browser test. `GONGKAI_E2E_DIST` reuses an existing build (local iteration).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSiteOrThrow } from '../../tools/site-build.ts';
import { serveDirectory } from './static-server.ts';

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
    const contentRoot = process.env.GONGKAI_CONTENT_ROOT;
    const build = buildSiteOrThrow({ workDir: temporary, outDir: distDir, cacheDir: join(temporary, 'cache'), ...(contentRoot ? { contentRoot } : {}) });
    if (build.stderr.trim() !== '') console.error(build.stderr);
    console.log(`e2e: built the site in ${build.seconds.toFixed(1)} s`);
  }
  const server = await serveDirectory(distDir);
  project.provide('baseUrl', server.url);
  project.provide('distDir', distDir);
  return async () => {
    await server.close();
    if (temporary) rmSync(temporary, { recursive: true, force: true });
  };
}
