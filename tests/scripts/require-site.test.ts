/** `npm run require-site`, the deploy job's first step: exit status and words, locally and on GitHub Actions. */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '../..');
const node = join(repo, 'node_modules/.bin/node');
const run = (env: Record<string, string | undefined>) =>
  spawnSync(node, ['scripts/require-site.ts'], { cwd: repo, encoding: 'utf8', env: { ...process.env, GONGKAI_SITE: undefined, GITHUB_ACTIONS: undefined, ...env } });

describe('npm run require-site', () => {
  it('fails without GONGKAI_SITE and says what to set', () => {
    const result = run({});
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^require-site: GONGKAI_SITE is not set/);
  });

  it('also writes a GitHub Actions error annotation when run there', () => {
    const result = run({ GITHUB_ACTIONS: 'true' });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^::error title=GONGKAI_SITE missing::GONGKAI_SITE is not set/);
  });

  it('passes with an address and says which', () => {
    const result = run({ GONGKAI_SITE: 'https://mz.example.gov.cn' });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('require-site: publishing at https://mz.example.gov.cn\n');
  });
});
