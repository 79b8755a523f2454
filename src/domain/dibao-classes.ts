/**
 * What a document's A/B/C 类 (classes of 低保, 分类施保) mean, as the document itself says: a reader shown
 * "A类 550 元/人/月" needs to know who is A类. Many documents only list the amounts per class
 * (城市低保A类由500元提高至550元), so the meaning is taken from the body only where a sentence defines a class —
 * `A类（…）`, `A类对象为…`, `A类是指…`, `A类：…` — and never from a sentence that gives an amount; where the body
 * defines none, pages say what 分类施保 is in general and that this document does not define its classes.
 */
import type { MetricValue } from '../schemas/metric.ts';

export type DibaoClass = NonNullable<MetricValue['category']>;

export interface ClassDefinition {
  category: DibaoClass;
  /** Who belongs to the class, in the document's words: `无劳动能力、无生活来源、无法定赡养人的对象`. */
  definition: string;
  /** The exact fragment of the body it comes from: `A类对象为无劳动能力、无生活来源、无法定赡养人的对象`. */
  fragment: string;
}

/** Said where the document defines no class: what the classes are in general, with nothing made up about this place. */
export function classInGeneral(category: DibaoClass): string {
  return `${category}类是“分类施保”的一档：当地按低保家庭的困难程度分档、各档标准不同；本文未写明${category}类的认定条件。`;
}

// `A类` (also full-width `Ａ类`), optionally `对象`/`人员`/`家庭`/`低保对象`, then a parenthesis or a defining verb.
const definitionPattern = /([ABCＡＢＣ])类(?:低保)?(?:对象|人员|家庭|户)?(?:（([^（）]{2,80})）|\(([^()]{2,80})\)|(?:是指|指的是|主要是|主要为|指|为|是|：|:)([^，,。；;：:]{2,80}))/gu;
// A clause stating an amount or a share is a standard, not a definition: `A类为550元/人/月`, `A类：提高10%`.
const amountPattern = /\d+(?:\.\d+)?\s*(?:元|%|％|万|张|人次)|提高|由\d|调整/u;
const fullWidth: Record<string, DibaoClass> = { Ａ: 'A', Ｂ: 'B', Ｃ: 'C' };

/** The definitions of A/B/C the body states, at most one per class (the first). */
export function classDefinitions(body: string): Map<DibaoClass, ClassDefinition> {
  const found = new Map<DibaoClass, ClassDefinition>();
  for (const match of body.matchAll(definitionPattern)) {
    const letter = match[1]!;
    const category = (fullWidth[letter] ?? letter) as DibaoClass;
    const definition = (match[2] ?? match[3] ?? match[4] ?? '').trim();
    if (found.has(category) || definition.length < 2 || amountPattern.test(definition)) continue;
    found.set(category, { category, definition, fragment: match[0] });
  }
  return found;
}

/** What a figure's class means: the document's definition, or 分类施保 in general; nothing for a figure without a class. */
export function classMeaning(category: DibaoClass | undefined, definitions: ReadonlyMap<DibaoClass, ClassDefinition>): { text: string; fragment?: string } | undefined {
  if (!category) return undefined;
  const own = definitions.get(category);
  if (own) return { text: `${category}类：${own.definition}（原文：“${own.fragment}”）`, fragment: own.fragment };
  return { text: classInGeneral(category) };
}
