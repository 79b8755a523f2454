/**
 * Figures as the site shows them: value in the stated unit, and in the metric's canonical unit where the
 * document states another (a yearly 低保 standard is also shown per month, with the conversion named).
 */
import type { MetricDefinition, MetricValue } from '../schemas/metric.ts';

export interface FigureView {
  value: number;
  unit: string;
  /** Value in the metric's canonical unit, when the stated unit differs. */
  converted?: { value: number; unit: string; label: string };
}

export function figureView(figure: Pick<MetricValue, 'value' | 'unit'>, metric: Pick<MetricDefinition, 'unit' | 'conversions'>): FigureView {
  if (figure.unit === metric.unit) return { value: figure.value, unit: figure.unit };
  const conversion = metric.conversions.find((c) => c.unit === figure.unit);
  if (!conversion) return { value: figure.value, unit: figure.unit };
  return {
    value: figure.value,
    unit: figure.unit,
    converted: { value: Math.round(figure.value * conversion.factor * 100) / 100, unit: metric.unit, label: conversion.label },
  };
}

/** Value in the metric's canonical unit, for comparisons and charts. */
export function canonicalValue(figure: Pick<MetricValue, 'value' | 'unit'>, metric: MetricDefinition): number {
  return figureView(figure, metric).converted?.value ?? figure.value;
}

const categoryNames = { A: 'A类', B: 'B类', C: 'C类' } as const;
const scopeNames = { urban: '城市', rural: '农村' } as const;

/**
 * The qualifiers of a figure for display: `A类`, `农村`, `平均`, `目标`. `平均` marks an average over a
 * region's subdivisions (全省城市低保平均标准), which no one receives as such, beside every value that is one.
 */
export function figureQualifiers(figure: Pick<MetricValue, 'category' | 'scope' | 'target' | 'average'>): string[] {
  const out: string[] = [];
  if (figure.scope) out.push(scopeNames[figure.scope]);
  if (figure.category) out.push(categoryNames[figure.category]);
  if (figure.average) out.push('平均');
  if (figure.target) out.push('目标');
  return out;
}
