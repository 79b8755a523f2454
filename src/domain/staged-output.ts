/**
 * A build is written beside the published folder and swapped in only when it succeeded, so a failed build
 * never leaves half a site where the last good one was (issue 14): readers of `npm run preview`, a deploy
 * step that uploads `dist/`, and the next incremental build all keep seeing a whole site.
 *
 * The staging folder is a sibling of the output folder (same file system, so the swap is two renames, never a
 * copy), with a fixed name so a build that was killed midway leaves nothing that the next build does not clean.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface StagedOutput {
  /** Where the finished site ends up, e.g. `<project>/dist`. */
  final: string;
  /** Where the build writes, e.g. `<project>/.dist.building`. */
  staging: string;
  /** Where the previous site waits during the swap, e.g. `<project>/.dist.previous`. */
  previous: string;
}

export function stagedOutput(final: string): StagedOutput {
  const parent = dirname(final);
  const name = basename(final);
  return { final, staging: join(parent, `.${name}.building`), previous: join(parent, `.${name}.previous`) };
}

/** Removes what an earlier, interrupted build left beside the output folder. */
export function clearStaging(output: StagedOutput): void {
  rmSync(output.staging, { recursive: true, force: true });
  rmSync(output.previous, { recursive: true, force: true });
}

/**
 * Puts the staged build in place of the final folder. The old site is moved aside first and removed only
 * after the new one is in place; if the second rename fails, the old site is put back and the error thrown.
 */
export function publishStaged(output: StagedOutput): void {
  if (!existsSync(output.staging)) throw new Error(`the build wrote nothing to ${output.staging}`);
  rmSync(output.previous, { recursive: true, force: true });
  const hadPrevious = existsSync(output.final);
  if (hadPrevious) renameSync(output.final, output.previous);
  try {
    renameSync(output.staging, output.final);
  } catch (error) {
    if (hadPrevious) renameSync(output.previous, output.final);
    throw error;
  }
  rmSync(output.previous, { recursive: true, force: true });
}

/** A failed build: its partial output is removed, the last good site stays untouched. */
export function discardStaged(output: StagedOutput): void {
  rmSync(output.staging, { recursive: true, force: true });
}
