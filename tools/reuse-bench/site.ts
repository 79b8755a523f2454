/**
 * The shared-passage index over a content folder on disk, as the build computes it (src/lib/reuse.ts through
 * src/domain/reuse/site-passages.ts: bodies read from disk, parsed, the sentences kept in a cache folder when
 * given one), timed in CPU seconds; optionally every entry written out as JSON lines to compare two versions.
 *
 *   node tools/reuse-bench/site.ts --content DIR [--cache DIR] [--json FILE]
 *
 * --content DIR   the folder holding content/ (e.g. a bench corpus: <out>/corpus)
 * --cache DIR     keep and reuse the sentences there (the build's <cacheDir>/gongkai-reuse); without it nothing is kept
 * --json FILE     write each document's entry and view, the shares, every passage and pair in rank order, the
 *                 formulas and the /reuse/ view, one JSON value a line
 *
 * The cache key stands in for the store's digest with the SHA-1 of each document's file, computed before the clock
 * starts. Prints one JSON line: {"docs","sharing","cpu_s","wall_s","parsed","reused","load_avg"}.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { documentPathOf } from '../../src/domain/content/document-files.ts';
import { readSiteInput } from '../../src/domain/content/site-input.ts';
import { documentReuseView, reusePageView, type DocumentLabel } from '../../src/domain/reuse/reuse-views.ts';
import { siteSharedPassages } from '../../src/domain/reuse/site-passages.ts';
import { buildSiteModel } from '../../src/domain/site-model.ts';

const { values: args } = parseArgs({ options: { content: { type: 'string' }, cache: { type: 'string' }, json: { type: 'string' } } });
if (!args.content) throw new Error('--content DIR is required: the folder holding content/ (tools/reuse-bench/site.ts)');
const root = args.content;
const model = buildSiteModel(readSiteInput(root));
const digests = args.cache ? model.documents.map((doc) => createHash('sha1').update(readFileSync(join(root, documentPathOf(doc.id)))).digest('hex')) : [];

const cpu0 = process.cpuUsage();
const t0 = performance.now();
const { index, cache } = siteSharedPassages(
  root,
  model.documents.map((doc, d) => ({
    id: doc.id,
    region: doc.data.region,
    digest: digests[d],
    quotes: () => [...doc.data.metrics.map((m) => m.quote), ...model.reportedIn(doc.id).map(({ task }) => task.evidence.quote)],
  })),
  args.cache ? { dir: args.cache, version: 'tools/reuse-bench/site.ts' } : undefined,
  (message) => console.warn(message),
);
const cpu = process.cpuUsage(cpu0);
const figures = {
  docs: model.documents.length,
  sharing: index.byDocument.size,
  cpu_s: Math.round((cpu.user + cpu.system) / 1e4) / 100,
  wall_s: Math.round(performance.now() - t0) / 1000,
  parsed: cache?.parsed ?? null,
  reused: cache?.reused ?? null,
  load_avg: Math.round((loadavg()[0] ?? 0) * 100) / 100,
};
if (args.json) {
  const label = (id: string): DocumentLabel => {
    const doc = model.documentById.get(id)!;
    return { title: doc.data.title, region: doc.data.region, regionName: model.regions.fullName(doc.data.region) };
  };
  const lines: string[] = [];
  for (const [id, reuse] of index.byDocument) lines.push(JSON.stringify({ id, reuse, view: documentReuseView(reuse, label) }));
  lines.push(JSON.stringify(index.shares), JSON.stringify(index.passages.slice()), JSON.stringify(index.pairs.slice()), JSON.stringify(index.formulas), JSON.stringify(reusePageView(index, label)));
  writeFileSync(args.json, `${lines.join('\n')}\n`);
}
console.log(JSON.stringify(figures));
