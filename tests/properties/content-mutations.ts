/**
 * Bad inputs made from valid content files, the way a careless or unlucky maintainer makes them: a figure's
 * number changed, a date written another way, a quote cut or reflowed, the YAML broken, the bytes saved in
 * another encoding, the file moved. Each mutation says what it did, where the error must be reported, and what
 * the quotes state afterwards (`truth`), which is what a published figure must equal if the file is accepted.
 * The truth is the reviewed fixture's own figures, changed only by mutations that change the source text and
 * the figure together — never computed by the validation under test.
 */
import iconv from 'iconv-lite';
import * as yaml from 'js-yaml';
import type { SourceFile } from '../../src/domain/content/validate-content.ts';

export const mutationKinds = ['numbers', 'dates', 'quotes', 'yaml', 'bytes', 'paths', 'tasks'] as const;
export type MutationKind = (typeof mutationKinds)[number];

/** What a figure's quote states: the published figure must be one of these. */
export interface TruthFigure {
  metric: string;
  value: number;
  unit: string;
  category?: string;
  scope?: string;
  previous?: number;
}

/** Where the error for a bad input must be reported. */
export type Expected =
  /** An issue on the mutated file naming this field or one inside it (`metrics[0]` covers `metrics[0].value`). */
  | { field: string }
  /** An issue on the mutated file naming a field, or a line of it (YAML syntax, undecodable bytes). */
  | { fieldOrLine: true }
  /** An issue on the mutated file (a wrong path is a whole-file problem). */
  | { file: true };

export interface ContentCase {
  kind: MutationKind;
  /** What was done, for the failure message, e.g. `metrics[0].value 550 → 500`. */
  what: string;
  /** The original file's path: the case replaces that file. */
  original: string;
  /** The mutated file; its path may differ (moved, renamed). `bytes` is set when the file is written raw. */
  file: SourceFile & { bytes?: Uint8Array };
  expected: Expected;
  truth: TruthFigure[];
  /**
   * The body was edited: another quote overlapping the edited one may break too — another figure's, or a task's
   * evidence cited from it — and that error is rightly reported at that quote's own field and file.
   */
  bodyEdited?: boolean;
  /** No reading of the file is right: it must be refused (a misspelt key is an error even where the field is optional). */
  mustRefuse?: boolean;
}

/** Choices drawn by fast-check, consumed in order (and again from the start when they run out). */
export class Choices {
  #at = 0;
  readonly #values: readonly number[];
  constructor(values: readonly number[]) {
    this.#values = values.length > 0 ? values : [0];
  }
  int(below: number): number {
    const value = this.#values[this.#at % this.#values.length] ?? 0;
    this.#at += 1;
    return below <= 1 ? 0 : value % below;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('nothing to pick from');
    return items[this.int(items.length)] as T;
  }
}

/** A content file taken apart: its front matter as data and its body (as splitFrontmatter reads them). */
export interface ParsedFile {
  path: string;
  text: string;
  data: Record<string, any>;
  frontmatterText: string;
  body: string;
  truth: TruthFigure[];
}

export function parseFile(file: SourceFile): ParsedFile {
  const match = /^---\n([\s\S]*?)\n---(?:\n|$)/.exec(file.text);
  if (!match) throw new Error(`${file.path}: a fixture must start with a front-matter block`);
  const data = yaml.load(match[1] ?? '') as Record<string, any>;
  return { path: file.path, text: file.text, data, frontmatterText: match[1] ?? '', body: file.text.slice(match[0].length), truth: truthOf(data) };
}

function truthOf(data: Record<string, any>): TruthFigure[] {
  return ((data.metrics ?? []) as Record<string, any>[]).map((figure) => ({
    metric: figure.metric,
    value: figure.value,
    unit: figure.unit,
    ...(figure.category !== undefined ? { category: figure.category } : {}),
    ...(figure.scope !== undefined ? { scope: figure.scope } : {}),
    ...(figure.previous !== undefined ? { previous: figure.previous } : {}),
  }));
}

const clone = <T>(value: T): T => structuredClone(value);

/** The file written back from data and body, as a maintainer's editor would save it. */
function compose(data: unknown, body: string): string {
  return `---\n${yaml.dump(data, { lineWidth: -1 })}---\n${body}`;
}

