/** zh-CN formatting for pages. */
import { documentKindNames, type DocumentKind } from '../schemas/document.ts';

export { documentPeriodLabel, fiveYearPlanOf, periodLabel } from '../domain/periods.ts';
/** `2023-08-28` → `2023年8月28日`: the one date style of the site (src/domain/dates.ts). */
export { dateLabel } from '../domain/dates.ts';
export { numberLabel, valueLabel } from '../domain/format-zh.ts';

export function kindLabel(kind: DocumentKind): string {
  return documentKindNames[kind];
}

