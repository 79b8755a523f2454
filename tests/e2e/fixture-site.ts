/**
 * A fixture site of tests/fixtures/<name>, built for one test file and served while it runs: the build before
 * the file's tests (with the project's definitions beside the fixture's documents), the server closed and the
 * scratch folder removed after them. Read `site.url` inside a test, once the build has run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { buildSiteOrThrow, contentRootWithDefinitions } from '../../tools/site-build.ts';
import { serveDirectory, type RunningServer } from './static-server.ts';

export function useFixtureSite(name: string): { readonly url: string } {
  const fixture = resolve(import.meta.dirname, '../fixtures', name);
  const work = mkdtempSync(join(tmpdir(), `gongkai-${name}-e2e-`));
  let server: RunningServer | undefined;
  beforeAll(async () => {
    const contentRoot = contentRootWithDefinitions(join(work, 'root'), fixture);
    const outDir = join(work, 'dist');
    buildSiteOrThrow({ workDir: work, outDir, cacheDir: join(work, 'cache'), contentRoot });
    server = await serveDirectory(outDir);
  }, 300_000);
  afterAll(async () => {
    await server?.close();
    rmSync(work, { recursive: true, force: true });
  });
  return {
    get url() {
      if (!server) throw new Error(`tests/e2e/fixture-site.ts: the ${name} site is not served yet (read url inside a test)`);
      return server.url;
    },
  };
}