type Mutator = (file: ParsedFile, choose: Choices) => Omit<ContentCase, 'kind' | 'original'> | undefined;

function structured(file: ParsedFile, what: string, data: unknown, expected: Expected, options: { body?: string; truth?: TruthFigure[] } = {}) {
  const bodyEdited = options.body !== undefined && options.body !== file.body;
  return { what, file: { path: file.path, text: compose(data, options.body ?? file.body) }, expected, truth: options.truth ?? file.truth, ...(bodyEdited ? { bodyEdited } : {}) };
}

function figureIndex(file: ParsedFile, choose: Choices): number | undefined {
  const count = (file.data.metrics ?? []).length;
  return count === 0 ? undefined : choose.int(count);
}

/** Numbers written in a quote, in the order they appear (Arabic digits only). */
function digitRuns(text: string): string[] {
  return [...text.matchAll(/\d+(?:\.\d+)?/g)].map((m) => m[0]);
}

const numbers: Mutator[] = [
  // The number before the change, or another number of the quote, given as the value.
  (file, choose) => {
    const i = figureIndex(file, choose);
    if (i === undefined) return undefined;
    const data = clone(file.data);
    const figure = data.metrics[i];
    const others = digitRuns(figure.quote).map(Number).filter((n) => n !== figure.value);
    const wrong = figure.previous ?? (others.length > 0 ? choose.pick(others) : figure.value + 1);
    figure.value = wrong;
    // A list (每人每月636元、515元, of 城乡低保标准分别达到…) says which number is which only in the sentence around
    // it: from the quote alone, each listed number is what it states. A known gap, in docs/quality.md.
    const listed = /\d\s*(?:元|张|%)?\s*、\s*\d/.test(figure.quote) && figure.previous === undefined;
    const truth = listed ? [...file.truth, ...file.truth.filter((_, k) => k === i).map((t) => ({ ...t, value: wrong }))] : file.truth;
    return structured(file, `metrics[${i}].value ${file.data.metrics[i].value} → ${wrong} (another number of the quote)`, data, { field: `metrics[${i}]` }, { truth });
  },
  // value and previous swapped.
  (file, choose) => {
    const i = figureIndex(file, choose);
    if (i === undefined || file.data.metrics[i].previous === undefined) return undefined;
    const data = clone(file.data);
    const figure = data.metrics[i];
    [figure.value, figure.previous] = [figure.previous, figure.value];
    return structured(file, `metrics[${i}] value and previous swapped`, data, { field: `metrics[${i}]` });
  },
  // A slip of the keyboard: off by one, ten times, a tenth, a fraction, a hair.
  (file, choose) => {
    const i = figureIndex(file, choose);
    if (i === undefined) return undefined;
    const data = clone(file.data);
    const value = data.metrics[i].value as number;
    const wrong = choose.pick([value + 1, value - 1, value * 10, value / 10, value + 0.5, value + 1e-7, 0, Number(`${value}${choose.int(10)}`)]);
    data.metrics[i].value = wrong;
    return structured(file, `metrics[${i}].value ${value} → ${wrong}`, data, { field: `metrics[${i}]` });
  },
  // Not a number at all, or not a finite or non-negative one.
  (file, choose) => {
    const i = figureIndex(file, choose);
    if (i === undefined) return undefined;
    const data = clone(file.data);
    const value = data.metrics[i].value as number;
    const wrong = choose.pick<unknown>([String(value), `${value}元`, `${value} 元/人/月`, `${String(value).slice(0, 1)} ${String(value).slice(1)}`, Infinity, -Infinity, Number.NaN, -value, 1e21, null, true, [value], { value }]);
    data.metrics[i].value = wrong;
    return structured(file, `metrics[${i}].value ${value} → ${JSON.stringify(wrong) ?? String(wrong)}`, data, { field: `metrics[${i}].value` });
  },
  // A previous value the quote does not state, or states as the new one.
  (file, choose) => {
    const i = figureIndex(file, choose);
    if (i === undefined) return undefined;
    const data = clone(file.data);
    const figure = data.metrics[i];
    const wrong = choose.pick([figure.value, (figure.previous ?? figure.value) - 10, (figure.previous ?? figure.value) + 1]);
    const was = figure.previous;
    figure.previous = wrong;
    return structured(file, `metrics[${i}].previous ${String(was)} → ${wrong}`, data, { field: `metrics[${i}]` });
  },
  // The source restated: one number changed in the body and the quote alike, and the value with it or not.
  (file, choose) => {
    const i = figureIndex(file, choose);
    if (i === undefined) return undefined;
    const data = clone(file.data);
    const figure = data.metrics[i];
    const oldQuote = figure.quote as string;
    if (!oldQuote.includes(String(figure.value))) return undefined;
    const replacement = figure.value + 7 + choose.int(50);
    const newQuote = oldQuote.replace(String(figure.value), String(replacement));
    const body = file.body.split(oldQuote).join(newQuote);
    data.metrics[i].quote = newQuote;
    const followed = choose.int(2) === 0;
    if (followed) {
      data.metrics[i].value = replacement;
      const truth = file.truth.map((t, k) => (k === i ? { ...t, value: replacement } : t));
      return { ...structured(file, `the source restated ${figure.value} as ${replacement} in body and quote, and the value followed`, data, { fieldOrLine: true }, { body, truth }) };
    }
    return structured(file, `the source restated ${figure.value} as ${replacement} in body and quote, the value left at ${figure.value}`, data, { field: `metrics[${i}]` }, { body, truth: file.truth.filter((_, k) => k !== i) });
  },
  // Full-width digits (５５０) or thousands separators (4,560) in the body and the quote alike: the same figure.
  (file, choose) => {
    const i = figureIndex(file, choose);
    if (i === undefined) return undefined;
    const data = clone(file.data);
    const oldQuote = data.metrics[i].quote as string;
    const style = choose.int(2);
    const newQuote = style === 0
      ? oldQuote.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))
      : oldQuote.replace(/\d{4,}/g, (run) => run.replace(/\B(?=(\d{3})+$)/g, ','));
    if (newQuote === oldQuote) return undefined;
    data.metrics[i].quote = newQuote;
    return structured(file, `metrics[${i}] digits written ${style === 0 ? 'full-width' : 'with thousands separators'} in body and quote`, data, { fieldOrLine: true }, { body: file.body.split(oldQuote).join(newQuote) });
  },
  // The unit, metric or class of a figure changed to another one the model knows.
  (file, choose) => {
    const i = figureIndex(file, choose);
    if (i === undefined) return undefined;
    const data = clone(file.data);
    const figure = data.metrics[i];
    const change = choose.int(3);
    if (change === 0) {
      const units = ['元/人/月', '元/人/年', '张', '%', '元'];
      const unit = choose.pick(units.filter((u) => u !== figure.unit));
      figure.unit = unit;
      return structured(file, `metrics[${i}].unit → ${unit}`, data, { field: `metrics[${i}]` });
    }
    if (change === 1) {
      const counterparts: Record<string, string> = {
        'dibao-urban': 'dibao-rural',
        'dibao-rural': 'dibao-urban',
        'tekun-urban': 'tekun-rural',
        'tekun-rural': 'tekun-urban',
        'orphan-allowance-dispersed': 'orphan-allowance-institutional',
        'orphan-allowance-institutional': 'orphan-allowance-dispersed',
        'nursing-beds': 'elderly-care-beds',
        'elderly-care-beds': 'nursing-beds',
      };
      const metric = counterparts[figure.metric] ?? 'dibao-urban';
      if (metric === figure.metric) return undefined;
      figure.metric = metric;
      // A quote that names its standard (城市低保…, 散居孤儿…) states which metric it is; one that does not
      // (每人每月600元) cannot tell the two apart, so either reading is what it states.
      const names = /城市|城镇|农村|散居|机构|集中|护理型|养老床位/.test(figure.quote);
      const truth = names ? file.truth : [...file.truth, ...file.truth.filter((_, k) => k === i).map((t) => ({ ...t, metric }))];
      return structured(file, `metrics[${i}].metric ${file.data.metrics[i].metric} → ${metric}`, data, { field: `metrics[${i}]` }, { truth });
    }
    const category = choose.pick(['A', 'B', 'C', 'D', undefined].filter((c) => c !== figure.category));
    if (category === undefined) delete figure.category;
    else figure.category = category;
    // As with the metric: a quote that names no class (每人每月300元) cannot say which class it is.
    const names = /[ABC]类/.test(figure.quote);
    const truth = names ? file.truth : [...file.truth, ...file.truth.filter((_, k) => k === i).map(({ category: _, ...t }) => ({ ...t, ...(category === undefined ? {} : { category }) }))];
    return structured(file, `metrics[${i}].category ${String(file.data.metrics[i].category)} → ${String(category)}`, data, { field: `metrics[${i}]` }, { truth });
  },
];

