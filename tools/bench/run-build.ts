/**
 * Runs one build as a child process and measures it: wall time, CPU time and peak RSS of its whole process
 * tree, and what its log says (pages per route, phases, the search index line). The full log goes to a file; a
 * failed build's last lines are kept for the message. `runAstroBuild` is the site and the bare baseline;
 * `runMeasured` any other command (Hugo, the markdown-it floor) measured the same way. Node only.
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { linkNodeModules, siteBuildCommand, type SiteBuild } from '../site-build.ts';
import { emptyBuildLog, readBuildLine, type BuildLog } from './build-log.ts';
import { PeakRssSampler } from './process-tree.ts';

export interface MeasuredRun {
  /** Where the process's full output is written. */
  logFile: string;
  /** Called about every `progressEverySeconds` while the process runs. */
  onProgress?: (state: { seconds: number; pages: number; rssBytes: number; peakBytes: number }) => void;
  progressEverySeconds?: number;
}

export interface BuildRequest extends SiteBuild, MeasuredRun {}

export interface CommandRequest extends MeasuredRun {
  command: string;
  args: string[];
  cwd: string;
  env?: NodeJS.ProcessEnv;
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
  linkNodeModules(request.workDir);
  const { command, args, cwd, env } = siteBuildCommand(request);
  return runMeasured({ ...request, command, args, cwd, env });
}

export function runMeasured(request: CommandRequest): Promise<BuildRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const elapsed = () => (performance.now() - started) / 1000;
    const child = spawn(request.command, request.args, { cwd: request.cwd, env: request.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    if (child.pid === undefined) {
      child.on('error', () => {});
      reject(new Error(`could not start ${request.command} in ${request.cwd}`));
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
      reject(new Error(`${request.command} failed to run in ${request.cwd}`, { cause: error }));
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
