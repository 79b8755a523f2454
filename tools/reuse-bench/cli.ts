/**
 * Shared-passage benchmark: N generated documents with planted copies (tools/corpus/generate.ts
 * `plantCopies`), each body read into text runs as the site does (src/domain/markdown/render-document.ts
 * `bodyTextRuns`), then the detection of src/domain/reuse/ timed on its own and judged by check.ts.
 *
 *   npm run bench:reuse -- --docs 10000 [--seed 1] [--plant-copies 50]
 *
 * --docs N           how many documents (default 10,000)
 * --seed S           seed of the corpus (default 1, the corpus of npm run bench)
 * --plant-copies N   every N-th plan or summary re-publishes another region's paragraph (default 50)
 *
 * The law texts come from $GONGKAI_LAWS_DIR (default ../shared/corpus/laws). Prints a summary, then one JSON
 * line: {"docs","planted","found","recall","claims","false_claims","runs_s","body_reads","detect_s","detect_cpu_s",
 * "heap_mb","retained_mb","pages_cpu_s","detect_peak_rss_mb","peak_rss_mb","documents_sharing","max_links","max_listed","max_passages","passages","pairs","formulas","load_avg"}.
 * No body is held: the detection asks for each when it needs it (every body once, then those whose sentences stand
 * elsewhere) and the judge once more per linked document. runs_s is generating those bodies and parsing them into
 * text runs during the detection, body_reads how many it asked for (the build reads as many from disk); detect_s and
 * detect_cpu_s the detection without them; heap_mb the heap and typed-array buffers it added, garbage included,
 * retained_mb what it keeps after a collection (the index the build holds); pages_cpu_s reading every document's
 * marks and links once, which the index builds when a page asks; detect_peak_rss_mb the process's peak RSS before
 * judging, peak_rss_mb after; max_links the most other documents holding some of one passage, max_listed the
 * longest 相同段落亦见于 list a page shows of them, max_passages the most passages one page lists.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { splitFrontmatter } from '../../src/domain/content/frontmatter.ts';
import { bodyTextRuns } from '../../src/domain/markdown/render-document.ts';
import { loadRegions } from '../../src/domain/regions.ts';
import { findSharedPassages, type ReuseDocument } from '../../src/domain/reuse/shared-passages.ts';
import { generateDocument, planCorpus, plantedCopies } from '../corpus/generate.ts';
import { lawsDir } from '../corpus/laws.ts';
import { readCorpusSources } from '../corpus/write-corpus.ts';
import { repoRoot } from '../site-build.ts';
import { checkReuse } from './check.ts';

const { values: args } = parseArgs({
  options: {
    docs: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    'plant-copies': { type: 'string', default: '50' },
  },
});
const docs = Number(args.docs);
const seed = Number(args.seed);
const every = Number(args['plant-copies']);
if (![docs, seed, every].every(Number.isInteger) || docs < 1 || every < 2) throw new Error('--docs, --seed and --plant-copies take whole numbers (--docs ≥ 1, --plant-copies ≥ 2)');

const regions = loadRegions();
const sources = readCorpusSources(lawsDir(repoRoot), repoRoot);
const plan = planCorpus({ docs, seed, plantCopies: every }, regions);
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

// The bodies are generated again whenever the detection or the judge asks for one, as the build re-reads them
// from disk: holding 100,000 bodies' runs at once is what the index must not need. The time spent making
// them is measured apart and taken out of the detection's.
let runsMs = 0;
let readCpuUs = 0;
let reads = 0;
const readBody = (i: number) => {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const { data: parsed, body } = splitFrontmatter(generateDocument(plan, i, sources).text);
  const data = parsed as { metrics?: { quote: string }[] };
  const runs = bodyTextRuns(body);
  runsMs += performance.now() - t0;
  const c = process.cpuUsage(c0);
  readCpuUs += c.user + c.system;
  reads++;
  return { runs, quotes: (data.metrics ?? []).map((m) => m.quote) };
};
const documents: ReuseDocument[] = plan.documents.map((planned) => ({ id: planned.id, region: planned.region.slug }));

global.gc?.();
// Typed arrays live outside the JavaScript heap: their buffers count as much as the objects they replace.
const heldBytes = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
const heapBefore = heldBytes();
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const index = findSharedPassages(documents, readBody);
const detectMs = performance.now() - t0 - runsMs;
const cpu = process.cpuUsage(cpu0);
const detectReads = reads;
const detectCpuUs = cpu.user + cpu.system - readCpuUs;
const heapMb = (heldBytes() - heapBefore) / 2 ** 20;
global.gc?.();
const retainedMb = (heldBytes() - heapBefore) / 2 ** 20;

// What the document pages then ask of the index: each document's marks and links, built when read.
const pagesCpu0 = process.cpuUsage();
let marked = 0;
// How long a page's lists get: the most other documents holding some of one passage, the longest 相同段落亦见于
// list (capped at the rule's maxListedDocuments, plus one per sentence none of those holds), the most passages on one page.
let maxLinks = 0;
let maxListed = 0;
let maxPassages = 0;
for (const reuse of index.byDocument.values()) {
  marked += reuse.marks.length;
  maxPassages = Math.max(maxPassages, reuse.passages.length);
  for (const passage of reuse.passages) {
    maxLinks = Math.max(maxLinks, passage.otherDocuments);
    maxListed = Math.max(maxListed, passage.alsoIn.length);
  }
}
const pagesCpu = process.cpuUsage(pagesCpu0);
const peakRssDetectMb = process.resourceUsage().maxRSS / 1024;

const check = checkReuse(
  index,
  documents.map((doc) => doc.id),
  (d) => readBody(d).runs.join(''),
  plantedCopies(plan),
);
const figures = {
  docs,
  planted: check.planted,
  found: check.found,
  recall: round(check.found / Math.max(1, check.planted), 4),
  claims: check.claims,
  false_claims: check.falseClaims.length,
  runs_s: round(runsMs / 1000),
  body_reads: detectReads,
  detect_s: round(detectMs / 1000),
  detect_cpu_s: round(detectCpuUs / 1e6),
  heap_mb: round(heapMb, 0),
  retained_mb: round(retainedMb, 0),
  pages_cpu_s: round((pagesCpu.user + pagesCpu.system) / 1e6),
  detect_peak_rss_mb: round(peakRssDetectMb, 0),
  peak_rss_mb: round(process.resourceUsage().maxRSS / 1024, 0),
  documents_sharing: index.byDocument.size,
  max_links: maxLinks,
  max_listed: maxListed,
  max_passages: maxPassages,
  passages: index.passages.length,
  pairs: index.pairs.length,
  formulas: index.formulas.length,
  load_avg: round(loadavg()[0] ?? 0),
};
console.log(`shared passages at ${docs} documents: ${check.found} of ${check.planted} planted copies found, ${check.falseClaims.length} false claims among ${check.claims} marked sentences`);
console.log(`  every document's marks and links read once (as the pages do): ${figures.pages_cpu_s} s CPU, ${marked} marks`);
console.log(`  detection ${figures.detect_s} s (${figures.detect_cpu_s} s CPU), ${figures.body_reads} bodies generated and read into runs ${figures.runs_s} s, heap +${figures.heap_mb} MB (+${figures.retained_mb} MB kept after GC), peak RSS ${figures.detect_peak_rss_mb} MB by then, ${figures.peak_rss_mb} MB after judging`);
for (const copy of check.missed.slice(0, 5)) console.log(`  missed: ${copy.target} ← ${copy.source}`);
for (const claim of check.falseClaims.slice(0, 5)) console.log(`  false claim: ${claim}`);
console.log(JSON.stringify(figures));
if (check.falseClaims.length > 0 || check.found < 0.99 * check.planted) process.exitCode = 1;
