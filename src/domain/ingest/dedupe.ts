/**
 * Government pages get reposted by aggregator sites, and a copy often holds the same report twice: once as
 * published and once as another site rewrote it, with the place anonymised ("xx市" for "资兴市"), class
 * letters lower-cased ("a类" for "A类"), stray spaces and the line breaks in other places. A passage that
 * appears twice is kept once; where the copies differ only that way, the specific one is kept. Copies are
 * compared character by character across paragraph boundaries, so a paragraph broken in one copy still
 * matches the whole paragraph in the other.
 */
import type { DroppedLine } from './types.ts';
import { compact } from './text.ts';
import type { Unit } from './units.ts';

/** Stands for an anonymised place name in a comparison key. */
const placeholder = '◇';
/** xx市, XX区, ××县, 某某镇 … */
const anonymised = /(?:[xX×＊*○□]{1,3}|某{1,2})(?=[省市区县州镇乡村局])/g;

export function unitText(unit: Unit): string {
  if (unit.type === 'text') return unit.text;
  return unit.lines.map((line) => line.text).join('');
}

/** Comparison key: no whitespace, ASCII lower case, anonymised names as one placeholder. */
export function comparisonKey(text: string): string {
  return compact(text).replace(anonymised, placeholder).toLowerCase().replace(/[（]/g, '(').replace(/[）]/g, ')').replace(/[，]/g, ',').replace(/[：]/g, ':').replace(/[；]/g, ';');
}

/** How unspecific a copy is: anonymised names weigh most, lower-case class letters (a类) next. */
function vagueness(units: Unit[]): number {
  let score = 0;
  for (const unit of units) {
    const text = unitText(unit);
    score += (text.match(anonymised) ?? []).length * 10;
    score += (text.match(/(?<![A-Za-z])[a-d]类/g) ?? []).length;
  }
  return score;
}

const isHanChar = (char: string | undefined) => char !== undefined && /\p{Script=Han}/u.test(char);

interface Cursor {
  unit: number;
  at: number;
}

/**
 * Walks two copies in step from units `a` and `b`. Returns how many units of each match, ending where both
 * copies are at a unit boundary together; a placeholder matches one to eight Chinese characters.
 */
function matchRun(keys: string[], a: number, b: number, aLimit: number): { aEnd: number; bEnd: number; chars: number } {
  const left: Cursor = { unit: a, at: 0 };
  const right: Cursor = { unit: b, at: 0 };
  let best = { aEnd: a, bEnd: b, chars: 0 };
  let chars = 0;
  while (left.unit < aLimit && right.unit < keys.length) {
    const l = keys[left.unit] ?? '';
    const r = keys[right.unit] ?? '';
    const lc = l[left.at];
    const rc = r[right.at];
    if (lc === rc) {
      left.at += 1;
      right.at += 1;
      chars += 1;
    } else if (lc === placeholder || rc === placeholder) {
      const [ph, other, phKey, otherKey] = lc === placeholder ? [left, right, l, r] : [right, left, r, l];
      const after = phKey[ph.at + 1];
      let skip = 0;
      while (skip < 8 && isHanChar(otherKey[other.at + skip]) && otherKey[other.at + skip] !== after) skip += 1;
      if (skip === 0 || otherKey[other.at + skip] !== after) break;
      ph.at += 1;
      other.at += skip;
      chars += 1;
    } else {
      break;
    }
    const leftDone = left.at >= l.length;
    const rightDone = right.at >= r.length;
    if (leftDone) {
      left.unit += 1;
      left.at = 0;
    }
    if (rightDone) {
      right.unit += 1;
      right.at = 0;
    }
    if (leftDone && rightDone) best = { aEnd: left.unit, bEnd: right.unit, chars };
  }
  return best;
}

export interface Duplicate {
  /** Unit indexes of the copy that is dropped. */
  dropped: number[];
  /** Unit indexes of the copy that is kept. */
  kept: number[];
  /** Why this copy was kept, for the report. */
  why: string;
}

/** A passage must be this long (characters, whitespace ignored) to count as pasted twice. */
const minimumPassage = 60;

/**
 * How many characters of two copies' comparison streams must agree exactly from their first units on, before
 * any placeholder, for the copies to be worth walking: one fewer than a passage needs, so no pair that could
 * match is missed, and long enough that paragraphs which merely open alike (a heading over different text)
 * are not walked against each other.
 */
const signatureLength = minimumPassage - 1;

/**
 * The first `signatureLength` characters of the comparison stream from each unit on (its key and the keys
 * after it), or undefined when fewer characters follow, so no passage can start there.
 */
function streamSignatures(keys: string[]): (string | undefined)[] {
  return keys.map((_, start) => {
    let stream = '';
    for (let i = start; i < keys.length && stream.length < signatureLength; i++) stream += keys[i];
    return stream.length < signatureLength ? undefined : stream.slice(0, signatureLength);
  });
}

