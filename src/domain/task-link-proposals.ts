/**
 * Proposes which task of a bureau's earlier plan or task list a later one continues (再次提出), for
 * `npm run tasks:suggest -- --region`. It only proposes: the link exists once a maintainer confirms it in content
 * (`tasks[].continues`, src/schemas/task.ts). Tasks are compared as in task-matching.ts: character bigrams with
 * a Dice coefficient weighted by rarity, here rarity among both lists' tasks (养老 in every row of an elderly-care
 * list says little; 床位 or 适老化 a lot). Each earlier task is proposed for at most one later task, best pairs
 * first. Every proposal carries the evidence a link needs: the sentence of each document's body that best sets
 * out its task (an exact fragment, so it can be pasted as a quote).
 */
import type { MetricValue } from '../schemas/metric.ts';
import type { Task } from '../schemas/task.ts';
import { unconfirmedMarker } from './content/task-continuation.ts';
import { bigrams, splitSentences, weightedDice } from './task-matching.ts';

export interface LinkableDocument {
  id: string;
  title: string;
  year: number;
  body: string;
  tasks: readonly Pick<Task, 'id' | 'title' | 'goal' | 'continues'>[];
  /** The document's figures; a figure whose quote lies in a proposal's sentence is that task's figure. */
  metrics?: readonly Pick<MetricValue, 'metric' | 'value' | 'unit' | 'quote' | 'target'>[];
}

/** A metric both sentences of a proposal state a figure of (the same target, 200张 then 300张), as each states it. */
export interface SameMetric {
  metric: string;
  earlier: { value: number; unit: string; target: boolean };
  later: { value: number; unit: string; target: boolean };
}

export interface SentenceEvidence {
  sentence: string;
  /** Weighted Dice of the sentence against the task, 0–1, 3 decimals. */
  score: number;
}

export interface LinkProposal {
  earlierDocument: string;
  later: Pick<Task, 'id' | 'title' | 'goal'>;
  earlier: Pick<Task, 'id' | 'title' | 'goal'>;
  /** How alike the two tasks are, 0–1, 3 decimals. */
  score: number;
  /** The earlier document's sentence for the earlier task; absent when no sentence names it. */
  earlierQuote?: SentenceEvidence;
  /** The later document's sentence for the later task. */
  quote?: SentenceEvidence;
  /** Metrics whose figures both sentences state: a second sign, beside the wording, that the task is the same. */
  sameMetric: SameMetric[];
}

export interface DocumentPairProposals {
  earlier: Pick<LinkableDocument, 'id' | 'title' | 'year'>;
  later: Pick<LinkableDocument, 'id' | 'title' | 'year'>;
  proposals: LinkProposal[];
  /** Later tasks already linked in content (left alone). */
  alreadyLinked: string[];
  /** Earlier tasks no later task is proposed for: 未再提及 candidates, once a maintainer has compared the two. */
  notTakenUp: Pick<Task, 'id' | 'title'>[];
}

export const defaultLinkThreshold = 0.45;
/** Below this a sentence is not offered as a task's quote: the maintainer quotes by hand. */
const minimumSentenceScore = 0.2;

const round = (x: number) => Math.round(x * 1000) / 1000;
const taskText = (task: Pick<Task, 'title' | 'goal'>) => `${task.title}${task.goal ? `，${task.goal}` : ''}`;

/**
 * The body sentence that best sets out `task`, if any names it well enough. Plans often give the task and its
 * goal in two sentences running on (（一）增加养老床位供给。全年新增养老床位200张。), so two adjacent sentences of
 * one paragraph are a candidate too, scored against the title and goal together: the quote then holds both.
 */
export function bestSentence(task: Pick<Task, 'title' | 'goal'>, body: string): SentenceEvidence | undefined {
  const sentences = [...new Set(splitSentences(body))];
  const candidates = [...sentences];
  for (let i = 0; i + 1 < sentences.length; i++) {
    const joined = `${sentences[i]}${sentences[i + 1]}`;
    if (body.includes(joined)) candidates.push(joined);
  }
  const frequency = new Map<string, number>();
  for (const sentence of sentences) for (const g of bigrams(sentence)) frequency.set(g, (frequency.get(g) ?? 0) + 1);
  const n = Math.max(1, sentences.length);
  const weight = (g: string) => Math.log(1 + n / (frequency.get(g) ?? 0.5));
  const whole = bigrams(taskText(task));
  let best: SentenceEvidence | undefined;
  for (const candidate of candidates) {
    const score = weightedDice(whole, bigrams(candidate), weight);
    if (!best || score > best.score) best = { sentence: candidate, score };
  }
  return best && best.score >= minimumSentenceScore ? { sentence: best.sentence, score: round(best.score) } : undefined;
}

