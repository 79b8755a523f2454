/**
 * The 信息公开 metadata header government sites print above a document (索引号, 发布机构, 发布日期 …). Copies
 * bring it in three layouts, sometimes twice: `key:` on one line and the value on the next, `key: value`, or
 * a flattened table row `k: | v | k2: | v2 |`. Every metadata line is consumed here and reported, so none of it
 * leaks into a body; an empty value stays empty, and 文号 "无" means the document has none.
 */
import type { SourceLine } from './types.ts';
import { normaliseDate } from './text.ts';

/** What a metadata key feeds in the content model; `other` keys are read and reported but not kept. */
export type MetadataField = 'index_no' | 'publisher' | 'published' | 'written' | 'doc_no' | 'subject' | 'title' | 'other';

const keyFields: Record<string, MetadataField> = {
  索引号: 'index_no',
  索取号: 'index_no',
  发布机构: 'publisher',
  公开主体: 'publisher',
  发文机关: 'publisher',
  发文单位: 'publisher',
  发布日期: 'published',
  公开日期: 'published',
  生成日期: 'written',
  成文日期: 'written',
  发文日期: 'written',
  文号: 'doc_no',
  发文字号: 'doc_no',
  文件编号: 'doc_no',
  主题分类: 'subject',
  名称: 'title',
  标题: 'title',
  文件名称: 'title',
  组配分类: 'other',
  公开类别: 'other',
  生效日期: 'other',
  失效日期: 'other',
  废止日期: 'other',
  有效性: 'other',
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

const dateKeys = new Set(['发布日期', '公开日期', '生成日期', '成文日期', '发文日期', '生效日期', '失效日期', '废止日期']);

const keyAlternation = Object.keys(keyFields)
  .sort((a, b) => b.length - a.length)
  .join('|');
/** A key at the start of a line or cell, with or without its colon: `发布机构:`, `发布机构：`, `发布机构`. */
const keyAtStart = new RegExp(`^\\s*(${keyAlternation})\\s*[:：]?\\s*`);
/** A key followed by a colon anywhere in a line: where the pairs of a `k: v  k2: v2` line start. */
const keyWithColon = new RegExp(`(${keyAlternation})\\s*[:：]`, 'g');
/** A line holding only a key: its value is on the next line, or the source left it empty. */
const keyOnlyLine = new RegExp(`^(${keyAlternation})\\s*[:：]?$`);

export interface MetadataValue {
  /** The key as written, e.g. `公开主体`. */
  key: string;
  field: MetadataField;
  /** The value as written, trimmed; empty when the source leaves it empty. */
  value: string;
  /** Line the key is on. */
  line: number;
}

export interface MetadataScan {
  values: MetadataValue[];
  /** Lines that are metadata, with the reason each is left out of the body. */
  consumed: Map<number, string>;
}

export function scanMetadata(lines: SourceLine[]): MetadataScan {
  const values: MetadataValue[] = [];
  const consumed = new Map<number, string>();
  // Sites often print the header twice (once as a table, once as a list): say so on the second copy.
  const firstSeen = new Map<string, number>();
  const describePair = (pair: Omit<MetadataValue, 'line'>, line: number) => {
    const key = `${pair.key}=${pair.value}`;
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
      }
      continue;
    }
    const inline = inlinePairs(text);
    if (inline && inline.some((pair) => pair.value !== '')) {
      for (const pair of inline) values.push({ ...pair, line: line.no });
      consumed.set(line.no, `metadata (${inline.map((pair) => describePair(pair, line.no)).join(', ')})`);
      continue;
    }
    const keyOnly = keyOnlyLine.exec(text);
    if (keyOnly) {
      const key = keyOnly[1] ?? '';
      const field = keyFields[key] ?? 'other';
      const next = lines[i + 1];
      if (next && isValueFor(key, next.text.trim())) {
        const value = next.text.trim();
        values.push({ key, field, value, line: line.no });
        const reason = `metadata ${describePair({ key, field, value }, line.no)}`;
        consumed.set(line.no, reason);
        consumed.set(next.no, reason);
        i += 1;
      } else {
        values.push({ key, field, value: '', line: line.no });
        consumed.set(line.no, `metadata ${key}: empty`);
      }
    }
  }
  return { values, consumed };
}

