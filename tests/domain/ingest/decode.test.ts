import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../src/domain/ingest/decode.ts';
import { readInput } from '../../../src/domain/ingest/read-input.ts';

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
