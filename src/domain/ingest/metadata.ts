/**
 * The 信息公开 metadata header government sites print above a document (索引号, 发布机构, 发布日期 …), and the
 * byline most pages print under the title (发布时间 / 来源 / 浏览次数 / 作者). Copies bring the header in every
 * layout a site can produce, sometimes twice: `key:` on one line and the value on the next, `key: value`
 * (several pairs to a line, or the whole header run together on one line), a flattened table row
 * `k: | v | k2: | v2 |`, bullets (`- 索 引 号:…`, `• 印發機關:…`), labels spaced out or padded to a width
 * (`索  引  号`, `名       称`). Keys are read through the simplified reading of the line, so a traditional page's
 * 發布機構 is 发布机构, while values stay as printed. Every metadata and byline line is consumed here and
 * reported, so none of it leaks into a body; an empty value stays empty, and 文号 "无" means the document has none.
 * Two things are read but stay in the body, because they are the document's own text: the date under the
 * signature (落款, read as `written`) and nothing else.
 */
import type { SourceLine } from './types.ts';
import { toSimplified } from './script.ts';
import { fusedDateReadings, normaliseDate } from './text.ts';
import { titleLine } from './units.ts';

/**
 * What a metadata key feeds in the content model; `source` is a byline's 来源 (a publisher candidate, often a
 * department or another site); `other` keys are read and reported but not kept.
 */
export type MetadataField = 'index_no' | 'publisher' | 'published' | 'written' | 'doc_no' | 'subject' | 'title' | 'source' | 'other';

/** Keys of the 信息公开 header, in simplified characters. */
const headerKeys: Record<string, MetadataField> = {
  索引号: 'index_no',
  索取号: 'index_no',
  发布机构: 'publisher',
  公开主体: 'publisher',
  发文机关: 'publisher',
  发文单位: 'publisher',
  发布部门: 'publisher',
  印发机关: 'publisher',
  发布日期: 'published',
  公开日期: 'published',
  生成日期: 'written',
  公文生成日期: 'written',
  成文日期: 'written',
  发文日期: 'written',
  印发日期: 'written',
  文号: 'doc_no',
  发文字号: 'doc_no',
  文件编号: 'doc_no',
  主题分类: 'subject',
  名称: 'title',
  标题: 'title',
  文件名称: 'title',
  信息名称: 'title',
  中文名: 'title',
  组配分类: 'other',
  公开类别: 'other',
  公文目录: 'other',
  生效日期: 'other',
  失效日期: 'other',
  废止日期: 'other',
  有效性: 'other',
  时效: 'other',
  体裁分类: 'other',
  公开方式: 'other',
  公开范围: 'other',
  公开时限: 'other',
  主题词: 'other',
  关键词: 'other',
  信息类别: 'other',
  内容分类: 'other',
  服务对象: 'other',
};

/**
 * Keys of a page's byline. A line holding any of them is a byline: its values are read (发布时间 → published,
 * 来源 → a publisher candidate) but count for less than the header's, and a byline never starts a document.
 */
const bylineKeys: Record<string, MetadataField> = {
  发布时间: 'published',
  发表时间: 'published',
  时间: 'published',
  日期: 'published',
  来源: 'source',
  信息来源: 'source',
  文章来源: 'source',
  稿件来源: 'source',
  更新时间: 'other',
  浏览次数: 'other',
  浏览量: 'other',
  访问量: 'other',
  访问次数: 'other',
  阅读次数: 'other',
  阅读人次: 'other',
  阅读量: 'other',
  点击数: 'other',
  点击量: 'other',
  点击率: 'other',
  作者: 'other',
  编辑: 'other',
  责任编辑: 'other',
  初审: 'other',
  复审: 'other',
  终审: 'other',
  审核: 'other',
  字体: 'other',
  字号: 'other',
  分享: 'other',
  分享到: 'other',
  保护视力色: 'other',
};

const keyFields: Record<string, MetadataField> = { ...headerKeys, ...bylineKeys };

const dateKeys = new Set(['发布日期', '公开日期', '生成日期', '公文生成日期', '成文日期', '发文日期', '印发日期', '生效日期', '失效日期', '废止日期', '发布时间', '发表时间', '时间', '日期', '更新时间']);

