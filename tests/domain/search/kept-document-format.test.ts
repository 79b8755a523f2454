/** The kept-document format on its own: what goes in comes out, and a damaged one is refused whole. */
import { describe, expect, it } from 'vitest';
import { ByteWriter } from '../../../src/domain/search/bytes.ts';
import type { SearchDoc } from '../../../src/domain/search/format.ts';
import { KEPT_VERSION, KeptRecords, decodeKeptDocument, encodeKeptDocument, writeKeptRecord } from '../../../src/domain/search/kept-document.ts';

const doc: SearchDoc = {
  id: 'hunan/chenzhou/zixing/2023-h1-summary',
  url: '/documents/hunan/chenzhou/zixing/2023-h1-summary/',
  title: '资兴市民政局2023年上半年工作总结',
  text: '城市低保A类由500元/月.人提高至550元/月.人。',
  meta: { region: 'hunan/chenzhou/zixing', regionName: '资兴市', regionPath: ['hunan', 'chenzhou', 'zixing'], year: 2023, kind: 'summary', topics: [], date: '2023-07-10' },
};

/** Postings of two unigram records and one bigram record, as the indexer writes them. */
function postings(): Uint8Array {
  const keep = new ByteWriter(8);
  const counts = Uint8Array.of(4, 0, 2, 9, 9);
  keep.varint(2);
  writeKeptRecord(keep, 0x4f4e, counts, 0, 1);
  writeKeptRecord(keep, 0xffff, counts, 1, 3);
  keep.varint(1);
  writeKeptRecord(keep, 0x4f4e * 65536 + 0x4fdd, counts, 2, 5);
  return keep.toBytes();
}

describe('kept documents', () => {
  it('gives back the document and its postings record by record, unigrams first', () => {
    const { doc: back, postings: bytes } = decodeKeptDocument(encodeKeptDocument(doc, postings()));
    expect(back).toEqual(doc);
    const records = new KeptRecords(bytes);
    const seen: Array<[boolean, number, number[]]> = [];
    while (records.next()) seen.push([records.bigram, records.code, [...bytes.subarray(records.start, records.end)]]);
    expect(seen).toEqual([
      [false, 0x4f4e, [4]],
      [false, 0xffff, [0, 2]],
      [true, 0x4f4e * 65536 + 0x4fdd, [2, 9, 9]],
    ]);
  });

  it('walks a document without grams (an empty body) to its end at once', () => {
    const empty = new ByteWriter();
    empty.varint(0);
    empty.varint(0);
    const { postings: bytes } = decodeKeptDocument(encodeKeptDocument(doc, empty.toBytes()));
    expect(new KeptRecords(bytes).next()).toBe(false);
  });

  it('refuses another version, a cut, a gram that cannot exist and trailing bytes', () => {
    const kept = encodeKeptDocument(doc, postings());
    expect(kept[0]).toBe(KEPT_VERSION);
    expect(() => decodeKeptDocument(Uint8Array.of(KEPT_VERSION + 1, 0))).toThrow(`version ${KEPT_VERSION + 1}`);
    expect(() => decodeKeptDocument(kept.subarray(0, 20))).toThrow('cut short');
    expect(() => decodeKeptDocument(kept.subarray(0, kept.length - 1))).toThrow('cut short');
    expect(() => decodeKeptDocument(Uint8Array.of(...kept, 0))).toThrow('do not end where they should');
    const bad = new ByteWriter();
    bad.varint(1);
    writeKeptRecord(bad, 0x10000, Uint8Array.of(2), 0, 1);
    bad.varint(0);
    expect(() => decodeKeptDocument(encodeKeptDocument(doc, bad.toBytes()))).toThrow('cannot exist');
  });
});
