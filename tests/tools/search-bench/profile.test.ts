/**
 * The first-query profile (tools/search-bench/profile.ts) over a small index written to a folder: it adds up
 * every byte the search sent, by kind of file, and keeps the related forms' bytes apart, as the search page
 * asks for them after the exact results.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSearchIndex, type SearchDoc } from '../../../src/domain/search/index.ts';
import { directorySink } from '../../../src/domain/search/node.ts';
import { fileKind, profileQueries } from '../../../tools/search-bench/profile.ts';

const meta: SearchDoc['meta'] = { region: 'anhui', regionName: '安徽省', regionPath: ['anhui'], year: 2023, kind: 'plan', topics: [], date: '2023-01-01' };
const texts = ['提高城乡低保标准，农村低保标准每人每月550元。', '最低生活保障标准提高到每月800元。', '养老服务：新增护理型床位300张。'];
const docs: SearchDoc[] = texts.map((text, i) => ({ id: `d${i}`, url: `/documents/d${i}/`, title: `文件${i}`, text, meta }));

describe('the first-query profile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-profile-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names each kind of index file', () => {
    expect(['manifest.json', 'g/00a1.bin', 'x/00a1-0.d.bin', 'x/00a1-0.p.bin', 'x/00a1-1.bin', 'c/0.bin', 'd/0.json', 't/3.json'].map(fileKind)).toEqual([
      'manifest',
      'g',
      'x doc lists',
      'x positions',
      'x doc+positions',
      'c',
      'd',
      't',
    ]);
  });

  it('counts the bytes of the exact results by kind, and those of the related forms apart', async () => {
    await buildSearchIndex(docs, { writeFile: directorySink(dir), gramShards: 16, abbreviations: [['低保', '最低生活保障']] });
    const [dibao, bed] = await profileQueries(dir, ['低保标准', '床位']);
    expect([dibao?.exact, dibao?.related, bed?.exact, bed?.related]).toEqual([1, 1, 1, 0]);
    for (const p of [dibao, bed]) {
      const kinds = [...(p?.byKind.keys() ?? [])];
      expect(kinds).toEqual(expect.arrayContaining(['manifest', 'g', 'd', 't']));
      expect(p?.kb).toBeCloseTo([...(p?.byKind.values() ?? [])].reduce((a, b) => a + b, 0) / 1024, 6);
    }
    expect(dibao?.relatedKb).toBeGreaterThan(0);
    expect(bed?.relatedKb).toBe(0);
  });
});
