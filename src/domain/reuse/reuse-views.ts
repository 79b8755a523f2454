/**
 * What readers see of the shared-passage index (src/domain/reuse/shared-passages.ts): the list on a document
 * page, the /reuse/ page, and the per-document share in open data. Pure: src/lib/reuse.ts passes the index
 * and the names. Shares are the site's own count of letters, digits and ideographs, never a number from a
 * document, and the pages say so.
 */
import { recordsToCsv } from '../csv.ts';
import { absoluteUrl, documentAnchorUrl, documentPath, sharedPassagesFragment } from '../urls.ts';
import type { DocumentReuse, ReuseIndex } from './shared-passages.ts';

export interface DocumentLabel {
  title: string;
  /** e.g. `湖南省 郴州市 资兴市`. */
  regionName: string;
  region: string;
}

export interface PassageLinkView {
  href: string;
  title: string;
  regionName: string;
}

export interface SharedPassageView {
  number: number;
  /** The passage's first sentence on this page. */
  href: string;
  excerpt: string;
  alsoIn: PassageLinkView[];
  /** e.g. `另有 387 份文件也含有这段中的句子，未逐一列出。`; empty when every document is listed. */
  unlisted: string;
}

export interface DocumentReuseView {
  passages: SharedPassageView[];
  /** e.g. `本文约 12% 的文字（按字数计）亦见于其他 1 份文件。` */
  summary: string;
}

const excerptChars = 80;

function excerpt(text: string): string {
  const chars = [...text];
  return chars.length > excerptChars ? `${chars.slice(0, excerptChars).join('')}……` : text;
}

/** Whole percent, but never 0 % for a share that exists nor 100 % for one that is not whole. */
export function percentLabel(part: number, whole: number): string {
  if (whole <= 0 || part <= 0) return '0%';
  const percent = Math.round((100 * part) / whole);
  return `${Math.min(part < whole ? 99 : 100, Math.max(1, percent))}%`;
}

export function documentReuseView(reuse: DocumentReuse, label: (id: string) => DocumentLabel): DocumentReuseView {
  return {
    passages: reuse.passages.map((passage) => ({
      number: passage.number,
      href: `#${passage.anchor}`,
      excerpt: excerpt(passage.text),
      alsoIn: passage.alsoIn.map((link) => {
        const { title, regionName } = label(link.document);
        return { href: documentAnchorUrl(link.document, link.anchor), title, regionName };
      }),
      unlisted: passage.otherDocuments > passage.alsoIn.length ? `另有 ${passage.otherDocuments - passage.alsoIn.length} 份文件也含有这段中的句子，未逐一列出。` : '',
    })),
    summary: `本文约 ${percentLabel(reuse.sharedChars, reuse.totalChars)} 的文字（按字数计）亦见于其他 ${reuse.sharedWith} 份文件。`,
  };
}

export interface ReusePageView {
  documentCount: number;
  documentsWithShared: number;
  passages: { excerpt: string; chars: number; regions: number; occurrences: PassageLinkView[] }[];
  pairs: { documents: [PassageLinkView, PassageLinkView]; shares: [string, string]; sharedChars: number }[];
  formulas: { text: string; documents: number }[];
  rule: ReuseIndex['rule'];
}

export function reusePageView(index: ReuseIndex, label: (id: string) => DocumentLabel, limit = 50): ReusePageView {
  const link = (document: string, anchor?: string): PassageLinkView => {
    const { title, regionName } = label(document);
    return { href: anchor ? documentAnchorUrl(document, anchor) : documentPath(document), title, regionName };
  };
  return {
    documentCount: index.documentCount,
    documentsWithShared: index.byDocument.size,
    passages: index.passages.slice(0, limit).map((p) => ({ excerpt: excerpt(p.text), chars: p.chars, regions: p.regions, occurrences: p.occurrences.map((o) => link(o.document, o.anchor)) })),
    pairs: index.pairs.slice(0, limit).map((pair) => ({
      documents: [link(pair.documents[0]), link(pair.documents[1])],
      shares: [percentLabel(pair.sharedChars[0], pair.totalChars[0]), percentLabel(pair.sharedChars[1], pair.totalChars[1])],
      sharedChars: Math.max(...pair.sharedChars),
    })),
    formulas: index.formulas.slice(0, limit),
    rule: index.rule,
  };
}

// Open data: one row per document.
export const reuseColumns = ['document', 'region', 'region_name', 'shared_chars', 'total_chars', 'share', 'passages', 'shared_with', 'url'] as const;
export type ReuseColumn = (typeof reuseColumns)[number];
export type ReuseRow = Record<ReuseColumn, string | number>;

export const reuseColumnDescriptions: Record<ReuseColumn, string> = {
  document: '文件标识，即 content/documents/ 下的路径（不含 .md）',
  region: '地区路径（拼音），同 metrics.csv',
  region_name: '地区全称',
  shared_chars: '正文中亦见于其他文件的句子的字数（汉字、字母和数字，不计标点）；套话与过短的句子不计',
  total_chars: '正文的字数，计法同上',
  share: 'shared_chars ÷ total_chars，保留三位小数；本站计算，不是文件陈述的数字',
  passages: '本文的相同段落数（连续的相同句子合为一段）',
  shared_with: '与本文有相同段落的其他文件数',
  url: '本文页面上“相同段落亦见于”列表的地址；没有相同段落时为文件页面',
};

export function reuseRows(index: ReuseIndex, label: (id: string) => DocumentLabel, site: URL | string): ReuseRow[] {
  return index.shares.map((share) => {
    const { region, regionName } = label(share.document);
    return {
      document: share.document,
      region,
      region_name: regionName,
      shared_chars: share.sharedChars,
      total_chars: share.totalChars,
      share: share.totalChars > 0 ? Math.round((1000 * share.sharedChars) / share.totalChars) / 1000 : 0,
      passages: share.passages,
      shared_with: share.sharedWith,
      url: absoluteUrl(site, share.passages > 0 ? `${documentPath(share.document)}${sharedPassagesFragment}` : documentPath(share.document)),
    };
  });
}

export function reuseCsv(rows: readonly ReuseRow[]): string {
  return recordsToCsv(reuseColumns, rows);
}

/** `reuse.json`: the same rows and keys as the CSV, numbers as numbers. */
export function reuseJson(rows: readonly ReuseRow[]): string {
  return `${JSON.stringify(rows, null, 1)}\n`;
}