const dateFields = ['published', 'written', 'source.retrieved', 'effective'] as const;

function setPath(data: Record<string, any>, path: string, value: unknown): void {
  const keys = path.split('.');
  let at = data;
  for (const key of keys.slice(0, -1)) {
    at[key] ??= {};
    at = at[key];
  }
  at[keys[keys.length - 1] as string] = value;
}

const dates: Mutator[] = [
  // A date written the ways people write dates.
  (file, choose) => {
    const data = clone(file.data);
    let field: string = choose.pick(dateFields);
    if (field === 'effective') {
      const i = figureIndex(file, choose);
      if (i === undefined) field = 'published';
      else field = `metrics[${i}].effective`;
    }
    const bad = choose.pick<unknown>([20230710, '20230710', '2023-02-30', '2023-13-01', '2023/07/10', '2023-7-10', '23-07-10', '10-07-2023', '2023年7月10日', '二〇二三年七月十日', '', null, true, 2023, '2023-07-10T08:00:00+08:00', '2023-07-10 08:00', ['2023-07-10'], { year: 2023 }, '0000-00-00', '2023-02-29']);
    const match = /^metrics\[(\d+)\]\.effective$/.exec(field);
    if (match) data.metrics[Number(match[1])].effective = bad;
    else setPath(data, field, bad);
    return structured(file, `${field} → ${JSON.stringify(bad)}`, data, { field });
  },
  // The period's year and half.
  (file, choose) => {
    const data = clone(file.data);
    const period = data.period as Record<string, unknown>;
    const year = period.year as number;
    const change = choose.int(3);
    if (change === 0) {
      const bad = choose.pick<unknown>([String(year), year + 0.5, year + 1, year - 1, 1900, 3000, null, `${year}年`, [year]]);
      period.year = bad;
      return structured(file, `period.year ${year} → ${JSON.stringify(bad)}`, data, { field: 'period' });
    }
    if (change === 1) {
      const bad = choose.pick<unknown>(['h1', 'H3', '上半年', 'year', 1, period.half === null ? 'H1' : null, undefined].filter((h) => h !== period.half));
      if (bad === undefined) delete period.half;
      else period.half = bad;
      return structured(file, `period.half ${JSON.stringify(period.half)} → ${JSON.stringify(bad) ?? 'removed'}`, data, { field: 'period' });
    }
    const bad = choose.pick<unknown>([year, year - 1, year + 4, `${year + 4}`]);
    period.end_year = bad;
    return structured(file, `period.end_year → ${JSON.stringify(bad)}`, data, { field: 'period' });
  },
];

