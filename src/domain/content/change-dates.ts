/**
 * The dates of a document's `changes` (修订记录): oldest first, as the schema documents and as a reader scans the
 * record, none dated after the build and none before the document was published. A correction dated ahead or
 * before the text existed is a typing slip, and one out of order misleads whoever reads the record top to bottom
 * (the page's 最近修订 and the feed's `<updated>` take the latest date, src/domain/dates.ts, so they would not
 * show the slip).
 */
import type { DocumentChange } from '../../schemas/document.ts';
import { latestDate } from '../dates.ts';

export interface ChangeDateProblem {
  /** `changes[2].date`. */
  field: string;
  value: string;
  message: string;
  hint: string;
}

/**
 * Today's date where the bureaus are, `YYYY-MM-DD` in China Standard Time: a correction made on the morning of
 * 3 December in Beijing is still 2 December in UTC, and must not be "after today" for a build that runs then.
 */
export function buildDateInChina(now: Date = new Date()): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * Every problem with the dates of `changes`, each at its entry's `date`. `published` (else `written`) is the
 * document's own date when the source gives one; `today` is the build's date (buildDateInChina).
 */
export function changeDateProblems(changes: readonly DocumentChange[], dates: { published?: string | undefined; written?: string | undefined }, today: string): ChangeDateProblem[] {
  const problems: ChangeDateProblem[] = [];
  const since = dates.published !== undefined ? { field: 'published', date: dates.published, name: 'published' } : dates.written !== undefined ? { field: 'written', date: dates.written, name: 'written' } : undefined;
  changes.forEach((change, i) => {
    const field = `changes[${i}].date`;
    const report = (message: string, hint: string) => problems.push({ field, value: change.date, message, hint });
    if (change.date > today) {
      report(`${change.date} is after the build date ${today} (China Standard Time)`, 'date a correction the day it is made; a correction cannot be recorded ahead of time');
    }
    if (since && change.date < since.date) {
      report(`${change.date} is before the document was ${since.name} (${since.field}: ${since.date})`, `a correction comes after the document: correct this date, or \`${since.field}\` if that is the wrong one`);
    }
    const above = latestDate(changes.slice(0, i).map((earlier) => earlier.date));
    if (above !== undefined && change.date < above) {
      const at = changes.findIndex((earlier) => earlier.date === above);
      report(`${change.date} is earlier than changes[${at}] above it (${above}): changes are listed oldest first`, `move this entry above the one dated ${above}, or correct its date`);
    }
  });
  return problems;
}
