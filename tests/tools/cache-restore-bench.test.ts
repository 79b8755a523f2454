/** The cache bench's reading of a build log (tools/cache-restore-bench.ts): routes, restored routes, search reuse. */
import { describe, expect, it } from 'vitest';
import { readBuildLog } from '../../tools/cache-restore-bench.ts';

// Lines as Astro 7 and the search integration print them (FORCE_COLOR=0), from a rebuild with one document changed.
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

  it('counts nothing in a log without routes or a search line, rather than guessing', () => {
    expect(readBuildLog('07:03:01 [build] Complete!\n')).toEqual({ routes: 0, restored: 0, searchReused: 0, searchTokenised: 0 });
  });
});
