/**
 * Proposes which sentences of a later summary report on which listed task, for `npm run tasks:suggest`. The
 * maintainer decides; this only ranks. Chinese has no spaces to split words on, so texts are compared as sets
 * of character bigrams (稳步提高 → 稳步 步提 提高), with a Dice coefficient in which each bigram is weighted by
 * how rare it is in the summary: 推进 and 工作 occur in every other sentence and say little, 低保 or 适老化 say
 * a lot. A task is compared part by part (its title, each sentence of its goal), because a long goal against a
 * short sentence would always score low as a whole.
 */
import type { Task, TaskStatus } from '../schemas/task.ts';

/** Letters, digits and CJK ideographs, lowercased: punctuation and spaces never make a bigram. */
export function normalizeForMatching(text: string): string {
  return text.toLowerCase().replace(/[^\p{Script=Han}\p{L}\p{N}]+/gu, '');
}

/** The distinct character bigrams of a text (a single character counts as itself). */
export function bigrams(text: string): Set<string> {
  const chars = [...normalizeForMatching(text)];
  if (chars.length === 1) return new Set(chars);
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return out;
}

/** Plain Dice coefficient of two bigram sets: 2|A∩B| / (|A|+|B|). */
export function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size + b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** Dice with each bigram weighted (`weight(b)`, 1 when unknown). */
export function weightedDice(a: ReadonlySet<string>, b: ReadonlySet<string>, weight: (bigram: string) => number): number {
  let sumA = 0;
  let sumB = 0;
  let shared = 0;
  for (const x of a) {
    const w = weight(x);
    sumA += w;
    if (b.has(x)) shared += w;
  }
  for (const x of b) sumB += weight(x);
  return sumA + sumB === 0 ? 0 : (2 * shared) / (sumA + sumB);
}

/** Where a sentence ends: after 。！？； (and their half-width forms); shared with src/domain/reuse/. */
export const sentenceEnd = /(?<=[。！？；!?;])/u;

/**
 * Sentences of a Markdown body, each an exact fragment of the body (so it can be pasted as an evidence quote).
 * Headings are skipped: "(二)社会救助工作" names a topic and reports nothing. List markers and table pipes are
 * dropped, and emphasis marks split a sentence rather than sit in it.
 */
export function splitSentences(body: string, minLength = 6): string[] {
  const out: string[] = [];
  for (const rawLine of body.replace(/\r\n?/g, '\n').split('\n')) {
    const line = rawLine.trim();
    if (!line || /^#{1,6}\s/.test(line) || /^\|?\s*:?-{3,}/.test(line)) continue;
    const stripped = line.replace(/^(>\s*|[-*+]\s+|\d+[.)]\s+)/, '');
    for (const cell of stripped.split(/\s*\|\s*|\*\*|__/)) {
      for (const piece of cell.split(sentenceEnd)) {
        const sentence = piece.trim();
        if ([...normalizeForMatching(sentence)].length >= minLength) out.push(sentence);
      }
    }
  }
  return out;
}

/** Status words a summary uses, checked in this order (基本完成 is progress, not completion). */
const statusCues: { status: TaskStatus; pattern: RegExp }[] = [
  { status: 'not-started', pattern: /尚未(开展|启动|实施|开工)|未启动|暂未|未开展|还没有/u },
  { status: 'in-progress', pattern: /正在|推进中|有序推进|稳步推进|加快推进|持续推进|部分|初步|基本完成|逐步|目前已|尚未全部|进行中/u },
  { status: 'done', pattern: /已完成|完成了|全面完成|顺利完成|按时完成|如期完成|已建成|建成了|已出台|出台了|制定并出台|已实现|实现了|圆满|达到|提高至|提高到|全部完成|已落实/u },
];

export interface SentenceMatch {
  sentence: string;
  /** Weighted Dice in [0, 1], rounded to 3 decimals. */
  score: number;
}

