/**
 * The quality test's corpus: the five seed texts plus every 11th file (sorted paths) of the laws corpus at
 * `$GONGKAI_LAWS_DIR` (default `../shared/corpus/laws`) — 316 of its 3,475 legal texts — read in place, never
 * copied into the repo.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import type { SearchDoc } from '../../../src/domain/search/index.ts';

export const repoRoot = resolve(import.meta.dirname, '../../..');
export const lawsRoot = resolve(process.env.GONGKAI_LAWS_DIR ?? resolve(repoRoot, '../shared/corpus/laws'));
export const seedsRoot = join(repoRoot, 'tests/fixtures/seeds');
/** Every LAWS_STRIDE-th file of the sorted laws paths is in the corpus. */
export const LAWS_STRIDE = 11;

const regions = [
  { path: ['shanghai', 'shanghai', 'chongming'], name: '崇明区' },
  { path: ['jiangsu', 'changzhou', 'jintan'], name: '金坛区' },
  { path: ['hunan', 'chenzhou', 'zixing'], name: '资兴市' },
  { path: ['liaoning', 'shenyang', 'huanggu'], name: '皇姑区' },
  { path: ['anhui', 'xuancheng', 'xuanzhou'], name: '宣州区' },
  { path: ['shanghai'], name: '上海市' },
];
const kinds = ['plan', 'summary', 'task-list'];
const topics = ['social-assistance', 'elderly-care', 'funeral-services', 'marriage-registration', 'charity'];

/** Sorted paths (relative to the laws root) of every Markdown text. */
export function lawsFiles(): string[] {
  if (!existsSync(lawsRoot)) {
    throw new Error(
      `The search quality test needs the laws corpus at ${lawsRoot} (3,475 Markdown texts, kept outside the repo). ` +
        'Put the shared corpus next to the project (../shared/corpus/laws) or set GONGKAI_LAWS_DIR to its folder, and run the test again.',
    );
  }
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md')) files.push(relative(lawsRoot, path));
    }
  };
  walk(lawsRoot);
  return files.sort();
}

/** Deterministic metadata for the i-th document (regions, years, kinds and topics spread evenly). */
export function metaFor(i: number): SearchDoc['meta'] {
  const region = regions[i % regions.length] as (typeof regions)[number];
  const year = 2009 + ((i * 7) % 18);
  const month = 1 + ((i * 5) % 12);
  const day = 1 + ((i * 13) % 28);
  return {
    region: region.path.join('/'),
    regionName: region.name,
    regionPath: region.path,
    year,
    kind: kinds[i % kinds.length] as string,
    topics: [topics[i % topics.length] as string, ...(i % 3 === 0 ? [topics[(i + 2) % topics.length] as string] : [])],
    date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
  };
}

/** A laws Markdown file as a document: its `# ` heading is the title, the rest the text. */
export function lawDoc(file: string, content: string, i: number): SearchDoc {
  const lines = content.split('\n');
  const heading = lines.findIndex((line) => line.startsWith('# '));
  const title = heading >= 0 ? (lines[heading] as string).slice(2).trim() : basename(file, '.md');
  const text = (heading >= 0 ? lines.slice(heading + 1) : lines).join('\n').replace('<!-- INFO END -->', '').trim();
  return { id: `laws/${file}`, url: `/documents/laws/${i}/`, title, text, meta: metaFor(i) };
}

/** A seed text as a document: its first line is the title (the sources print it there or a header line). */
export function seedDoc(file: string, content: string, i: number): SearchDoc {
  const lines = content.split('\n');
  return {
    id: `seeds/${file}`,
    url: `/documents/seeds/${i}/`,
    title: (lines[0] ?? file).trim() || file,
    text: lines.slice(1).join('\n'),
    meta: metaFor(i),
  };
}

/** The corpus: seeds first, then the chosen laws texts. */
export function qualityCorpus(): SearchDoc[] {
  const docs: SearchDoc[] = [];
  for (const file of readdirSync(seedsRoot).filter((f) => f.endsWith('.txt')).sort()) {
    docs.push(seedDoc(file, readFileSync(join(seedsRoot, file), 'utf8'), docs.length));
  }
  const chosen = lawsFiles().filter((_, i) => i % LAWS_STRIDE === 0);
  for (const file of chosen) docs.push(lawDoc(file, readFileSync(join(lawsRoot, file), 'utf8'), docs.length));
  return docs;
}

/** The queries of tests/fixtures/search/queries.txt. */
export function qualityQueries(): string[] {
  return readFileSync(join(repoRoot, 'tests/fixtures/search/queries.txt'), 'utf8')
    .split('\n')
    .map((line) => line.replace(/(^|\s)#.*$/u, '').trim())
    .filter((line) => line !== '');
}
