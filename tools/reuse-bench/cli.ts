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
 * line: {"docs","planted","found","recall","claims","false_claims","runs_s","detect_s","detect_cpu_s",
 * "heap_mb","retained_mb","pages_cpu_s","peak_rss_mb","documents_sharing","passages","pairs","formulas","load_avg"}. runs_s is the Markdown
 * parse into text runs (the build does it once per document); detect_s the detection alone; heap_mb the heap and
 * typed-array buffers it added, garbage included, retained_mb what it keeps after a collection (the index the build holds);
 * pages_cpu_s reading every document's marks and links once, which the index builds when a page asks.
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

let runsMs = 0;
const documents: ReuseDocument[] = plan.documents.map((planned, i) => {
  const file = generateDocument(plan, i, sources);
  const { data: parsed, body } = splitFrontmatter(file.text);
  const data = parsed as { region: string; metrics?: { quote: string }[] };
  const t0 = performance.now();
  const runs = bodyTextRuns(body);
  runsMs += performance.now() - t0;
  return { id: planned.id, region: data.region, runs, quotes: (data.metrics ?? []).map((m) => m.quote) };
});

global.gc?.();
// Typed arrays live outside the JavaScript heap: their buffers count as much as the objects they replace.
const heldBytes = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
const heapBefore = heldBytes();
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const index = findSharedPassages(documents);
const detectMs = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const heapMb = (heldBytes() - heapBefore) / 2 ** 20;
global.gc?.();
const retainedMb = (heldBytes() - heapBefore) / 2 ** 20;

// What the document pages then ask of the index: each document's marks and links, built when read.
const pagesCpu0 = process.cpuUsage();
let marked = 0;
for (const reuse of index.byDocument.values()) marked += reuse.marks.length;
const pagesCpu = process.cpuUsage(pagesCpu0);

const check = checkReuse(index, documents, plantedCopies(plan));
const figures = {
  docs,
  planted: check.planted,
  found: check.found,
  recall: round(check.found / Math.max(1, check.planted), 4),
  claims: check.claims,
  false_claims: check.falseClaims.length,
  runs_s: round(runsMs / 1000),
  detect_s: round(detectMs / 1000),
  detect_cpu_s: round((cpu.user + cpu.system) / 1e6),
  heap_mb: round(heapMb, 0),
  retained_mb: round(retainedMb, 0),
  pages_cpu_s: round((pagesCpu.user + pagesCpu.system) / 1e6),
  peak_rss_mb: round(process.resourceUsage().maxRSS / 1024, 0),
  documents_sharing: index.byDocument.size,
  passages: index.passages.length,
  pairs: index.pairs.length,
  formulas: index.formulas.length,
  load_avg: round(loadavg()[0] ?? 0),
};
console.log(`shared passages at ${docs} documents: ${check.found} of ${check.planted} planted copies found, ${check.falseClaims.length} false claims among ${check.claims} marked sentences`);
console.log(`  every document's marks and links read once (as the pages do): ${figures.pages_cpu_s} s CPU, ${marked} marks`);
console.log(`  detection ${figures.detect_s} s (${figures.detect_cpu_s} s CPU), Markdown into runs ${figures.runs_s} s, heap +${figures.heap_mb} MB (+${figures.retained_mb} MB kept after GC), peak RSS ${figures.peak_rss_mb} MB`);
for (const copy of check.missed.slice(0, 5)) console.log(`  missed: ${copy.target} ← ${copy.source}`);
for (const claim of check.falseClaims.slice(0, 5)) console.log(`  false claim: ${claim}`);
console.log(JSON.stringify(figures));
if (check.falseClaims.length > 0 || check.found < 0.99 * check.planted) process.exitCode = 1;