export interface TaskSuggestion {
  task: Pick<Task, 'id' | 'title' | 'goal' | 'status'>;
  /** Best sentences, best first. */
  matches: SentenceMatch[];
  /** The status the best sentence suggests; `not-mentioned` when no sentence reaches the threshold. */
  suggestedStatus: TaskStatus;
  /** The status word found in the best sentence, or why the status was chosen. */
  reason: string;
}

export interface MatchOptions {
  /** How many sentences to keep per task. */
  top?: number;
  /** Below this score a sentence is not taken as reporting on the task. */
  threshold?: number;
}

export const defaultThreshold = 0.25;

/** Ranks the summary's sentences for each task and suggests a status. */
export function suggestTaskMatches(tasks: readonly Pick<Task, 'id' | 'title' | 'goal' | 'status'>[], summaryBody: string, options: MatchOptions = {}): TaskSuggestion[] {
  const top = options.top ?? 3;
  const threshold = options.threshold ?? defaultThreshold;
  const sentences = [...new Set(splitSentences(summaryBody))];
  const sentenceGrams = sentences.map((s) => bigrams(s));
  const documentFrequency = new Map<string, number>();
  for (const grams of sentenceGrams) for (const g of grams) documentFrequency.set(g, (documentFrequency.get(g) ?? 0) + 1);
  const n = Math.max(1, sentences.length);
  // Inverse document frequency over the summary's sentences; a bigram the summary never uses weighs most.
  const weight = (g: string) => Math.log(1 + n / (documentFrequency.get(g) ?? 0.5));

  return tasks.map((task) => {
    const parts = [task.title, ...splitSentences(task.goal ?? '', 4)].map((p) => bigrams(p)).filter((g) => g.size > 0);
    const scored = sentences
      .map((sentence, i) => ({ sentence, score: Math.max(0, ...parts.map((p) => weightedDice(p, sentenceGrams[i]!, weight))) }))
      .sort((a, b) => b.score - a.score || a.sentence.localeCompare(b.sentence));
    const matches = scored.slice(0, top).map((m) => ({ sentence: m.sentence, score: Math.round(m.score * 1000) / 1000 }));
    const best = matches[0];
    if (!best || best.score < threshold) {
      return { task, matches, suggestedStatus: 'not-mentioned' as const, reason: `no sentence scores ${threshold} or more` };
    }
    const cue = statusCues.map((c) => ({ status: c.status, found: c.pattern.exec(best.sentence)?.[0] })).find((c) => c.found);
    return cue
      ? { task, matches, suggestedStatus: cue.status, reason: `the best sentence says “${cue.found}”` }
      : { task, matches, suggestedStatus: 'in-progress' as const, reason: 'the best sentence has no status word: review it' };
  });
}

/** Document id of a file under content/documents/, e.g. `anhui/xuancheng/xuanzhou/2023-h2-summary`. */
export function documentIdFromPath(path: string): string | undefined {
  const match = /(?:^|\/)content\/documents\/(.+)\.md$/.exec(path.replace(/\\/g, '/'));
  return match?.[1];
}

/**
 * YAML the maintainer can paste into the task list's front matter after review: per task its id, the suggested
 * status and, where a sentence matched, the evidence (document id and exact quote).
 */
export function suggestionsYaml(suggestions: readonly TaskSuggestion[], summaryId: string): string {
  const lines = [
    `# Proposed by npm run tasks:suggest from ${summaryId}. Review each task, then copy its status: and evidence:`,
    '# lines into the task with the same id in the task list\'s front matter.',
    'tasks:',
  ];
  for (const s of suggestions) {
    const best = s.matches[0];
    lines.push(`  - id: ${JSON.stringify(s.task.id)}  # ${s.task.title.replace(/\s+/g, ' ')} (best score ${best?.score ?? 0})`);
    lines.push(`    status: ${s.suggestedStatus}`);
    if (s.suggestedStatus !== 'not-mentioned' && best) {
      lines.push('    evidence:');
      lines.push(`      document: ${JSON.stringify(summaryId)}`);
      lines.push(`      quote: ${JSON.stringify(best.sentence)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
