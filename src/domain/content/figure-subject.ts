/**
 * What a figure's quote names: its metric, its class (A类) and whether it is per month or per year. Whether the quote names another metric than the figure's own: 农村低保A类由320元提高至380元 given as
 * `metric: dibao-urban` would publish the rural standard as the urban one (found by the bad-input suite, issue
 * 14). Metrics that differ only in what their names start with (城市/农村最低生活保障标准, 社会散居/机构集中养育孤儿…)
 * are told apart by the words of that start which both their name and their short name use (城市, 散居, 机构 …),
 * read from the definitions, so a new pair of metrics needs no code; and a quote that writes another metric's
 * whole name (护理型床位) and not its own is refused too. A quote that names neither is left alone:
 * 每人每月600元 does not say which standard it is, the sentence around it does.
 */
import type { MetricDefinition } from '../../schemas/metric.ts';

export interface SubjectProblem {
  message: string;
  hint: string;
}

function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n += 1;
  return n;
}

function bigrams(text: string): Set<string> {
  const chars = [...text];
  return new Set(chars.slice(0, -1).map((char, i) => char + chars[i + 1]));
}

// distinctWords depends only on the two definitions, and validation asks it for every figure and every other metric:
// worked out once per pair (it was a quarter of `npm run check`'s time on 3,000 documents).
const distinctWordsMemo = new WeakMap<MetricDefinition, WeakMap<MetricDefinition, string[]>>();

/** Two-character words that name `own` and not `other`, when the two names differ only in how they start. */
function distinctWords(own: MetricDefinition, other: MetricDefinition): string[] {
  let byOther = distinctWordsMemo.get(own);
  if (!byOther) distinctWordsMemo.set(own, (byOther = new WeakMap()));
  let words = byOther.get(other);
  if (!words) byOther.set(other, (words = computeDistinctWords(own, other)));
  return words;
}

function computeDistinctWords(own: MetricDefinition, other: MetricDefinition): string[] {
  const names = commonSuffixLength(own.name, other.name);
  const shorts = commonSuffixLength(own.short_name, other.short_name);
  if (names < 2 || shorts < 2) return [];
  const inName = bigrams(own.name.slice(0, own.name.length - names));
  const inShort = bigrams(own.short_name.slice(0, own.short_name.length - shorts));
  const otherWords = new Set([...bigrams(other.name), ...bigrams(other.short_name)]);
  return [...inName].filter((word) => inShort.has(word) && !otherWords.has(word));
}

export function metricNameProblem(quote: string, metricId: string, metrics: ReadonlyMap<string, MetricDefinition>): SubjectProblem | undefined {
  const own = metrics.get(metricId);
  if (!own) return undefined;
  // A quote that writes another metric's whole name and not its own: 护理型床位总数达1775张 is not 养老床位总数.
  if (![own.name, own.short_name].some((name) => quote.includes(name))) {
    for (const [otherId, other] of metrics) {
      const named = otherId === metricId ? undefined : [other.name, other.short_name].find((name) => quote.includes(name) && !own.name.includes(name));
      if (named) return { message: `the quote names ${named} (metric ${otherId}), not ${own.name}`, hint: `did you mean \`metric: ${otherId}\`? Otherwise quote the words that name ${own.short_name}` };
    }
  }
  for (const [otherId, other] of metrics) {
    if (otherId === metricId) continue;
    const ownWords = distinctWords(own, other);
    const otherWords = distinctWords(other, own);
    if (ownWords.length === 0 || otherWords.length === 0 || ownWords.some((word) => quote.includes(word))) continue;
    const named = otherWords.find((word) => quote.includes(word));
    if (named) {
      return {
        message: `the quote names ${named} (${other.name}, metric ${otherId}), not ${own.name}`,
        hint: `did you mean \`metric: ${otherId}\`? Otherwise quote the words that name ${own.short_name}`,
      };
    }
  }
  return undefined;
}

/**
 * Whether the figure's `category` is the class its quote names: 城市低保A类由500元提高至550元 is class A. A quote
 * that names no class (550元/月.人) leaves the class to the sentence around it, as it leaves the metric.
 */
export function categoryProblem(quote: string, category: string | undefined): SubjectProblem | undefined {
  const named = [...new Set([...quote.matchAll(/([ABCＡＢＣ])类/g)].map((m) => String.fromCharCode((m[1] as string).charCodeAt(0) > 0xff ? (m[1] as string).charCodeAt(0) - 0xfee0 : (m[1] as string).charCodeAt(0))))];
  // A quote that names several classes (A类、B类分别为…) leaves the reading to the author.
  if (named.length > 1) return undefined;
  const stated = named[0];
  if (stated === undefined || stated === category) return undefined;
  if (category === undefined) return { message: `the quote states class ${stated} (${stated}类), but the figure has no category`, hint: `add \`category: ${stated}\`` };
  return { message: `the quote states class ${stated} (${stated}类), not ${category}`, hint: `did you mean \`category: ${stated}\`?` };
}

// How a quote says a standard is per month or per year: 每人每月, 月人均, 元/月.人, 元/人.年 …; a date (2023年1月) is neither.
const perMonth = /每人每月|每月|月人均|人月|[元人]\/\.?月|月[.．]人|人[.．]月/;
const perYear = /每人每年|每年|年人均|人年|[元人]\/\.?年|年[.．]人|人[.．]年/;

/**
 * Whether a per-time unit (元/人/月, 元/人/年) is the one the quote states: 每人每月600元 given as 元/人/年 would be
 * published as 50 元/人/月. An aside in brackets restates the number in the other unit, so it is read the other way
 * round: 10968元(月人均914元)提高到11040元 is per year. A quote that says both or neither leaves it to the author.
 */
export function unitPeriodProblem(quote: string, unit: string): SubjectProblem | undefined {
  const unitPeriod = unit.endsWith('/月') ? '月' : unit.endsWith('/年') ? '年' : undefined;
  if (unitPeriod === undefined) return undefined;
  const asides = quote.match(/[(（][^()（）]*[)）]/g) ?? [];
  const outsideBrackets = quote.replace(/[(（][^()（）]*[)）]/g, '');
  const month = perMonth.test(outsideBrackets);
  const year = perYear.test(outsideBrackets);
  // Outside the brackets nothing says: an aside per month (月人均914元) tells that the numbers it restates are not.
  const asideMonth = asides.some((aside) => perMonth.test(aside));
  const asideYear = asides.some((aside) => perYear.test(aside));
  const stated = month !== year ? (month ? '月' : '年') : !month && asideMonth !== asideYear ? (asideMonth ? '年' : '月') : undefined;
  if (stated === undefined) return undefined;
  if (stated === unitPeriod) return undefined;
  const right = unit.replace(/\/[月年]$/, `/${stated}`);
  return { message: `the quote states a standard per ${stated === '月' ? 'month (每月)' : 'year (每年)'}, but the unit is ${unit}`, hint: `did you mean \`unit: ${right}\`?` };
}
