/** Reads one input file from disk for ingestion; every failure becomes a reason naming what went wrong. Node only. */
import { readFileSync, statSync } from 'node:fs';
import { decodeBytes, type Decoded } from './decode.ts';

export function readInput(path: string): Decoded {
  let bytes: Uint8Array;
  try {
    if (statSync(path).isDirectory()) return { ok: false, reason: 'it is a directory, not a file' };
    bytes = readFileSync(path);
  } catch (error) {
    return { ok: false, reason: unreadableReason(error) };
  }
  return decodeBytes(bytes);
}

function unreadableReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'cannot read it: no such file';
    case 'EACCES':
    case 'EPERM':
      return 'cannot read it: permission denied';
    case 'EISDIR':
      return 'it is a directory, not a file';
    default:
      return `cannot read it: ${(error as Error).message}`;
  }
}
