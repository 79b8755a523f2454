/**
 * Search benchmark: generates N documents from the laws corpus ($GONGKAI_LAWS_DIR, default
 * ../shared/corpus/laws) and the seed texts, builds the search index into a folder, serves it over loopback
 * HTTP (gzip, like a static host) and runs the query set of tests/fixtures/search/queries.txt through the
 * browser client.
 *
 *   node_modules/.bin/node scripts/search-bench.ts --docs 10000 [--out DIR] [--spill] [--keep] [--verify] [--queries FILE]
 *
 * --out DIR     write the index there (kept) instead of a temporary folder
 * --spill       spill postings to disk while building (automatic above 20,000 documents)
 * --keep        keep the temporary index folder
 * --verify      regenerate the corpus and check every query's exact count against plain substring search
 * --queries F   query set, one per line (default tests/fixtures/search/queries.txt)
 *
 * Prints a readable summary, then one JSON line:
 *   {"docs","build_s","build_cpu_s","peak_rss_mb","index_mb","index_gzip_mb","index_files","query_p50_ms","query_p95_ms",
 *    "cached_p50_ms","cached_p95_ms","first_query_kb_p50","first_query_kb_p95","first_query_kb_max","queries","load_avg"}
 * Sizes of transfers are gzip bytes on the wire (response bodies), as a static host serving gzip sends them.
 */
import { createServer } from 'node:http';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { lawsDir } from '../src/domain/bench/laws-dir.ts';
import { loadRegions } from '../src/domain/regions.ts';
import { buildSearchIndex, createSearchClient, normalise, queryParts, type SearchDoc } from '../src/domain/search/index.ts';
import { directorySink, fileSpillStore, loadAbbreviations } from '../src/domain/search/node.ts';

const repoRoot = resolve(import.meta.dirname, '..');
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
const seedsRoot = join(repoRoot, 'tests/fixtures/seeds');

const log = (line: string) => process.stderr.write(`${line}\n`);

function listLaws(): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md')) files.push(path);
    }
  };
  walk(lawsRoot);
  return files.sort();
}

/** A small deterministic PRNG (mulberry32), so every run generates the same corpus. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const kindNames: Record<string, string> = { plan: '工作计划', summary: '工作总结', 'task-list': '重点工作任务清单' };
const topicIds = readdirSync(join(repoRoot, 'content/topics')).map((f) => f.replace(/\.yaml$/, '')).sort();

/** N documents of 5–10 KB: a window of a law's paragraphs with a paragraph of a seed text, spread over counties and years. */
function* generateDocs(n: number, progress = true): Generator<SearchDoc> {
  const laws = listLaws();
  const seeds = readdirSync(seedsRoot).sort().map((f) => readFileSync(join(seedsRoot, f), 'utf8').split('\n').filter((l) => l.trim().length > 20));
  const counties = loadRegions().filter((r) => r.level === 'county');
  const next = random(20260101);
  for (let i = 0; i < n; i++) {
    const file = laws[Math.floor(next() * laws.length)] as string;
    const content = readFileSync(file, 'utf8');
    const lines = content.split('\n');
    const lawTitle = (lines.find((l) => l.startsWith('# ')) ?? '# 文件').slice(2).trim();
    const paragraphs = lines.filter((l) => l.trim() !== '' && !l.startsWith('# ') && !l.startsWith('<!--'));
    const targetBytes = 5000 + Math.floor(next() * 5000);
    const from = Math.floor(next() * Math.max(1, paragraphs.length - 10));
    const seedLines = seeds[i % seeds.length] as string[];
    const body: string[] = [seedLines[Math.floor(next() * seedLines.length)] ?? ''];
    let bytes = Buffer.byteLength(body[0] as string);
    for (let k = from; bytes < targetBytes && k < from + paragraphs.length; k++) {
      const paragraph = paragraphs[k % paragraphs.length] as string;
      body.push(paragraph);
      bytes += Buffer.byteLength(paragraph) + 1;
    }
    const county = counties[Math.floor(next() * counties.length)] as (typeof counties)[number];
    const year = 2009 + Math.floor(next() * 18);
    const kind = (['plan', 'summary', 'task-list'] as const)[i % 3] as string;
    const month = 1 + Math.floor(next() * 12);
    const day = 1 + Math.floor(next() * 28);
    const topics = [topicIds[Math.floor(next() * topicIds.length)] as string];
    if (next() < 0.4) topics.push(topicIds[Math.floor(next() * topicIds.length)] as string);
    yield {
      id: `${county.slug}/${year}-${i}-${kind}`,
      url: `/documents/${county.slug}/${year}-${i}-${kind}/`,
      title: `${county.name}民政局${year}年${kindNames[kind]}（${lawTitle}）`,
      text: body.join('\n'),
      meta: {
        region: county.slug,
        regionName: county.name,
        regionPath: county.slug.split('/'),
        year,
        kind,
        topics: [...new Set(topics)],
        date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      },
    };
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
  const stats = await buildSearchIndex(generateDocs(docCount), {
    writeFile: directorySink(outDir),
    abbreviations: loadAbbreviations(join(repoRoot, 'content/search/abbreviations.yaml')),
    expectedDocs: docCount,
    ...(spill ? { spill } : {}),
  });
  spill?.dispose();
  const buildSeconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const buildCpuSeconds = (cpu.user + cpu.system) / 1e6;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  log(`built in ${round(buildSeconds)} s (${round(buildCpuSeconds)} s CPU), peak RSS ${Math.round(peakRssMb)} MB, ${stats.files} files, ${round(stats.bytes / 2 ** 20)} MB, ${stats.grams} grams (${stats.externalGrams} in their own files), ${stats.spills} spill(s)`);
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
    for (const doc of generateDocs(docCount, false)) {
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

function readdirRecursive(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...readdirRecursive(path));
    else if (statSync(path).isFile()) out.push(path);
  }
  return out;
}

await main();
