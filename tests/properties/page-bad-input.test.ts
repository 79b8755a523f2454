/**
 * Bad raw pages, as a property (issue 14): every real fixture page, mutated (page-mutations.ts), written to disk
 * and read as `npm run ingest` reads it (read-input.ts → decode.ts → ingest.ts), is either refused with a reason
 * (damaged bytes: with each bad span's byte offset and line), or drafted with nothing lost (every input line in a
 * body or in `dropped`, by the same check as nothing-lost.test.ts), no U+FFFD or private-use character that the
 * page did not hold, every figure's quote in its body stating its value, and a draft file that reads back —
 * never a crash. Damaged bytes are tried with and without --allow-damaged.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../src/domain/content/frontmatter.ts';
import { damageMarker } from '../../src/domain/ingest/byte-damage.ts';
import { decodeBytes } from '../../src/domain/ingest/decode.ts';
import { serializeDraft } from '../../src/domain/ingest/draft.ts';
import { ingestDecoded } from '../../src/domain/ingest/ingest.ts';
import { readIngestInput } from '../../src/domain/ingest/read-input.ts';
import type { Draft } from '../../src/domain/ingest/types.ts';
import { fixturesDir, projectContext, seedsDir } from '../domain/ingest/helpers.ts';
import { unaccounted } from '../domain/ingest/unaccounted.ts';
import { Choices } from './content-mutations.ts';
import { fuzzParameters, Tally } from './fuzz-settings.ts';
import { mutatePage, pageMutationKinds, savedPageMutator, type PageCase, type PageInput, type PageMutationKind } from './page-mutations.ts';

const textFiles = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.txt')).sort().map((name) => join(dir, name));
const pages: PageInput[] = [
  ...textFiles(join(fixturesDir, 'ingest', 'pages')),
  ...textFiles(seedsDir),
  ...textFiles(join(fixturesDir, 'ingest', 'variants')),
  ...textFiles(join(fixturesDir, 'ingest', 'invented')),
].map((path) => {
  const decoded = decodeBytes(readFileSync(path));
  if (!decoded.ok) throw new Error(`${path}: the fixture does not decode (${decoded.reason})`);
  return { name: path.slice(fixturesDir.length + 1), text: decoded.text };
});
const htmlDir = join(fixturesDir, 'ingest', 'html');
const savedPages = readdirSync(htmlDir).filter((name) => name.endsWith('.html')).sort().map((name) => ({ name: `ingest/html/${name}`, bytes: readFileSync(join(htmlDir, name)) }));
const saved = savedPageMutator(savedPages);

const scratch = mkdtempSync(join(tmpdir(), 'gongkai-page-fuzz-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Characters a decoder makes of bytes it could not read, or of a wrong guess at the encoding. */
const undecodable = /[\ufffd\ue000-\uf8ff\u0080-\u009f]/u;

/** The test's own reading of the numbers a quote writes (full-width folded, thousands joined, 万 applied). */
function numbersStated(quote: string): number[] {
  const text = quote.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/(\d)[,，\u00a0 ](?=\d{3}(?!\d))/g, '$1');
  return [...text.matchAll(/(\d+(?:\.\d+)?)(万)?/g)].map((m) => Number(m[1]) * (m[2] ? 10000 : 1));
}

/** Problems of drafts made from `text`. */
function draftProblems(text: string, drafts: Draft[], pageHeld: (pattern: RegExp) => boolean): string[] {
  const problems = unaccounted(text, drafts).map((line) => `lost: ${line}`);
  for (const draft of drafts) {
    const written = JSON.stringify(draft.frontmatter) + draft.body;
    const bad = undecodable.exec(written);
    if (bad && !pageHeld(new RegExp(bad[0]))) problems.push(`draft ${draft.index} holds ${JSON.stringify(bad[0])} the page did not`);
    for (const figure of (draft.frontmatter.metrics ?? []) as { quote: string; value: number }[]) {
      if (!draft.body.includes(figure.quote)) problems.push(`draft ${draft.index}: quote ${JSON.stringify(figure.quote)} not in the body`);
      else if (!numbersStated(figure.quote).some((n) => Math.abs(n - figure.value) < 1e-9)) problems.push(`draft ${draft.index}: quote ${JSON.stringify(figure.quote)} does not state ${figure.value}`);
    }
    try {
      splitFrontmatter(serializeDraft(draft));
    } catch (error) {
      problems.push(`draft ${draft.index} does not read back: ${(error as Error).message}`);
    }
  }
  return problems;
}

