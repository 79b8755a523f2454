import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compressedBase, keptFromPrevious, linkPreviousOutput, listOutputFiles, replaceFile, sweepStaleOutput, syncFolder, whyNotInPlace, writeStamp } from '../../src/domain/in-place-output.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'gongkai-in-place-output-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/** A published site with pages, a bundle, a search file and its compressed form. */
function publishedSite(): { dist: string; staging: string } {
  const dist = join(root, 'dist');
  write(join(dist, 'index.html'), 'home');
  write(join(dist, 'documents/a/index.html'), 'a');
  write(join(dist, 'documents/gone/index.html'), 'gone');
  write(join(dist, '_astro/app.123.js'), 'js');
  write(join(dist, 'search/t/0.json'), 'text');
  write(join(dist, 'search/t/0.json.br'), 'text, compressed');
  return { dist, staging: join(root, '.dist.building') };
}

describe('linkPreviousOutput', () => {
  it('links every file of the published site into the staging folder, except the bundle Vite writes natively', () => {
    const { dist, staging } = publishedSite();
    const linked = linkPreviousOutput(dist, staging);
    expect(linked.files).toBe(5);
    expect(listOutputFiles(staging).sort()).toEqual(['documents/a/index.html', 'documents/gone/index.html', 'index.html', 'search/t/0.json', 'search/t/0.json.br']);
    expect(statSync(join(staging, 'index.html')).ino).toBe(statSync(join(dist, 'index.html')).ino);
    expect(keptFromPrevious(join(staging, 'index.html'))).toBe(true);
  });
});

