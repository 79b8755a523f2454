/**
 * Whether this machine can hold a Pagefind index of N documents. Pagefind's indexer keeps the whole index in
 * memory: at 10,000 of the bench's documents it peaked at 15.5 GB (issue 15), on a machine of 24 GiB shared
 * with other engineers' builds. So the bench refuses a size whose expected peak does not fit in the memory
 * available now, and stops the indexer if it grows past that budget anyway.
 */

/** Peak RSS per document of Pagefind 1.6 on the bench corpus: 15.5 GB / 10,000 documents, rounded up. */
export const pagefindBytesPerDoc = 1.6e6;
/** The indexer's size before any document (the binary, jieba's dictionary). */
export const pagefindBaseBytes = 256 * 2 ** 20;
/** Kept free for the browser that runs the queries, the bench itself and everyone else on the machine. */
export const reserveBytes = 2 * 2 ** 30;

/** `MemAvailable` of /proc/meminfo, in bytes (what the kernel can give without swapping). */
export function parseMemAvailable(meminfo: string): number {
  const match = /^MemAvailable:\s+(\d+)\s+kB$/mu.exec(meminfo);
  if (!match) throw new Error('/proc/meminfo has no "MemAvailable: … kB" line: cannot tell how much memory Pagefind may use');
  return Number(match[1]) * 1024;
}

export const expectedPagefindPeak = (docs: number) => pagefindBaseBytes + docs * pagefindBytesPerDoc;

export interface MemoryDecision {
  ok: boolean;
  /** The RSS the indexer may reach before the bench stops it, in bytes. */
  budgetBytes: number;
  expectedBytes: number;
  /** Why the size is refused, naming the flag to change; empty when ok. */
  reason: string;
}

const gib = (bytes: number) => `${(bytes / 2 ** 30).toFixed(1)} GiB`;

export function pagefindMemoryDecision(docs: number, availableBytes: number): MemoryDecision {
  const budgetBytes = Math.max(0, availableBytes - reserveBytes);
  const expectedBytes = expectedPagefindPeak(docs);
  const ok = expectedBytes <= budgetBytes;
  const largest = Math.max(0, Math.floor((budgetBytes - pagefindBaseBytes) / pagefindBytesPerDoc));
  return {
    ok,
    budgetBytes,
    expectedBytes,
    reason: ok
      ? ''
      : `Pagefind over ${docs} documents is expected to peak at ${gib(expectedBytes)} (${pagefindBytesPerDoc / 1e6} MB per document: ` +
        `15.5 GB was measured at 10,000), but only ${gib(availableBytes)} is available and ${gib(reserveBytes)} is kept for the browser ` +
        `and the rest of the machine. Lower --pagefind-docs to at most ${largest}, or run when more memory is free (free -g).`,
  };
}