/** Ascending unit indexes below `limit` from several ascending lists, each once. */
function* ascending(lists: (readonly number[] | undefined)[], limit: number): Generator<number> {
  const at = lists.map(() => 0);
  for (;;) {
    let next = limit;
    lists.forEach((list, k) => {
      const value = list?.[at[k] ?? 0];
      if (value !== undefined && value < next) next = value;
    });
    if (next >= limit) return;
    lists.forEach((list, k) => {
      if (list?.[at[k] ?? 0] === next) at[k] = (at[k] ?? 0) + 1;
    });
    yield next;
  }
}

const push = (index: Map<string, number[]>, key: string, unit: number) => {
  const list = index.get(key);
  if (list) list.push(unit);
  else index.set(key, [unit]);
};

/** Counts of the work findDuplicates did, for tests that pin how it grows with the input. */
export interface DedupeWork {
  /** Pairs of units walked in step (matchRun calls). */
  walks: number;
}

/**
 * The passages pasted twice (or more). Each unit is compared only with the earlier units that could start the
 * same passage: those whose stream opens with the same `signatureLength` characters, and, where a placeholder
 * (an anonymised name) is among those characters on either side, those with the same first character, as
 * before the index existed. Time grows with the input and the number of real copies, not with its square.
 */
export function findDuplicates(units: Unit[], work: DedupeWork = { walks: 0 }): Duplicate[] {
  const keys = units.map((unit) => comparisonKey(unitText(unit)));
  const signatures = streamSignatures(keys);
  const wild = (signature: string | undefined) => signature !== undefined && signature.includes(placeholder);
  const bySignature = new Map<string, number[]>();
  const byFirst = new Map<string, number[]>();
  const wildByFirst = new Map<string, number[]>();
  signatures.forEach((signature, unit) => {
    if (signature === undefined) return;
    const first = signature[0] ?? '';
    push(byFirst, first, unit);
    if (wild(signature)) push(wildByFirst, first, unit);
    else push(bySignature, signature, unit);
  });
  const everyUnit = units.map((_, i) => i);
  const candidates = (b: number): Generator<number> => {
    const signature = signatures[b];
    if (signature === undefined) return ascending([], b);
    const first = signature[0] ?? '';
    if (!wild(signature)) return ascending([bySignature.get(signature), wildByFirst.get(first), wildByFirst.get(placeholder)], b);
    return first === placeholder ? ascending([everyUnit], b) : ascending([byFirst.get(first), byFirst.get(placeholder)], b);
  };

  const dropped = new Set<number>();
  const duplicates: Duplicate[] = [];
  for (let b = 1; b < units.length; b++) {
    if (dropped.has(b)) continue;
    for (const a of candidates(b)) {
      if (dropped.has(a)) continue;
      work.walks += 1;
      const run = matchRun(keys, a, b, b);
      if (run.chars < minimumPassage) continue;
      // A passage pasted three times: the third copy is compared with the copy kept so far.
      const first = range(a, run.aEnd).filter((i) => !dropped.has(i));
      const second = range(b, run.bEnd);
      const firstVagueness = vagueness(first.map((i) => units[i] as Unit));
      const secondVagueness = vagueness(second.map((i) => units[i] as Unit));
      const keepSecond = secondVagueness < firstVagueness;
      const [kept, drop] = keepSecond ? [second, first] : [first, second];
      const why = keepSecond
        ? `the later copy is kept because it is the specific one (the earlier writes ${describeVagueness(first.map((i) => units[i] as Unit))})`
        : firstVagueness < secondVagueness
          ? `the earlier copy is kept because it is the specific one (the later writes ${describeVagueness(second.map((i) => units[i] as Unit))})`
          : 'the copies are the same; the first is kept';
      duplicates.push({ kept, dropped: drop, why });
      for (const i of drop) dropped.add(i);
      b = run.bEnd - 1;
      break;
    }
  }
  return duplicates;
}

function describeVagueness(units: Unit[]): string {
  const names = new Set<string>();
  let classes = 0;
  for (const unit of units) {
    const text = unitText(unit);
    for (const match of text.matchAll(/(?:[xX×＊*○□]{1,3}|某{1,2})[省市区县州镇乡村局]/g)) names.add(match[0]);
    classes += (text.match(/(?<![A-Za-z])[a-d]类/g) ?? []).length;
  }
  const parts = [];
  if (names.size > 0) parts.push([...names].join('/'));
  if (classes > 0) parts.push('lower-case classes such as a类');
  return parts.join(' and ') || 'less specific text';
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}

/** The dropped lines of a duplicate, each pointing at the first line of the kept passage it repeats. */
export function duplicateDrops(units: Unit[], duplicate: Duplicate): DroppedLine[] {
  const keptLines = duplicate.kept.flatMap((i) => units[i]?.lines ?? []);
  const keptFrom = keptLines[0]?.no ?? 0;
  const keptTo = keptLines.at(-1)?.no ?? keptFrom;
  const span = keptFrom === keptTo ? `line ${keptFrom}` : `lines ${keptFrom}–${keptTo}`;
  return duplicate.dropped.flatMap((i) =>
    (units[i]?.lines ?? []).map((line) => ({ reason: `duplicate of ${span}; ${duplicate.why}`, text: line.text, line: line.no })),
  );
}
