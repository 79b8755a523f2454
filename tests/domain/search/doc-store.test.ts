/**
 * The doc store: documents written by the builder's side are read back by the client's — doc table, dates and
 * text — and a long body is cut where a reader would cut it.
 */
import { describe, expect, it } from 'vitest';
import { DocStoreReader, DocStoreWriter, chunkStarts, decodeRecencyTier, encodeRecencyTier, recencyTiers, utf8Length } from '../../../src/domain/search/doc-store.ts';
import { DATE_BLOCK_SIZE, DOC_TABLE_SIZE, TEXT_CHUNK_LENGTH, TEXT_CHUNK_OVERLAP, type SearchDoc, type SearchManifest } from '../../../src/domain/search/format.ts';
import { createIndexFiles } from '../../../src/domain/search/index-files.ts';

function doc(i: number, text: string, date = `2023-01-${String((i % 28) + 1).padStart(2, '0')}`): SearchDoc {
  return {
    id: `d${i}`,
    url: `/documents/d${i}/`,
    title: `第${i}号文件`,
    text,
    meta: { region: 'shanghai', regionName: '上海市', regionPath: ['shanghai'], year: 2023, kind: 'plan', topics: [], date },
  };
}

/** Writes `docs` into memory and opens them with the client's reader. */
async function store(docs: SearchDoc[], fetched: string[] = []) {
  const files = new Map<string, Uint8Array>();
  const encoder = new TextEncoder();
  const out = {
    write: async (path: string, bytes: Uint8Array) => void files.set(path, bytes),
    writeJson: async (path: string, value: unknown) => void files.set(path, encoder.encode(JSON.stringify(value))),
  };
  const writer = new DocStoreWriter(out);
  for (const [i, d] of docs.entries()) await writer.add(i, d);
  await writer.finish();
  const manifest = { docCount: docs.length, docTableSize: DOC_TABLE_SIZE, dateBlockSize: DATE_BLOCK_SIZE, recencyTiers: writer.recencyTiers } as SearchManifest;
  const fetchFile = async (path: string) => {
    fetched.push(path);
    return files.get(path) ?? Promise.reject(new Error(`no ${path}`));
  };
  const reader = new DocStoreReader(createIndexFiles(fetchFile), manifest);
  return { files, reader, textFiles: writer.textFiles };
}

