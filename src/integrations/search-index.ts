/**
 * Writes the search index into `dist/search/` once the pages are built. Documents are streamed from
 * content/ one at a time (front matter + plain text of the body), so memory stays flat at 100,000
 * documents; the index itself is built by src/domain/search. Small and loud: it logs what it did and how
 * long it took, and rethrows with the cause.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { splitFrontmatter } from '../domain/content/frontmatter.ts';
import { bodyPlainText } from '../domain/markdown/render-document.ts';
import { loadRegions, RegionIndex } from '../domain/regions.ts';
import { buildSearchIndex, type SearchDoc } from '../domain/search/index.ts';
import { directorySink, fileSpillStore, loadAbbreviations } from '../domain/search/node.ts';
import type { DocumentFrontmatter } from '../schemas/document.ts';

/** Above this many documents the builder spills its runs to disk instead of holding them in memory. */
const spillThreshold = 20_000;

function documentFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** The documents as the search sees them: title, plain body text and the facets the search page filters by. */
export function* searchDocuments(contentRoot: string, files: string[], regions: RegionIndex): Generator<SearchDoc> {
  const documentsDir = join(contentRoot, 'content/documents');
  for (const file of files) {
    const { data, body } = splitFrontmatter(readFileSync(file, 'utf8'));
    const fm = data as DocumentFrontmatter; // validated by the content loaders before any page was built
    const id = relative(documentsDir, file).split(sep).join('/').replace(/\.md$/, '');
    const region = regions.bySlug.get(fm.region);
    yield {
      id,
      url: `/documents/${id}/`,
      title: fm.title,
      text: bodyPlainText(body),
      meta: {
        region: fm.region,
        regionName: region?.name ?? fm.region,
        regionPath: fm.region.split('/'),
        year: fm.period.year,
        kind: fm.kind,
        topics: fm.topics ?? [],
        date: String(fm.published ?? fm.written ?? ''),
      },
    };
  }
}

export function searchIndex(): AstroIntegration {
  let projectRoot = process.cwd();
  return {
    name: 'gongkai-search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        projectRoot = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const contentRoot = process.env.GONGKAI_CONTENT_ROOT ?? projectRoot;
        const files = documentFiles(join(contentRoot, 'content/documents'));
        const abbreviationsFile = join(projectRoot, 'content/search/abbreviations.yaml');
        const spill = files.length > spillThreshold ? fileSpillStore(mkdtempSync(join(tmpdir(), 'gongkai-search-'))) : undefined;
        try {
          const stats = await buildSearchIndex(searchDocuments(contentRoot, files, new RegionIndex(loadRegions())), {
            writeFile: directorySink(join(fileURLToPath(dir), 'search')),
            abbreviations: loadAbbreviations(abbreviationsFile),
            expectedDocs: files.length,
            ...(spill ? { spill } : {}),
          });
          const seconds = ((performance.now() - started) / 1000).toFixed(1);
          logger.info(`[search] indexed ${files.length} documents in ${seconds} s: ${stats.files} files, ${(stats.bytes / 1024).toFixed(0)} KB`);
        } catch (error) {
          throw new Error(`Building the search index failed: ${(error as Error).message}`, { cause: error });
        } finally {
          spill?.dispose();
        }
      },
    },
  };
}
