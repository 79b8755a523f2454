/**
 * The benchmark corpus on disk. Node only: reads the source texts (the laws folder and the bundled documents)
 * and writes a content root — `content/documents/**` generated, every other folder of the project's content/
 * (metrics, topics, search abbreviations…) copied — that a build can be pointed at with GONGKAI_CONTENT_ROOT.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { splitFrontmatter } from '../../src/domain/content/frontmatter.ts';
import { contentRootWithDefinitions } from '../site-build.ts';
import { generateDocument, type CorpusPlan } from './generate.ts';
import { markdownFiles } from './laws.ts';
import { documentBlocks, lawBlocks, type CorpusSources, type TextSource } from './text-sources.ts';

/**
 * Reads the laws under `lawsDir` and the bodies of `<projectRoot>/content/documents`, in a stable order, so
 * a seed gives the same corpus on every machine holding the same texts. The laws are read where they are,
 * never copied into the project.
 */
export function readCorpusSources(lawsDir: string, projectRoot: string): CorpusSources {
  let lawFiles: string[];
  try {
    lawFiles = markdownFiles(lawsDir);
  } catch (error) {
    throw new Error(`Cannot read the law texts in ${lawsDir}: give their folder with --laws DIR or GONGKAI_LAWS_DIR`, { cause: error });
  }
  if (lawFiles.length === 0) throw new Error(`No Markdown law texts in ${lawsDir}: give their folder with --laws DIR or GONGKAI_LAWS_DIR`);
  const laws: TextSource[] = lawFiles
    .map((file) => ({ name: file, blocks: lawBlocks(readFileSync(join(lawsDir, file), 'utf8')) }))
    .filter((source) => source.blocks.length > 0);
  const documents = documentSources(projectRoot);
  if (documents.length === 0) throw new Error(`No documents in ${join(projectRoot, 'content/documents')} to draw the domain's vocabulary from`);
  return { laws, documents };
}

/** The bodies of `<projectRoot>/content/documents`, in path order: the domain's own vocabulary. */
export function documentSources(projectRoot: string): TextSource[] {
  const documentsDir = join(projectRoot, 'content/documents');
  return markdownFiles(documentsDir).map((file) => ({
    name: `content/documents/${file}`,
    blocks: documentBlocks(splitFrontmatter(readFileSync(join(documentsDir, file), 'utf8')).body),
  }));
}

export interface WrittenCorpus {
  documents: number;
  bytes: number;
}

/**
 * Writes the corpus under `root` (which gets a `content/` folder): the generated documents and a copy of the
 * project's other content folders. `onProgress` is called every 1,000 documents.
 */
export function writeCorpus(
  root: string,
  plan: CorpusPlan,
  sources: CorpusSources,
  projectRoot: string,
  onProgress: (written: number) => void = () => {},
): WrittenCorpus {
  contentRootWithDefinitions(root, undefined, projectRoot);
  const made = new Set<string>();
  let bytes = 0;
  for (let i = 0; i < plan.documents.length; i++) {
    const file = generateDocument(plan, i, sources);
    const target = join(root, file.path);
    const folder = dirname(target);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    const data = Buffer.from(file.text, 'utf8');
    writeFileSync(target, data);
    bytes += data.length;
    if ((i + 1) % 1000 === 0) onProgress(i + 1);
  }
  return { documents: plan.documents.length, bytes };
}

/** Changes one document so a rebuild has something to publish: a sentence appended to its body. */
export function touchDocument(root: string, id: string, stamp: string): string {
  const file = join(root, 'content/documents', `${id}.md`);
  writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\n\n（本文于${stamp}更新。）\n`);
  return file;
}