/** A key as pages print it: its characters may be spaced out or padded (`索 引 号`, `名       称`). */
const keyAlternation = Object.keys(keyFields)
  .sort((a, b) => b.length - a.length)
  .map((key) => [...key].join('[ \\t\\u3000]*'))
  .join('|');
/** A list bullet some sites print before each pair. */
const bullet = '(?:[-•·●▪◆■*][ \\t\\u3000]*)?';
/** A key at the start of a line or cell, with or without its colon: `发布机构:`, `发布机构：`, `发布机构`. */
const keyAtStart = new RegExp(`^\\s*${bullet}(${keyAlternation})\\s*[:：]?\\s*`);
/** A key followed by a colon anywhere in a line: where the pairs of a `k: v  k2: v2` line start. */
const keyWithColon = new RegExp(`(${keyAlternation})\\s*[:：]`, 'g');
/** A line holding only a key: its value is on the next line, or the source left it empty. */
const keyOnlyLine = new RegExp(`^${bullet}(${keyAlternation})\\s*[:：]?$`);

/** A key as the tables know it: simplified, without the spaces a page padded it with. */
const keyName = (written: string) => toSimplified(written).replace(/[\s\u3000]+/g, '');
const fieldOf = (written: string): MetadataField => keyFields[keyName(written)] ?? 'other';
const isBylineKey = (written: string) => keyName(written) in bylineKeys;

export interface MetadataValue {
  /** The key as written, e.g. `公开主体`, `索 引 号`, `發布機構`. */
  key: string;
  field: MetadataField;
  /** The value as written, trimmed; empty when the source leaves it empty. */
  value: string;
  /** Line the key is on. */
  line: number;
  /** Read from a byline (发布时间 / 来源 …) rather than the 信息公开 header: the header wins where both say. */
  byline?: true;
  /** The date under the document's signature: read as `written`, while the line stays in the body. */
  signature?: true;
  /** Read from a line of the document's own text, which stays in the body (a 文号 run into the addressees). */
  inText?: true;
}

export interface MetadataScan {
  values: MetadataValue[];
  /** Lines that are metadata, with the reason each is left out of the body. */
  consumed: Map<number, string>;
  /** Lines read for metadata that stay in the body (a signature's date). */
  read: Set<number>;
}

type Pair = Omit<MetadataValue, 'line'>;

