/**
 * Unit conversions of a metric must be conversions (issue 14): a metric whose `conversions` list its own unit
 * with factor 12, or a second factor for the same unit, published 33,000 元/人/月 as a 低保 standard. The
 * relations we know — a yearly rate to a monthly one (÷ 12), a quarterly one (÷ 3), a count in 万 (× 10,000) —
 * must carry their factor; a pair of units we cannot relate is left to the reviewer.
 */
import type { MetricDefinition } from '../../schemas/metric.ts';

export interface ConversionProblem {
  field: string;
  value: unknown;
  message: string;
  hint: string;
}

const periodDays: Record<string, number> = { 年: 12, 季: 3, 月: 1 };

/** The factor from `from` to `to` when the two units differ only in a way we know, else undefined. */
export function knownFactor(from: string, to: string): number | undefined {
  // 元/人/年 → 元/人/月: the same unit per another period.
  const period = /^(.*)\/([年季月])$/;
  const a = period.exec(from);
  const b = period.exec(to);
  if (a && b && a[1] === b[1]) return periodDays[b[2]!]! / periodDays[a[2]!]!;
  // 万张 → 张, 万元 → 元, and back.
  if (from === `万${to}`) return 10000;
  if (to === `万${from}`) return 1 / 10000;
  return undefined;
}

const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-6 * Math.max(Math.abs(a), Math.abs(b));

export function conversionProblems(metric: Pick<MetricDefinition, 'unit' | 'conversions'>): ConversionProblem[] {
  const problems: ConversionProblem[] = [];
  const seen = new Map<string, number>();
  metric.conversions.forEach((conversion, i) => {
    const field = `conversions[${i}]`;
    if (conversion.unit === metric.unit) {
      problems.push({ field: `${field}.unit`, value: conversion.unit, message: `"${conversion.unit}" is the metric's own unit, so it needs no conversion`, hint: 'remove this conversion: a figure in the metric\'s unit is shown as stated' });
      return;
    }
    const first = seen.get(conversion.unit);
    if (first !== undefined) {
      problems.push({ field: `${field}.unit`, value: conversion.unit, message: `"${conversion.unit}" is converted twice (also conversions[${first}])`, hint: 'keep one conversion per unit' });
      return;
    }
    seen.set(conversion.unit, i);
    const expected = knownFactor(conversion.unit, metric.unit);
    if (expected !== undefined && !close(conversion.factor, expected)) {
      problems.push({
        field: `${field}.factor`,
        value: conversion.factor,
        message: `a value in ${conversion.unit} is ${formatFactor(expected)} × its value in ${metric.unit}, not ${conversion.factor} ×`,
        hint: `set \`factor: ${expected}\``,
      });
    }
  });
  return problems;
}

function formatFactor(factor: number): string {
  if (factor >= 1) return String(factor);
  const inverse = 1 / factor;
  return Number.isInteger(Math.round(inverse * 1e6) / 1e6) ? `1/${Math.round(inverse)}` : String(factor);
}