/** Every quote of the file: its figures' and its tasks' evidence. */
function quotePaths(data: Record<string, any>): { path: string; get: () => string; set: (q: unknown) => void }[] {
  const paths: { path: string; get: () => string; set: (q: unknown) => void }[] = [];
  (data.metrics ?? []).forEach((figure: Record<string, any>, i: number) => {
    paths.push({ path: `metrics[${i}]`, get: () => figure.quote, set: (q) => (figure.quote = q) });
  });
  (data.tasks ?? []).forEach((task: Record<string, any>, i: number) => {
    if (task.evidence) paths.push({ path: `tasks[${i}]`, get: () => task.evidence.quote, set: (q) => (task.evidence.quote = q) });
  });
  return paths;
}

const quotes: Mutator[] = [
  // A quote cut down to a part of itself.
  (file, choose) => {
    const data = clone(file.data);
    const paths = quotePaths(data);
    if (paths.length === 0) return undefined;
    const target = choose.pick(paths);
    const quote = [...target.get()];
    const length = 2 + choose.int(Math.max(1, quote.length - 2));
    const start = choose.int(quote.length - length + 1);
    const cut = quote.slice(start, start + length).join('');
    if (cut === target.get()) return undefined;
    target.set(cut);
    return structured(file, `${target.path} quote cut to ${JSON.stringify(cut)}`, data, { fieldOrLine: true });
  },
  // One character of the quote retyped (a full-width comma, a look-alike character, a space).
  (file, choose) => {
    const data = clone(file.data);
    const paths = quotePaths(data);
    if (paths.length === 0) return undefined;
    const target = choose.pick(paths);
    const quote = [...target.get()];
    const at = choose.int(quote.length);
    quote[at] = choose.pick(['，', ',', ' ', '某', '０', '\u200b', '元', '.']);
    const changed = quote.join('');
    if (changed === target.get()) return undefined;
    target.set(changed);
    return structured(file, `${target.path} quote retyped as ${JSON.stringify(changed)}`, data, { field: target.path });
  },
  // Two figures' quotes exchanged, or a quote that is no text.
  (file, choose) => {
    const data = clone(file.data);
    const paths = quotePaths(data);
    if (paths.length === 0) return undefined;
    const target = choose.pick(paths);
    const other = choose.pick(paths);
    const replacement = other === target ? choose.pick<unknown>(['', ' ', '元', 550, null, ['城市低保'], target.get().repeat(2)]) : other.get();
    if (replacement === target.get()) return undefined;
    target.set(replacement);
    return structured(file, `${target.path} quote → ${JSON.stringify(replacement)}`, data, { field: target.path });
  },
  // Markdown emphasis or a line break put into the quoted sentence, in the body and the quote alike.
  (file, choose) => {
    const data = clone(file.data);
    const paths = quotePaths(data).filter((p) => p.path.startsWith('metrics'));
    if (paths.length === 0) return undefined;
    const target = choose.pick(paths);
    const quote = target.get();
    const chars = [...quote];
    const at = 1 + choose.int(chars.length - 1);
    const mark = choose.pick(['**', '*', '\n', '`', '[', '\\']);
    const marked = [...chars.slice(0, at), mark, ...chars.slice(at)].join('');
    target.set(marked);
    const body = file.body.split(quote).join(marked);
    return structured(file, `${target.path} quote and body given ${JSON.stringify(mark)} inside the quote`, data, { field: target.path }, { body });
  },
  // Body edited after the quotes were written: a word inserted or a space added inside a quoted sentence.
  (file, choose) => {
    const paths = quotePaths(file.data).filter((p) => p.path.startsWith('metrics'));
    if (paths.length === 0) return undefined;
    const target = choose.pick(paths);
    const quote = target.get();
    const chars = [...quote];
    const at = 1 + choose.int(chars.length - 1);
    const edited = [...chars.slice(0, at), choose.pick([' ', '，', '标准', '\u00a0']), ...chars.slice(at)].join('');
    return structured(file, `body edited inside ${target.path}'s quote`, file.data, { field: target.path }, { body: file.body.split(quote).join(edited) });
  },
  // A quote widened to its whole sentence: still the same figure.
  (file, choose) => {
    const data = clone(file.data);
    const paths = quotePaths(data).filter((p) => p.path.startsWith('metrics'));
    if (paths.length === 0) return undefined;
    const target = choose.pick(paths);
    const quote = target.get();
    const at = file.body.indexOf(quote);
    if (at < 0) return undefined;
    const start = Math.max(file.body.lastIndexOf('，', at) + 1, file.body.lastIndexOf('。', at) + 1, file.body.lastIndexOf('\n', at) + 1);
    const endAt = [file.body.indexOf('。', at + quote.length), file.body.indexOf('\n', at + quote.length)].filter((n) => n >= 0);
    const end = endAt.length > 0 ? Math.min(...endAt) : file.body.length;
    const sentence = file.body.slice(start, end);
    if (sentence === quote || sentence.includes('*')) return undefined;
    target.set(sentence);
    return structured(file, `${target.path} quote widened to ${JSON.stringify(sentence)}`, data, { fieldOrLine: true });
  },
];

