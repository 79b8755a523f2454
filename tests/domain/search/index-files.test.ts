/** The client's index files: each fetched once, JSON parsed once, a failure retried, a foreign format refused. */
import { describe, expect, it } from 'vitest';
import { FORMAT_VERSION } from '../../../src/domain/search/format.ts';
import { createIndexFiles } from '../../../src/domain/search/index-files.ts';

describe('index files', () => {
  it('fetches a file once however often it is asked for, and counts what it fetched', async () => {
    const asked: string[] = [];
    const files = createIndexFiles(async (path) => {
      asked.push(path);
      return path.endsWith('.json') ? '{"chunks":["低保"]}' : new Uint8Array([1, 2, 3]).buffer;
    });
    const [a, b] = await Promise.all([files.file('g/0001.bin'), files.file('g/0001.bin')]);
    expect(a).toBe(b);
    expect([...a]).toEqual([1, 2, 3]);
    expect(await files.json('t/0.json')).toBe(await files.json('t/0.json'));
    expect(asked).toEqual(['g/0001.bin', 't/0.json']);
    expect(files.stats()).toEqual({ files: 2, bytes: 3 + new TextEncoder().encode('{"chunks":["低保"]}').length });
  });

  it('retries a file whose fetch failed', async () => {
    let up = false;
    const files = createIndexFiles(async () => {
      if (!up) throw new Error('network down');
      return new Uint8Array([7]);
    });
    await expect(files.file('c/0.bin')).rejects.toThrow('network down');
    up = true;
    expect([...(await files.file('c/0.bin'))]).toEqual([7]);
  });

  it('refuses an index of another format and reads one of its own', async () => {
    const foreign = createIndexFiles(async () => JSON.stringify({ format: FORMAT_VERSION + 1 }));
    await expect(foreign.manifest()).rejects.toThrow(`search index has format ${FORMAT_VERSION + 1}; this client reads format ${FORMAT_VERSION}`);
    const own = createIndexFiles(async () => JSON.stringify({ format: FORMAT_VERSION, docCount: 3 }));
    expect(await own.manifest()).toEqual({ format: FORMAT_VERSION, docCount: 3 });
  });
});
