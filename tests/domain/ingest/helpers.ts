/** Shared by the ingestion tests: the project's real metrics, topics and regions, and a one-call ingest. */
import { join, resolve } from 'node:path';
import { loadIngestContext } from '../../../src/domain/ingest/context.ts';
import { ingestText } from '../../../src/domain/ingest/ingest.ts';
import type { Draft, IngestContext } from '../../../src/domain/ingest/types.ts';

export const repo = resolve(import.meta.dirname, '..', '..', '..');
/** The five seeds, copied from ../shared/seeds so a clean clone has them. */
export const seedsDir = join(repo, 'tests', 'fixtures', 'seeds');
export const fixturesDir = join(repo, 'tests', 'fixtures');

let context: IngestContext | undefined;
export function projectContext(): IngestContext {
  context ??= loadIngestContext(repo);
  return context;
}

export function ingest(text: string, input = 'test.txt'): Draft[] {
  return ingestText(text, input, projectContext());
}

/** The only draft of a text that holds one document. */
export function ingestOne(text: string): Draft {
  const drafts = ingest(text);
  if (drafts.length !== 1) throw new Error(`expected one draft, got ${drafts.length}`);
  return drafts[0] as Draft;
}

export const seedFiles = {
  chongming: '000_bc7dad5c5fe805ad.txt',
  jintan: '001_75658eb5f92ffc05.txt',
  zixingHuanggu: '002_985ea9ae95b164a0.txt',
  shanghai: '003_e509f48140f8a9e1.txt',
  xuanzhou: '004_e81951f072579c09.txt',
} as const;
