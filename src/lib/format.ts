/** zh-CN formatting for pages. */
import { documentKindNames, type DocumentKind, type Period } from '../schemas/document.ts';

export function periodLabel(period: Period): string {
  return `${period.year}年${period.half === 'H1' ? '上半年' : period.half === 'H2' ? '下半年' : ''}`;
}

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