export function scanMetadata(lines: SourceLine[]): MetadataScan {
  const values: MetadataValue[] = [];
  const consumed = new Map<number, string>();
  const read = new Set<number>();
  // Sites often print the header twice (once as a table, once as a list): say so on the second copy.
  const firstSeen = new Map<string, number>();
  const describePair = (pair: Pair, line: number) => {
    const key = `${keyName(pair.key)}=${pair.value}`;
    const first = firstSeen.get(key);
    if (first === undefined) firstSeen.set(key, line);
    return first === undefined || first === line || pair.value === '' ? describeKeyValue(pair) : `${pair.key}: repeats line ${first}`;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    const text = line.text.trim();
    if (text.includes('|')) {
      const row = tableRowPairs(text);
      if (row) {
        for (const pair of row) values.push({ ...pair, line: line.no });
        consumed.set(line.no, `metadata table row (${row.map((pair) => describePair(pair, line.no)).join(', ')})`);
        continue;
      }
      // A byline copied from a table cell keeps a pipe at its end: `来源:政府办 发布日期:2022-04-25 |`.
      if (!/^[^|]*\|\s*$/.test(text)) continue;
    }
    // A news byline that opens with its date and no key: `2022-01-08 12:46:51 星期六 来源: 某某日报`.
    const dated = datedByline(text.replace(/\s*\|\s*$/, ''));
    if (dated) {
      for (const pair of dated) values.push({ ...pair, line: line.no });
      consumed.set(line.no, `page byline (${dated.map((pair) => describePair(pair, line.no)).join(', ')})`);
      continue;
    }
    const inline = inlinePairs(text.replace(/\s*\|\s*$/, ''));
    if (inline && inline.some((pair) => pair.value !== '' || pair.byline)) {
      for (const pair of inline) values.push({ ...pair, line: line.no });
      const what = inline.some((pair) => pair.byline) ? 'page byline' : 'metadata';
      consumed.set(line.no, `${what} (${inline.map((pair) => describePair(pair, line.no)).join(', ')})`);
      continue;
    }
    // A document-sharing site's upload line: `- 2021-04-15 发布`.
    const posted = /^(?:[-•·]\s*)?(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)\s*(发布|發布)$/.exec(text);
    if (posted) {
      const pair: Pair = { key: posted[2] ?? '发布', field: 'published', value: posted[1] ?? '', byline: true };
      values.push({ ...pair, line: line.no });
      consumed.set(line.no, `page byline (${describePair(pair, line.no)})`);
      continue;
    }
    // A date alone on a line near the top, under the headline (2023-11-24, 24.01.2017 19:33): the page's date,
    // a byline without a key. Not a signature's (under an issuer's name) and not within the text.
    // Dates one after another are a list's or a menu's (site navigation), not the page's.
    const nearDate = [lines[i - 1], lines[i + 1]].some((other) => other !== undefined && bareDate(other.text) !== undefined);
    const bare = i < 12 && !nearDate && !issuerLine.test(toSimplified(lines[i - 1]?.text.trim() ?? '')) ? bareDate(text) : undefined;
    if (bare) {
      const pair: Pair = { key: '日期', field: 'published', value: bare, byline: true };
      values.push({ ...pair, line: line.no });
      consumed.set(line.no, `page byline: a date alone under the headline (${describePair(pair, line.no)})`);
      continue;
    }
    const docNo = bareDocumentNumber(text);
    if (docNo) {
      const pair: Pair = { key: '文号', field: 'doc_no', value: docNo };
      values.push({ ...pair, line: line.no });
      consumed.set(line.no, `metadata 文号 printed on its own line: ${describePair(pair, line.no).replace(/^文号: /, '')}`);
      continue;
    }
    const keyOnly = keyOnlyLine.exec(toSimplified(text));
    if (keyOnly) {
      const at = (keyOnly[0] ?? '').indexOf(keyOnly[1] ?? '');
      const key = text.slice(at, at + (keyOnly[1]?.length ?? 0));
      const field = fieldOf(key);
      const byline = isBylineKey(key) ? ({ byline: true } as const) : {};
      const next = lines[i + 1];
      if (next && isValueFor(key, next.text.trim())) {
        const value = next.text.trim();
        values.push({ key, field, value, line: line.no, ...byline });
        const reason = `${byline.byline ? 'page byline' : 'metadata'} ${describePair({ key, field, value }, line.no)}`;
        consumed.set(line.no, reason);
        consumed.set(next.no, reason);
        i += 1;
      } else {
        values.push({ key, field, value: '', line: line.no, ...byline });
        consumed.set(line.no, `${byline.byline ? 'page byline' : 'metadata'} ${key}: empty`);
      }
      continue;
    }
    // A red-header document's 文号 run into its addressees (成府发〔2013〕21号各区(市)县政府,…:): read, and the line
    // stays in the body, where it is the document's own text.
    const runIn = /^(\p{Script=Han}{1,12}\s*[〔［\[（(﹝【]\s*(?:19|20)\d{2}\s*[〕］\]）)﹞】]\s*第?\s*\d{1,4}\s*[号號])\s*(?=各)/u.exec(text);
    if (runIn?.[1]) {
      values.push({ key: '文号', field: 'doc_no', value: runIn[1], line: line.no, inText: true });
      read.add(line.no);
      continue;
    }
    const signed = signatureDate(text, lines[i - 1]?.text);
    if (signed) {
      values.push({ key: '落款日期', field: 'written', value: text, line: line.no, signature: true });
      read.add(line.no);
    }
  }
  return { values, consumed, read };
}

/**
 * A line that is only a date, with or without a time: `2023-11-24`, `2023年11月24日 10:05`, `24.01.2017  19:33`
 * (day first, as some portals print it; read only when the day cannot be a month). Returns `YYYY-MM-DD`.
 */
function bareDate(text: string): string | undefined {
  const reading = text.trim().replace(/\s+\d{1,2}:\d{2}(?::\d{2})?$/, '');
  const dayFirst = /^(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})$/.exec(reading);
  if (dayFirst) {
    const [day, month] = [Number(dayFirst[1]), Number(dayFirst[2])];
    return day > 12 && day <= 31 && month >= 1 && month <= 12 ? normaliseDate(`${dayFirst[3]}-${month}-${day}`) : undefined;
  }
  if (!/^(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?$/.test(reading)) return undefined;
  return normaliseDate(reading);
}

