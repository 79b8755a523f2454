/**
 * Phrase grams through the whole road: the builder chooses the common bigrams from its first documents, writes
 * every 3- and 4-gram made of them into the shards, and the client reads them back. Expected postings come
 * from scanning the texts, independent of the builder.
 */
import { describe, expect, it } from 'vitest';
import { LONG_GRAMS_FROM_DOCS } from '../../../src/domain/search/build.ts';
import { buildSearchIndex, createSearchClient, type SearchDoc } from '../../../src/domain/search/index.ts';
import type { PhraseOptions } from '../../../src/domain/search/phrase-indexer.ts';
import { createIndexFiles } from '../../../src/domain/search/index-files.ts';
import { createPostingSource, type PostingSource } from '../../../src/domain/search/posting-source.ts';
import type { DocPosting } from '../../../src/domain/search/postings.ts';
import { normalise } from '../../../src/domain/search/normalise.ts';
import { allCommon, commonBigramSet } from '../../../src/domain/search/query.ts';

const bodies = [
  ['人民政府工作', '县级以上人民政府应当加强社会救助工作，人民政府民政部门负责。'],
  ['人民政府', '人民政府人民政府，政府应当。'],
  ['社会救助', '社会救助工作由人民政府负责，民政部门具体实施。'],
  ['养老服务', '人民政府支持养老服务，县级以上人民政府应当规划。'],
  ['低保标准', '最低生活保障标准由人民政府确定。'],
  ['第六', '政府工作人员应当依法履职；人民群众监督。'],
];
const docs: SearchDoc[] = bodies.map(([title, text], i) => ({
  id: `d${i}`,
  url: `/documents/d${i}/`,
  title: title as string,
  text: text as string,
  meta: { region: 'anhui', regionName: '安徽省', regionPath: ['anhui'], year: 2023, kind: 'plan', topics: [], date: '2023-01-01' },
}));

async function build(phrases: PhraseOptions) {
  const files = new Map<string, Uint8Array>();
  await buildSearchIndex(docs, { writeFile: (path, bytes) => void files.set(path, bytes), gramShards: 16, phrases });
  const indexFiles = createIndexFiles(async (path) => {
    const bytes = files.get(path);
    if (!bytes) throw new Error(`no file ${path}`);
    return bytes;
  });
  const manifest = await indexFiles.manifest();
  return { files, manifest, source: createPostingSource(indexFiles, manifest.gramShards) };
}

/** Per document: occurrences of `gram` as [position in "title ␟ body"], title ones first. */
function scan(gram: string): Array<{ doc: number; positions: number[]; titleTf: number }> {
  return docs
    .map((d, doc) => {
      const positions: number[] = [];
      let titleTf = 0;
      for (const [segment, base] of [[d.title, 0], [d.text, d.title.length + 1]] as const) {
        for (let i = segment.indexOf(gram); i >= 0; i = segment.indexOf(gram, i + 1)) {
          positions.push(base + i);
          if (base === 0) titleTf++;
        }
      }
      return { doc, positions, titleTf };
    })
    .filter((row) => row.positions.length > 0);
}

/** Expects `gram`'s postings to be those a scan of the texts finds: documents, counts, title counts, positions. */
async function expectScanned(source: PostingSource, gram: string, posting: DocPosting | null): Promise<void> {
  const truth = scan(gram);
  expect(posting, gram).not.toBeNull();
  expect([...posting!.docs], gram).toEqual(truth.map((t) => t.doc));
  expect([...posting!.tf], gram).toEqual(truth.map((t) => t.positions.length));
  expect([...posting!.titleTf], gram).toEqual(truth.map((t) => t.titleTf));
  expect([...(await source.positionPosting(gram, posting!)).pos], gram).toEqual(truth.flatMap((t) => t.positions));
}

