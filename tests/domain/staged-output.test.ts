import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearStaging, discardStaged, publishStaged, stagedOutput } from '../../src/domain/staged-output.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'gongkai-staged-output-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function site(dir: string, text: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), text);
}

describe('stagedOutput', () => {
  it('stages beside the output folder, hidden, so the swap is a rename on one file system', () => {
    expect(stagedOutput('/p/dist')).toEqual({ final: '/p/dist', staging: '/p/.dist.building', previous: '/p/.dist.previous' });
  });

  it('publishes the staged site in place of the old one and leaves nothing beside it', () => {
    const output = stagedOutput(join(root, 'dist'));
    site(output.final, 'old');
    site(output.staging, 'new');
    publishStaged(output);
    expect(readFileSync(join(output.final, 'index.html'), 'utf8')).toBe('new');
    expect(existsSync(output.staging)).toBe(false);
    expect(existsSync(output.previous)).toBe(false);
  });

  it('publishes a first build where there was no site yet', () => {
    const output = stagedOutput(join(root, 'dist'));
    site(output.staging, 'first');
    publishStaged(output);
    expect(readFileSync(join(output.final, 'index.html'), 'utf8')).toBe('first');
  });

  it('refuses to publish when the build wrote nothing, and keeps the old site', () => {
    const output = stagedOutput(join(root, 'dist'));
    site(output.final, 'old');
    expect(() => publishStaged(output)).toThrow(/wrote nothing to .*\.dist\.building/);
    expect(readFileSync(join(output.final, 'index.html'), 'utf8')).toBe('old');
  });

  it('discards a failed build and clears what an interrupted one left', () => {
    const output = stagedOutput(join(root, 'dist'));
    site(output.final, 'old');
    site(output.staging, 'half');
    discardStaged(output);
    expect(existsSync(output.staging)).toBe(false);
    site(output.staging, 'half');
    site(output.previous, 'older');
    clearStaging(output);
    expect(existsSync(output.staging) || existsSync(output.previous)).toBe(false);
    expect(readFileSync(join(output.final, 'index.html'), 'utf8')).toBe('old');
  });
});
