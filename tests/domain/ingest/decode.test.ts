import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../src/domain/ingest/decode.ts';
import { readInput } from '../../../src/domain/ingest/read-input.ts';
import { seedFiles, seedsDir } from './helpers.ts';

const text = '上半年,资兴市民政局在市委市政府的领导下,城市低保A类由500元/月.人提高至550元/月.人。\n一、前段工作开展情况\n';

function decoded(bytes: Uint8Array) {
  const result = decodeBytes(bytes);
  if (!result.ok) throw new Error(result.reason);
  return result;
}

describe('reading the bytes of a copy', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decoded(Buffer.from(text, 'utf8'))).toEqual({ ok: true, text, encoding: 'UTF-8' });
  });

  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const result = decoded(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
    expect(result.text).toBe(text);
    expect(result.encoding).toBe('UTF-8 with BOM');
  });

  it('reads GB18030', () => {
    const result = decoded(iconv.encode(text, 'gb18030'));
    expect(result.text).toBe(text);
    expect(result.encoding).toBe('GB18030/GBK');
  });

  it('reads GBK', () => {
    expect(decoded(iconv.encode(text, 'gbk')).text).toBe(text);
  });

  it('reads UTF-16LE with a BOM', () => {
    const result = decoded(iconv.encode(text, 'utf-16le', { addBOM: true }));
    expect(result.text).toBe(text);
    expect(result.encoding).toBe('UTF-16LE');
  });

  it('reads UTF-16BE with a BOM', () => {
    const result = decoded(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]));
    expect(result.text).toBe(text);
    expect(result.encoding).toBe('UTF-16BE');
  });

  it('reads UTF-16LE without a BOM', () => {
    const result = decoded(iconv.encode(text, 'utf-16le'));
    expect(result.text).toBe(text);
    expect(result.encoding).toBe('UTF-16LE (no BOM)');
  });

  it('refuses an empty file', () => {
    expect(decodeBytes(new Uint8Array())).toEqual({ ok: false, reason: 'the file is empty' });
  });

  it('refuses a file of whitespace only', () => {
    expect(decodeBytes(Buffer.from(' \n\r\n\t '))).toEqual({ ok: false, reason: 'the file is empty (only whitespace)' });
  });

  it('refuses a binary file with NUL bytes', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00]);
    const result = decodeBytes(png);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/^binary file/);
  });

  it('refuses text full of control characters', () => {
    const result = decodeBytes(Buffer.from('abc\u0001\u0002\u0003def\u0004\u0005ghi', 'utf8'));
    expect(result).toEqual({ ok: false, reason: 'binary file: it contains 5 control characters' });
  });
});

describe('reading an input file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ingest-read-'));

  it('names a path that does not exist as unreadable', () => {
    expect(readInput(join(dir, 'missing.txt'))).toEqual({ ok: false, reason: 'cannot read it: no such file' });
  });

  it('refuses a directory', () => {
    mkdirSync(join(dir, 'folder'));
    expect(readInput(join(dir, 'folder'))).toEqual({ ok: false, reason: 'it is a directory, not a file' });
  });

  it('refuses an empty file on disk', () => {
    writeFileSync(join(dir, 'empty.txt'), '');
    expect(readInput(join(dir, 'empty.txt'))).toEqual({ ok: false, reason: 'the file is empty' });
  });

  it('reads a GBK file on disk', () => {
    writeFileSync(join(dir, 'gbk.txt'), iconv.encode(text, 'gbk'));
    expect(readInput(join(dir, 'gbk.txt'))).toMatchObject({ ok: true, text });
  });
});

describe('strict decoding of damaged copies', () => {
  const seed = readFileSync(join(seedsDir, seedFiles.zixingHuanggu), 'utf8');
  /** Seed 002 as GB18030 with three characters' byte pairs replaced by an invalid pair (a lead byte, then 0xFF). */
  function damagedGb18030(): Buffer {
    const marked = seed.replace('前段', '\u0001段').replace('提高至', '提\u0001至').replace('民政局', '\u0001政局');
    const bytes = Buffer.from(iconv.encode(marked, 'gb18030'));
    const out: number[] = [];
    for (const b of bytes) out.push(...(b === 0x01 ? [0x81, 0xff] : [b]));
    return Buffer.from(out);
  }

  it('refuses seed 002 as GB18030 with three invalid byte pairs, naming each byte offset and line', () => {
    const result = decodeBytes(damagedGb18030());
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatchInlineSnapshot(`"damaged GB18030/GBK text: 3 invalid byte sequences at byte 194 (line 12): 0x81 0xFF; byte 441 (line 13): 0x81 0xFF; byte 2021 (line 16): 0x81 0xFF. Copy or save the page again, or ingest it with --allow-damaged to mark each damaged span 〖无法解码的字节 …〗 in the draft"`);
  });

  it('with allowDamaged marks each damaged span visibly and introduces no U+FFFD or private-use character', () => {
    const result = decodeBytes(damagedGb18030(), { allowDamaged: true });
    if (!result.ok) throw new Error(result.reason);
    expect(result.damage).toHaveLength(3);
    expect(result.text).not.toMatch(/[\ufffd\ue000-\uf8ff]/);
    expect(result.text.match(/〖[^〗]*〗/g)).toEqual(['〖无法解码的字节 81 FF〗', '〖无法解码的字节 81 FF〗', '〖无法解码的字节 81 FF〗']);
    // Everything but the three damaged characters reads exactly as the source.
    expect(result.text.replace(/〖[^〗]*〗/g, '\u0001')).toBe(seed.replace('前段', '\u0001段').replace('提高至', '提\u0001至').replace('民政局', '\u0001政局'));
  });

  it('refuses UTF-8 with one bad byte with its offset and line, not as a binary file', () => {
    const bytes = Buffer.from(seed, 'utf8');
    const at = bytes.indexOf(Buffer.from('民政局', 'utf8'));
    bytes[at] = 0xff;
    const result = decodeBytes(bytes);
    expect(!result.ok && result.reason).toMatchInlineSnapshot(`"damaged UTF-8 text: 1 invalid byte sequence at byte 218 (line 12): 0xFF 0xB0 0x91. Copy or save the page again, or ingest it with --allow-damaged to mark each damaged span 〖无法解码的字节 …〗 in the draft"`);
  });

  it('refuses UTF-16 with an unpaired surrogate with its offset and line', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('第一行\n第二行', 'utf-16le'), Buffer.from([0x00, 0xd8]), iconv.encode('完', 'utf-16le')]);
    const result = decodeBytes(bytes);
    expect(!result.ok && result.reason).toMatchInlineSnapshot(`"damaged UTF-16LE text: 1 invalid byte sequence at byte 16 (line 2): 0x00 0xD8. Copy or save the page again, or ingest it with --allow-damaged to mark each damaged span 〖无法解码的字节 …〗 in the draft"`);
  });
});
