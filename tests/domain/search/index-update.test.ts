/**
 * The previous index updated for a few changed documents (`updateSearchIndex`) must be the very bytes a cold
 * build of the new documents writes — whatever the change: a body, a title, a date that reorders the recency
 * tiers, a region (facets), a gram that leaves the index or comes into it, a gram that moves out of its shard
 * into an `x/` file or back.
 */
import { describe, expect, it } from 'vitest';
import { buildSearchIndex, type BuildSearchIndexOptions, type SearchDoc } from '../../../src/domain/search/index.ts';
import { notUpdatable, updateSearchIndex, type ChangedDocument } from '../../../src/domain/search/index-update.ts';
import { decodeKeptDocument } from '../../../src/domain/search/kept-document.ts';

const regions = [
  { path: ['hunan', 'chenzhou', 'zixing'], name: '资兴市' },
  { path: ['jiangsu', 'changzhou', 'jintan'], name: '金坛区' },
  { path: ['shanghai'], name: '上海市' },
];
const sentences = [
  '推进社会工作服务站建设，落实特困人员救助供养。',
  '城市低保标准由500元/月.人提高至550元/月.人。',
  '新增养老床位300张，护理型床位占比达到60%。',
  '婚姻登记“跨省通办”试点，全年办理结婚登记1200对。',
  '推进殡葬改革，公益性公墓建设取得新进展。',
  '慈善信托备案三件，募集资金五百万元。',
];

function doc(i: number, extra = '', date?: string): SearchDoc {
  const region = regions[i % regions.length]!;
  const year = 2018 + (i % 6);
  const text = Array.from({ length: 3 + (i % 4) }, (_, k) => sentences[(i + k) % sentences.length]).join('\n') + extra;
  return {
    id: `doc-${String(i).padStart(2, '0')}`,
    url: `/documents/doc-${i}/`,
    title: `${year}年民政工作${i % 2 ? '总结' : '要点'}`,
    text,
    meta: { region: region.path.join('/'), regionName: region.name, regionPath: region.path, year, kind: i % 2 ? 'summary' : 'plan', topics: ['social-assistance'], date: date ?? `${year}-0${1 + (i % 9)}-10` },
  };
}

type Files = Map<string, Uint8Array>;
const versionOf = (files: Files) => (JSON.parse(new TextDecoder().decode(files.get('manifest.json'))) as { version: string }).version;
const settings: Partial<BuildSearchIndexOptions> = { gramShards: 16, inlineMaxBytes: 48, phrases: { sampleDocs: 4, commonShare: 0.5, phraseShare: 0.5 } };

async function cold(docs: SearchDoc[], extra: Partial<BuildSearchIndexOptions> = {}): Promise<Files> {
  const files: Files = new Map();
  await buildSearchIndex(docs, { writeFile: (path, bytes) => void files.set(path, bytes), abbreviations: [['低保', '最低生活保障']], ...settings, ...extra });
  return files;
}

async function update(before: SearchDoc[], after: SearchDoc[], extra: Partial<BuildSearchIndexOptions> = {}) {
  const previous = await cold(before, extra);
  const changed: ChangedDocument[] = after.flatMap((d, doc) => (JSON.stringify(d) === JSON.stringify(before[doc]) ? [] : [{ doc, before: before[doc]!, after: d }]));
  const files: Files = new Map();
  const result = await updateSearchIndex({
    writeFile: (path, bytes) => void files.set(path, bytes),
    abbreviations: [['低保', '最低生活保障']],
    ...settings,
    ...extra,
    docCount: after.length,
    previous: { files: [...previous.keys()], read: (path) => previous.get(path) ?? (() => { throw new Error(`no ${path}`); })(), version: versionOf(previous) },
    sample: after.slice(0, 4),
    changed,
    docs: after,
  });
  return { files, result, changed };
}

function expectSameFiles(actual: Files, expected: Files): void {
  // Order too: the manifest's version digests the files in the order they were written.
  expect([...actual.keys()]).toEqual([...expected.keys()]);
  const different = [...expected].filter(([path, bytes]) => !Buffer.from(actual.get(path)!).equals(Buffer.from(bytes))).map(([path]) => path);
  expect(different).toEqual([]);
}

const corpus = Array.from({ length: 14 }, (_, i) => doc(i));
const withChange = (i: number, changed: SearchDoc) => corpus.map((d, k) => (k === i ? changed : d));

