import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compressedForms, compressedFormsSync, compressionLevels, isPrecompressed, Precompressor, precompressDisabled, precompressMinBytes, precompressSummary } from '../../src/domain/precompress.ts';

describe('which built files are precompressed', () => {
  it('takes the search index and the data files from 1 KiB up', () => {
    expect(isPrecompressed('search/g/12.bin', precompressMinBytes)).toBe(true);
    expect(isPrecompressed('search/manifest.json', 5000)).toBe(true);
    expect(isPrecompressed('data/documents.csv', 5000)).toBe(true);
    expect(isPrecompressed('feed.xml', 5000)).toBe(true);
    expect(isPrecompressed('_astro/search.DfdeZY2o.js', 5000)).toBe(true);
  });

  it('leaves small files, pages and what does not compress to the host', () => {
    expect(isPrecompressed('search/g/12.bin', precompressMinBytes - 1)).toBe(false);
    expect(isPrecompressed('documents/anhui/index.html', 50_000)).toBe(false);
    expect(isPrecompressed('favicon.png', 50_000)).toBe(false);
    expect(isPrecompressed('search/g/12.bin.br', 50_000)).toBe(false);
  });

  it('is turned off by GONGKAI_PRECOMPRESS=0 only', () => {
    expect(precompressDisabled({ GONGKAI_PRECOMPRESS: '0' })).toBe(true);
    expect(precompressDisabled({})).toBe(false);
    expect(precompressDisabled({ GONGKAI_PRECOMPRESS: '1' })).toBe(false);
  });
});

describe('the compressed forms of a file', () => {
  it('use brotli 4 for the binary postings and 5 for text, gzip 6 for both (the same bytes as 9 in half the time)', () => {
    expect(compressionLevels('search/x/0a1.bin')).toEqual({ brotliQuality: 4, gzipLevel: 6 });
    expect(compressionLevels('search/t/12.json')).toEqual({ brotliQuality: 5, gzipLevel: 6 });
    expect(compressionLevels('data/metrics.csv')).toEqual({ brotliQuality: 5, gzipLevel: 6 });
  });


  it('decompress to the file and are smaller', async () => {
    const text = Buffer.from('城乡低保标准分别提高至每人每月780元、755元。'.repeat(200));
    const { br, gz } = await compressedForms(text, 'data/metrics.csv');
    expect(br!.length).toBeLessThan(text.length);
    expect(gz!.length).toBeLessThan(text.length);
    expect(brotliDecompressSync(br!).equals(text)).toBe(true);
    expect(gunzipSync(gz!).equals(text)).toBe(true);
  });

  it('are left out when they would not be smaller, as for bytes that do not repeat', async () => {
    // A fixed-seed byte stream with no repetition (a linear congruential generator): nothing to compress.
    let state = 20261202;
    const noise = Buffer.alloc(4096, 0).map(() => ((state = (state * 1103515245 + 12345) >>> 0) >>> 24));
    expect(await compressedForms(noise, 'search/g/1.bin')).toEqual({});
  });
});

describe('a precompressor', () => {
  it('writes the kept forms of the files the rule takes, beside them, and counts them', async () => {
    const written = new Map<string, Uint8Array>();
    const precompressor = new Precompressor((path, bytes) => written.set(path, bytes), { outputPrefix: 'search/', limit: 2 });
    const text = Buffer.from('城乡低保标准分别提高至每人每月780元、755元。'.repeat(200));
    for (let n = 0; n < 5; n++) await precompressor.add(`g/${n}.bin`, text);
    await precompressor.add('g/small.bin', Buffer.from('短'));
    const totals = await precompressor.drain();
    expect([...written.keys()].sort()).toEqual(['g/0.bin.br', 'g/0.bin.gz', 'g/1.bin.br', 'g/1.bin.gz', 'g/2.bin.br', 'g/2.bin.gz', 'g/3.bin.br', 'g/3.bin.gz', 'g/4.bin.br', 'g/4.bin.gz']);
    const expected = await compressedForms(text, 'g/3.bin');
    expect(Buffer.from(written.get('g/3.bin.br')!).equals(expected.br!)).toBe(true);
    expect(totals).toEqual({ files: 5, raw: 5 * text.length, br: 5 * expected.br!.length, gz: 5 * expected.gz!.length, brFiles: 5, gzFiles: 5 });
    expect(precompressSummary(totals)).toMatch(/^5 files precompressed \(\d+ KB\): 5 \.br \(\d+ KB\), 5 \.gz \(\d+ KB\)$/);
  });

  it('writes the same forms on the caller\'s thread as on the pool, before add() returns', async () => {
    const onPool = new Map<string, Uint8Array>();
    const onThread = new Map<string, Uint8Array>();
    const pool = new Precompressor((path, bytes) => onPool.set(path, bytes), { outputPrefix: 'search/' });
    const thread = new Precompressor((path, bytes) => onThread.set(path, bytes), { outputPrefix: 'search/', onThisThread: true });
    const files: Array<[string, Buffer]> = [
      ['g/1.bin', Buffer.from('城乡低保标准分别提高至每人每月780元、755元。'.repeat(200))],
      ['t/2.json', Buffer.from(JSON.stringify({ chunks: ['养老机构床位数达到1200张。'.repeat(150)] }))],
      ['g/small.bin', Buffer.from('短')],
    ];
    for (const [path, bytes] of files) {
      await pool.add(path, bytes);
      await thread.add(path, bytes);
      if (bytes.length >= precompressMinBytes) expect(onThread.has(`${path}.br`) && onThread.has(`${path}.gz`)).toBe(true);
    }
    expect(await thread.drain()).toEqual(await pool.drain());
    expect([...onThread.keys()].sort()).toEqual([...onPool.keys()].sort());
    for (const [path, bytes] of onPool) expect(Buffer.from(onThread.get(path)!).equals(bytes)).toBe(true);
    expect(compressedFormsSync(files[1]![1], 't/2.json')).toEqual(await compressedForms(files[1]![1], 't/2.json'));
  });

  it('fails on the caller\'s thread as on the pool: on the next add or on drain, naming the file', async () => {
    const precompressor = new Precompressor(() => {
      throw new Error('ENOSPC: no space left on device');
    }, { onThisThread: true });
    await precompressor.add('data/documents.csv', Buffer.from('区划,指标,数值\n'.repeat(500)));
    await expect(precompressor.drain()).rejects.toThrow('precompressing data/documents.csv: ENOSPC: no space left on device');
  });

  it('compresses what it was handed even when the caller reuses its buffer afterwards', async () => {
    const written = new Map<string, Uint8Array>();
    const precompressor = new Precompressor((path, bytes) => written.set(path, bytes));
    const buffer = Buffer.from('养老机构床位数达到1200张。'.repeat(300));
    const original = Buffer.from(buffer);
    await precompressor.add('data/a.csv', buffer);
    buffer.fill(0);
    await precompressor.drain();
    expect(brotliDecompressSync(written.get('data/a.csv.br')!).equals(original)).toBe(true);
  });

  it('fails on drain, naming the file, when a form cannot be written', async () => {
    const precompressor = new Precompressor(() => {
      throw new Error('ENOSPC: no space left on device');
    });
    await precompressor.add('data/documents.csv', Buffer.from('区划,指标,数值\n'.repeat(500)));
    await expect(precompressor.drain()).rejects.toThrow('precompressing data/documents.csv: ENOSPC: no space left on device');
  });
});
