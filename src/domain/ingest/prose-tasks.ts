/**
 * Tasks a task list states in prose rather than in a table or numbered items. Two layouts bureaus publish:
 * - a progress report that names its tasks in one sentence and counts them itself
 *   (`…牵头负责的城乡低保提标,落实残疾人“两项补贴”两项省重点民生实事进展顺利`): the count says where the
 *   list is split, so a list is read only when one way of splitting it gives exactly that many items;
 * - the page of one task (a 民生实事 column gives each project a page) whose text is only its progress period by
 *   period (`第一季度进展情况:…`, `二季度:…`): one task, named by the page's breadcrumb, which names the project,
 *   where the page's own title is the column's (季度目标).
 */
import type { TaskInput } from '../../schemas/task.ts';
import { crumbSeparator } from './boilerplate.ts';

const numeralValues: Record<string, number> = { 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** 两 → 2, 十二 → 12, 12 → 12; undefined for what is not a count from 2 to 30. */
function countOf(text: string): number | undefined {
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    return n >= 2 && n <= 30 ? n : undefined;
  }
  const tens = /^([二三])?十([一二三四五六七八九])?$/.exec(text);
  if (tens) return (tens[1] ? (numeralValues[tens[1]] ?? 0) : 1) * 10 + (tens[2] ? (numeralValues[tens[2]] ?? 0) : 0);
  return numeralValues[text];
}

/** The count and the noun that make a sentence name its tasks: `两项省重点民生实事`, `3项实事项目`, `五件民生实事`. */
const countedNoun = /(两|十?[二三四五六七八九十]|[二三]十[一二三四五六七八九]?|\d{1,2})\s*(?:项|件)([^，,。、；;“”"《》()（）\s]{0,10}?)(民生实事|实事项目|实事|重点任务|工作任务|重点项目)/g;

const opening = '“‘《（(「【"';
const closing = '”’》）)」】"';

/** Splits at `separator` outside quotes and brackets, so `“两项补贴”` or `（含…、…）` stays whole. */
function splitOutside(text: string, separator: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i] ?? '';
    if (char === '"') depth = depth > 0 ? depth - 1 : depth + 1;
    else if (opening.includes(char)) depth += 1;
    else if (closing.includes(char)) depth = Math.max(0, depth - 1);
    if (depth === 0) {
      const match = separator.exec(text.slice(i));
      if (match?.index === 0) {
        parts.push(current);
        current = '';
        i += match[0].length - 1;
        continue;
      }
    }
    current += char;
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

/** From the strongest separator to the weakest: the first that gives the stated count wins. */
const separators = [/^[；;]/, /^[，,]/, /^、/, /^[，,、]/, /^(?:[，,、]|以及|和|及|与)/];

/**
 * The list before a counted noun, split into exactly `count` items. The list starts after the sentence's
 * subject, which ends at its last `的`, `：` or 包括 / 即 / 是 before the list's first separator.
 */
function countedItems(before: string, count: number): string[] | undefined {
  const firstSeparator = before.search(/[；;，,、]/);
  const head = firstSeparator < 0 ? before : before.slice(0, firstSeparator);
  const subjectEnd = Math.max(...['的', '：', ':', '包括', '即', '是'].map((word) => (head.lastIndexOf(word) < 0 ? -1 : head.lastIndexOf(word) + word.length)));
  const list = subjectEnd > 0 ? before.slice(subjectEnd) : before;
  for (const separator of separators) {
    const items = splitOutside(list, separator).map((item) => item.replace(/^(?:和|及|以及|与)/, '').replace(/等$/, '').trim());
    if (items.length === count && items.every((item) => [...item].length >= 2 && [...item].length <= 40)) return items;
  }
  return undefined;
}

/**
 * Tasks named and counted in one sentence of `text` (`A,B两项省重点民生实事…`): the first such sentence whose list
 * splits into the stated count. Their group is the counted noun as written (`省重点民生实事`).
 */
export function countedTasks(text: string): TaskInput[] {
  for (const sentence of text.split(/[。！？\n]/)) {
    for (const match of sentence.matchAll(countedNoun)) {
      const count = countOf(match[1] ?? '');
      if (count === undefined) continue;
      const items = countedItems(sentence.slice(0, match.index ?? 0), count);
      if (!items) continue;
      const group = `${match[2] ?? ''}${match[3] ?? ''}`;
      return items.map((title, i) => ({ id: String(i + 1), group, title, status: 'awaiting-summary' as const }));
    }
  }
  return [];
}

/** A paragraph that reports progress for one period: `第一季度进展情况:…`, `二季度:…`, `1—6月完成情况：…`. */
const periodProgress = /^(?:第?[一二三四1-4]季度|上半年|下半年|全年|\d{1,2}\s*[-—~至]\s*\d{1,2}月|\d{1,2}月(?:份)?)(?:工作)?(?:进展情况|进展|进度|完成情况|推进情况)?\s*[:：]/;

/**
 * The paragraphs of a text that is only a task's progress period by period: at least two, and they make up
 * the text (every paragraph but a short lead-in). Undefined otherwise.
 */
export function progressParagraphs(body: string): string[] | undefined {
  const paragraphs = body.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  const progress = paragraphs.filter((line) => periodProgress.test(line));
  const others = paragraphs.filter((line) => !periodProgress.test(line));
  if (progress.length < 2 || others.length > 1 || others.some((line) => [...line].length > 60)) return undefined;
  return progress;
}

/** A title that names only what the page holds, not which task: `季度目标`, `进展情况`, `第三季度工作进展`. */
const genericTitle = /^(?:第?[一二三四]季度|季度|年度|月度)?(?:工作)?(?:目标|进展|进度|进展情况|完成情况|推进情况|目标任务|工作进度)$/;

/**
 * The one task of a page that reports a task's progress, with its progress as written. Named by the page's
 * title; where that title names only what the page holds (季度目标), by the last entry of the breadcrumb, which
 * is where the site files the page: under the project's name.
 */
export function progressTask(paragraphs: string[], breadcrumb: string | undefined, title: string | undefined): TaskInput | undefined {
  const crumbs = (breadcrumb ?? '').split(crumbSeparator).map((crumb) => crumb.trim()).filter((crumb) => crumb !== '');
  const generic = title === undefined || genericTitle.test(title.replace(/\s+/g, ''));
  const named = generic && crumbs.length >= 2 && !genericTitle.test(crumbs.at(-1) ?? '') ? crumbs.at(-1) : undefined;
  const taskTitle = named ?? title;
  if (!taskTitle) return undefined;
  const group = (named ? crumbs.at(-2) : undefined) ?? title ?? taskTitle;
  return { id: '1', group, title: taskTitle, progress: paragraphs.join(' '), status: 'awaiting-summary' };
}
