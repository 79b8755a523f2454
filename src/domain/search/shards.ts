/**
 * Gram shards, `g/<shard>.bin`, and the `x/` files of their large grams: how the builder lays a shard's
 * postings out and how the client finds one gram's sections in them.
 *
 * A shard: varint(entry count), then per entry (in key order) varint(key length), the key's code units as
 * varints, varint(kind | ENTRY_EXTERNAL | ENTRY_SPLIT), varint(doc count), varint(doc section length),
 * varint(position section length); then the sections of the inline entries, each doc section followed by its
 * position section. An entry larger than `inlineMax` is external: its sections are in
 * `x/<shard>-<ordinal>.bin` (doc section, then positions), or, when its positions exceed
 * SPLIT_POSITIONS_BYTES, in `.d.bin` and `.p.bin` apart so that 1–2 character queries skip the positions.
 */
import { ByteReader, ByteWriter } from './bytes.ts';
import { ENTRY_EXTERNAL, ENTRY_SPLIT, SPLIT_POSITIONS_BYTES, externalPath, gramShardPath } from './format.ts';

/** One gram's postings as stored in a shard. */
export interface ShardEntry {
  key: string;
  kind: number;
  docCount: number;
  d: Uint8Array;
  p: Uint8Array;
}

/** Where a gram's postings are, as the client reads a shard. */
export interface ShardEntryRef {
  kind: number;
  docCount: number;
  dLength: number;
  pLength: number;
  /** Inline postings: offsets into the shard file. */
  dOffset: number;
  pOffset: number;
  /** Ordinal of the external files, or -1 when inline. */
  external: number;
  /** External postings in two files (`.d.bin`, `.p.bin`) rather than one. */
  split: boolean;
}

/** Encodes a gram shard; entries larger than `inlineMax` bytes are marked external (written by the caller). */
export function encodeShard(entries: readonly ShardEntry[], inlineMax: number): { bytes: Uint8Array; external: ShardEntry[] } {
  const head = new ByteWriter(1024);
  const external: ShardEntry[] = [];
  head.varint(entries.length);
  let dataLength = 0;
  for (const entry of entries) {
    head.varint(entry.key.length);
    for (let i = 0; i < entry.key.length; i++) head.varint(entry.key.charCodeAt(i));
    const isExternal = entry.d.length + entry.p.length > inlineMax;
    const split = isExternal && entry.p.length > SPLIT_POSITIONS_BYTES;
    head.varint(entry.kind | (isExternal ? ENTRY_EXTERNAL : 0) | (split ? ENTRY_SPLIT : 0));
    head.varint(entry.docCount);
    head.varint(entry.d.length);
    head.varint(entry.p.length);
    if (isExternal) external.push(entry);
    else dataLength += entry.d.length + entry.p.length;
  }
  const bytes = new Uint8Array(head.length + dataLength);
  bytes.set(head.view(), 0);
  let offset = head.length;
  for (const entry of entries) {
    if (entry.d.length + entry.p.length > inlineMax) continue;
    bytes.set(entry.d, offset);
    offset += entry.d.length;
    bytes.set(entry.p, offset);
    offset += entry.p.length;
  }
  return { bytes, external };
}

/** Every file of shard `shard` (its `g/` file first, then its `x/` files in ordinal order), and how many grams are external. */
export function shardFiles(shard: number, entries: readonly ShardEntry[], inlineMax: number): { files: Array<[path: string, bytes: Uint8Array]>; external: number } {
  const { bytes, external } = encodeShard(entries, inlineMax);
  const files: Array<[string, Uint8Array]> = [[gramShardPath(shard), bytes]];
  for (const [ordinal, entry] of external.entries()) {
    if (entry.p.length > SPLIT_POSITIONS_BYTES) {
      files.push([externalPath(shard, ordinal, 'd'), entry.d]);
      files.push([externalPath(shard, ordinal, 'p'), entry.p]);
    } else {
      const both = new Uint8Array(entry.d.length + entry.p.length);
      both.set(entry.d);
      both.set(entry.p, entry.d.length);
      files.push([externalPath(shard, ordinal, 'dp'), both]);
    }
  }
  return { files, external: external.length };
}

/** Reads a gram shard's directory: key → where its postings are. */
export function decodeShard(bytes: Uint8Array): Map<string, ShardEntryRef> {
  const reader = new ByteReader(bytes);
  const count = reader.varint();
  const refs: Array<[string, ShardEntryRef]> = [];
  let externalOrdinal = 0;
  for (let e = 0; e < count; e++) {
    const keyLength = reader.varint();
    let key = '';
    for (let i = 0; i < keyLength; i++) key += String.fromCharCode(reader.varint());
    const flags = reader.varint();
    const docCount = reader.varint();
    const dLength = reader.varint();
    const pLength = reader.varint();
    const isExternal = (flags & ENTRY_EXTERNAL) !== 0;
    refs.push([
      key,
      {
        kind: flags & 3,
        docCount,
        dLength,
        pLength,
        dOffset: 0,
        pOffset: 0,
        external: isExternal ? externalOrdinal++ : -1,
        split: (flags & ENTRY_SPLIT) !== 0,
      },
    ]);
  }
  let offset = reader.offset;
  for (const [, ref] of refs) {
    if (ref.external >= 0) {
      // One external file holds the doc list then the positions.
      if (!ref.split) ref.pOffset = ref.dLength;
      continue;
    }
    ref.dOffset = offset;
    ref.pOffset = offset + ref.dLength;
    offset += ref.dLength + ref.pLength;
  }
  return new Map(refs);
}

/** The file that holds a section of a gram of `shard`, and where in it: `[start, end)`. */
export function sectionLocation(shard: number, ref: ShardEntryRef, section: 'd' | 'p'): { path: string; start: number; end: number } {
  const length = section === 'd' ? ref.dLength : ref.pLength;
  if (ref.external >= 0 && ref.split) return { path: externalPath(shard, ref.external, section), start: 0, end: length };
  const path = ref.external >= 0 ? externalPath(shard, ref.external, 'dp') : gramShardPath(shard);
  const start = section === 'd' ? ref.dOffset : ref.pOffset;
  return { path, start, end: start + length };
}
