/**
 * Finds the figures of the content model in a draft's body, each with the exact fragment that states it:
 * 低保 and 特困 standards (城市/农村, classes A/B/C, "由500元/月.人提高至550元/月.人" → 550, previous 500), the
 * 两项补贴 for persons with disabilities, and elderly-care beds ("养老床位总数达6331张", "护理型床位总数达1775张",
 * "新增1万张养老床位"). Units are normalised (元/月.人 → 元/人/月). Counts of people, households or money are
 * not metrics of the model and are never forced into one; a standard needs a per-person unit to count.
 */
import type { DocumentKind } from '../../schemas/document.ts';
import type { MetricDefinition, MetricValueInput } from '../../schemas/metric.ts';
import { parseChineseNumeral } from '../content/validate-content.ts';

type Subject = { metrics: string[]; category?: 'A' | 'B' | 'C'; start: number };

/** A number as written: digits (with 万: 1.2万) or Chinese numerals (一万二千). One capture group. */
const number = String.raw`(\d+(?:\.\d+)?\s*万?|[零〇一二两三四五六七八九十百千万]+)`;
/** 元/月.人, 元/人/月, 元/人·月, 元/月/人, 元/人/年 … */
const perPerson = String.raw`元\s*[/／每]?\s*[人月年]\s*[/／.．·•・每]?\s*[人月年]`;

function toNumber(written: string | undefined): number | undefined {
  if (!written) return undefined;
  const value = /^\d/.test(written) ? Number.parseFloat(written) * (written.includes('万') ? 10000 : 1) : parseChineseNumeral(written.replace(/〇/g, '零'));
  return value === undefined || !Number.isFinite(value) ? undefined : Math.round(value * 1e6) / 1e6;
}

function normaliseUnit(raw: string): string | undefined {
  const parts = new Set(raw.replace(/[^人月年]/g, ''));
  if (parts.size !== 2 || !parts.has('人')) return undefined;
  return parts.has('月') ? '元/人/月' : parts.has('年') ? '元/人/年' : undefined;
}

/** The metrics a clause names, or undefined. Order matters: the specific names are tried first. */
function subjectOf(clause: string): Omit<Subject, 'start'> | undefined {
  const metrics: string[] = [];
  const dibao = /(城市|城镇|农村|城乡)(?:居民)?(?:最低生活保障|低保)/.exec(clause);
  if (dibao) {
    if (dibao[1] === '城乡') metrics.push('dibao-urban', 'dibao-rural');
    else metrics.push(dibao[1] === '农村' ? 'dibao-rural' : 'dibao-urban');
  }
  const tekun = /(城市|城镇|农村|城乡)特困(?:人员|供养人员)?[^，,。；;]{0,8}?(?:基本生活标准|供养标准|基本生活费标准|救助供养标准)/.exec(clause);
  if (tekun && !/照料护理/.test(clause)) {
    if (tekun[1] === '城乡') metrics.push('tekun-urban', 'tekun-rural');
    else metrics.push(tekun[1] === '农村' ? 'tekun-rural' : 'tekun-urban');
  }
  if (/两项补贴/.test(clause)) metrics.push('disability-care-subsidy', 'disability-living-subsidy');
  else {
    if (/重度残疾人护理补贴/.test(clause)) metrics.push('disability-care-subsidy');
    if (/困难残疾人生活补贴/.test(clause)) metrics.push('disability-living-subsidy');
  }
  const category = /(?<![A-Za-z])([A-Ca-c])类/.exec(clause)?.[1]?.toUpperCase() as Subject['category'];
  if (metrics.length === 0 && !category) return undefined;
  return category ? { metrics, category } : { metrics };
}

interface Stated {
  value: number;
  previous?: number;
  unit: string;
  /** Index just past the figure in the clause. */
  end: number;
}

/** A per-person standard stated in a clause: `由60元/月.人提高到65元/月.人`, `为780元/月/人`, `每人每月500元`. */
function standardIn(clause: string): Stated | undefined {
  const raise = new RegExp(String.raw`由\s*(?:每项|每人)?\s*${number}\s*(${perPerson})?\s*(?:提高|提升|上调|调整|增加|增长)(?:至|到|为)\s*(?:每项|每人)?\s*${number}\s*(${perPerson})`).exec(clause);
  if (raise) {
    const unit = normaliseUnit(raise[4] ?? '');
    const value = toNumber(raise[3]);
    const previous = toNumber(raise[1]);
    if (unit && value !== undefined && previous !== undefined) return { value, previous, unit, end: raise.index + raise[0].length };
  }
  const plain = new RegExp(String.raw`(?:为|达到|达|提高至|提高到|提高为|调整为|调整至|确定为|统一为|是)\s*(?:每项|每人)?\s*${number}\s*(${perPerson})`).exec(clause);
  if (plain) {
    const unit = normaliseUnit(plain[2] ?? '');
    const value = toNumber(plain[1]);
    if (unit && value !== undefined) return { value, unit, end: plain.index + plain[0].length };
  }
  const monthly = new RegExp(String.raw`每人每(月|年)\s*${number}\s*元`).exec(clause);
  if (monthly) {
    const value = toNumber(monthly[2]);
    if (value !== undefined) return { value, unit: monthly[1] === '月' ? '元/人/月' : '元/人/年', end: monthly.index + monthly[0].length };
  }
  return undefined;
}

interface Beds {
  metric: string;
  value: number;
  end: number;
}