/** Proposes, for each later task not yet linked, the earlier task it most likely continues. */
export function proposeLinks(earlier: LinkableDocument, later: LinkableDocument, options: { threshold?: number } = {}): DocumentPairProposals {
  const threshold = options.threshold ?? defaultLinkThreshold;
  const open = later.tasks.filter((t) => !t.continues);
  const all = [...earlier.tasks, ...later.tasks].map((t) => bigrams(taskText(t)));
  const frequency = new Map<string, number>();
  for (const set of all) for (const g of set) frequency.set(g, (frequency.get(g) ?? 0) + 1);
  const n = Math.max(1, all.length);
  const weight = (g: string) => Math.log(1 + n / (frequency.get(g) ?? 0.5));

  const pairs: { later: (typeof open)[number]; earlier: LinkableDocument['tasks'][number]; score: number }[] = [];
  for (const l of open) {
    for (const e of earlier.tasks) {
      // Titles alone first: a goal whose figure changed (200张 → 300张) should not hide the same task.
      const score = Math.max(weightedDice(bigrams(l.title), bigrams(e.title), weight), weightedDice(bigrams(taskText(l)), bigrams(taskText(e)), weight));
      if (score >= threshold) pairs.push({ later: l, earlier: e, score });
    }
  }
  pairs.sort((a, b) => b.score - a.score || a.later.id.localeCompare(b.later.id) || a.earlier.id.localeCompare(b.earlier.id));
  const usedLater = new Set<string>();
  const usedEarlier = new Set<string>();
  // Earlier tasks a confirmed link already continues are taken too.
  for (const t of later.tasks) if (t.continues?.document === earlier.id) usedEarlier.add(t.continues.task);
  const proposals: LinkProposal[] = [];
  for (const pair of pairs) {
    if (usedLater.has(pair.later.id) || usedEarlier.has(pair.earlier.id)) continue;
    usedLater.add(pair.later.id);
    usedEarlier.add(pair.earlier.id);
    const earlierQuote = bestSentence(pair.earlier, earlier.body);
    const quote = bestSentence(pair.later, later.body);
    proposals.push({
      sameMetric: sameMetrics(earlier, earlierQuote, later, quote),
      earlierDocument: earlier.id,
      later: pick(pair.later),
      earlier: pick(pair.earlier),
      score: round(pair.score),
      ...(earlierQuote ? { earlierQuote } : {}),
      ...(quote ? { quote } : {}),
    });
  }
  const order = new Map(later.tasks.map((t, i) => [t.id, i]));
  proposals.sort((a, b) => (order.get(a.later.id) ?? 0) - (order.get(b.later.id) ?? 0));
  return {
    earlier: { id: earlier.id, title: earlier.title, year: earlier.year },
    later: { id: later.id, title: later.title, year: later.year },
    proposals,
    alreadyLinked: later.tasks.filter((t) => t.continues).map((t) => t.id),
    notTakenUp: earlier.tasks.filter((t) => !usedEarlier.has(t.id)).map((t) => ({ id: t.id, title: t.title })),
  };
}

function figuresIn(doc: LinkableDocument, sentence: SentenceEvidence | undefined) {
  return sentence ? (doc.metrics ?? []).filter((m) => sentence.sentence.includes(m.quote)) : [];
}

function sameMetrics(earlier: LinkableDocument, earlierQuote: SentenceEvidence | undefined, later: LinkableDocument, quote: SentenceEvidence | undefined): SameMetric[] {
  const before = figuresIn(earlier, earlierQuote);
  const out: SameMetric[] = [];
  for (const figure of figuresIn(later, quote)) {
    const match = before.find((m) => m.metric === figure.metric);
    if (match) out.push({ metric: figure.metric, earlier: { value: match.value, unit: match.unit, target: match.target === true }, later: { value: figure.value, unit: figure.unit, target: figure.target === true } });
  }
  return out;
}

