/**
 * Quote anchoring's results kept across builds. Whether the renderer can mark each quote of a page
 * (quote-anchoring.ts) is the costliest check of validation — markdown-it parses every body with a quote: 40 % of
 * validating 10,000 documents — and it depends on nothing but the body, the page's quotes in their order and the
 * code that parses and marks them. So its answer (the quotes left unmarked, almost always none) is kept in the
 * cache folder, keyed by a digest of exactly those: a document whose body and quotes are unchanged is not parsed
 * again, and any change to either, or to the code (`anchoringCode`, the lockfile), parses it afresh. A key holds
 * the quotes another document's task evidence cites from this one too, so an edit to that task list reaches this
 * body's check. Issues are still made from the answer at every build, so every one is reported every time.
 *
 * The file holds the entries this build used and no others (a removed document's go), written whole by rename;
 * an unreadable or foreign one is started afresh. Node only, no Astro imports.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { codeDigest } from '../code-digest.ts';
import { unmarkedQuotes } from '../markdown/render-document.ts';
import type { UnmarkedQuotes } from './quote-anchoring.ts';

/**
 * The code a kept answer depends on: `unmarkedQuotes` and every module it imports (a folder: every `.ts` in it),
 * and this file, which makes the keys. tests/domain/content/anchoring-cache.test.ts fails when the closure of
 * render-document.ts leaves this list.
 */
export const anchoringCode = ['src/domain/content/anchoring-cache.ts', 'src/domain/markdown/', 'src/domain/anchors.ts', 'src/domain/keep-together.ts'] as const;

interface StoredAnswers {
  version: string;
  /** Digest of body and quotes → the quotes left unmarked. */
  answers: Record<string, string[]>;
}

export interface AnchoringCache {
  unmarked: UnmarkedQuotes;
  /** Writes the answers this build used; returns how many were reused and how many computed. */
  save(): { reused: number; computed: number };
}

/** Opens the kept answers at `file` for the code under `projectRoot`. */
export function openAnchoringCache(file: string, projectRoot: string): AnchoringCache {
  const version = codeDigest(projectRoot, anchoringCode);
  let previous: Record<string, string[]> = {};
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as StoredAnswers;
    if (stored.version === version && stored.answers !== null && typeof stored.answers === 'object') previous = stored.answers;
  } catch {
    // None yet, or unreadable: every body is parsed, and the file is written afresh.
  }
  const used: Record<string, string[]> = {};
  let reused = 0;
  let computed = 0;
  return {
    unmarked: (body, quotes) => {
      const hash = createHash('sha1').update(body);
      for (const quote of quotes) hash.update('\0').update(quote);
      const key = hash.digest('hex');
      const kept = used[key] ?? previous[key];
      if (Array.isArray(kept)) {
        reused++;
        used[key] = kept;
        return [...kept];
      }
      computed++;
      const answer = unmarkedQuotes(body, quotes);
      used[key] = answer;
      return [...answer];
    },
    save: () => {
      mkdirSync(dirname(file), { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify({ version, answers: used } satisfies StoredAnswers));
      renameSync(temporary, file);
      return { reused, computed };
    },
  };
}