const frontmatterLines = (file: ParsedFile) => file.frontmatterText.split('\n');
function withFrontmatter(file: ParsedFile, lines: string[], what: string, expected: Expected = { fieldOrLine: true }) {
  return { what, file: { path: file.path, text: `---\n${lines.join('\n')}\n---\n${file.body}` }, expected, truth: file.truth };
}

/** A key at any depth of the data, with its parent, for renaming. */
function keyPaths(data: unknown, prefix = ''): { path: string; parent: Record<string, unknown>; key: string }[] {
  if (data === null || typeof data !== 'object' || data instanceof Date) return [];
  const out: { path: string; parent: Record<string, unknown>; key: string }[] = [];
  for (const [key, value] of Object.entries(data)) {
    const path = Array.isArray(data) ? `${prefix}[${key}]` : prefix ? `${prefix}.${key}` : key;
    if (!Array.isArray(data)) out.push({ path, parent: data as Record<string, unknown>, key });
    out.push(...keyPaths(value, path));
  }
  return out;
}

const yamlStructure: Mutator[] = [
  // A line of the front matter deleted, doubled, or moved.
  (file, choose) => {
    const lines = frontmatterLines(file);
    const at = choose.int(lines.length);
    const change = choose.int(3);
    const next = [...lines];
    if (change === 0) next.splice(at, 1);
    else if (change === 1) next.splice(at, 0, lines[at] ?? '');
    else if (at + 1 < lines.length) [next[at], next[at + 1]] = [lines[at + 1] ?? '', lines[at] ?? ''];
    const verb = ['deleted', 'doubled', 'swapped with the next'][change];
    return withFrontmatter(file, next, `front-matter line ${at + 2} ${JSON.stringify(lines[at])} ${verb}`);
  },
  // A line's indentation changed, a tab put in, a colon lost, a quote or bracket left open.
  (file, choose) => {
    const lines = frontmatterLines(file);
    const at = choose.int(lines.length);
    const line = lines[at] ?? '';
    const edit = choose.int(6);
    const edited = [
      () => ` ${line}`,
      () => line.replace(/^ {2}/, ''),
      () => line.replace(/^( *)/, '$1\t'),
      () => line.replace(/: /, ' '),
      () => line.replace(/: (.)/, ': "$1'),
      () => line.replace(/: (.)/, ': [$1'),
    ][edit]!();
    if (edited === line) return undefined;
    const next = [...lines];
    next[at] = edited;
    return withFrontmatter(file, next, `front-matter line ${at + 2} ${JSON.stringify(line)} → ${JSON.stringify(edited)}`);
  },
  // The file cut off, its closing or opening `---` lost, or its front matter not a mapping.
  (file, choose) => {
    const change = choose.int(5);
    if (change === 0) {
      const at = choose.int(file.frontmatterText.length);
      return { what: `front matter cut after character ${at}`, file: { path: file.path, text: `---\n${file.frontmatterText.slice(0, at)}` }, expected: { fieldOrLine: true } as Expected, truth: file.truth };
    }
    if (change === 1) return { what: 'closing --- removed', file: { path: file.path, text: `---\n${file.frontmatterText}\n${file.body}` }, expected: { fieldOrLine: true } as Expected, truth: file.truth };
    if (change === 2) return { what: 'opening --- removed', file: { path: file.path, text: `${file.frontmatterText}\n---\n${file.body}` }, expected: { fieldOrLine: true } as Expected, truth: file.truth };
    const replacement = choose.pick(['- a\n- b', '550', '"title"', '~', 'null', '[]', '{}']);
    return { what: `front matter replaced by ${JSON.stringify(replacement)}`, file: { path: file.path, text: `---\n${replacement}\n---\n${file.body}` }, expected: { fieldOrLine: true } as Expected, truth: file.truth };
  },
  // A key misspelt, at any depth: `previosu`, `evidnce`, `Title`.
  (file, choose) => {
    const data = clone(file.data);
    const keys = keyPaths(data);
    const target = choose.pick(keys);
    const spellings = [
      target.key.length > 3 ? `${target.key.slice(0, -2)}${target.key.slice(-1)}${target.key.slice(-2, -1)}` : `${target.key}s`,
      target.key[0]!.toUpperCase() + target.key.slice(1),
      `${target.key}_`,
      target.key.replace(/_/g, '-'),
    ].filter((k) => k !== target.key);
    const misspelt = choose.pick(spellings);
    const value = target.parent[target.key];
    delete target.parent[target.key];
    target.parent[misspelt] = value;
    return { ...structured(file, `key ${target.path} misspelt as ${misspelt}`, data, { field: target.path.replace(/[^.[\]]+$/, misspelt) }), mustRefuse: true };
  },
  // A value of the wrong shape: a list where a mapping is, a mapping or text where a list is.
  (file, choose) => {
    const data = clone(file.data);
    const keys = keyPaths(data);
    const target = choose.pick(keys);
    const value = target.parent[target.key];
    const replacement = Array.isArray(value)
      ? choose.pick<unknown>([value[0] ?? 'x', JSON.stringify(value), {}, value.map((v) => JSON.stringify(v))])
      : value !== null && typeof value === 'object' && !(value instanceof Date)
        ? choose.pick<unknown>([[value], JSON.stringify(value), Object.values(value)])
        : choose.pick<unknown>([[value], { value }, null]);
    target.parent[target.key] = replacement;
    return structured(file, `${target.path} → ${JSON.stringify(replacement)}`, data, { field: target.path });
  },
];