/** Pairs of a flattened metadata table row, or undefined when the row is not metadata (a task table row). */
function tableRowPairs(text: string): Omit<MetadataValue, 'line'>[] | undefined {
  const cells = text.split('|').map((cell) => cell.trim());
  if (text.endsWith('|')) cells.pop();
  const first = cells.find((cell) => cell !== '');
  if (!first || !keyAtStart.test(first) || !/[:：]/.test(first)) return undefined;
  const pairs: Omit<MetadataValue, 'line'>[] = [];
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i] ?? '';
    const match = keyAtStart.exec(cell);
    if (!match || !/[:：]|^\S+$/.test(cell)) continue;
    const key = match[1] ?? '';
    let value = cell.slice(match[0].length).trim();
    if (value === '') {
      const next = cells[i + 1];
      if (next !== undefined && !keyAtStart.test(next)) {
        value = next;
        i += 1;
      } else if (next !== undefined && next === '') {
        i += 1;
      }
    }
    pairs.push({ key, field: keyFields[key] ?? 'other', value });
  }
  return pairs.length > 0 ? pairs : undefined;
}

/** Pairs of a `key: value` line; several pairs may share a line (`索引号：… 发布日期：…`). */
function inlinePairs(text: string): Omit<MetadataValue, 'line'>[] | undefined {
  if (!keyAtStart.test(text) || !/^[^:：]{1,6}[:：]/.test(text)) return undefined;
  const starts = [...text.matchAll(keyWithColon)];
  if (starts.length === 0 || (starts[0]?.index ?? -1) !== text.search(/\S/)) return undefined;
  const pairs: Omit<MetadataValue, 'line'>[] = [];
  starts.forEach((match, i) => {
    const key = match[1] ?? '';
    const from = (match.index ?? 0) + match[0].length;
    const to = starts[i + 1]?.index ?? text.length;
    pairs.push({ key, field: keyFields[key] ?? 'other', value: text.slice(from, to).trim() });
  });
  // A sentence that happens to start with 名称: is not metadata: values are short and have no full stop.
  if (pairs.some((pair) => pair.value.length > 120 || /。/.test(pair.value))) return undefined;
  return pairs;
}

/** Whether the line after a bare `key:` line is that key's value rather than the next key or the text. */
function isValueFor(key: string, value: string): boolean {
  if (value === '' || keyOnlyLine.test(value) || inlinePairs(value)) return false;
  if (dateKeys.has(key)) return normaliseDate(value) !== undefined;
  if (/[。，,；;]/.test(value)) return false;
  const field = keyFields[key];
  if (field === 'title') return value.length <= 80;
  if (field === 'index_no') return /^[\w\-/.〔〕[\]()（）]+$/u.test(value) && value.length <= 60;
  return value.length <= 40;
}

function describeKeyValue(pair: Omit<MetadataValue, 'line'>): string {
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
    case 'subject':
      return 'the site’s subject class, not part of the content model';
    default:
      return 'not part of the content model';
  }
}

/** The metadata of one document: the first non-empty value of each field, and which fields the source printed empty. */
export interface DocumentMetadata {
  index_no?: { value: string; line: number; key: string };
  publisher?: { value: string; line: number; key: string };
  published?: { value: string; line: number; key: string };
  written?: { value: string; line: number; key: string };
  doc_no?: { value: string; line: number; key: string };
  title?: { value: string; line: number; key: string };
  subject?: { value: string; line: number; key: string };
  /** Fields whose key is printed with an empty value (or 无 for 文号): the source says nothing, on purpose. */
  empty: Set<MetadataField>;
  /** Problems worth reporting: conflicting repeats, unreadable dates. */
  problems: string[];
}

export function resolveMetadata(values: MetadataValue[]): DocumentMetadata {
  const result: DocumentMetadata = { empty: new Set(), problems: [] };
  for (const entry of values) {
    if (entry.field === 'other') continue;
    const field = entry.field;
    let value = entry.value.replace(/\s+/g, ' ').trim();
    if (value === '' || (field === 'doc_no' && value === '无')) {
      if (!result[field]) result.empty.add(field);
      continue;
    }
    if (field === 'published' || field === 'written') {
      const date = normaliseDate(value);
      if (!date) {
        result.problems.push(`${entry.key} "${value}" (line ${entry.line}) is not a date; left out`);
        continue;
      }
      value = date;
    }
    const existing = result[field];
    if (existing) {
      if (existing.value !== value) result.problems.push(`${entry.key} is "${existing.value}" on line ${existing.line} but "${value}" on line ${entry.line}; kept the first`);
      continue;
    }
    result[field] = { value, line: entry.line, key: entry.key };
    result.empty.delete(field);
  }
  return result;
}