describe('replaceFile', () => {
  it('writes a new file under the old name, so the published file it was linked to keeps its bytes', () => {
    const { dist, staging } = publishedSite();
    linkPreviousOutput(dist, staging);
    replaceFile(join(staging, 'index.html'), 'new home');
    expect(readFileSync(join(staging, 'index.html'), 'utf8')).toBe('new home');
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe('home');
    expect(keptFromPrevious(join(staging, 'index.html'))).toBe(false);
    expect(readdirSync(staging).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('sweepStaleOutput', () => {
  it('removes a kept file the build no longer publishes, its compressed forms and the folders left empty, and nothing it wrote', () => {
    const { dist, staging } = publishedSite();
    write(join(dist, 'data/gone.csv'), 'x');
    write(join(dist, 'data/gone.csv.gz'), 'x, compressed');
    linkPreviousOutput(dist, staging);
    replaceFile(join(staging, 'index.html'), 'rendered again');
    write(join(staging, 'documents/new/index.html'), 'new');
    const swept = sweepStaleOutput(staging, (path) => path === 'documents/a/index.html', ['search']);
    expect(swept.removed.sort()).toEqual(['data/gone.csv', 'data/gone.csv.gz', 'documents/gone/index.html']);
    expect(existsSync(join(staging, 'documents/gone'))).toBe(false);
    expect(existsSync(join(staging, 'data'))).toBe(false);
    expect(listOutputFiles(staging).sort()).toEqual(['documents/a/index.html', 'documents/new/index.html', 'index.html', 'search/t/0.json', 'search/t/0.json.br']);
    // The published site is untouched.
    expect(readFileSync(join(dist, 'documents/gone/index.html'), 'utf8')).toBe('gone');
  });

  it('knows a compressed form by its ending', () => {
    expect(compressedBase('search/t/0.json.br')).toBe('search/t/0.json');
    expect(compressedBase('data/a.csv.gz')).toBe('data/a.csv');
    expect(compressedBase('data/a.csv')).toBeUndefined();
  });
});

describe('syncFolder', () => {
  it('leaves a file with the same bytes as the old linked file, renames in a changed or new one, and removes leftovers', () => {
    const { dist, staging } = publishedSite();
    write(join(dist, 'search/x/old.bin'), 'old');
    write(join(dist, 'search/index.html'), 'the search page');
    linkPreviousOutput(dist, staging);
    const made = join(root, 'index-staging');
    write(join(made, 't/0.json'), 'text');
    write(join(made, 'g/1.bin'), 'new shard');
    const before = statSync(join(staging, 'search/t/0.json')).ino;
    const synced = syncFolder(made, join(staging, 'search'), (path) => path === 'index.html');
    expect(synced).toEqual({ written: 1, unchanged: 1, removed: 1 });
    expect(statSync(join(staging, 'search/t/0.json')).ino).toBe(before);
    expect(readFileSync(join(staging, 'search/g/1.bin'), 'utf8')).toBe('new shard');
    expect(existsSync(join(staging, 'search/x'))).toBe(false);
    // The unchanged file keeps its compressed form (precompression decides on it); the search page stays.
    expect(listOutputFiles(join(staging, 'search')).sort()).toEqual(['g/1.bin', 'index.html', 't/0.json', 't/0.json.br']);
    expect(readFileSync(join(dist, 'search/x/old.bin'), 'utf8')).toBe('old');
  });

  it('takes a changed file with its new compressed forms, and drops an old form the new bytes did not get', () => {
    const { dist, staging } = publishedSite();
    write(join(dist, 'search/t/0.json.gz'), 'text, gzipped');
    linkPreviousOutput(dist, staging);
    const made = join(root, 'index-staging');
    // Changed: a new .br was made from the new bytes, no .gz (it was not smaller).
    write(join(made, 't/0.json'), 'new text');
    write(join(made, 't/0.json.br'), 'new text, compressed');
    const synced = syncFolder(made, join(staging, 'search'));
    expect(listOutputFiles(join(staging, 'search')).sort()).toEqual(['t/0.json', 't/0.json.br']);
    expect(readFileSync(join(staging, 'search/t/0.json.br'), 'utf8')).toBe('new text, compressed');
    expect(synced).toEqual({ written: 2, unchanged: 0, removed: 1 });
    // The live site is untouched.
    expect(readFileSync(join(dist, 'search/t/0.json.gz'), 'utf8')).toBe('text, gzipped');
  });

  it('keeps a file the writer left unwritten because the previous site already held its bytes', () => {
    const { dist, staging } = publishedSite();
    linkPreviousOutput(dist, staging);
    const synced = syncFolder(join(root, 'nothing-staged'), join(staging, 'search'), () => false, ['t/0.json']);
    expect(synced).toEqual({ written: 0, unchanged: 0, removed: 0 });
    expect(listOutputFiles(join(staging, 'search')).sort()).toEqual(['t/0.json', 't/0.json.br']);
  });

  it('writes every file into a folder no earlier build filled', () => {
    const made = join(root, 'made');
    write(join(made, 'a/b.json'), '{}');
    const synced = syncFolder(made, join(root, 'out'));
    expect(synced).toEqual({ written: 1, unchanged: 0, removed: 0 });
    expect(readFileSync(join(root, 'out/a/b.json'), 'utf8')).toBe('{}');
  });
});

describe('whyNotInPlace', () => {
  function publishedWithCache(): { dist: string; cache: string } {
    const { dist } = publishedSite();
    write(join(dist, 'search/manifest.json'), '{"version":"1"}');
    const cache = join(root, 'cache');
    write(join(cache, 'incremental-build.json'), '{"routes":{}}');
    writeStamp(dist, cache);
    return { dist, cache };
  }

  it('allows an output and a cache folder that one published build left', () => {
    const { dist, cache } = publishedWithCache();
    expect(whyNotInPlace(dist, cache)).toBeUndefined();
  });

  it('refuses when a build changed the cache folder without publishing (a failed build)', () => {
    const { dist, cache } = publishedWithCache();
    write(join(cache, 'incremental-build.json'), '{"routes":{"changed":{}}}');
    expect(whyNotInPlace(dist, cache)).toMatch(/Astro's cache folder changed since .*dist was published/);
  });

  it('refuses an output another build published (a CI job restoring output and cache of different runs)', () => {
    const { dist, cache } = publishedWithCache();
    write(join(dist, 'search/manifest.json'), '{"version":"2"}');
    expect(whyNotInPlace(dist, cache)).toMatch(/search\/manifest.json is not the one/);
  });

  it('refuses without a stamp, another output folder, or no output at all', () => {
    const { dist, cache } = publishedWithCache();
    expect(whyNotInPlace(join(root, 'other'), cache)).toMatch(/there is no .*other yet/);
    expect(whyNotInPlace(dist, join(root, 'empty-cache'))).toMatch(/gongkai-published.json does not say which build published/);
    write(join(root, 'elsewhere/index.html'), 'x');
    expect(whyNotInPlace(join(root, 'elsewhere'), cache)).toMatch(/last build was published to .*dist, not .*elsewhere/);
  });
});
