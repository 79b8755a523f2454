/**
 * Search benchmark: builds the search index of N generated documents — the corpus of `npm run bench` (the one
 * generator, tools/corpus/generate.ts, seed 1, from the laws corpus at $GONGKAI_LAWS_DIR, default
 * ../shared/corpus/laws, and the bundled documents), each read as the site's search integration reads a file —
 * into a folder, serves it over loopback HTTP (gzip, like a static host) and runs the query set of
 * tests/fixtures/search/queries.txt through the browser client.
 *
 *   npm run bench:search -- --docs 10000 [--out DIR] [--spill] [--keep] [--verify] [--queries FILE]
 *
 * --out DIR     write the index there (kept) instead of a temporary folder
 * --spill       spill postings to disk while building (automatic above 20,000 documents)
 * --keep        keep the temporary index folder
 * --verify      regenerate the corpus and check every query's exact count against plain substring search
 * --queries F   query set, one per line (default tests/fixtures/search/queries.txt)
 *
 * Prints a readable summary, then one JSON line:
 *   {"docs","build_s","build_cpu_s","generate_s","peak_rss_mb","index_mb","index_gzip_mb","index_files","query_p50_ms",
 *    "query_p95_ms","cached_p50_ms","cached_p95_ms","first_query_kb_p50","first_query_kb_p95","first_query_kb_max","queries","load_avg"}
 * build_s and build_cpu_s are the indexing alone (a file read as the integration reads it, then indexed);
 * generate_s is the time spent making the documents' files, left out of them.
 * Sizes of transfers are gzip bytes on the wire (response bodies), as a static host serving gzip sends them.
 */
import { createServer } from 'node:http';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { loadRegions, RegionIndex } from '../../src/domain/regions.ts';
import { buildSearchIndex, createSearchClient, normalise, queryParts, type SearchDoc } from '../../src/domain/search/index.ts';
import { directorySink, fileSpillStore, loadAbbreviations } from '../../src/domain/search/node.ts';
import { searchDocument } from '../../src/integrations/search-index.ts';
import { generateDocument, planCorpus } from '../corpus/generate.ts';
import { lawsDir } from '../corpus/laws.ts';
import { readCorpusSources } from '../corpus/write-corpus.ts';
import { repoRoot } from '../site-build.ts';

const { values: args } = parseArgs({
  options: {
    docs: { type: 'string', default: '10000' },
    out: { type: 'string' },
    spill: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    verify: { type: 'boolean', default: false },
    queries: { type: 'string', default: join(repoRoot, 'tests/fixtures/search/queries.txt') },
  },
});
const docCount = Number(args.docs);
if (!Number.isInteger(docCount) || docCount < 1) throw new Error(`--docs must be a positive integer, got ${args.docs}`);
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

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