/**
 * 文号 printed on a line of its own under the issuer, as a red-header document does: `埔府辦〔2011〕124號`,
 * `辰政办发〔2014〕6号`. Returns the number as printed.
 */
function bareDocumentNumber(text: string): string | undefined {
  return /^\p{Script=Han}{1,12}\s*[〔［\[（(﹝【]\s*(?:19|20)\d{2}\s*[〕］\]）)﹞】]\s*第?\s*\d{1,4}\s*[号號]$/u.test(text) ? text : undefined;
}

/** An issuer's name as signatures print it: short, no punctuation, ending in the kind of body it is. */
const issuerLine = /^[\p{Script=Han}\s、]{2,40}(政府|办公室|民政局|民政厅|委员会|局|厅|委|办|院|会|中心|部|室|处|所|站)$/u;

/**
 * The date of a signature (落款): a date alone on its line under the issuer's name (`辰溪县人民政府办公室` /
 * `2014年3月3日`), or written in Chinese numerals as only signatures are (`二○一一年十二月九日`). A fused date
 * (`2022121日`) counts too; which day it is gets settled when the metadata is resolved.
 */
function signatureDate(text: string, previous: string | undefined): boolean {
  if (/^[○〇零一二三四五六七八九]{4}年/.test(text) && normaliseDate(text)) return true;
  if (!normaliseDate(text) && fusedDateReadings(text).length === 0) return false;
  if (!/^\d{4}\s*年/.test(text) && fusedDateReadings(text).length === 0) return false;
  return previous !== undefined && issuerLine.test(toSimplified(previous.trim()));
}

/** Pairs of a flattened metadata table row, or undefined when the row is not metadata (a task table row). */
function tableRowPairs(text: string): Pair[] | undefined {
  const cells = text.split('|').map((cell) => cell.trim());
  if (text.endsWith('|')) cells.pop();
  const first = cells.find((cell) => cell !== '');
  if (!first || !keyAtStart.test(toSimplified(first)) || !/[:：]/.test(first)) return undefined;
  const pairs: Pair[] = [];
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i] ?? '';
    const match = keyAtStart.exec(toSimplified(cell));
    if (!match || !/[:：]|^\S+$/.test(cell)) continue;
    const key = writtenKey(cell, match);
    let value = cell.slice(match[0].length).trim();
    if (value === '') {
      const next = cells[i + 1];
      if (next !== undefined && !keyAtStart.test(toSimplified(next))) {
        value = next;
        i += 1;
      } else if (next !== undefined && next === '') {
        i += 1;
      }
    }
    pairs.push({ key, field: fieldOf(key), value, ...(isBylineKey(key) ? { byline: true as const } : {}) });
  }
  return pairs.length > 0 ? pairs : undefined;
}

/** The key of a match as the page wrote it (traditional characters and padding kept), from the original text. */
function writtenKey(text: string, match: RegExpExecArray): string {
  const at = (match.index ?? 0) + (match[0] ?? '').indexOf(match[1] ?? '');
  return text.slice(at, at + (match[1]?.length ?? 0));
}

/**
 * Pairs of a `key: value` line; several pairs may share a line (`索引号：… 发布日期：…`), and a whole header may
 * be run together on one (`索  引  号:… 公文目录:政府文件 发文机关:… 成文日期:…`). A line with a byline key
 * (来源, 浏览次数 …) is a byline: each of its pairs is marked so.
 */
function inlinePairs(text: string): Pair[] | undefined {
  const reading = toSimplified(text);
  const opening = keyAtStart.exec(reading);
  if (!opening || !/[:：]/.test(opening[0])) return undefined;
  const starts = [...reading.matchAll(keyWithColon)];
  const firstKey = (opening.index ?? 0) + opening[0].indexOf(opening[1] ?? '');
  if (starts.length === 0 || (starts[0]?.index ?? -1) !== firstKey) return undefined;
  const pairs: Pair[] = [];
  starts.forEach((match, i) => {
    const key = writtenKey(text, match);
    const from = (match.index ?? 0) + match[0].length;
    const to = starts[i + 1]?.index ?? text.length;
    pairs.push({ key, field: fieldOf(key), value: text.slice(from, to).trim() });
  });
  // A sentence that happens to start with 名称: is not metadata: values are short and have no full stop.
  if (pairs.some((pair) => pair.value.length > 120 || /。/.test(pair.value))) return undefined;
  const byline = pairs.some((pair) => isBylineKey(pair.key));
  if (byline) {
    // The byline's generic keys (时间:, 日期:, 来源:) open sentences and headlines too: their values must look
    // like a byline's, a date and a short name.
    const [head] = pairs;
    if (head && isBylineKey(head.key) && !plausibleBylineValue(head)) return undefined;
    if ([...text].length > 200) return undefined;
    return pairs.map((pair) => ({ ...pair, byline: true as const }));
  }
  return pairs;
}

