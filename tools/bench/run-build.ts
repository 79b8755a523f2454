/**
 * Runs one `astro build` as a child process and measures it: wall time, peak RSS of its whole process tree,
 * and what its log says (pages per route, phases, the search index line). The full log goes to a file; a
 * failed build's last lines are kept for the message. Node only.
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { linkNodeModules, siteBuildCommand, type SiteBuild } from '../site-build.ts';
import { emptyBuildLog, readBuildLine, type BuildLog } from './build-log.ts';
import { PeakRssSampler } from './process-tree.ts';

export interface BuildRequest extends SiteBuild {
  /** Where the build's full output is written. */
  logFile: string;
  /** Called about every `progressEverySeconds` while the build runs. */
  onProgress?: (state: { seconds: number; pages: number; rssBytes: number; peakBytes: number }) => void;
  progressEverySeconds?: number;
}

export interface BuildRun {
  ok: boolean;
  exitCode: number | null;
  seconds: number;
  /** CPU seconds of the whole process tree (see PeakRssSampler.cpuSeconds). */
  cpuSeconds: number;
  peakRssBytes: number;
  log: BuildLog;
  /** The last lines of output (for an error message). */
  tail: string[];
}

export function runAstroBuild(request: BuildRequest): Promise<BuildRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const elapsed = () => (performance.now() - started) / 1000;
    linkNodeModules(request.workDir);
    const { command, args, cwd, env } = siteBuildCommand(request);
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    if (child.pid === undefined) {
      reject(new Error(`could not start astro build in ${request.workDir}`));
      return;
    }
    const sampler = new PeakRssSampler(child.pid).start();
    const out = createWriteStream(request.logFile);
    const log = emptyBuildLog();
    const tail: string[] = [];
    const onLine = (line: string) => {
      out.write(`${line}\n`);
      readBuildLine(log, line, elapsed());
      tail.push(line);
      if (tail.length > 40) tail.shift();
    };
    const streams = [child.stdout, child.stderr].map((stream) => createInterface({ input: stream, crlfDelay: Infinity }).on('line', onLine));
    const every = (request.progressEverySeconds ?? 10) * 1000;
    const progress = request.onProgress
      ? setInterval(() => request.onProgress?.({ seconds: elapsed(), pages: log.pages, rssBytes: sampler.lastBytes, peakBytes: sampler.peakBytes }), every)
      : undefined;
    child.on('error', (error) => {
      sampler.stop();
      if (progress) clearInterval(progress);
      reject(new Error(`astro build failed to run in ${request.workDir}`, { cause: error }));
    });
    child.on('close', (code) => {
      const seconds = elapsed();
      sampler.stop();
      if (progress) clearInterval(progress);
      for (const stream of streams) stream.close();
      out.end(() => resolve({ ok: code === 0, exitCode: code, seconds, cpuSeconds: sampler.cpuSeconds, peakRssBytes: sampler.peakBytes, log, tail }));
    });
  });
}
