#!/usr/bin/env node
/**
 * `npm run build`: `astro build` into a staging folder beside the output folder, swapped in only when the
 * build succeeded — a failed build keeps the previous `dist/` whole (src/domain/staged-output.ts). Every
 * argument is passed on to `astro build`; `--outDir DIR` names the final folder (default `dist` in the project).
 *
 * `--in-place` updates the previous site instead of building a fresh one: the staging folder starts as hard
 * links to every file of the output folder, the build replaces only what changed and removes what it no longer
 * publishes, and the result is swapped in as always (src/domain/in-place-output.ts). With the cache folder of
 * the previous build, a rebuild after one change writes a few hundred files instead of 37,000 (docs/scale.md).
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { linkPreviousOutput, whyNotInPlace, writeStamp } from '../src/domain/in-place-output.ts';
import { clearStaging, discardStaged, publishStaged, stagedOutput } from '../src/domain/staged-output.ts';

const args = process.argv.slice(2);

/** The value of an option given as `NAME VALUE` or `NAME=VALUE`, and the arguments without it. */
function takeOption(list: string[], name: string): { value: string | undefined; rest: string[] } {
  const rest: string[] = [];
  let value: string | undefined;
  for (let i = 0; i < list.length; i++) {
    const arg = list[i]!;
    if (arg === name) {
      value = list[i + 1];
      if (value === undefined) {
        console.error(`build: ${name} needs a folder, e.g. ${name} dist`);
        process.exit(2);
      }
      i++;
    } else if (arg.startsWith(`${name}=`)) value = arg.slice(name.length + 1);
    else rest.push(arg);
  }
  return { value, rest };
}

const inPlace = args.includes('--in-place');
const { value: outDirArg, rest } = takeOption(args.filter((arg) => arg !== '--in-place'), '--outDir');
const root = resolve(takeOption(rest, '--root').value ?? '.');
const output = stagedOutput(resolve(root, outDirArg ?? 'dist'));
clearStaging(output);

// Astro's cache folder, as astro.config.mjs sets it (Astro resolves a relative one against the project).
const cacheDir = resolve(root, process.env.GONGKAI_CACHE_DIR ?? 'node_modules/.astro');
const env: NodeJS.ProcessEnv = { ...process.env };
delete env.GONGKAI_IN_PLACE;
if (inPlace) {
  const refused = whyNotInPlace(output.final, cacheDir);
  if (refused === undefined) {
    const linked = linkPreviousOutput(output.final, output.staging);
    console.log(`build: in place: ${linked.files} files of ${output.final} linked into ${output.staging} in ${linked.seconds.toFixed(1)} s`);
    env.GONGKAI_IN_PLACE = '1';
  } else console.log(`build: --in-place: ${refused}, so this build writes a fresh site`);
}

const astro = resolve(import.meta.dirname, '../node_modules/astro/bin/astro.mjs');
const build = spawnSync(process.execPath, [astro, 'build', ...rest, '--outDir', output.staging], { stdio: 'inherit', env });

if (build.status !== 0) {
  discardStaged(output);
  const reason = build.error ? build.error.message : build.signal ? `stopped by ${build.signal}` : `exit status ${build.status}`;
  console.error(`build: failed (${reason}); ${output.final} is unchanged — the last good build is still there.`);
  process.exit(build.status || 1);
}
publishStaged(output);
// Which output this cache folder's build published: the next --in-place build checks it (src/domain/in-place-output.ts).
writeStamp(output.final, cacheDir);
console.log(`build: site written to ${output.final}`);