/** A date (with its time and weekday) that opens a byline without a key: `2022-01-08 12:46:51 星期六 `, `2023年5月6日 周五 `. */
const bylineDate = /^(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)\s*(?:(?:星期|周|礼拜)[一二三四五六日天])?\s+(?=\S)/;

/**
 * A byline that opens with the page's date and no key, then byline pairs (`… 来源: 某某日报 作者: …`): news
 * sites print theirs so. The date is the page's published date, the rest read as any byline; a line whose
 * rest is not a byline (a date then a sentence) is not one.
 */
function datedByline(text: string): Pair[] | undefined {
  const opening = bylineDate.exec(toSimplified(text));
  if (!opening?.[1] || normaliseDate(opening[1]) === undefined) return undefined;
  const rest = inlinePairs(text.slice(opening[0].length));
  if (!rest || !rest.some((pair) => pair.byline)) return undefined;
  return [{ key: '日期', field: 'published', value: opening[1], byline: true }, ...rest];
}

function plausibleBylineValue(pair: Pair): boolean {
  if (pair.value === '') return true;
  if (pair.field === 'published') return normaliseDate(pair.value) !== undefined || /^\d{1,2}\s*(小时|分钟|天)[前内]$/.test(pair.value);
  if (pair.field === 'source') return sourceName(pair.value).length <= 40 && !/[，。；;！？]/.test(pair.value);
  return pair.value.length <= 60;
}

/** A byline's 来源 without the address some sites print after it: `兰州市民政局(http://mzj.lanzhou.gov.cn/…)`. */
function sourceName(value: string): string {
  return value.replace(/[（(]?\s*(https?:\/\/|www\.)[^\s)）]*[)）]?/g, '').trim();
}

/** Whether the line after a bare `key:` line is that key's value rather than the next key or the text. */
function isValueFor(key: string, value: string): boolean {
  const reading = toSimplified(value);
  if (value === '' || keyOnlyLine.test(reading) || inlinePairs(value)) return false;
  if (dateKeys.has(keyName(key))) return normaliseDate(value) !== undefined;
  if (/[。，,；;]/.test(value)) return false;
  const field = fieldOf(key);
  if (field === 'title') return value.length <= 80;
  // A title line is never another key's value (`时效:` left empty, then the title).
  if (titleLine(value)) return false;
  if (field === 'other') return value.length <= 20;
  if (field === 'index_no') return /^[\w\-/.〔〕[\]()（）]+$/u.test(value) && value.length <= 60;
  return value.length <= 40;
}

function describeKeyValue(pair: Pair): string {
  return `${pair.key}: ${describeField(pair.field, pair.value)}`;
}

function describeField(field: MetadataField, value: string): string {
  if (value === '') return 'empty';
  switch (field) {
    case 'index_no':
      return 'read into source.index_no';
    case 'doc_no':
      return value === '无' ? '无 (no document number)' : 'read into source.doc_no';
    case 'publisher':
      return 'read into publisher';
    case 'published':
      return 'read into published';
    case 'written':
      return 'read into written';
    case 'title':
      return 'read into title';
    case 'source':
      return 'read as a publisher candidate (来源)';
    case 'subject':
      return 'the site’s subject class, not part of the content model';
    default:
      return 'not part of the content model';
  }
}

/** One field's value as resolved, with where it was read. */
export interface MetadataEntry {
  value: string;
  line: number;
  /** The key as printed, without the padding: `发布日期`, `發布機構`, `来源`, `落款日期` (a signature's date). */
  key: string;
  /** Read from the page's byline rather than the header. */
  byline?: true;
}