describe('doc store', () => {
  it('reads back every document\'s entry and date, across doc-table files', async () => {
    const docs = Array.from({ length: DOC_TABLE_SIZE + 3 }, (_, i) => doc(i, `正文${i}`, i === 4 ? '' : undefined));
    const { files, reader } = await store(docs);
    expect([...files.keys()].filter((p) => p.startsWith('d/'))).toEqual(['d/0.json', 'd/1.json']);
    const entry = await reader.entry(DOC_TABLE_SIZE + 1);
    expect(entry).toMatchObject({ id: `d${DOC_TABLE_SIZE + 1}`, title: `第${DOC_TABLE_SIZE + 1}号文件`, meta: docs[DOC_TABLE_SIZE + 1]!.meta });
    const dateOf = await reader.dates([{ docs: [0, 1, 4, DOC_TABLE_SIZE + 2], need: 4 }]);
    expect(dateOf(0)).toBe(Date.UTC(2023, 0, 1) / 86_400_000 - Date.UTC(1950, 0, 1) / 86_400_000 + 1);
    expect(dateOf(4)).toBe(0); // no date
    expect(dateOf(1)).toBe(dateOf(0) + 1);
    await expect(reader.entry(DOC_TABLE_SIZE + 3)).rejects.toThrow('missing');
  });

  it('cuts the documents newest first into tiers that never split a date, each in document order', () => {
    const dates = Uint16Array.from([5, 9, 9, 1, 9, 0, 5, 7, 7, 7]);
    expect(recencyTiers(dates, 2).map((t) => [...t])).toEqual([[1, 2, 4], [7, 8, 9], [0, 6], [3, 5]]);
    expect(recencyTiers(dates, 100).map((t) => t.length)).toEqual([10]);
    const tier = recencyTiers(dates, 2)[2]!;
    const decoded = decodeRecencyTier(encodeRecencyTier(tier, dates));
    expect([...decoded.docs]).toEqual([0, 6]);
    expect([...decoded.days]).toEqual([5, 5]);
  });

  it('dates the newest members of a large tie group from the first recency tiers, not from every date block', async () => {
    // Three date blocks' worth of documents, newest last: the newest of every third are in the first tier.
    const count = 2 * DATE_BLOCK_SIZE + 10;
    const docs = Array.from({ length: count }, (_, i) => doc(i, '', `2${String(10 + Math.floor((i * 17) / count)).padStart(3, '0')}-01-01`));
    const fetched: string[] = [];
    const { reader } = await store(docs, fetched);
    const group = Array.from({ length: Math.floor(count / 3) }, (_, k) => 3 * k);
    const dateOf = await reader.dates([{ docs: group, need: 10 }]);
    expect(fetched.filter((p) => p.startsWith('c/'))).toEqual([]);
    expect(fetched.filter((p) => p.startsWith('r/'))).toEqual(['r/0.bin']);
    // The ten newest of the group, as a plain sort of their true dates ranks them.
    const truthDay = (i: number) => Math.round((Date.parse(docs[i]!.meta.date) - Date.UTC(1950, 0, 1)) / 86_400_000) + 1;
    const byTruth = [...group].sort((a, b) => truthDay(b) - truthDay(a) || a - b).slice(0, 10);
    const byTiers = [...group].sort((a, b) => dateOf(b) - dateOf(a) || a - b).slice(0, 10);
    expect(byTiers).toEqual(byTruth);
    for (const d of byTiers) expect(dateOf(d)).toBe(truthDay(d));
    // A small group's dates come from its doc-table entries (one file here), not from a block of 16,384 dates.
    fetched.length = 0;
    const few = await reader.dates([{ docs: [1, 2], need: 2 }]);
    expect(fetched).toEqual(['d/0.json']);
    expect([few(1), few(2)]).toEqual([truthDay(1), truthDay(2)]);
    // Spread over forty doc-table files of one block, and needing all forty: the block is lighter.
    fetched.length = 0;
    const spread = Array.from({ length: 40 }, (_, k) => 1 + k * DOC_TABLE_SIZE);
    const many = await reader.dates([{ docs: spread, need: 40 }]);
    expect(fetched).toEqual(['c/0.bin']);
    for (const d of spread) expect(many(d)).toBe(truthDay(d));
  });

  it('dates a tie group wholly on the page from the doc-table entries the page reads anyway', async () => {
    const count = DATE_BLOCK_SIZE + 10;
    const docs = Array.from({ length: count }, (_, i) => doc(i, '', i % 5 === 0 ? '' : `20${String(10 + (i % 13)).padStart(2, '0')}-03-01`));
    const fetched: string[] = [];
    const { reader } = await store(docs, fetched);
    const group = Array.from({ length: 10 }, (_, k) => k * 1500);
    const dateOf = await reader.dates([{ docs: group, need: 10, onPage: true }]);
    expect(fetched.every((p) => p.startsWith('d/'))).toBe(true);
    expect(new Set(fetched).size).toBe(10);
    for (const d of group) expect(dateOf(d)).toBe(docs[d]!.meta.date === '' ? 0 : Math.round((Date.parse(docs[d]!.meta.date) - Date.UTC(1950, 0, 1)) / 86_400_000) + 1);
  });

  it('cuts an excerpt from the chunk where the match is, with its offset in the whole body', async () => {
    const line = '本段落用于填充文本长度。';
    const text = `${line.repeat(400)}\n临时救助由急难发生地直接实施。\n${line.repeat(400)}`;
    const { reader } = await store([doc(0, text)]);
    const entry = await reader.entry(0);
    expect(entry.text.length).toBeGreaterThan(2);
    const { excerpt, firstMatch } = await reader.excerpt(entry, ['急难发生地']);
    expect(firstMatch?.offset).toBe(text.indexOf('急难发生地'));
    expect(excerpt.text).toContain('临时救助由急难发生地直接实施。');
    expect((await reader.excerpt(entry, ['龘'])).firstMatch).toBeNull();
  });

  it('cuts a long body at line ends, else sentence ends, in the second half of each window', () => {
    const lines = Array.from({ length: 100 }, (_, i) => `第${i}条 ${'内容'.repeat(20)}。`).join('\n');
    const starts = chunkStarts(lines);
    expect(starts[0]).toBe(0);
    for (const [k, start] of starts.entries()) {
      if (k === 0) continue;
      expect(lines[start - 1]).toBe('\n');
      expect(start - starts[k - 1]!).toBeGreaterThan(TEXT_CHUNK_LENGTH / 2);
      expect(start - starts[k - 1]!).toBeLessThanOrEqual(TEXT_CHUNK_LENGTH);
    }
    const sentences = '社会救助。'.repeat(1500);
    expect(chunkStarts(sentences).slice(1).every((s) => sentences[s - 1] === '。')).toBe(true);
    expect(chunkStarts('')).toEqual([0]);
    expect(chunkStarts('短')).toEqual([0]);
  });

  it('stores each chunk with the overlap into the next, so a match across a cut is in one chunk', async () => {
    const text = Array.from({ length: 300 }, (_, i) => `第${i}项工作。`).join('\n');
    const { files, reader } = await store([doc(0, text)]);
    const entry = await reader.entry(0);
    const chunks = (JSON.parse(new TextDecoder().decode(files.get('t/0.json'))) as { chunks: string[] }).chunks;
    entry.text.forEach(([, slot, offset], k) => {
      const next = entry.text[k + 1]?.[2] ?? text.length;
      expect(chunks[slot]).toBe(text.slice(offset, Math.min(text.length, next + TEXT_CHUNK_OVERLAP)));
    });
  });

  it('packs text chunks into files of about 16 KB', async () => {
    const docs = Array.from({ length: 40 }, (_, i) => doc(i, '养老服务体系建设。'.repeat(100)));
    const { files, textFiles } = await store(docs);
    const texts = [...files.keys()].filter((p) => p.startsWith('t/'));
    expect(texts.length).toBe(textFiles);
    expect(textFiles).toBeGreaterThan(1);
    for (const path of texts.slice(0, -1)) expect(files.get(path)!.length).toBeLessThan(17 * 1024);
  });

  it('counts UTF-8 bytes as the encoder does, surrogate pairs included', () => {
    for (const text of ['', 'abc', 'é', '低保', '😀', 'a低😀é\n']) expect(utf8Length(text), text).toBe(new TextEncoder().encode(text).length);
  });
});
