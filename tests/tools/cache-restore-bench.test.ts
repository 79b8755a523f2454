/** The cache bench's reading of a build log (tools/cache-restore-bench.ts): routes, restored routes, search reuse. */
import { describe, expect, it } from 'vitest';
import { childCpuSeconds, readBuildLog } from '../../tools/cache-restore-bench.ts';

// Lines as Astro 7 and the search integration print them (colours removed), from a rebuild with one document changed.
const log = `07:03:01 [build] Building static entrypoints...
 generating static routes 
07:03:02 ▶ src/pages/documents/[...id].astro
07:03:02   ├─ /documents/anhui/suzhou/xiaoxian/2015-year-task-list/index.html (+12ms) 
07:03:02   ├─ /documents/anhui/xuancheng/xuanzhou/2023-h2-summary/index.html (restored)
07:03:02   └─ /documents/hunan/chenzhou/zixing/2023-h1-summary/index.html (restored)
07:03:02 ▶ src/pages/feed.xml.ts
07:03:02   └─ /feed.xml (+3ms) 
07:03:03 [gongkai-search-index] [search] 39 documents reused from the cache, 1 tokenised, 1 no longer used dropped from it (kept: 0 MiB)
07:03:03 [build] 4 page(s) built in 2.10s
`;

describe('readBuildLog', () => {
  it('counts the routes written, those copied from the previous build, and the search documents reused', () => {
    expect(readBuildLog(log)).toEqual({ routes: 4, restored: 2, searchReused: 39, searchTokenised: 1 });
  });

  it('reads a coloured log as its text', () => {
    const coloured = log.replaceAll('├─', '\u001b[34m├─\u001b[39m').replaceAll('(restored)', '\u001b[2m(restored)\u001b[22m');
    expect(readBuildLog(coloured)).toEqual(readBuildLog(log));
  });

  it('counts nothing in a log without routes or a search line, rather than guessing', () => {
    expect(readBuildLog('07:03:01 [build] Complete!\n')).toEqual({ routes: 0, restored: 0, searchReused: 0, searchTokenised: 0 });
  });
});

describe('childCpuSeconds', () => {
  it('adds the user and system time of the children from the second line of bash\'s times', () => {
    expect(childCpuSeconds('0m0.004s 0m0.002s\n1m2.500s 0m3.250s\n')).toBeCloseTo(65.75, 6);
  });

  it('gives nothing for output that is not times\'s', () => {
    expect(childCpuSeconds('build: failed\n')).toBeUndefined();
  });
});
