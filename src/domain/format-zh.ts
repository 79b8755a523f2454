/**
 * zh-CN number formatting, for pages (through src/lib/format.ts, which re-exports it) and for the chart
 * builders of src/charts, which run below lib/ and so take it from here.
 */

const numberFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

/** `1200` → `1,200`; at most two decimals. */
export function numberLabel(value: number): string {
  return numberFormat.format(value);
}

/** `550 元/人/月`, `1,200 张`, and a share written as Chinese text writes it, without a space: `55%`. */
export function valueLabel(value: number, unit: string): string {
  return unit === '%' ? `${numberLabel(value)}%` : `${numberLabel(value)} ${unit}`;
}
