/**
 * The guard of an in-place build (src/integrations/in-place-output.ts): once installed over an output folder,
 * every way node:fs writes a file there — the ones Astro, Vite and our integrations use — makes a new file
 * instead of writing into one linked to the published site. Outside the folder nothing changes.
 */
import fs, { copyFileSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { breakLinksOnWrite, inPlaceBuild } from '../../src/integrations/in-place-output.ts';

const root = mkdtempSync(join(tmpdir(), 'gongkai-in-place-guard-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const published = join(root, 'dist');
const output = join(root, '.dist.building');
mkdirSync(published);
mkdirSync(output);
breakLinksOnWrite(output);

/** A published file and its link in the output folder; returns the output path. */
function linked(name: string): string {
  writeFileSync(join(published, name), 'published');
  linkSync(join(published, name), join(output, name));
  return join(output, name);
}

describe('breakLinksOnWrite', () => {
  it('makes fs.promises.writeFile (Astro’s pages) write a new file', async () => {
    const path = linked('page.html');
    await fs.promises.writeFile(path, 'rendered');
    expect(readFileSync(path, 'utf8')).toBe('rendered');
    expect(readFileSync(join(published, 'page.html'), 'utf8')).toBe('published');
  });

  it('makes copyFileSync (Vite’s public folder) and named imports of node:fs and node:fs/promises do the same', async () => {
    writeFileSync(join(root, 'favicon.svg'), 'icon');
    const copied = linked('favicon.svg');
    copyFileSync(join(root, 'favicon.svg'), copied);
    const named = linked('named.txt');
    writeFileSync(named, 'named');
    const promised = linked('promised.txt');
    await writeFile(promised, 'promised');
    for (const name of ['favicon.svg', 'named.txt', 'promised.txt']) expect(readFileSync(join(published, name), 'utf8')).toBe('published');
    expect([readFileSync(copied, 'utf8'), readFileSync(named, 'utf8'), readFileSync(promised, 'utf8')]).toEqual(['icon', 'named', 'promised']);
  });

  it('makes a write stream and a file opened for writing start a new file', async () => {
    const streamed = linked('stream.txt');
    await new Promise<void>((done, fail) => fs.createWriteStream(streamed).on('error', fail).end('streamed', done));
    const opened = linked('opened.txt');
    const fd = fs.openSync(opened, 'w');
    fs.writeSync(fd, 'opened');
    fs.closeSync(fd);
    expect(readFileSync(join(published, 'stream.txt'), 'utf8')).toBe('published');
    expect(readFileSync(join(published, 'opened.txt'), 'utf8')).toBe('published');
    expect(readFileSync(opened, 'utf8')).toBe('opened');
  });

  it('leaves writes outside the output folder alone', () => {
    const outside = join(root, 'outside.txt');
    writeFileSync(join(published, 'shared.txt'), 'published');
    linkSync(join(published, 'shared.txt'), outside);
    writeFileSync(outside, 'through the link');
    expect(readFileSync(join(published, 'shared.txt'), 'utf8')).toBe('through the link');
  });
});

describe('inPlaceBuild', () => {
  it('is on only when scripts/build.ts says so', () => {
    expect(inPlaceBuild({ GONGKAI_IN_PLACE: '1' })).toBe(true);
    expect(inPlaceBuild({})).toBe(false);
    expect(inPlaceBuild({ GONGKAI_IN_PLACE: 'yes' })).toBe(false);
  });
});
