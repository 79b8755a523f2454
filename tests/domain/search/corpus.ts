/**
 * The search quality test's corpora. `npm test` uses only material in the repository: the five seed texts,
 * the 60 real pages of tests/fixtures/ingest/pages, the bundled documents of content/documents and 300
 * documents the benchmark's generator (tools/corpus/generate.ts, fixed seed) assembles from those pages and
 * bodies. `npm run test:corpus` adds the laws corpus (`lawsDir`, tools/corpus/laws.ts): every 11th
 * file of its sorted paths, 316 of 3,475 legal texts, read in place and never copied into the repository.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { generateCorpus, planCorpus } from '../../../tools/corpus/generate.ts';
import { lawsDir, markdownFiles } from '../../../tools/corpus/laws.ts';
import { documentBlocks, type CorpusSources } from '../../../tools/corpus/text-sources.ts';
import { documentSources } from '../../../tools/corpus/write-corpus.ts';
import { splitFrontmatter } from '../../../src/domain/content/frontmatter.ts';
import { loadRegions } from '../../../src/domain/regions.ts';
import type { SearchDoc } from '../../../src/domain/search/index.ts';

export const repoRoot = resolve(import.meta.dirname, '../../..');
export const seedsRoot = join(repoRoot, 'tests/fixtures/seeds');
export const pagesRoot = join(repoRoot, 'tests/fixtures/ingest/pages');
const documentsRoot = join(repoRoot, 'content/documents');
/** Every LAWS_STRIDE-th file of the sorted laws paths is in the laws corpus run. */
export const LAWS_STRIDE = 11;
/** Generated documents in the repository corpus, and the generator's seed. */
export const GENERATED_DOCS = 300;
const GENERATOR_SEED = 13;

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

/** A plain text (a seed or a captured page) as a document: its first non-blank line is the title. */
export function textDoc(id: string, content: string, i: number): SearchDoc {
  const lines = content.replace(/\r\n?/g, '\n').split('\n');
  const first = lines.findIndex((line) => line.trim() !== '');
  return {
    id,
    url: `/documents/${id}/`,
    title: (lines[first] ?? '').trim() || id,
    text: lines.slice(first + 1).join('\n'),
    meta: metaFor(i),
  };
}

/** A content file (front matter, then the Markdown body) as a document: `title` is the title. */
export function contentDoc(id: string, content: string, i: number): SearchDoc {
  const { data, body } = splitFrontmatter(content);
  const title = (data as { title?: unknown }).title;
  return { id, url: `/documents/${id}/`, title: typeof title === 'string' ? title : id, text: body, meta: metaFor(i) };
}

/** A laws Markdown file as a document: its `# ` heading is the title, the rest the text. */
export function lawDoc(file: string, content: string, i: number): SearchDoc {
  const lines = content.split('\n');
  const heading = lines.findIndex((line) => line.startsWith('# '));
  const title = heading >= 0 ? (lines[heading] as string).slice(2).trim() : basename(file, '.md');
  const text = (heading >= 0 ? lines.slice(heading + 1) : lines).join('\n').replace('<!-- INFO END -->', '').trim();
  return { id: `laws/${file}`, url: `/documents/laws/${i}/`, title, text, meta: metaFor(i) };
}

const sortedFiles = (dir: string, suffix: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(suffix))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();

/** The captured pages: `NNN.txt`, 001–060. */
export const pageFiles = (): string[] => sortedFiles(pagesRoot, '.txt').filter((file) => /^\d{3}\.txt$/.test(file));

/**
 * What the generator assembles bodies from: the real pages, a line a block (they have no blank lines to cut
 * at), playing the part the laws play in the benchmark, and the bodies of the bundled documents.
 */
export function repositorySources(): CorpusSources {
  return {
    laws: pageFiles().map((file) => ({
      name: file,
      blocks: readFileSync(join(pagesRoot, file), 'utf8').split(/\r\n?|\n/).map((line) => line.trim()).filter((line) => line.length > 0).flatMap((line) => documentBlocks(line)),
    })),
    documents: documentSources(repoRoot),
  };
}

/** The seeds, first in every corpus. */
function seedDocs(): SearchDoc[] {
  return sortedFiles(seedsRoot, '.txt').map((file, i) => textDoc(`seeds/${file}`, readFileSync(join(seedsRoot, file), 'utf8'), i));
}

/** The corpus of `npm test`: seeds, real pages, bundled documents and generated documents, all from the repository. */
export function repositoryCorpus(): SearchDoc[] {
  const docs = seedDocs();
  for (const file of pageFiles()) docs.push(textDoc(`pages/${file}`, readFileSync(join(pagesRoot, file), 'utf8'), docs.length));
  for (const file of sortedFiles(documentsRoot, '.md')) docs.push(contentDoc(`documents/${file.replace(/\.md$/, '')}`, readFileSync(join(documentsRoot, file), 'utf8'), docs.length));
  const plan = planCorpus({ docs: GENERATED_DOCS, seed: GENERATOR_SEED }, loadRegions());
  for (const file of generateCorpus(plan, repositorySources())) docs.push(contentDoc(`generated/${file.path}`, file.text, docs.length));
  return docs;
}

/**
 * Sorted paths (relative to the laws root) of every Markdown text. Throws with what to do when the folder is
 * missing: a corpus run must fail, not pass on nothing.
 */
export function lawsFiles(root = lawsDir(repoRoot)): string[] {
  let files: string[];
  try {
    files = markdownFiles(root);
  } catch (error) {
    throw new Error(
      `The laws corpus is not at ${root} (3,475 Markdown texts, kept outside the repository). ` +
        'Put the shared corpus next to the project (../shared/corpus/laws) or set GONGKAI_LAWS_DIR to its folder.',
      { cause: error },
    );
  }
  if (files.length === 0) throw new Error(`No Markdown texts in the laws corpus at ${root}`);
  return files;
}

/** The corpus of `npm run test:corpus`: the seeds, then every LAWS_STRIDE-th laws text. */
export function lawsCorpus(root = lawsDir(repoRoot)): SearchDoc[] {
  const docs = seedDocs();
  const chosen = lawsFiles(root).filter((_, i) => i % LAWS_STRIDE === 0);
  for (const file of chosen) docs.push(lawDoc(file, readFileSync(join(root, file), 'utf8'), docs.length));
  return docs;
}

/** The queries of tests/fixtures/search/queries.txt. */
export function qualityQueries(): string[] {
  return readFileSync(join(repoRoot, 'tests/fixtures/search/queries.txt'), 'utf8')
    .split('\n')
    .map((line) => line.replace(/(^|\s)#.*$/u, '').trim())
    .filter((line) => line !== '');
}

/**
 * Writes the real pages into `dir` as laws-corpus files (`# <first line>`, then the text), so that the search
 * bench, which draws its documents from a laws folder, runs in `npm test` on repository material only.
 */
export function writePagesAsLawsFolder(dir: string): number {
  const files = pageFiles();
  for (const file of files) {
    const page = textDoc(file, readFileSync(join(pagesRoot, file), 'utf8'), 0);
    writeFileSync(join(dir, file.replace(/\.txt$/, '.md')), `# ${page.title}\n\n${page.text}\n`);
  }
  return files.length;
}