describe('search index: updating the previous index for changed documents', () => {
  it('writes a cold build’s bytes after a body gains a sentence, patching only the shards its grams reach', async () => {
    const after = withChange(9, doc(9, '\n新增一句：城乡低保工作平稳推进。'));
    const { files, result } = await update(corpus, after);
    expectSameFiles(files, await cold(after));
    expect(result.shardsPatched).toBeGreaterThan(0);
    expect(result.shardsPatched).toBeLessThanOrEqual(16);
  });

  it('writes a cold build’s bytes when a gram leaves the index and another comes into it', async () => {
    const once = withChange(6, doc(6, '\n独有词语：鳏寡孤独。'));
    const after = withChange(6, doc(6, '\n另一个独有的词：龘靐。'));
    const { files } = await update(once, after);
    expectSameFiles(files, await cold(after));
  });

  it('writes a cold build’s bytes when a date change reorders the recency tiers, and a title and region change', async () => {
    const moved: SearchDoc = { ...doc(5, '', '2030-01-01'), title: '改过的标题：婚姻登记', meta: { ...doc(5).meta, region: 'shanghai', regionName: '上海市', regionPath: ['shanghai'], year: 2030 } };
    const after = withChange(5, moved);
    const { files } = await update(corpus, after, { gramShards: 16 });
    expectSameFiles(files, await cold(after));
    // Tiers of one document each, so the new date is the first tier.
    const { files: tiered } = await update(corpus, after);
    expect(tiered.get('manifest.json')).toEqual((await cold(after)).get('manifest.json'));
  });

  it('writes a cold build’s bytes for several changed documents at once, with long grams and edge trigrams on', async () => {
    const after = corpus.map((d, k) => (k === 4 ? doc(4, '\n第一处修改。') : k === 11 ? doc(11, '\n第二处修改：推进社会工作。') : k === 13 ? { ...d, text: d.text.slice(10) } : d));
    const long = { phrases: { ...settings.phrases, longGrams: true, edgeTrigrams: true } };
    const { files, changed } = await update(corpus, after, long);
    expect(changed.map((c) => c.doc)).toEqual([4, 11, 13]);
    expectSameFiles(files, await cold(after, long));
  });

  it('returns the changed documents’ new versions as kept documents a later build can add', async () => {
    const after = withChange(9, doc(9, '\n新增一句。'));
    const { result } = await update(corpus, after);
    expect(result.kept).toHaveLength(1);
    expect(decodeKeptDocument(result.kept[0]!).doc).toEqual(after[9]);
  });

  it('refuses a change within the phrase sample, and a site no larger than the sample, before writing anything', async () => {
    expect(notUpdatable(14, [9], settings.phrases)).toBeUndefined();
    expect(notUpdatable(14, [2], settings.phrases)).toMatch(/document 2 changed, within the phrase sample of the first 4/);
    expect(notUpdatable(4, [3], settings.phrases)).toMatch(/4 documents are within the phrase sample of 4/);
    await expect(update(corpus, withChange(1, doc(1, '改')))).rejects.toThrow(/within the phrase sample/);
  });

  it('refuses a previous index that lacks a shard or whose shard is cut short, before writing anything', async () => {
    const previous = await cold(corpus);
    const after = withChange(9, doc(9, '\n新增一句。'));
    const written: string[] = [];
    const attempt = (read: (path: string) => Uint8Array, files = [...previous.keys()]) =>
      updateSearchIndex({ writeFile: (path) => void written.push(path), ...settings, docCount: 14, previous: { files, read, version: versionOf(previous) }, sample: after.slice(0, 4), changed: [{ doc: 9, before: corpus[9]!, after: after[9]! }], docs: after });
    await expect(attempt((path) => previous.get(path)!, [...previous.keys()].filter((path) => path !== 'g/0003.bin'))).rejects.toThrow(/no g\/0003\.bin/);
    await expect(attempt((path) => previous.get(path)!.subarray(0, 5))).rejects.toThrow(/search index/);
    expect(written).toEqual([]);
  });

  it('refuses a previous index one of whose files changed since it was written, though the change reaches none of its grams', async () => {
    const previous = await cold(corpus);
    const after = withChange(9, doc(9, '\n新增一句。'));
    const damaged = new Map(previous);
    const untouched = [...previous.keys()].filter((path) => path.startsWith('t/')).at(-1)!;
    damaged.set(untouched, previous.get(untouched)!.subarray(1));
    await expect(
      updateSearchIndex({ writeFile: () => {}, ...settings, docCount: 14, previous: { files: [...previous.keys()], read: (path) => damaged.get(path)!, version: versionOf(previous) }, sample: after.slice(0, 4), changed: [{ doc: 9, before: corpus[9]!, after: after[9]! }], docs: after }),
    ).rejects.toThrow(/not the ones its manifest digests/);
  });
});