const encoders: Record<string, (text: string) => Uint8Array> = {
  'UTF-8 with BOM': (text) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]),
  'CRLF line ends': (text) => Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8'),
  'CR line ends': (text) => Buffer.from(text.replace(/\n/g, '\r'), 'utf8'),
  'UTF-16LE with BOM': (text) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
};

const bytes: Mutator[] = [
  // Saved another way by another editor: the same text must read the same, or be refused.
  (file, choose) => {
    const name = choose.pick([...Object.keys(encoders), 'GB18030']);
    const encoded = name === 'GB18030' ? iconv.encode(file.text, 'gb18030') : encoders[name]!(file.text);
    return { what: `saved as ${name}`, file: { path: file.path, text: '', bytes: encoded }, expected: { fieldOrLine: true }, truth: file.truth };
  },
  // A byte lost, flipped or inserted in transit, or the file cut off mid-character.
  (file, choose) => {
    const raw = Buffer.from(file.text, 'utf8');
    const at = choose.int(raw.length);
    const change = choose.int(4);
    let damaged: Buffer;
    let what: string;
    if (change === 0) {
      damaged = Buffer.concat([raw.subarray(0, at), raw.subarray(at + 1)]);
      what = `byte ${at} (0x${raw[at]?.toString(16)}) lost`;
    } else if (change === 1) {
      const byte = choose.pick([0x80, 0xff, 0xc3, 0xe5, 0xfe, 0x00]);
      damaged = Buffer.concat([raw.subarray(0, at), Buffer.from([byte]), raw.subarray(at)]);
      what = `byte 0x${byte.toString(16)} inserted at ${at}`;
    } else if (change === 2) {
      damaged = Buffer.from(raw);
      damaged[at] = (raw[at] ?? 0) ^ (1 << choose.int(8));
      what = `byte ${at} flipped 0x${raw[at]?.toString(16)} → 0x${damaged[at]?.toString(16)}`;
    } else {
      damaged = raw.subarray(0, at);
      what = `file cut at byte ${at}`;
    }
    return { what, file: { path: file.path, text: '', bytes: damaged }, expected: { fieldOrLine: true }, truth: file.truth };
  },
  // Characters no source text has: U+FFFD from an earlier bad conversion, NUL, control characters, a private-use character.
  (file, choose) => {
    const chars = [...file.text];
    const start = file.text.length - file.body.length;
    const at = [...file.text.slice(0, start)].length + choose.int([...file.body].length);
    const inserted = choose.pick(['\ufffd', '\u0000', '\u0007', '\ue000', '\u001b[31m']);
    const text = [...chars.slice(0, at), inserted, ...chars.slice(at)].join('');
    return { what: `${JSON.stringify(inserted)} put into the body at character ${at}`, file: { path: file.path, text: '', bytes: Buffer.from(text, 'utf8') }, expected: { fieldOrLine: true }, truth: file.truth };
  },
];

