/**
 * The 45 development pages of tests/fixtures/ingest/pages (every page but the held-out 004, 008, … 060, which
 * nobody developing rules reads): nothing of them is lost, and a page that is one document gives one draft.
 * The expected number of documents is the page's label (labels/NNN.yaml) where one exists; otherwise it is
 * one, as read by hand from each page: none of the development pages prints two documents' headers in a row.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../src/domain/ingest/decode.ts';
import { fixturesDir, ingest } from './helpers.ts';

const pagesDir = join(fixturesDir, 'ingest', 'pages');
const development = Array.from({ length: 60 }, (_, i) => i + 1)
  .filter((n) => n % 4 !== 0)
  .map((n) => `${String(n).padStart(3, '0')}.txt`);

function expectedDocuments(page: string): number {
  const label = join(pagesDir, 'labels', page.replace(/\.txt$/, '.yaml'));
  if (!existsSync(label)) return 1;
  const documents = (yaml.load(readFileSync(label, 'utf8')) as { documents?: unknown[] }).documents;
  return documents?.length ?? 1;
}

/** Text as it must survive: no whitespace, no Markdown marks, no table pipes. Independent of the rules under test. */
const bare = (text: string) => text.replace(/^#+ |^- |^\\/gm, '').replace(/^\|( --- \|)+$/gm, '').replace(/[|\s]/g, '');

describe.each(development)('development page %s', (page) => {
  const decoded = decodeBytes(readFileSync(join(pagesDir, page)));
  const text = decoded.ok ? decoded.text : '';
  const drafts = ingest(text, page);

  it('accounts for every non-blank line in a body or in dropped with a reason', () => {
    const bodies = drafts.map((draft) => bare(draft.body)).join('\n');
    const dropped = drafts.flatMap((draft) => draft.dropped);
    const lost: string[] = [];
    text.split(/\r\n|\r|\n/).forEach((line, i) => {
      if (line.trim() === '') return;
      const drops = dropped.filter((drop) => drop.line === i + 1);
      for (const drop of drops) expect(drop.reason.length).toBeGreaterThan(3);
      // A line is either dropped whole, or part of it (a fused page counter) is dropped and the rest is in a body.
      const rest = drops.reduce((remaining, drop) => remaining.replace(drop.text, ''), line.replace(/\u00a0/g, ' '));
      if (rest.trim() !== '' && !bodies.includes(bare(rest))) lost.push(`line ${i + 1}: ${line.slice(0, 40)}`);
    });
    expect(lost).toEqual([]);
  });

  it(`gives ${expectedDocuments(page)} draft${expectedDocuments(page) > 1 ? 's' : ''}`, () => {
    expect(drafts).toHaveLength(expectedDocuments(page));
  });
});
