/**
 * A build whose process ends before its last astro:build:done hook fails instead of publishing an incomplete
 * output (src/integrations/build-completion.ts): Astro's CLI alone ends such a process with status 0.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { endedEarlyMessage } from '../../src/integrations/build-completion.ts';

const run = (mode: 'stall' | 'finish') =>
  spawnSync(process.execPath, [join(import.meta.dirname, 'fixtures/build-completion-hooks.ts'), mode], { encoding: 'utf8' });

describe('the build-completion guard', () => {
  it('fails the process with status 1, and says why, when it ends while a build:done hook still waits', () => {
    const ended = run('stall');
    expect(ended.stdout).not.toContain('every hook ran');
    expect(ended.stderr).toContain(endedEarlyMessage);
    expect(ended.status).toBe(1);
  });

  it('leaves a build that ran every hook alone', () => {
    const finished = run('finish');
    expect(finished.stdout).toContain('every hook ran');
    expect(finished.stderr).toBe('');
    expect(finished.status).toBe(0);
  });
});
