/** Writes drafts into a content folder; an existing file is never overwritten unless asked. Node only. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { destination, serializeDraft, type Destination } from './draft.ts';
import type { Draft } from './types.ts';

export interface WriteOptions {
  /** The folder that plays `content/`: drafts go to `<contentDir>/documents/…` or `<contentDir>/drafts/…`. */
  contentDir: string;
  force: boolean;
  dryRun: boolean;
}

export interface Written {
  draft: Draft;
  destination: Destination;
  /** Absolute or contentDir-relative path of the file. */
  file: string;
  status: 'written' | 'overwritten' | 'exists' | 'dry-run';
}

export function writeDraft(draft: Draft, options: WriteOptions): Written {
  const where = destination(draft);
  const file = join(options.contentDir, where.path);
  const exists = existsSync(file);
  if (options.dryRun) return { draft, destination: where, file, status: 'dry-run' };
  if (exists && !options.force) return { draft, destination: where, file, status: 'exists' };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, serializeDraft(draft));
  return { draft, destination: where, file, status: exists ? 'overwritten' : 'written' };
}