const paths: Mutator[] = [
  // Moved to another region's folder, or the region folder's case changed.
  (file, choose) => {
    const parts = file.path.split('/');
    const folders = parts.slice(2, -1);
    const elsewhere = choose.pick([['beijing'], ['hunan', 'chenzhou'], ['anhui', 'xuancheng'], ['shanghai', 'pudong'], folders.map((f) => f.toUpperCase()), [...folders, 'extra'], folders.slice(0, -1)]);
    if (elsewhere.join('/') === folders.join('/')) return undefined;
    const path = ['content', 'documents', ...elsewhere, parts[parts.length - 1]].join('/');
    return { what: `moved to ${path}`, file: { path, text: file.text }, expected: { field: 'region' }, truth: file.truth };
  },
  // Renamed: another year, half or kind in the name, or a name in another form.
  (file, choose) => {
    const parts = file.path.split('/');
    const name = parts[parts.length - 1] as string;
    const renamed = choose.pick([
      name.replace(/^(\d{4})/, (y) => String(Number(y) + 1)),
      name.replace(/-(h1|h2|year)-/, (_, h: string) => (h === 'h1' ? '-h2-' : h === 'h2' ? '-year-' : '-h1-')),
      name.replace(/-(summary|plan|task-list|notice)\.md$/, (_, k: string) => (k === 'summary' ? '-plan.md' : '-summary.md')),
      name.replace(/^(\d{4})/, '$1年'),
      name.replace(/-/g, '_'),
      name.replace(/\.md$/, ' (1).md'),
      name.replace(/\.md$/, '-copy.md'),
    ]);
    if (renamed === name) return undefined;
    const path = [...parts.slice(0, -1), renamed].join('/');
    return { what: `renamed to ${renamed}`, file: { path, text: file.text }, expected: { field: 'period' }, truth: file.truth };
  },
  // Not a Markdown file under content/documents: another extension, or outside the folder.
  (file, choose) => {
    const path = choose.pick([
      file.path.replace(/\.md$/, '.markdown'),
      file.path.replace(/\.md$/, '.MD'),
      file.path.replace(/\.md$/, '.txt'),
      file.path.replace(/\.md$/, '.md.bak'),
      file.path.replace(/\.md$/, ''),
      file.path.replace('content/documents/', 'content/'),
      file.path.replace('content/documents/', 'content/document/'),
    ]);
    return { what: `saved as ${path}`, file: { path, text: file.text }, expected: { file: true }, truth: file.truth };
  },
];

