/** The site's colours and type are defined once (src/styles/tokens.css) and reach both the site and the feed page. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const tokensPath = 'src/styles/tokens.css';

/** Custom properties a stylesheet defines (`--text: …`) and uses (`var(--text)`). */
const defined = (css: string) => new Set([...css.matchAll(/(--[\w-]+)\s*:/g)].map((m) => m[1]!));
const used = (css: string) => new Set([...css.matchAll(/var\((--[\w-]+)/g)].map((m) => m[1]!));

const stylesheets = ['src/styles', 'public'].flatMap((folder) =>
  readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.css'))
    .map((name) => join(folder, name)),
);

describe('the site’s tokens', () => {
  it('are defined in tokens.css only: no other stylesheet of the site or the feed page repeats one', () => {
    const tokens = defined(read(tokensPath));
    expect(tokens).toContain('--accent');
    const repeated = stylesheets
      .filter((path) => path !== tokensPath)
      .flatMap((path) => [...defined(read(path))].filter((name) => tokens.has(name)).map((name) => `${path}: ${name}`));
    expect(repeated).toEqual([]);
  });

  it('are imported first by the site’s stylesheet', () => {
    expect(read('src/styles/global.css').startsWith("@import './tokens.css';")).toBe(true);
  });

  // src/pages/feed.css.ts writes tokens.css and feed.css into /feed.css (the e2e feed test checks the colours
  // arrive); a browser loads it alone when it opens a feed, so the feed page may use only what tokens.css defines.
  it('define every custom property the feed page uses', () => {
    const feed = read('src/styles/feed.css');
    const tokens = defined(read(tokensPath));
    expect(used(feed)).toContain('--accent');
    expect([...used(feed)].filter((name) => !tokens.has(name))).toEqual([]);
  });
});
