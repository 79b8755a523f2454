/**
 * Search benchmark: builds the search index of N generated documents — the corpus of `npm run bench` (the one
 * generator, tools/corpus/generate.ts, seed 1, from the laws corpus at $GONGKAI_LAWS_DIR, default
 * ../shared/corpus/laws, and the bundled documents), each read as the site's search integration reads a file —
 * into a folder, serves it over loopback HTTP (gzip, like a static host) and runs the query set of
 * tests/fixtures/search/queries.txt through the browser client.
 *
 *   npm run bench:search -- --docs 10000 [--out DIR] [--spill] [--keep] [--verify] [--queries FILE]
 *   npm run bench:search -- --docs 2000 --pagefind [--pagefind-docs N]
 *
 * --out DIR     write the index there (kept) instead of a temporary folder
 * --index DIR   query the index an earlier run wrote there (--out) instead of building one: a change to the
 *               client only is measured on the very same files (build figures are then null)
 * --spill       spill postings to disk while building (automatic above 20,000 documents)
 * --keep        keep the temporary index folder
 * --verify      regenerate the corpus and check every query's exact count against plain substring search
 * --queries F   query set, one per line (default tests/fixtures/search/queries.txt)
 * --pagefind    also index the first --pagefind-docs of the same documents with Pagefind 1.6 and query it in
 *               Chromium (pagefind-run.ts); reports both side by side, with precision and recall against
 *               substring truth for ours, Pagefind's default queries and its quoted ("…") ones
 * --pagefind-docs N  how many documents Pagefind indexes (default 2,000, at most --docs); refused when its
 *               expected memory does not fit in what the machine has free (memory-guard.ts)
 *
 * Prints a readable summary, then one JSON line:
 *   {"docs","build_s","build_cpu_s","generate_s","peak_rss_mb","index_mb","index_gzip_mb","index_files","query_p50_ms",
 *    "query_p95_ms","cached_p50_ms","cached_p95_ms","first_query_kb_p50","first_query_kb_p95","first_query_kb_max","queries","load_avg"}
 * (then "verified" with --verify, and "pagefind" with --pagefind: see docs/search.md).
 * build_s and build_cpu_s are the indexing alone (a file read as the integration reads it, then indexed);
 * generate_s is the time spent making the documents' files, left out of them.
 * Sizes of transfers are bytes on the wire (response bodies), each file gzipped when that makes it smaller, as
 * a static host serving gzip sends them (gzip-server.ts).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadRegions, RegionIndex } from '../../src/domain/regions.ts';
import { buildSearchIndex, createSearchClient, type SearchDoc } from '../../src/domain/search/index.ts';
import { directorySink, fileSpillStore, loadAbbreviations } from '../../src/domain/search/node.ts';
import { searchDocument } from '../../src/integrations/search-index.ts';
import { generateDocument, planCorpus } from '../corpus/generate.ts';
import { lawsDir } from '../corpus/laws.ts';
import { readCorpusSources } from '../corpus/write-corpus.ts';
import { repoRoot } from '../site-build.ts';
import { serveForBench } from './gzip-server.ts';
import { pagefindMemoryDecision, parseMemAvailable } from './memory-guard.ts';
import { buildPagefindIndex, queryPagefind, resultsPerPage, type PagefindIndexFigures, type PagefindQueryRun } from './pagefind-run.ts';
import { pagefindPhraseQuery, percentile, queryRelevance, spread, SubstringTruth, summariseRelevance, type RelevanceSummary } from './relevance.ts';

const { values: args } = parseArgs({
  options: {
    docs: { type: 'string', default: '10000' },
    out: { type: 'string' },
    index: { type: 'string' },
    spill: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    verify: { type: 'boolean', default: false },
    queries: { type: 'string', default: join(repoRoot, 'tests/fixtures/search/queries.txt') },
    pagefind: { type: 'boolean', default: false },
    'pagefind-docs': { type: 'string', default: '2000' },
  },
});
const docCount = Number(args.docs);
if (!Number.isInteger(docCount) || docCount < 1) throw new Error(`--docs must be a positive integer, got ${args.docs}`);
const pagefindDocsAsked = Number(args['pagefind-docs']);
if (!Number.isInteger(pagefindDocsAsked) || pagefindDocsAsked < 1) throw new Error(`--pagefind-docs must be a positive integer, got ${args['pagefind-docs']}`);
/** Pagefind indexes the first documents of the same corpus; never more than ours. */
const pagefindDocs = Math.min(docCount, pagefindDocsAsked);
// Refuse before an hour of indexing, not after: Pagefind keeps its whole index in memory.
const pagefindMemory = args.pagefind ? pagefindMemoryDecision(pagefindDocs, parseMemAvailable(readFileSync('/proc/meminfo', 'utf8'))) : undefined;
if (pagefindMemory && !pagefindMemory.ok) {
  process.stderr.write(`search bench: --pagefind refused. ${pagefindMemory.reason}\n`);
  process.exit(2);
}
const lawsRoot = lawsDir(repoRoot);
/** The seed of `npm run bench`'s default corpus, so both benches measure the same documents. */
const corpusSeed = 1;