function bedsIn(clause: string): Beds | undefined {
  const added = new RegExp(String.raw`新增[^，,。；;张]{0,6}?${number}\s*张[^，,。；;]{0,4}?养老床位|新增养老床位\s*${number}\s*张`).exec(clause);
  if (added) {
    const value = toNumber(added[1] ?? added[2]);
    if (value !== undefined) return { metric: 'new-elderly-care-beds', value, end: added.index + added[0].length };
  }
  const nursing = new RegExp(String.raw`护理型床位(?:总数|总量|数)?\s*(?:达到|达|为|共|有|共有)\s*${number}\s*张`).exec(clause);
  if (nursing) {
    const value = toNumber(nursing[1]);
    if (value !== undefined) return { metric: 'nursing-beds', value, end: nursing.index + nursing[0].length };
  }
  const total = new RegExp(String.raw`养老床位(?:总数|总量|数)?\s*(?:达到|达|为|共|有|共有)\s*${number}\s*张`).exec(clause);
  if (total && !/(新增|新建|护理型)[^，,。；;]*$/.test(clause.slice(0, total.index))) {
    const value = toNumber(total[1]);
    if (value !== undefined) return { metric: 'elderly-care-beds', value, end: total.index + total[0].length };
  }
  return undefined;
}

/** `从2023年1月起` / `自2023年1月1日起` → `2023-01-01`, with where it ends in the sentence. */
function effectiveDate(sentence: string): { date: string; end: number } | undefined {
  const match = /(?:从|自)\s*(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?\s*(?:起|开始)/.exec(sentence);
  if (!match) return undefined;
  const date = `${match[1]}-${(match[2] ?? '').padStart(2, '0')}-${(match[3] ?? '1').padStart(2, '0')}`;
  return { date, end: match.index + match[0].length };
}

export interface FigureOptions {
  kind?: DocumentKind;
  metrics: Map<string, MetricDefinition>;
}

/** Clauses of a sentence: text between commas, enumeration commas and colons, with their offsets. */
function clauses(sentence: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let start = 0;
  for (const match of sentence.matchAll(/[，,、：:]/g)) {
    out.push({ text: sentence.slice(start, match.index), start });
    start = (match.index ?? 0) + 1;
  }
  out.push({ text: sentence.slice(start), start });
  return out;
}

/** Sentences of the body: table cells and lines split at full stops, semicolons and question marks. */
function sentences(body: string): string[] {
  return body
    .split('\n')
    .flatMap((line) => line.replace(/^#+\s+/, '').split(/[|｜]/))
    .flatMap((segment) => segment.split(/[。！？!?；;]/))
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
}

export function extractFigures(body: string, options: FigureOptions): MetricValueInput[] {
  const figures: MetricValueInput[] = [];
  const seen = new Set<string>();
  for (const sentence of sentences(body)) {
    const effective = effectiveDate(sentence);
    let context: Omit<Subject, 'start'> | undefined;
    let pending: Subject | undefined;
    for (const clause of clauses(sentence)) {
      const own = subjectOf(clause.text);
      const standard = standardIn(clause.text);
      const beds = bedsIn(clause.text);
      if (beds) {
        const definition = options.metrics.get(beds.metric);
        const quote = sentence.slice(clause.start, clause.start + beds.end).trim();
        if (definition) {
          const target = options.kind === 'plan' || options.kind === 'task-list';
          push(figures, seen, { metric: beds.metric, value: beds.value, unit: definition.unit, ...(target ? { target: true } : {}), quote });
        }
      }
      if (!standard) {
        if (own && own.metrics.length > 0) pending = { ...own, start: clause.start };
        else if (!own) pending = undefined;
        continue;
      }
      // The clause's own subject, a subject left pending by the clause before (重度残疾人护理补贴、困难…), or
      // the sentence's last subject for a class alone (…A类由500元…提高至550元, B类由370元…).
      let subject: Subject | undefined;
      if (own && own.metrics.length > 0) subject = { ...own, start: clause.start };
      else if (pending && pending.metrics.length > 0) subject = { ...pending, ...(own?.category ? { category: own.category } : {}) };
      else if (context && context.metrics.length > 0) subject = { metrics: context.metrics, ...(own?.category ? { category: own.category } : {}), start: clause.start };
      pending = undefined;
      if (!subject) continue;
      context = { metrics: subject.metrics, ...(subject.category ? { category: subject.category } : {}) };
      const quote = sentence.slice(subject.start, clause.start + standard.end).trim();
      for (const metric of subject.metrics) {
        const definition = options.metrics.get(metric);
        if (!definition) continue;
        const units = [definition.unit, ...definition.conversions.map((c) => c.unit)];
        if (!units.includes(standard.unit)) continue;
        push(figures, seen, {
          metric,
          value: standard.value,
          unit: standard.unit,
          ...(subject.category && definition.has_categories ? { category: subject.category } : {}),
          ...(standard.previous !== undefined ? { previous: standard.previous } : {}),
          ...(effective && effective.end <= clause.start ? { effective: effective.date } : {}),
          quote,
        });
      }
    }
  }
  return figures;
}

function push(figures: MetricValueInput[], seen: Set<string>, figure: MetricValueInput): void {
  const key = `${figure.metric}|${figure.category ?? ''}|${figure.value}|${figure.quote}`;
  if (seen.has(key)) return;
  seen.add(key);
  figures.push(figure);
}