/** Reads, decodes and ingests one case as the CLI does; returns the outcome, or throws with every problem. */
function runCase(bad: PageCase, page: PageInput | undefined, allowDamaged: boolean): string {
  const path = join(scratch, bad.fileName);
  writeFileSync(path, bad.bytes);
  const input = readIngestInput(path, undefined, { allowDamaged });
  const { decoded } = input;
  const problems: string[] = [];
  if (!decoded.ok) {
    if (decoded.reason.trim().length < 8) problems.push(`refused without a reason: ${JSON.stringify(decoded.reason)}`);
    if (decoded.damage && !/byte \d+ \(line \d+\)/.test(decoded.reason)) problems.push(`damaged bytes refused without their offset and line: ${decoded.reason}`);
    if (!bad.damaged && bad.text !== undefined && bad.text.trim() !== '') problems.push(`clean text refused: ${decoded.reason}`);
    if (problems.length > 0) throw new Error(problems.join('\n'));
    return decoded.damage ? 'refused, naming byte offset and line' : `refused: ${decoded.reason.replace(/[:(].*$/, '').trim()}`;
  }
  const text = decoded.text.replace(/^\uFEFF/, '');
  // A U+FEFF that opens the file is its byte-order mark, whatever line it was pasted as.
  const expected = bad.text?.replace(/^\uFEFF/, '');
  if (expected !== undefined && text !== expected) problems.push(`read as other text (${decoded.encoding}): first difference at ${[...text].findIndex((c, i) => c !== [...expected][i])}`);
  const pageHeld = (pattern: RegExp) => (page ? pattern.test(page.text) : false);
  const bad0 = undecodable.exec(text);
  if (bad0 && !pageHeld(new RegExp(bad0[0]))) problems.push(`decoded text holds U+${bad0[0].codePointAt(0)?.toString(16).toUpperCase()} at ${bad0.index} (${decoded.encoding}): ${JSON.stringify(text.slice(Math.max(0, bad0.index - 20), bad0.index + 20))}`);
  if (decoded.damage) {
    if (!allowDamaged) problems.push('damaged text accepted without --allow-damaged');
    const markers = decoded.damage.filter((d) => text.includes(damageMarker(d)));
    if (markers.length !== decoded.damage.length) problems.push(`${decoded.damage.length - markers.length} damaged spans not marked in the text`);
  }
  const result = ingestDecoded(decoded, bad.fileName, projectContext(), input.options);
  if (result.ok) problems.push(...draftProblems(text, result.drafts, pageHeld));
  else if (result.reason.trim().length < 8) problems.push(`ingest refused without a reason: ${JSON.stringify(result.reason)}`);
  if (problems.length > 0) throw new Error(problems.join('\n'));
  if (!result.ok) return `refused: ${result.reason.replace(/[:(].*$/, '').trim()}`;
  if (decoded.damage) return 'drafted with damaged spans marked (--allow-damaged), nothing lost';
  if (bad.damaged) return 'damage decoded to other valid characters; drafted, nothing lost';
  return 'drafted, nothing lost, no U+FFFD';
}

const tally = new Tally('page bad-input suite');
const runs: Record<PageMutationKind, number> = { encodings: 60, 'damaged bytes': 80, lines: 60, characters: 60, structure: 30, 'saved pages': 30 };

describe('bad raw pages: refused with a reason, or drafted with nothing lost and nothing garbled', () => {
  it('starts from every fixture page', () => {
    expect(pages.length).toBeGreaterThanOrEqual(60 + 5 + 10 + 13);
    expect(savedPages.length).toBeGreaterThanOrEqual(3);
  });

  it.each(pageMutationKinds.map((kind, offset) => [kind, offset] as const))('%s: never a crash, never lost or garbled text', (kind, offset) => {
    fc.assert(
      fc.property(fc.nat(pages.length - 1), fc.array(fc.nat(), { minLength: 12, maxLength: 12 }), (index, values) => {
        const page = pages[index]!;
        const bad = mutatePage(kind, page, new Choices(values), saved);
        fc.pre(bad !== undefined);
        const original = kind === 'saved pages' ? undefined : page;
        for (const allowDamaged of bad.damaged ? [false, true] : [false]) {
          let outcome: string;
          try {
            outcome = runCase(bad, original, allowDamaged);
          } catch (error) {
            throw new Error(`${bad.what}${allowDamaged ? ' (--allow-damaged)' : ''}:\n${(error as Error).stack ?? String(error)}`);
          }
          if (!allowDamaged) tally.count(kind, outcome);
        }
      }),
      fuzzParameters(runs[kind], 100 + offset),
    );
    expect(tally.tried(kind)).toBe(fuzzParameters(runs[kind], 100 + offset).numRuns);
  });

  afterAll(() => console.log(tally.summary()));
});
