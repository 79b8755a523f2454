/** The ingest benchmark's table: one row per input size, with the per-MB figures that show how time grows. */

export interface IngestRun {
  /** Size asked for, in MB (2^20 bytes). */
  mb: number;
  /** UTF-8 bytes of the generated input. */
  bytes: number;
  /** Non-blank lines of the input. */
  lines: number;
  /** Pages generated into it. */
  documents: number;
  /** Drafts ingestion made of it. */
  drafts: number;
  /** User + system CPU time of the ingest process, seconds. */
  cpuSeconds: number;
  wallSeconds: number;
  /** Peak resident set of the ingest process, bytes. */
  peakRssBytes: number;
}

const mib = 1024 * 1024;

/**
 * The runs as a table. `startup` is a run on one small page: the time any run spends loading the program and
 * the regions, metrics and topics, which does not grow with the input. `net CPU s/MB` leaves it out, and
 * `net ×` is each run's over the smallest run's: about 1 at every size when time is linear in size, larger
 * at larger sizes when it grows faster (quadratic time makes it grow as the size does).
 */
export function formatRuns(runs: readonly IngestRun[], startup?: Pick<IngestRun, 'cpuSeconds'>): string {
  const megabytes = (run: IngestRun) => run.bytes / mib;
  const perMb = (run: IngestRun) => (run.cpuSeconds - (startup?.cpuSeconds ?? 0)) / megabytes(run);
  const smallest = [...runs].sort((a, b) => a.bytes - b.bytes)[0];
  const header = ['MB', 'lines', 'drafts', 'CPU s', 'wall s', 'peak RSS MB', 'net CPU s/MB', 'net ×'];
  const rows = runs.map((run) => [
    megabytes(run).toFixed(2),
    run.lines.toLocaleString('en-US'),
    run.drafts.toLocaleString('en-US'),
    run.cpuSeconds.toFixed(2),
    run.wallSeconds.toFixed(2),
    (run.peakRssBytes / mib).toFixed(0),
    perMb(run).toFixed(3),
    smallest ? (perMb(run) / perMb(smallest)).toFixed(2) : '',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padStart(widths[column] ?? 0)).join('  ');
  const table = [line(header), ...rows.map(line)];
  if (startup) table.push(`(startup: ${startup.cpuSeconds.toFixed(2)} s CPU on one page, left out of net CPU s/MB)`);
  return table.join('\n');
}
