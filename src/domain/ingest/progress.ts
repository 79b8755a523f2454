/**
 * Progress of ingesting a long input, for stderr: what was read (bytes, lines), which phase is running, how
 * many documents are drafted. A terminal gets one line rewritten in place; a log (stderr redirected) gets a line
 * per phase and at most one drafting line per `logInterval`, so a 20 MB input writes a dozen lines, not one per
 * document. Pure: the caller gives the writer and the clock.
 */

/** A step of ingestion, as ingest.ts reports it. */
export type IngestPhase = 'lines' | 'furniture' | 'paragraphs' | 'duplicates' | 'documents' | 'drafting';

export interface IngestProgress {
  phase: IngestPhase;
  /** Lines read (`lines`), documents drafted so far (`drafting`). */
  done?: number;
  /** Documents in the file (`drafting`). */
  total?: number;
}

const phaseWords: Record<IngestPhase, string> = {
  lines: 'lines read',
  furniture: 'site furniture and metadata',
  paragraphs: 're-joining paragraphs and tables',
  duplicates: 'finding passages pasted twice',
  documents: 'splitting into documents',
  drafting: 'drafting documents',
};

export interface ProgressOptions {
  /** Whether stderr is a terminal: then the line is rewritten in place (`\r`). */
  tty: boolean;
  /** Milliseconds since some start; `performance.now` in the script. */
  now: () => number;
  /** Least time between two lines of a log or two rewrites of a terminal line, ms. */
  logInterval?: number;
  ttyInterval?: number;
}

export interface ProgressReporter {
  /** Ingestion of `file` (`bytes` long) begins. */
  start(file: string, bytes: number): void;
  update(progress: IngestProgress): void;
  /** The file is done: the closing line, with the time it took. */
  finish(summary: string): void;
}

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
const count = (n: number) => n.toLocaleString('en-US');

export function progressReporter(write: (text: string) => void, options: ProgressOptions): ProgressReporter {
  const logInterval = options.logInterval ?? 5000;
  const ttyInterval = options.ttyInterval ?? 200;
  let file = '';
  let size = '';
  let lines: number | undefined;
  let started = 0;
  let lastWrite = -Infinity;
  let lastPhase: IngestPhase | undefined;

  const seconds = () => `${((options.now() - started) / 1000).toFixed(1)} s`;
  const line = (progress: IngestProgress) => {
    const read = lines === undefined ? size : `${size}, ${count(lines)} lines`;
    const step = progress.phase === 'drafting' && progress.total !== undefined ? `${phaseWords.drafting} ${count(progress.done ?? 0)}/${count(progress.total)}` : progress.phase === 'lines' ? 'read' : phaseWords[progress.phase];
    return `[ingest] ${file}: ${read} · ${step} · ${seconds()}`;
  };
  const emit = (text: string) => {
    lastWrite = options.now();
    write(options.tty ? `\r${text}\u001b[K` : `${text}\n`);
  };

  return {
    start(name, bytes) {
      [file, size, lines, started, lastWrite, lastPhase] = [name, megabytes(bytes), undefined, options.now(), -Infinity, undefined];
    },
    update(progress) {
      if (progress.phase === 'lines') lines = progress.done;
      const newPhase = progress.phase !== lastPhase;
      lastPhase = progress.phase;
      const elapsed = options.now() - lastWrite;
      // A log gets every phase once and drafting at most every logInterval; a terminal line any change, throttled.
      if (options.tty ? newPhase || elapsed >= ttyInterval : newPhase || elapsed >= logInterval) emit(line(progress));
    },
    finish(summary) {
      const text = `[ingest] ${file}: ${lines === undefined ? size : `${size}, ${count(lines)} lines`} · ${summary} in ${seconds()}`;
      write(options.tty ? `\r${text}\u001b[K\n` : `${text}\n`);
    },
  };
}

/** Progress is shown unasked on a terminal for inputs of this size or more. */
export const progressThresholdBytes = 1024 * 1024;
