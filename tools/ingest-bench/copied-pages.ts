/**
 * Input for the ingest benchmark: text as a maintainer copies it from government pages, N bytes of it, from a
 * seed. Pure. The documents come from the benchmark corpus's one generator (tools/corpus/generate.ts, same
 * plan, same random streams) and are turned back into what their pages print: a title line, often the
 * 信息公开 header, headings without Markdown marks, tables flattened into `cell | cell |` rows, a site footer.
 *
 * The corpus draws its paragraphs at random from a limited set of source texts, so at 20 MB the same paragraph
 * comes back many times, and ingestion (rightly) drops a passage pasted twice: the benchmark would then measure
 * mostly dropping. Each copy is made distinct instead: a document's sentences are dealt into its paragraphs in
 * an order drawn from its own stream. The text stays real Chinese of the domain, and a paragraph of two to
 * five sentences is, but for chance, no other document's paragraph.
 */
import { planCorpus, generateDocument, type CorpusPlan } from '../corpus/generate.ts';
import { Random } from '../corpus/random.ts';
import type { CorpusSources } from '../corpus/text-sources.ts';
import { splitFrontmatter } from '../../src/domain/content/frontmatter.ts';
import type { Region } from '../../src/schemas/region.ts';

export interface CopiedPages {
  text: string;
  /** UTF-8 bytes of `text`. */
  bytes: number;
  /** How many documents it holds. */
  documents: number;
  /** Non-blank lines. */
  lines: number;
}

interface GeneratedFront {
  title?: string;
  publisher?: string;
  published?: string;
  source?: { index_no?: string; doc_no?: string };
}

/** Sentences of a paragraph, each with its closing punctuation (。！？；). */
function sentences(paragraph: string): string[] {
  return (paragraph.match(/[^。！？；]+[。！？；]?/g) ?? [paragraph]).map((sentence) => sentence.trim()).filter((sentence) => sentence !== '');
}

const isHeading = (block: string) => /^#{1,6} /.test(block);
const isTable = (block: string) => block.startsWith('|');

/**
 * The body's running text, made the document's own: all its paragraphs' sentences in an order drawn from
 * `random`, dealt back into paragraphs of two to five sentences where the paragraphs were. Headings and tables
 * stay as they are, where they are.
 */
function redealtBlocks(blocks: string[], random: Random): string[] {
  const pool = random.shuffle(blocks.filter((block) => !isHeading(block) && !isTable(block)).flatMap((block) => block.split('\n').flatMap(sentences)));
  const out: string[] = [];
  for (const block of blocks) {
    if (isHeading(block) || isTable(block)) {
      out.push(block);
      continue;
    }
    if (pool.length === 0) continue;
    const paragraph = pool.splice(0, random.int(2, 5)).join('');
    out.push(paragraph.replace(/[；，、：]$/, '。'));
  }
  if (pool.length > 0) out.push(pool.join('').replace(/[；，、：]$/, '。'));
  return out;
}

/** One Markdown block of a generated body as the page prints it, one or more lines. */
function printedBlock(block: string): string[] {
  if (isHeading(block)) return [block.replace(/^#{1,6} /, '')];
  if (isTable(block)) {
    // A copied table: each row `cell | cell |`, the Markdown separator row gone.
    return block
      .split('\n')
      .filter((row) => !/^\|(\s*-+\s*\|)+\s*$/.test(row))
      .map((row) => row.replace(/^\|\s*/, ''));
  }
  return [block];
}

/** A generated content file → the text of its page as copied: header, title, body, footer. */
export function copiedPage(fileText: string, random: Random): string {
  const { data, body } = splitFrontmatter(fileText);
  const front = data as GeneratedFront;
  const lines: string[] = [];
  if (random.chance(0.5)) lines.push('首页 > 政务公开 > 规划计划', '');
  if (random.chance(0.6)) {
    lines.push(`索引号：${front.source?.index_no ?? ''}`, `发布机构：${front.publisher ?? ''}`);
    if (front.published) lines.push(`发布日期：${front.published}`);
    if (front.source?.doc_no) lines.push(`文号：${front.source.doc_no}`);
    lines.push('');
  }
  if (front.title) lines.push(front.title, '');
  const blocks = body.split(/\n\s*\n/).map((block) => block.trim()).filter((block) => block !== '');
  for (const block of redealtBlocks(blocks, random)) lines.push(...printedBlock(block), '');
  if (random.chance(0.5)) lines.push('【打印本页】 【关闭窗口】', `版权所有：${front.publisher ?? '民政局'}`, '');
  return lines.join('\n');
}

/** Generated documents planned for a size: about 4 KB each, with room to spare. */
const documentsFor = (bytes: number) => Math.max(10, Math.ceil(bytes / 2000));

/**
 * Copied pages of the corpus of `seed`, one after another, until the text holds at least `bytes` UTF-8 bytes.
 * The same seed and sources give the same text.
 */
export function copiedPages(bytes: number, seed: number, sources: CorpusSources, regions: readonly Region[]): CopiedPages {
  const plan: CorpusPlan = planCorpus({ docs: documentsFor(bytes), seed }, regions);
  const pages: string[] = [];
  let size = 0;
  let index = 0;
  for (; size < bytes; index++) {
    if (index >= plan.documents.length) throw new Error(`the plan of ${plan.documents.length} documents made only ${size} of ${bytes} bytes`);
    const page = copiedPage(generateDocument(plan, index, sources).text, new Random(seed, 'copy', index));
    pages.push(page);
    size += Buffer.byteLength(page, 'utf8') + 1;
  }
  const text = pages.join('\n');
  return { text, bytes: Buffer.byteLength(text, 'utf8'), documents: index, lines: text.split('\n').filter((line) => line.trim() !== '').length };
}