async function main(): Promise<void> {
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

  // Serve the folder over loopback with gzip, counting the bytes of each response body.
  const gzipped = new Map<string, Buffer>();
  let wireBytes = 0;
  let gzipTotal = 0;
  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/').replace(/^\/+/, '');
    const file = join(outDir, path);
    if (relative(outDir, file).startsWith('..')) {
      res.writeHead(403).end();
      return;
    }
    let body = gzipped.get(path);
    if (!body) {
      try {
        body = gzipSync(readFileSync(file));
      } catch {
        res.writeHead(404).end();
        return;
      }
      gzipped.set(path, body);
    }
    wireBytes += body.length;
    res.writeHead(200, { 'content-encoding': 'gzip', 'content-type': path.endsWith('.json') ? 'application/json' : 'application/octet-stream' });
    res.end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const fetchFile = async (path: string) => {
    const response = await fetch(`http://127.0.0.1:${port}/${path}`);
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
  const samples = queries.map(() => ({ ms: [] as number[], cachedMs: [] as number[], wireKb: 0, rawKb: 0, files: 0, exact: 0 }));
  for (let pass = 0; pass <= runs; pass++) {
    for (const [q, query] of queries.entries()) {
      const client = createSearchClient({ fetchFile });
      const wireBefore = wireBytes;
      const t0 = performance.now();
      const response = await client.search(query, { limit: 10 });
      const ms = performance.now() - t0;
      const wireKb = (wireBytes - wireBefore) / 1024;
      const t1 = performance.now();
      await client.search(query, { limit: 10 });
      const cachedMs = performance.now() - t1;
      if (pass === 0) continue;
      const sample = samples[q] as (typeof samples)[number];
      sample.ms.push(ms);
      sample.cachedMs.push(cachedMs);
      const { files, bytes } = client.stats();
      Object.assign(sample, { wireKb, rawKb: bytes / 1024, files, exact: response.exactCount });
    }
  }
  const median = (values: number[]) => percentile(values, 50);
  const measured = samples.map((s, q) => ({ ...s, query: queries[q] as string, ms: median(s.ms), cachedMs: median(s.cachedMs) }));
  server.close();

  for (const file of readdirRecursive(outDir)) gzipTotal += gzipped.get(relative(outDir, file))?.length ?? gzipSync(readFileSync(file)).length;

  // Truth by plain substring over the regenerated corpus (streamed, so it works at 100,000 documents too).
  let verified: boolean | undefined;
  if (args.verify) {
    const parts = queries.map((q) => queryParts(q));
    const truth = new Array<number>(queries.length).fill(0);
    for (const doc of generateDocs(false)) {
      const title = normalise(doc.title);
      const text = normalise(doc.text);
      parts.forEach((ps, q) => {
        if (ps.length > 0 && ps.every((p) => title.includes(p) || text.includes(p))) truth[q] = (truth[q] ?? 0) + 1;
      });
    }
    const wrong = measured.filter((m, q) => m.exact !== truth[q]);
    verified = wrong.length === 0;
    log(`verify: ${queries.length - wrong.length} of ${queries.length} exact counts equal plain substring search`);
    for (const m of wrong) log(`  ${m.query}: ${m.exact} ≠ ${truth[measured.indexOf(m)]}`);
  }

  const times = measured.map((m) => m.ms);
  const cached = measured.map((m) => m.cachedMs);
  const kbs = measured.map((m) => m.wireKb);
  log(`\n${queries.length} queries, first query on a fresh client over loopback (gzip), median of ${runs} runs each:`);
  log(`  time      p50 ${round(percentile(times, 50))} ms, p95 ${round(percentile(times, 95))} ms, max ${round(Math.max(...times))} ms`);
  log(`  cached    p50 ${round(percentile(cached, 50), 2)} ms, p95 ${round(percentile(cached, 95), 2)} ms`);
  log(`  transfer  p50 ${round(percentile(kbs, 50))} KB, p95 ${round(percentile(kbs, 95))} KB, max ${round(Math.max(...kbs))} KB (gzip on the wire)`);
  log('  heaviest first queries:');
  for (const m of [...measured].sort((a, b) => b.wireKb - a.wireKb).slice(0, 6)) {
    log(`    ${m.query.padEnd(12, '　')} ${round(m.wireKb)} KB gzip (${round(m.rawKb)} KB raw, ${m.files} files), ${round(m.ms)} ms, ${m.exact} exact`);
  }
  log(`machine load average ${round(loadavg()[0] ?? 0, 1)} (figures are wall-clock: a busy machine inflates them; build CPU time is steadier)`);
  log(`index: ${round(stats.bytes / 2 ** 20)} MB raw, ${round(gzipTotal / 2 ** 20)} MB gzip, in ${stats.files} files`);
  if (!args.keep && !args.out) rmSync(outDir, { recursive: true, force: true });

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
      queries: queries.length,
      load_avg: round(loadavg()[0] ?? 0, 1),
      ...(verified === undefined ? {} : { verified }),
    }),
  );
}

/** Every file under `dir`. */
function readdirRecursive(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

await main();