/** The metadata of one document: the first non-empty value of each field, and which fields the source printed empty. */
export interface DocumentMetadata {
  index_no?: MetadataEntry;
  publisher?: MetadataEntry;
  published?: MetadataEntry;
  written?: MetadataEntry;
  doc_no?: MetadataEntry;
  title?: MetadataEntry;
  subject?: MetadataEntry;
  /** A byline's 来源 / 信息来源: a publisher candidate (often a department, 办公室, or another site). */
  source?: MetadataEntry;
  /** An address printed with the 来源 (`兰州市民政局(http://mzj.lanzhou.gov.cn/…)`). */
  url?: MetadataEntry;
  /** Fields whose key is printed with an empty value (or 无 for 文号): the source says nothing, on purpose. */
  empty: Set<MetadataField>;
  /** Problems worth reporting: conflicting repeats, unreadable dates, fused dates read. */
  problems: string[];
}

/** Header values first, then the byline's, then a signature's date: the header is what the site files. */
const rank = (value: MetadataValue) => (value.signature ? 2 : value.byline ? 1 : 0);

export function resolveMetadata(values: MetadataValue[]): DocumentMetadata {
  const result: DocumentMetadata = { empty: new Set(), problems: [] };
  const ordered = [...values].sort((a, b) => rank(a) - rank(b) || a.line - b.line);
  for (const entry of ordered) {
    if (entry.field === 'other') continue;
    const field = entry.field;
    const key = entry.key.replace(/[\s\u3000]+/g, '');
    let value = entry.value.replace(/\s+/g, ' ').trim();
    if (value === '' || (field === 'doc_no' && value === '无')) {
      if (!result[field]) result.empty.add(field);
      continue;
    }
    // A document is signed on a day, not at a second: a 成文/发文日期 printed with a time of day
    // (2021-01-12 16:30:04) is the site's posting stamp, not the date the document was written.
    if (field === 'written' && !entry.signature && /\d{1,2}:\d{2}/.test(value)) {
      result.problems.push(`${key} "${value}" (line ${entry.line}) carries a time of day: a site's posting stamp, not the date the document was written; left out of written`);
      continue;
    }
    if (field === 'published' || field === 'written') {
      const date = normaliseDate(value) ?? fusedDate(entry, value, result);
      if (!date) {
        if (!entry.signature) result.problems.push(`${key} "${value}" (line ${entry.line}) is not a date; left out`);
        continue;
      }
      value = date;
    }
    if (field === 'source') {
      const address = /(https?:\/\/|www\.)[^\s)）]+/.exec(value)?.[0];
      if (address && !result.url) result.url = { value: address, line: entry.line, key };
      value = sourceName(value);
      if (value === '') continue;
    }
    const existing = result[field];
    if (existing) {
      if (existing.value !== value && rank(entry) === 0) result.problems.push(`${key} is "${existing.value}" on line ${existing.line} but "${value}" on line ${entry.line}; kept the first`);
      else if (existing.value !== value && !existing.byline && entry.byline) result.problems.push(`the byline's ${key} "${value}" (line ${entry.line}) differs from the header's ${existing.key} "${existing.value}"; kept the header's`);
      continue;
    }
    result[field] = { value, line: entry.line, key, ...(entry.byline ? { byline: true as const } : {}) };
    result.empty.delete(field);
  }
  return result;
}

/**
 * A date the copy fused (`2022121日`): read when only one reading is a real date, or when only one is not
 * after the publication date (a document is signed before it is published). Reported either way.
 */
function fusedDate(entry: MetadataValue, value: string, known: DocumentMetadata): string | undefined {
  const readings = fusedDateReadings(value);
  if (readings.length === 0) return undefined;
  const published = known.published?.value;
  const possible = readings.length > 1 && published ? readings.filter((date) => date <= published) : readings;
  if (possible.length === 1 && possible[0]) {
    const why = readings.length === 1 ? 'the only real date it can be' : `of ${readings.join(' or ')}, the only one not after the 发布日期 ${published}`;
    known.problems.push(`line ${entry.line} prints the fused date "${value}"; read as ${possible[0]} (${why})`);
    return possible[0];
  }
  known.problems.push(`line ${entry.line} prints the fused date "${value}", which can be ${readings.join(' or ')}; left out`);
  return undefined;
}
