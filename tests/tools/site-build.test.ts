/** The one site-build runner: the command it runs, and the content root it assembles for a fixture. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentRootWithDefinitions, repoRoot, siteBuildCommand } from '../../tools/site-build.ts';

describe('siteBuildCommand', () => {
  const base = { PATH: '/usr/bin', GONGKAI_CONTENT_ROOT: '/elsewhere', GONGKAI_CACHE_DIR: '/old-cache', LC_ALL: 'C' };

  it('runs this Node on the repository’s Astro with --root at the project, from the build’s own folder', () => {
    const command = siteBuildCommand({ workDir: '/tmp/w', outDir: '/tmp/w/dist', nodeArgs: ['--max-old-space-size=14000'] }, base);
    expect(command.command).toBe(process.execPath);
    expect(command.args).toEqual(['--max-old-space-size=14000', join(repoRoot, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', repoRoot, '--outDir', '/tmp/w/dist']);
    expect(command.cwd).toBe('/tmp/w');
  });

  it('builds the project’s own content unless given a content root, and never inherits one or a cache from the caller', () => {
    const own = siteBuildCommand({ workDir: '/w', outDir: '/w/dist' }, base).env;
    expect(own.GONGKAI_CONTENT_ROOT).toBe(repoRoot);
    expect(own.GONGKAI_CACHE_DIR).toBeUndefined();
    expect(siteBuildCommand({ workDir: '/w', outDir: '/w/dist', project: '/copy' }, base).env.GONGKAI_CONTENT_ROOT).toBe('/copy');
    expect(own).toMatchObject({ PATH: '/usr/bin', ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' });
    const fixture = siteBuildCommand({ workDir: '/w', outDir: '/w/dist', contentRoot: '/fixture', cacheDir: '/w/cache' }, base).env;
    expect(fixture).toMatchObject({ GONGKAI_CONTENT_ROOT: '/fixture', GONGKAI_CACHE_DIR: '/w/cache' });
  });

  it('adds and removes environment variables as asked', () => {
    const env = siteBuildCommand({ workDir: '/w', outDir: '/w/dist', env: { TZ: 'Pacific/Kiritimati', LC_ALL: undefined } }, base).env;
    expect(env.TZ).toBe('Pacific/Kiritimati');
    expect('LC_ALL' in env).toBe(false);
  });
});

describe('contentRootWithDefinitions', () => {
  const work = mkdtempSync(join(tmpdir(), 'gongkai-site-build-test-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('adds the project’s metrics, topics and search abbreviations to a fixture that has documents only', () => {
    const root = contentRootWithDefinitions(join(work, 'a'), join(repoRoot, 'tests/fixtures/site'));
    expect(readdirSync(join(root, 'content')).sort()).toEqual(['documents', 'metrics', 'search', 'topics']);
    expect(readFileSync(join(root, 'content/metrics/dibao-urban.yaml'), 'utf8')).toBe(readFileSync(join(repoRoot, 'content/metrics/dibao-urban.yaml'), 'utf8'));
    expect(existsSync(join(root, 'content/documents/hunan/chenzhou/zixing/2023-h1-summary.md'))).toBe(true);
    expect(existsSync(join(root, 'content/documents/shanghai'))).toBe(false); // the project's documents stay out
  });

  it('keeps a folder of definitions the fixture has of its own', () => {
    const fixture = join(work, 'own');
    mkdirSync(join(fixture, 'content/topics'), { recursive: true });
    writeFileSync(join(fixture, 'content/topics/only.yaml'), 'name: 唯一\n');
    const root = contentRootWithDefinitions(join(work, 'b'), fixture);
    expect(readdirSync(join(root, 'content/topics'))).toEqual(['only.yaml']);
    expect(existsSync(join(root, 'content/metrics/dibao-urban.yaml'))).toBe(true);
  });
});