describe('phrase grams', () => {
  it('chooses as common the bigrams in at least the given share of the sampled documents', async () => {
    const { manifest } = await build({ sampleDocs: 4, commonShare: 0.75 });
    const common = commonBigramSet(manifest.commonBigrams);
    // In 3 of the first 4 documents or more: 人民, 民政, 政府 (and 工作, 社会 … are not).
    const sample = docs.slice(0, 4).map((d) => d.title + '\u241f' + d.text);
    for (const bigram of ['人民', '民政', '政府', '府应', '工作', '社会', '救助']) {
      expect(common.has(bigram), bigram).toBe(sample.filter((t) => t.includes(bigram)).length >= 3);
    }
  });

  it('writes every 3- and 4-gram of common bigrams, and the frequent ones of the sample, with the documents, counts and positions a scan finds', async () => {
    const cases = [
      { options: { sampleDocs: 2, commonShare: 0.5 }, sampleDocs: 2, phraseThreshold: 2 },
      { options: { sampleDocs: 100, commonShare: 0.3 }, sampleDocs: 6, phraseThreshold: 2 },
      // Common: in 3 of the first 4; a phrase gram also when in 2 of them (社会救助, 县级以上 … whose bigrams are not all common).
      { options: { sampleDocs: 4, commonShare: 0.75, phraseShare: 0.5 }, sampleDocs: 4, phraseThreshold: 2 },
    ];
    let frequentOnly = 0;
    for (const { options, sampleDocs, phraseThreshold } of cases) {
      const { manifest, source } = await build(options);
      const common = commonBigramSet(manifest.commonBigrams);
      expect(common.size).toBeGreaterThan(2);
      const grams3and4 = new Set<string>();
      for (const d of docs) for (const text of [d.title, d.text]) for (const n of [3, 4]) for (let i = 0; i + n <= text.length; i++) grams3and4.add(text.slice(i, i + n));
      let checked = 0;
      for (const gram of grams3and4) {
        const posting = await source.docPosting(gram);
        const inSample = docs.slice(0, sampleDocs).filter((d) => d.title.includes(gram) || d.text.includes(gram)).length;
        const frequent = inSample >= phraseThreshold;
        if (!allCommon(gram, common) && !frequent) {
          expect(posting, gram).toBeNull();
          continue;
        }
        if (!allCommon(gram, common)) frequentOnly++;
        checked++;
        await expectScanned(source, gram, posting);
      }
      expect(checked).toBeGreaterThan(5);
    }
    expect(frequentOnly).toBeGreaterThan(3);
  });

  it('with edge trigrams, writes every trigram of a common bigram and one in fewer than the phrase share of the sample, with what a scan finds', async () => {
    // Common: in 3 of the first 4 documents; a phrase bigram: in 2 of them.
    const options = { sampleDocs: 4, commonShare: 0.75, phraseShare: 0.5 };
    const sample = docs.slice(0, 4);
    const inSample = (gram: string) => sample.filter((d) => d.title.includes(gram) || d.text.includes(gram)).length;
    const common = (bigram: string) => inSample(bigram) >= 3;
    const phraseBigram = (bigram: string) => inSample(bigram) >= 2;
    const isEdge = (gram: string) => {
      const [a, b] = [gram.slice(0, 2), gram.slice(1, 3)];
      return (common(a) && !phraseBigram(b)) || (common(b) && !phraseBigram(a));
    };
    const without = await build(options);
    const { source } = await build({ ...options, edgeTrigrams: true });
    const trigrams = new Set<string>();
    // Punctuation aside: the index normalises it (，→ ,), the scan reads the text as written.
    for (const d of docs) for (const text of [d.title, d.text]) for (let i = 0; i + 3 <= text.length; i++) if (normalise(text.slice(i, i + 3)) === text.slice(i, i + 3)) trigrams.add(text.slice(i, i + 3));
    let edges = 0;
    for (const gram of trigrams) {
      const posting = await source.docPosting(gram);
      const before = await without.source.docPosting(gram);
      if (!isEdge(gram)) {
        // Rules 1 and 2 choose as before.
        expect(posting === null, gram).toBe(before === null);
        continue;
      }
      expect(before, gram).toBeNull();
      edges++;
      await expectScanned(source, gram, posting);
    }
    // 人民群 (民群 is in none of the sample), 政府支, 政府确 …; 人民政府's bigrams are all common and stay rule 1's.
    expect(edges).toBeGreaterThan(10);
    expect([isEdge('人民群'), isEdge('政府支'), isEdge('人民政')]).toEqual([true, true, false]);
  });

  it('writes no long phrase grams unless asked or the corpus is expected to be large, and says so in the manifest', async () => {
    const { source, manifest } = await build({ sampleDocs: 4, commonShare: 0.75, phraseShare: 0.5 });
    expect(await source.docPosting('县级以上人民')).toBeNull();
    expect(manifest.longPhraseGrams).toBe(false);
    expect((await build({ sampleDocs: 4, commonShare: 0.75, phraseShare: 0.5, longGrams: true })).manifest.longPhraseGrams).toBe(true);
    const files = new Map<string, Uint8Array>();
    const large = await buildSearchIndex(docs, { writeFile: (path, bytes) => void files.set(path, bytes), gramShards: 16, expectedDocs: LONG_GRAMS_FROM_DOCS });
    expect(large.manifest.longPhraseGrams).toBe(true);
    // Edge trigrams come with them (人民群: 人民 is common, 民群 is in one document of six).
    const indexFiles = createIndexFiles(async (path) => files.get(path)!);
    expect(await createPostingSource(indexFiles, 16).docPosting('人民群')).not.toBeNull();
    expect(await source.docPosting('人民群')).toBeNull();
  });

  it('writes the 5- to 8-grams in the phrase share of the sample as long phrase grams, with what a scan finds, and no other', async () => {
    let long = 0;
    for (const [options, sampleDocs, threshold] of [
      [{ sampleDocs: 4, commonShare: 0.75, phraseShare: 0.5, longGrams: true }, 4, 2],
      [{ sampleDocs: 100, commonShare: 0.3, phraseShare: 0.3, longGrams: true }, 6, 2],
    ] as const) {
      const { source } = await build(options);
      const grams = new Set<string>();
      for (const d of docs) for (const text of [d.title, d.text]) for (let n = 5; n <= 8; n++) for (let i = 0; i + n <= text.length; i++) grams.add(text.slice(i, i + n));
      for (const gram of grams) {
        const posting = await source.docPosting(gram);
        const inSample = docs.slice(0, sampleDocs).filter((d) => d.title.includes(gram) || d.text.includes(gram)).length;
        if (inSample < threshold) {
          expect(posting, gram).toBeNull();
          continue;
        }
        long++;
        await expectScanned(source, gram, posting);
      }
    }
    // 县级以上人民政府, 人民政府应当 … are in two of the sampled documents.
    expect(long).toBeGreaterThan(5);
  });

  it('gives the same exact counts with phrase grams as a plain substring scan, for every substring up to 8 characters', async () => {
    const files = new Map<string, Uint8Array>();
    for (const [longGrams, edgeTrigrams] of [[false, false], [true, false], [true, true], [false, true]] as const) {
      files.clear();
      await buildSearchIndex(docs, { writeFile: (path, bytes) => void files.set(path, bytes), gramShards: 16, phrases: { sampleDocs: 3, commonShare: 0.6, phraseShare: 0.3, longGrams, edgeTrigrams } });
      const client = createSearchClient({ fetchFile: async (path) => files.get(path)! });
      const parts = new Set<string>(['人民政府人民政府人民', '政府民政', '县级以上人民政府应当规划', '人民政府龘']);
      for (const d of docs) for (const text of [d.title, d.text]) for (let i = 0; i < text.length; i++) for (let n = 3; n <= 9 && i + n <= text.length; n++) parts.add(text.slice(i, i + n));
      for (const part of parts) {
        const expected = docs.filter((d) => d.title.includes(part) || d.text.includes(part)).length;
        expect((await client.search(part, { related: false, excerpts: false })).exactCount, `${part} (long grams ${longGrams}, edge trigrams ${edgeTrigrams})`).toBe(expected);
      }
    }
  });

  it('refuses phrase options that cannot choose a common set, naming both', async () => {
    await expect(build({ sampleDocs: 0 })).rejects.toThrow('search index: phrase options need sampleDocs ≥ 1, 0 < commonShare ≤ 1 and 0 < phraseShare ≤ 1, got 0, 0.2 and 0.02');
  });
});
