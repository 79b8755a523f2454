/**
 * The invariant of ingestion, checked as a property over every fixture the repository holds — the 60 real
 * pages (development and held-out alike: this reads no label, only the text), the seeds, the variants and the
 * invented pages: every non-blank input line ends in a draft's body or in its `dropped` list with a reason.
 * The comparison ignores whitespace, Markdown marks and table pipes, and nothing else, so a rule that rewrites
 * a line (a table rebuilding its header from two lines) fails here unless it reports the line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../src/domain/ingest/decode.ts';
import type { Draft } from '../../../src/domain/ingest/types.ts';
import { fixturesDir, ingest, ingestOne, seedsDir } from './helpers.ts';

/** Text as it must survive: no whitespace, no Markdown marks (backslash escapes read as the character they escape), no table pipes. Independent of the rules under test. */
const bare = (text: string) => text.replace(/^#+ |^- |^\\/gm, '').replace(/^\|( --- \|)+$/gm, '').replace(/\\([!-/:-@[-`{-~])/g, '$1').replace(/[|\s]/g, '');

/** Input lines in no body and not dropped, and dropped lines without a reason. */
function unaccounted(text: string, drafts: Draft[]): string[] {
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

const textFiles = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.txt')).sort().map((name) => join(dir, name));
const fixtures = [
  ...textFiles(join(fixturesDir, 'ingest', 'pages')),
  ...textFiles(seedsDir),
  ...textFiles(join(fixturesDir, 'ingest', 'variants')),
  ...textFiles(join(fixturesDir, 'ingest', 'invented')),
].map((path) => [path.slice(fixturesDir.length + 1), path] as const);

describe('nothing is lost, on every fixture page', () => {
  it('finds the fixtures it is about', () => {
    // 60 real pages, 5 seeds, the variants and the invented pages: a moved folder must not make this pass empty.
    expect(fixtures.length).toBeGreaterThanOrEqual(60 + 5 + 10 + 13);
  });

  it.each(fixtures)('accounts for every non-blank line of %s in a body or in dropped with a reason', (name, path) => {
    const decoded = decodeBytes(readFileSync(path));
    if (!decoded.ok) throw new Error(`${name}: the fixture does not decode (${decoded.reason})`);
    expect(unaccounted(decoded.text, ingest(decoded.text, name))).toEqual([]);
  });
});

describe('a table that rebuilds its header', () => {
  // Invented: a 民生实事 list copied with its header run together and the quarters of 进展情况 on the next line.
  const page = [
    '项目内容工作任务牵头单位进展情况',
    '一季度二季度三季度四季度',
    '新建社区老年食堂12个。县民政局,各乡镇完成选址8个。建成5个。建成10个。全部建成。',
    '',
  ].join('\n');

  it('lists the quarters line it read into the column names in dropped, with why', () => {
    const draft = ingestOne(page);
    expect(draft.body).toContain('进展情况（一季度）');
    expect(draft.dropped).toContainEqual(expect.objectContaining({ line: 2, text: '一季度二季度三季度四季度', reason: expect.stringContaining('column names') }));
    expect(unaccounted(page, [draft])).toEqual([]);
  });
});
