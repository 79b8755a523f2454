/** zh-CN formatting for pages. */
import { documentKindNames, type DocumentKind } from '../schemas/document.ts';

export { documentPeriodLabel, fiveYearPlanOf, periodLabel } from '../domain/periods.ts';

export function kindLabel(kind: DocumentKind): string {
  return documentKindNames[kind];
}

/** `2017-07-20` → `2017年7月20日`. */
export function dateLabel(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

const numberFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

export function numberLabel(value: number): string {
  return numberFormat.format(value);
}

/** `550 元/人/月`, `1,200 张`, and a share written as Chinese text writes it, without a space: `55%`. */
export function valueLabel(value: number, unit: string): string {
  return unit === '%' ? `${numberLabel(value)}%` : `${numberLabel(value)} ${unit}`;
}
