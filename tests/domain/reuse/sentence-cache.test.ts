/**
 * The sentences kept across builds (src/domain/reuse/sentence-cache.ts) over real bodies: the bundled documents
 * and copies of their paragraphs, in a content folder of the test's own. Whatever the cache holds — nothing, a
 * previous build's records, a damaged or foreign file — the index must be a cold build's.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { documentBody, listDocumentIds } from '../../../src/domain/content/document-files.ts';
import { bodyTextRuns } from '../../../src/domain/markdown/render-document.ts';
import { decodeRecord, encodeRecord } from '../../../src/domain/reuse/sentence-cache.ts';
import { sentenceRows } from '../../../src/domain/reuse/sentences.ts';
import type { ReuseIndex } from '../../../src/domain/reuse/shared-passages.ts';
import { siteSharedPassages, type SiteReuseDocument } from '../../../src/domain/reuse/site-passages.ts';
import { repoRoot } from '../../import-graph.ts';

const scratch = mkdtempSync(join(tmpdir(), 'gongkai-sentence-cache-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const bundled = listDocumentIds(repoRoot);
const root = join(scratch, 'site');
cpSync(join(repoRoot, 'content/documents'), join(root, 'content/documents'), { recursive: true });
const paragraphs = (id: string) => documentBody(repoRoot, id).split(/\n\s*\n/).filter((block) => block.length > 80 && !block.startsWith('#') && !block.startsWith('|'));
const write = (id: string, body: string) => {
  const file = join(root, 'content/documents', `${id}.md`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `---\ntitle: 测试文件\n---\n\n${body}\n`);
};
// Two copies that re-publish paragraphs of bundled documents (a county taking its city's text, one report twice).
write('test/copy/one/2024-year-summary', ['本县民政工作总结如下，这一句只在这里出现而且写得足够长。', ...paragraphs(bundled[0]!).slice(0, 3), ...paragraphs(bundled[1]!).slice(-2)].join('\n\n'));
write('test/copy/two/2024-year-summary', [...paragraphs(bundled[0]!).slice(1, 4), '另一个县自己的句子也写得足够长以便成为种子。'].join('\n\n'));
const ids = listDocumentIds(root);

/** The documents as the build hands them over: the digest stands for the store's (here the file's bytes). */
function documents(): SiteReuseDocument[] {
  return ids.map((id) => ({ id, region: id.split('/').slice(0, 3).join('/'), digest: readFileSync(join(root, 'content/documents', `${id}.md`), 'latin1'), quotes: () => [] }));
}

/** Every entry a page, /reuse/ or the open data reads, as JSON. */
const everything = (index: ReuseIndex) => JSON.stringify([[...index.byDocument], index.shares, index.passages.slice(), index.pairs.slice(), index.formulas]);
const cold = () => everything(siteSharedPassages(root, documents(), undefined, () => {}).index);
const cacheDir = join(scratch, 'cache');
const withCache = (version = 'v1', dir = cacheDir) => {
  const warnings: string[] = [];
  const { index, cache } = siteSharedPassages(root, documents(), { dir, version }, (message) => warnings.push(message));
  return { result: everything(index), cache, warnings };
};

describe('kept sentences', () => {
  it('reads back every bundled body’s runs and sentence rows as they were written', () => {
    for (const id of bundled) {
      const runs = bodyTextRuns(documentBody(repoRoot, id));
      const rows = sentenceRows(runs);
      expect(decodeRecord(encodeRecord(runs, rows)), id).toEqual({ runs, rows });
    }
    const odd = ['一个孤立的代理项\ud800在句中。', '𠀀𠀁两个扩展区汉字的句子。'];
    expect(decodeRecord(encodeRecord(odd, sentenceRows(odd)))).toEqual({ runs: odd, rows: sentenceRows(odd) });
  });

  it('refuses a record that is cut short or whose sentence lies outside its run', () => {
    const runs = bodyTextRuns(documentBody(repoRoot, bundled[0]!));
    const bytes = encodeRecord(runs, sentenceRows(runs));
    expect(decodeRecord(bytes.subarray(0, bytes.length - 4))).toBeUndefined();
    const shifted = Buffer.from(bytes);
    shifted.writeInt32LE(1e6, shifted.length - 4 * 5 * sentenceRows(runs).run.length); // the first sentence's start
    expect(decodeRecord(shifted)).toBeUndefined();
  });

  const expected = cold();

  it('gives a cold build’s index on a first build, parsing each body once', () => {
    const first = withCache();
    expect(JSON.parse(expected)[0].length).toBeGreaterThan(1);
    expect(first.result).toBe(expected);
    expect(first.cache).toEqual({ reused: 0, parsed: ids.length });
  });

  it('parses only the changed body on a rebuild, and gives the index a cold build of the changed content gives', () => {
    expect(withCache().cache).toEqual({ reused: ids.length, parsed: 0 });
    write('test/copy/two/2024-year-summary', [...paragraphs(bundled[0]!).slice(2, 5), ...paragraphs(bundled[1]!).slice(-1), '另一个县自己的句子也写得足够长以便成为种子。'].join('\n\n'));
    const rebuilt = withCache();
    expect(rebuilt.cache).toEqual({ reused: ids.length - 1, parsed: 1 });
    const changed = cold();
    expect(changed).not.toBe(expected);
    expect(rebuilt.result).toBe(changed);
  });

  it('reads the bodies again when the kept file is damaged, cut short, not a pack or of another code version', () => {
    const changed = cold();
    const pack = join(cacheDir, 'sentences.bin');
    withCache();
    const bytes = readFileSync(pack);
    bytes[Math.floor(bytes.length / 3)]! ^= 0xff; // inside some record: its CRC no longer agrees
    writeFileSync(pack, bytes);
    const damaged = withCache();
    expect(damaged.result).toBe(changed);
    expect(damaged.cache!.parsed).toBe(1);

    truncateSync(pack, statSync(pack).size - 7);
    expect(withCache()).toMatchObject({ result: changed, cache: { reused: 0 } });
    writeFileSync(pack, 'not a pack at all');
    expect(withCache()).toMatchObject({ result: changed, cache: { reused: 0 } });
    expect(withCache('v2')).toMatchObject({ result: changed, cache: { reused: 0 } });
    expect(withCache('v1')).toMatchObject({ result: changed, cache: { reused: 0 } });
  });

  it('removes the staging file a killed build left, and keeps one whose build still runs', () => {
    const dead = join(cacheDir, 'sentences.bin.999999999-abc.tmp');
    const alive = join(cacheDir, `sentences.bin.${process.ppid}-abc.tmp`);
    writeFileSync(dead, 'half a pack');
    writeFileSync(alive, 'half a pack');
    withCache();
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(alive)).toBe(true);
    rmSync(alive);
    expect(readdirSync(cacheDir)).toEqual(['sentences.bin']);
  });

  it('parses every body and says so when the cache folder cannot be made', () => {
    const blocked = join(scratch, 'a-file');
    writeFileSync(blocked, '');
    const { result, warnings } = withCache('v1', join(blocked, 'gongkai-reuse'));
    expect(result).toBe(cold());
    expect(warnings).toEqual([expect.stringContaining('cannot keep sentences in')]);
  });
});
