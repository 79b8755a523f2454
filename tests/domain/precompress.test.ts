import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compressedForms, isPrecompressed, precompressDisabled, precompressMinBytes } from '../../src/domain/precompress.ts';

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
  it('decompress to the file and are smaller', async () => {
    const text = Buffer.from('城乡低保标准分别提高至每人每月780元、755元。'.repeat(200));
    const { br, gz } = await compressedForms(text);
    expect(br!.length).toBeLessThan(text.length);
    expect(gz!.length).toBeLessThan(text.length);
    expect(brotliDecompressSync(br!).equals(text)).toBe(true);
    expect(gunzipSync(gz!).equals(text)).toBe(true);
  });

  it('are left out when they would not be smaller, as for bytes that do not repeat', async () => {
    // A fixed-seed byte stream with no repetition (a linear congruential generator): nothing to compress.
    let state = 20261202;
    const noise = Buffer.alloc(4096, 0).map(() => ((state = (state * 1103515245 + 12345) >>> 0) >>> 24));
    expect(await compressedForms(noise)).toEqual({});
  });
});
