/**
 * What may count as evidence that a task was done (issue 14): a 2023 Anhui task "done" on the strength of
 * `{document: shanghai/2009-year-plan, quote: "上海"}` — another region, an earlier year, a plan, two characters —
 * was published as 已完成. Evidence must be a report (a summary, or a later task list or progress report) of the
 * task's own region or one above it, covering time after the task's period began, and quote a clause that
 * names the task: at least `minimumQuoteLength` characters sharing a two-character term with its title or goal.
 */
import type { DocumentKind, Period } from '../../schemas/document.ts';

export const minimumQuoteLength = 8;

export interface EvidenceSide {
  id: string;
  kind?: DocumentKind | undefined;
  region?: string | undefined;
  period?: Period | undefined;
}

export interface EvidenceProblem {
  field: 'document' | 'quote';
  message: string;
  hint: string;
}

/** Months since year 0 at which a period starts and ends: 2023 H2 → [2023·12+6, 2023·12+12]. */
function months(period: Period): { start: number; end: number } {
  const start = period.year * 12 + (period.half === 'H2' ? 6 : 0);
  const endYear = period.end_year ?? period.year;
  const end = endYear * 12 + (period.half === 'H1' ? 6 : 12);
  return { start, end };
}

const cjkOrWord = /[\p{Script=Han}A-Za-z0-9]/u;

/** The two-character runs of Chinese (and letters/digits) in `text`: 提高低保标准 → 提高, 高低, 低保, 保标, 标准. */
function bigrams(text: string): Set<string> {
  const chars = [...text].filter((c) => cjkOrWord.test(c));
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i]! + chars[i + 1]!);
  return grams;
}

/** Whether `quote` shares a two-character term with the task's title or goal: it names the task it is quoted for. */
export function namesTask(quote: string, task: { title?: string | undefined; goal?: string | undefined }): boolean {
  const terms = bigrams(`${task.title ?? ''}${task.goal ?? ''}`);
  return [...bigrams(quote)].some((gram) => terms.has(gram));
}

export function evidenceProblems(task: { title?: string | undefined; goal?: string | undefined }, list: EvidenceSide, report: EvidenceSide, quote: string): EvidenceProblem[] {
  const problems: EvidenceProblem[] = [];
  if (report.kind === 'plan' || report.kind === 'notice') {
    problems.push({ field: 'document', message: `${report.id} is a ${report.kind === 'plan' ? 'plan' : 'notice'}: it says what will be done, not what was`, hint: 'cite the later summary (or progress report) that reports on the task' });
  }
  if (list.region && report.region && !(list.region === report.region || list.region.startsWith(`${report.region}/`))) {
    problems.push({ field: 'document', message: `${report.id} is about ${report.region}, not the task's region ${list.region} or a region above it`, hint: "cite a report of the task's own bureau, or of the city or province above it" });
  }
  if (list.period && report.period && months(report.period).end <= months(list.period).start) {
    problems.push({ field: 'document', message: `${report.id} covers a time before the task's period began`, hint: 'cite a report of the same or a later period' });
  }
  const length = [...quote].filter((c) => cjkOrWord.test(c)).length;
  const shared = namesTask(quote, task);
  if (length < minimumQuoteLength) {
    problems.push({ field: 'quote', message: `the quote has ${length} characters: too short to say what was done`, hint: `quote the clause that reports on the task, at least ${minimumQuoteLength} characters, naming it` });
  } else if (!shared) {
    problems.push({ field: 'quote', message: 'the quote shares no term with the task’s title or goal', hint: 'quote the clause of the report that names this task' });
  }
  return problems;
}