function pick(task: Pick<Task, 'id' | 'title' | 'goal'>): Pick<Task, 'id' | 'title' | 'goal'> {
  return { id: task.id, title: task.title, ...(task.goal === undefined ? {} : { goal: task.goal }) };
}

/** Whether a proposal can be written as a link: both sentences were found. */
export function isComplete(proposal: LinkProposal): proposal is LinkProposal & { earlierQuote: SentenceEvidence; quote: SentenceEvidence } {
  return proposal.earlierQuote !== undefined && proposal.quote !== undefined;
}

/** The `continues:` block of a proposal, each line indented by `indent`, under the unconfirmed marker. */
export function continuesBlock(proposal: LinkProposal & { earlierQuote: SentenceEvidence; quote: SentenceEvidence }, indent: string): string[] {
  return [
    `${indent}${unconfirmedMarker} (score ${proposal.score}): delete this line once both sentences are checked`,
    `${indent}continues:`,
    `${indent}  document: ${JSON.stringify(proposal.earlierDocument)}`,
    `${indent}  task: ${JSON.stringify(proposal.earlier.id)}`,
    `${indent}  earlier_quote: ${JSON.stringify(proposal.earlierQuote.sentence)}`,
    `${indent}  quote: ${JSON.stringify(proposal.quote.sentence)}`,
  ];
}

export type InsertResult = { text: string; written: string[]; skipped: { task: string; why: string }[] };

/**
 * Puts each complete proposal into the later document's front matter, under its task, as text (the rest of the
 * file is kept byte for byte: a re-dump would rewrite every line a maintainer formatted). A task written in
 * flow style (`- { id: 1-1, … }`), one not found, or one that has `continues` already is skipped with the reason.
 */
export function insertProposals(fileText: string, proposals: readonly LinkProposal[]): InsertResult {
  const eol = fileText.includes('\r\n') ? '\r\n' : '\n';
  const lines = fileText.split(/\r?\n/);
  const end = lines.indexOf('---', 1);
  const skipped: InsertResult['skipped'] = [];
  const written: string[] = [];
  // Insert from the bottom up so the line numbers found stay right.
  const inserts: { at: number; block: string[]; task: string }[] = [];
  for (const proposal of proposals) {
    const id = proposal.later.id;
    if (!isComplete(proposal)) {
      skipped.push({ task: id, why: `no sentence of ${proposal.earlierQuote ? 'this' : 'the earlier'} document names the task: quote it by hand` });
      continue;
    }
    const start = lines.findIndex((line, i) => i > 0 && i < end && new RegExp(`^(\\s*)- id: ["']?${id.replace(/[.]/g, '\\.')}["']?\\s*$`).test(line));
    if (start < 0) {
      skipped.push({ task: id, why: 'its `- id:` line was not found in block style: paste the YAML by hand' });
      continue;
    }
    const dash = /^(\s*)-/.exec(lines[start]!)![1]!.length;
    let stop = start + 1;
    while (stop < end && (lines[stop]!.trim() === '' || /^(\s*)/.exec(lines[stop]!)![1]!.length > dash)) stop++;
    while (stop - 1 > start && lines[stop - 1]!.trim() === '') stop--;
    if (lines.slice(start, stop).some((line) => /^\s*continues:/.test(line))) {
      skipped.push({ task: id, why: 'it has `continues:` already' });
      continue;
    }
    inserts.push({ at: stop, block: continuesBlock(proposal, ' '.repeat(dash + 2)), task: id });
  }
  for (const insert of inserts.sort((a, b) => b.at - a.at)) {
    lines.splice(insert.at, 0, ...insert.block);
    written.push(insert.task);
  }
  return { text: lines.join(eol), written: written.reverse(), skipped };
}

/** YAML to paste under each later task after review (what `--write` would insert). */
export function proposalsYaml(pair: DocumentPairProposals): string {
  const out = [`# ${pair.later.id}: proposed by npm run tasks:suggest -- --region. Check both sentences, then paste each continues: under its task.`];
  for (const proposal of pair.proposals) {
    out.push(`# task ${proposal.later.id} (${proposal.later.title}) continues ${pair.earlier.id} task ${proposal.earlier.id}`);
    if (isComplete(proposal)) out.push(...continuesBlock(proposal, '').slice(1));
    else out.push('# no sentence found for one side: quote it by hand');
  }
  return `${out.join('\n')}\n`;
}