const tasks: Mutator[] = [
  // A status changed, the evidence moved to another document or removed.
  (file, choose) => {
    const data = clone(file.data);
    const list = (data.tasks ?? []) as Record<string, any>[];
    if (list.length === 0) return undefined;
    const i = choose.int(list.length);
    const task = list[i]!;
    const change = choose.int(4);
    if (change === 0) {
      const status = choose.pick(['done', 'in-progress', 'not-started', 'not-mentioned', 'awaiting-summary', 'Done', '已完成', ''].filter((s) => s !== task.status));
      task.status = status;
      return structured(file, `tasks[${i}].status → ${status}`, data, { field: `tasks[${i}]` });
    }
    if (change === 1 && task.evidence) {
      const document = choose.pick(['hunan/chenzhou/zixing/2023-h1-summary', 'hunan/chenzhou/2021-2025-plan', 'anhui/2024-year-notice', 'anhui/xuancheng/xuanzhou/2023-year-task-list', 'anhui/xuancheng/xuanzhou/2099-h2-summary', '/anhui/xuancheng/xuanzhou/2023-h2-summary', 'anhui/xuancheng/xuanzhou/2023-h2-summary.md', 'shanghai/2009-year-plan']);
      task.evidence.document = document;
      return structured(file, `tasks[${i}].evidence.document → ${document}`, data, { field: `tasks[${i}]` });
    }
    if (change === 2) {
      delete task.evidence;
      return structured(file, `tasks[${i}].evidence removed`, data, { field: `tasks[${i}]` });
    }
    const id = choose.pick([list[(i + 1) % list.length]?.id, '一-1', '', ' 1-1', '1/1', 11, null]);
    if (id === task.id) return undefined;
    task.id = id;
    // A duplicate id is reported on the later of the two tasks.
    return structured(file, `tasks[${i}].id → ${JSON.stringify(id)}`, data, { field: 'tasks' });
  },
];

const mutators: Record<MutationKind, Mutator[]> = { numbers, dates, quotes, yaml: yamlStructure, bytes, paths, tasks };

/** One bad input of `kind` made from `file`, or undefined when the mutation does not apply to it (no figures, no tasks). */
export function mutate(kind: MutationKind, file: ParsedFile, choose: Choices): ContentCase | undefined {
  const mutator = choose.pick(mutators[kind]);
  const made = mutator(file, choose);
  return made && { kind, original: file.path, ...made };
}
