/**
 * The invariant of ingestion as a check: every non-blank input line ends in a draft's body or in its `dropped`
 * list with a reason. Shared by the fixture test (nothing-lost.test.ts) and the bad-input property suite
 * (tests/properties/), so both hold ingestion to the same definition of "nothing lost".
 * The comparison ignores whitespace, Markdown marks and table pipes, and nothing else, so a rule that rewrites
 * a line (a table rebuilding its header from two lines) fails here unless it reports the line.
 */
import type { Draft } from '../../../src/domain/ingest/types.ts';

/** Text as it must survive: no whitespace, no Markdown marks (backslash escapes read as the character they escape), no table pipes. Independent of the rules under test. */
const bare = (text: string) => text.replace(/^#+ |^- |^\\/gm, '').replace(/^\|( --- \|)+$/gm, '').replace(/\\([!-/:-@[-`{-~])/g, '$1').replace(/[|\s]/g, '');

/** Input lines in no body and not dropped, and dropped lines without a reason. */
export function unaccounted(text: string, drafts: Draft[]): string[] {
  const bodies = drafts.map((draft) => bare(draft.body)).join('\n');
  const dropped = drafts.flatMap((draft) => draft.dropped);
  const problems: string[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .forEach((line, i) => {
      if (line.trim() === '') return;
      const drops = dropped.filter((drop) => drop.line === i + 1);
      for (const drop of drops) if (drop.reason.trim().length < 4) problems.push(`line ${i + 1}: dropped without a reason`);
      // A line is dropped whole, or part of it (a fused page counter) is dropped and the rest is in a body.
      const rest = drops.reduce((remaining, drop) => remaining.replace(drop.text, ''), line.replace(/\u00a0/g, ' '));
      if (rest.trim() !== '' && !bodies.includes(bare(rest))) problems.push(`line ${i + 1}: ${line.slice(0, 40)}`);
    });
  return problems;
}
