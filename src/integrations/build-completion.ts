/**
 * Fails a build whose process ends before the last astro:build:done hook has run. Astro's CLI exits with status 0
 * when its promise never settles and nothing else holds Node's event loop open (node_modules/astro/bin/astro.mjs:
 * `main().then(() => process.exit(0))`): a hook that awaits work nothing keeps alive (an unref'd worker thread)
 * ends the build there, silently, and every hook after it — bulk outputs, the in-place sweep, `_headers`,
 * precompression — never runs. `npm run build` then published that output as a success: a site without its search
 * index, or with the previous one, and without its `.br`/`.gz` (docs/scale.md, "A rebuild that ended early").
 * Listed last in astro.config.mjs, so its astro:build:done runs after every other integration's.
 */
import type { AstroIntegration } from 'astro';

/** What the build says when its process ends before its last hook (tests pin the wording's start). */
export const endedEarlyMessage =
  'build: the process ended before the last astro:build:done hook had run (a hook awaited work that does not keep Node running), so the output is incomplete: failing the build. Build again; if it recurs, the hook named last in the log ("Waiting for integration …") is the one.';

export function buildCompletion(): AstroIntegration {
  let completed = false;
  return {
    name: 'gongkai-build-completion',
    hooks: {
      'astro:build:start': () => {
        process.once('exit', (code) => {
          if (completed || code !== 0) return;
          console.error(endedEarlyMessage);
          // Node exits with process.exitCode as it stands after the 'exit' listeners.
          process.exitCode = 1;
        });
      },
      'astro:build:done': () => {
        completed = true;
      },
    },
  };
}