const log = (line: string) => process.stderr.write(`${line}\n`);

const regions = loadRegions();
const regionIndex = new RegionIndex(regions);
const sources = readCorpusSources(lawsRoot, repoRoot);
const plan = planCorpus({ docs: docCount, seed: corpusSeed }, regions);
/** Wall and CPU time spent generating files, which the build figures leave out. */
const generation = { ms: 0, cpuMicros: 0 };

/** The plan's documents one at a time, each as the search integration reads its file. */
function* generateDocs(progress = true): Generator<SearchDoc> {
  for (let i = 0; i < plan.documents.length; i++) {
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const file = generateDocument(plan, i, sources);
    const cpu = process.cpuUsage(cpu0);
    generation.cpuMicros += cpu.user + cpu.system;
    generation.ms += performance.now() - t0;
    yield searchDocument(file.path.replace(/^content\/documents\//, '').replace(/\.md$/, ''), file.text, regionIndex);
    if (progress && (i + 1) % 5000 === 0) log(`  … ${i + 1} documents indexed (${Math.round(process.memoryUsage().rss / 2 ** 20)} MB RSS)`);
  }
}

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Builds the index of the generated documents into --out (or a temporary folder), timed. */
async function build() {
  const outDir = args.out ? resolve(args.out) : mkdtempSync(join(tmpdir(), 'gongkai-search-'));
  rmSync(outDir, { recursive: true, force: true });
  const spill = args.spill || docCount > 20_000 ? fileSpillStore(join(outDir, '.spill')) : undefined;
  log(`search bench: ${docCount} documents from ${lawsRoot} → ${outDir}${spill ? ' (spilling runs to disk)' : ''}`);

  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const stats = await buildSearchIndex(generateDocs(), {
    writeFile: directorySink(outDir),
    abbreviations: loadAbbreviations(join(repoRoot, 'content/search/abbreviations.yaml')),
    expectedDocs: docCount,
    ...(spill ? { spill } : {}),
  });
  spill?.dispose();
  const buildSeconds = (performance.now() - started - generation.ms) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const buildCpuSeconds = (cpu.user + cpu.system - generation.cpuMicros) / 1e6;
  const generateSeconds = generation.ms / 1000;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  log(`built in ${round(buildSeconds)} s (${round(buildCpuSeconds)} s CPU; generating the files took ${round(generateSeconds)} s more), peak RSS ${Math.round(peakRssMb)} MB, ${stats.files} files, ${round(stats.bytes / 2 ** 20)} MB, ${stats.grams} grams (${stats.externalGrams} in their own files), ${stats.spills} spill(s)`);
  log(`  by folder (MB): ${Object.entries(stats.bytesByFolder).map(([k, v]) => `${k} ${round(v / 2 ** 20)}`).join(', ')}`);
  return { outDir, stats, buildSeconds, buildCpuSeconds, generateSeconds, peakRssMb };
}

async function main(): Promise<void> {
  const built = args.index ? undefined : await build();
  const outDir = built?.outDir ?? resolve(args.index as string);
  const indexFiles = readdirRecursive(outDir).filter((file) => !relative(outDir, file).startsWith('.'));
  const stats = built?.stats ?? { files: indexFiles.length, bytes: indexFiles.reduce((sum, file) => sum + statSync(file).size, 0) };
  if (!built) log(`search bench: querying the index in ${outDir} (${stats.files} files, not built by this run) for ${docCount} documents from ${lawsRoot}`);
  const { buildSeconds, buildCpuSeconds, generateSeconds, peakRssMb } = built ?? { buildSeconds: NaN, buildCpuSeconds: NaN, generateSeconds: NaN, peakRssMb: NaN };

  // Serve the folder over loopback with gzip, counting the bytes of each response body.
  const server = await serveForBench(outDir);
  const fetchFile = async (path: string) => {
    const response = await fetch(`${server.url}/${path}`);
    if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  };

  const queries = readFileSync(args.queries, 'utf8')
    .split('\n')
    .map((line) => line.replace(/(^|\s)#.*$/u, '').trim())
    .filter((line) => line !== '');

  // Pass 0 warms the server and the JIT; passes 1–3 measure: a fresh client per query (a first query, cold
  // cache, every file over loopback), then the same query again on that client (cached files). Each query's
  // time is the median of its three runs, so that a scheduling hiccup on a shared machine does not set p95.
  const runs = 3;
  // A first query is what the search page asks first: the exact results and counts (`related: false`); the
  // page then asks again for the related forms, when the query has any, on the same client — timed and
  // counted apart (relatedKb, relatedMs).
  const samples = queries.map(() => ({ ms: [] as number[], cachedMs: [] as number[], relatedMs: [] as number[], wireKb: 0, relatedKb: 0, rawKb: 0, files: 0, exact: 0 }));
  for (let pass = 0; pass <= runs; pass++) {
    for (const [q, query] of queries.entries()) {
      const client = createSearchClient({ fetchFile });
      const wireBefore = server.sentBytes();
      const t0 = performance.now();
      const response = await client.search(query, { limit: 10, related: false });
      const ms = performance.now() - t0;
      const wireKb = (server.sentBytes() - wireBefore) / 1024;
      const { files, bytes } = client.stats();
      const t1 = performance.now();
      if (response.relatedPending) await client.search(query, { limit: 10 });
      const relatedMs = performance.now() - t1;
      const relatedKb = (server.sentBytes() - wireBefore) / 1024 - wireKb;
      const t2 = performance.now();
      await client.search(query, { limit: 10 });
      const cachedMs = performance.now() - t2;
      if (pass === 0) continue;
      const sample = samples[q] as (typeof samples)[number];
      sample.ms.push(ms);
      sample.cachedMs.push(cachedMs);
      sample.relatedMs.push(relatedMs);
      Object.assign(sample, { wireKb, relatedKb, rawKb: bytes / 1024, files, exact: response.exactCount });
    }
  }
  const median = (values: number[]) => percentile(values, 50);
  const measured = samples.map((s, q) => ({ ...s, query: queries[q] as string, ms: median(s.ms), cachedMs: median(s.cachedMs), relatedMs: median(s.relatedMs) }));
  await server.close();

  let gzipTotal = 0;
  for (const file of readdirRecursive(outDir)) if (!relative(outDir, file).startsWith('.spill')) gzipTotal += server.wireSize(relative(outDir, file));

  // Truth by plain substring over the regenerated corpus (streamed, so it works at 100,000 documents too). With
  // --pagefind the same pass feeds Pagefind its first documents, so both indexes hold the very same ones.
  let verified: boolean | undefined;
  let pagefind: PagefindFigures | undefined;
  if (args.verify || args.pagefind) {
    const truth = new SubstringTruth(queries);
    const regenerated = generateDocs(false);
    const pagefindUrls = new Set<string>();
    const pagefindRoot = join(outDir, '.pagefind-site');
    let pagefindIndex: PagefindIndexFigures | undefined;
    if (args.pagefind) {
      // Only the first documents, without closing the generator: the rest still count for our truth.
      const firstDocs = function* (): Generator<SearchDoc> {
        while (pagefindUrls.size < pagefindDocs) {
          const next = regenerated.next();
          if (next.done) return;
          truth.add(next.value.url, next.value.title, next.value.text);
          pagefindUrls.add(next.value.url);
          yield next.value;
        }
      };
      log(`\nPagefind: indexing ${pagefindDocs} documents (memory budget ${((pagefindMemory?.budgetBytes ?? 0) / 2 ** 30).toFixed(1)} GiB) …`);
      pagefindIndex = await buildPagefindIndex(firstDocs(), pagefindRoot, pagefindMemory?.budgetBytes ?? 0, log);
    }
    for (let next = regenerated.next(); !next.done; next = regenerated.next()) truth.add(next.value.url, next.value.title, next.value.text);

    const wrong = measured.filter((m, q) => m.exact !== truth.relevant[q]?.length);
    verified = wrong.length === 0;
    log(`verify: ${queries.length - wrong.length} of ${queries.length} exact counts equal plain substring search`);
    for (const m of wrong) log(`  ${m.query}: ${m.exact} ≠ ${truth.relevant[measured.indexOf(m)]?.length}`);

    if (pagefindIndex) {
      pagefind = await measurePagefind(queries, truth, pagefindUrls, pagefindIndex, pagefindRoot, outDir);
      reportSideBySide(pagefind, { docs: docCount, buildSeconds, peakRssMb, files: stats.files, bytes: stats.bytes, gzipBytes: gzipTotal, kbs: measured.map((m) => m.wireKb) });
    }
  }

  const times = measured.map((m) => m.ms);
  const cached = measured.map((m) => m.cachedMs);
  const kbs = measured.map((m) => m.wireKb);
  const withRelatedKbs = measured.map((m) => m.wireKb + m.relatedKb);
  const withRelatedMs = measured.map((m) => m.ms + m.relatedMs);
  log(`\n${queries.length} queries, first query on a fresh client over loopback (gzip), median of ${runs} runs each:`);
  log(`  time      p50 ${round(percentile(times, 50))} ms, p95 ${round(percentile(times, 95))} ms, max ${round(Math.max(...times))} ms`);
  log(`  cached    p50 ${round(percentile(cached, 50), 2)} ms, p95 ${round(percentile(cached, 95), 2)} ms`);
  log(`  transfer  p50 ${round(percentile(kbs, 50))} KB, p95 ${round(percentile(kbs, 95))} KB, max ${round(Math.max(...kbs))} KB (gzip on the wire)`);
  log(`  then the related forms (the page's second search): with them, transfer p50 ${round(percentile(withRelatedKbs, 50))} KB, p95 ${round(percentile(withRelatedKbs, 95))} KB, max ${round(Math.max(...withRelatedKbs))} KB; time p50 ${round(percentile(withRelatedMs, 50))} ms, p95 ${round(percentile(withRelatedMs, 95))} ms`);
  log('  heaviest first queries:');
  for (const m of [...measured].sort((a, b) => b.wireKb - a.wireKb).slice(0, 6)) {
    log(`    ${m.query.padEnd(12, '　')} ${round(m.wireKb)} KB gzip (${round(m.rawKb)} KB raw, ${m.files} files), ${round(m.ms)} ms, ${m.exact} exact; related forms after it ${round(m.relatedKb)} KB`);
  }
  log(`machine load average ${round(loadavg()[0] ?? 0, 1)} (figures are wall-clock: a busy machine inflates them; build CPU time is steadier)`);
  log(`index: ${round(stats.bytes / 2 ** 20)} MB raw, ${round(gzipTotal / 2 ** 20)} MB gzip, in ${stats.files} files`);
  if (built && !args.keep && !args.out) rmSync(outDir, { recursive: true, force: true });

  console.log(
    JSON.stringify({
      docs: docCount,
      build_s: round(buildSeconds, 2),
      build_cpu_s: round(buildCpuSeconds, 2),
      generate_s: round(generateSeconds, 2),
      peak_rss_mb: Math.round(peakRssMb),
      index_mb: round(stats.bytes / 2 ** 20, 2),
      index_gzip_mb: round(gzipTotal / 2 ** 20, 2),
      index_files: stats.files,
      query_p50_ms: round(percentile(times, 50), 2),
      query_p95_ms: round(percentile(times, 95), 2),
      cached_p50_ms: round(percentile(cached, 50), 2),
      cached_p95_ms: round(percentile(cached, 95), 2),
      first_query_kb_p50: round(percentile(kbs, 50)),
      first_query_kb_p95: round(percentile(kbs, 95)),
      first_query_kb_max: round(Math.max(...kbs)),
      with_related_kb_p50: round(percentile(withRelatedKbs, 50)),
      with_related_kb_p95: round(percentile(withRelatedKbs, 95)),
      with_related_kb_max: round(Math.max(...withRelatedKbs)),
      with_related_p95_ms: round(percentile(withRelatedMs, 95), 2),
      queries: queries.length,
      load_avg: round(loadavg()[0] ?? 0, 1),
      ...(verified === undefined ? {} : { verified }),
      ...(pagefind === undefined ? {} : { pagefind: pagefindJson(pagefind) }),
    }),
  );
}

interface PagefindFigures {
  index: PagefindIndexFigures;
  /** First-query transfer of Pagefind, index files only (KB per query), and its client code (KB, the same for every query). */
  indexKbs: number[];
  codeKb: number;
  ms: number[];
  ours: RelevanceSummary;
  defaultQueries: RelevanceSummary;
  quotedQueries: RelevanceSummary;
}

/**
 * Precision and recall of ours (every exact result, read from the index on disk) and of Pagefind's default and
 * quoted queries (run in Chromium), each against substring truth over the documents that engine indexed.
 */
async function measurePagefind(
  queries: string[],
  truth: SubstringTruth,
  pagefindUrls: ReadonlySet<string>,
  index: PagefindIndexFigures,
  pagefindRoot: string,
  ourIndexDir: string,
): Promise<PagefindFigures> {
  const client = createSearchClient({ fetchFile: async (path) => new Uint8Array(readFileSync(join(ourIndexDir, path))) });
  const ourRows = [];
  for (const [q, query] of queries.entries()) {
    const { exactCount } = await client.search(query, { limit: 1 });
    const all = exactCount === 0 ? [] : (await client.search(query, { limit: exactCount })).results.filter((r) => r.exact).map((r) => r.url);
    ourRows.push(queryRelevance(query, all, truth.relevant[q] ?? []));
  }
  log(`Pagefind: ${queries.length} queries, then each quoted, every one in a fresh browser context …`);
  const searches = [...queries.map((query) => ({ query, searched: query })), ...queries.map((query) => ({ query, searched: pagefindPhraseQuery(query) }))];
  const runs = await queryPagefind(pagefindRoot, searches, log);
  const relevance = (slice: PagefindQueryRun[]) =>
    summariseRelevance(slice.map((run, q) => queryRelevance(run.query, run.urls, (truth.relevant[q] ?? []).filter((url) => pagefindUrls.has(url)))));
  const defaultRuns = runs.slice(0, queries.length);
  const quotedRuns = runs.slice(queries.length);
  return {
    index,
    indexKbs: defaultRuns.map((run) => run.indexBytes / 1024),
    codeKb: Math.max(...runs.map((run) => run.codeBytes)) / 1024,
    ms: defaultRuns.map((run) => run.ms),
    ours: summariseRelevance(ourRows),
    defaultQueries: relevance(defaultRuns),
    quotedQueries: relevance(quotedRuns),
  };
}

const formatShare = (x: number | undefined) => (x === undefined ? '–' : x.toFixed(2));
const describeRelevance = (r: RelevanceSummary) =>
  `precision ${formatShare(r.meanPrecision)}, recall ${formatShare(r.meanRecall)}, ${r.exact} of ${r.queries} exact; ` +
  `${r.absentWithResults.queries.length} of ${r.absent} queries in no document returned ${r.absentWithResults.minReturned}–${r.absentWithResults.maxReturned} pages; ` +
  `${r.presentWithNoHit.length} of ${r.present} that occur found none${r.presentWithNoHit.length > 0 ? ` (${r.presentWithNoHit.slice(0, 5).map((m) => `${m.query}: 0 of ${m.relevant}`).join(', ')})` : ''}`;

/** The side-by-side table of docs/search.md, printed as Markdown. */
function reportSideBySide(
  pf: PagefindFigures,
  ours: { docs: number; buildSeconds: number; peakRssMb: number; files: number; bytes: number; gzipBytes: number; kbs: number[] },
): void {
  const mb = (bytes: number) => `${round(bytes / 2 ** 20)} MB`;
  const kb = (values: number[]) => {
    const s = spread(values);
    return `${Math.round(s.p50)} / ${Math.round(s.p95)} / ${Math.round(s.max)} KB`;
  };
  const rows: Array<[string, string, string]> = [
    ['documents', `${ours.docs}`, `${pf.index.docs}`],
    ['index time, wall', `${round(ours.buildSeconds)} s`, `${round(pf.index.indexSeconds)} s (${round(pf.index.cpuSeconds)} s CPU)`],
    ['peak memory', `${Math.round(ours.peakRssMb)} MB (whole bench process)`, `${Math.round(pf.index.peakRssBytes / 2 ** 20)} MB (Pagefind process)`],
    ['index size: files, raw, gzip', `${ours.files}, ${mb(ours.bytes)}, ${mb(ours.gzipBytes)}`, `${pf.index.files}, ${mb(pf.index.bytes)}, ${mb(pf.index.wireBytes)}`],
    ['first query transfer p50 / p95 / max (index files, gzip)', kb(ours.kbs), `${kb(pf.indexKbs)} + ${Math.round(pf.codeKb)} KB of code`],
    ['precision / recall, default queries', `${formatShare(pf.ours.meanPrecision)} / ${formatShare(pf.ours.meanRecall)} (${pf.ours.exact} of ${pf.ours.queries} exact)`, `${formatShare(pf.defaultQueries.meanPrecision)} / ${formatShare(pf.defaultQueries.meanRecall)} (${pf.defaultQueries.exact} of ${pf.defaultQueries.queries} exact)`],
    ['precision / recall, quoted ("…")', '(same)', `${formatShare(pf.quotedQueries.meanPrecision)} / ${formatShare(pf.quotedQueries.meanRecall)} (${pf.quotedQueries.exact} of ${pf.quotedQueries.queries} exact)`],
  ];
  log('\nside by side (ours | Pagefind 1.6):');
  log('| | ours | Pagefind 1.6 |\n| --- | --- | --- |');
  for (const [what, a, b] of rows) log(`| ${what} | ${a} | ${b} |`);
  log(`ours:              ${describeRelevance(pf.ours)}`);
  log(`Pagefind default:  ${describeRelevance(pf.defaultQueries)}`);
  log(`Pagefind quoted:   ${describeRelevance(pf.quotedQueries)}`);
  log(`Pagefind first query in the page (import, search, data of the first ${resultsPerPage}): p50 ${round(percentile(pf.ms, 50))} ms, p95 ${round(percentile(pf.ms, 95))} ms`);
}

const relevanceJson = (r: RelevanceSummary) => ({
  mean_precision: r.meanPrecision === undefined ? null : round(r.meanPrecision, 3),
  mean_recall: r.meanRecall === undefined ? null : round(r.meanRecall, 3),
  exact_queries: r.exact,
  absent_queries: r.absent,
  absent_with_results: r.absentWithResults.queries.length,
  present_queries: r.present,
  present_with_no_hit: r.presentWithNoHit.length,
});

function pagefindJson(pf: PagefindFigures) {
  const kbs = spread(pf.indexKbs);
  const ms = spread(pf.ms);
  return {
    docs: pf.index.docs,
    index_s: round(pf.index.indexSeconds, 2),
    index_cpu_s: round(pf.index.cpuSeconds, 2),
    peak_rss_mb: Math.round(pf.index.peakRssBytes / 2 ** 20),
    index_files: pf.index.files,
    index_mb: round(pf.index.bytes / 2 ** 20, 2),
    index_gzip_mb: round(pf.index.wireBytes / 2 ** 20, 2),
    first_query_kb_p50: round(kbs.p50),
    first_query_kb_p95: round(kbs.p95),
    first_query_kb_max: round(kbs.max),
    code_kb: round(pf.codeKb),
    first_query_p50_ms: round(ms.p50, 1),
    first_query_p95_ms: round(ms.p95, 1),
    ours: relevanceJson(pf.ours),
    default: relevanceJson(pf.defaultQueries),
    quoted: relevanceJson(pf.quotedQueries),
  };
}

/** Every file under `dir`. */
function readdirRecursive(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

await main();
