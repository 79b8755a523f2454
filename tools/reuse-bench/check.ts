/**
 * Judges a shared-passage index against what a corpus planted and against the texts themselves, by a rule
 * independent of the detector's: a planted copy is found when the copy's page marks every planted sentence as
 * standing in the source; a claim is false when a marked sentence is not, letters and spaces aside, in the full
 * text of any document its passage links to, or a link's anchor names no sentence there.
 *
 * It judges document by document, never holding every text: a first pass reads each document's entry and
 * writes down what it claims of the documents it links to (these sentences are in you, you mark this anchor);
 * a second pass reads each linked document's text once and settles every claim made of it. What is held is
 * the claims as numbers and each distinct claimed sentence once.
 */
import { sharedSentenceAnchor } from '../../src/domain/anchors.ts';
import type { ReuseIndex } from '../../src/domain/reuse/shared-passages.ts';

export interface PlantedCopy {
  source: string;
  target: string;
  sentences: readonly string[];
}

export interface ReuseCheck {
  planted: number;
  found: number;
  missed: PlantedCopy[];
  claims: number;
  falseClaims: string[];
}

/** NFKC, no white space, no closing mark: the loosest reading under which "the same text" still holds. */
const plain = (text: string) => text.normalize('NFKC').replace(/\s+/gu, '').replace(/[。.;!?]+$/u, '');

/** Strings numbered in the order first seen, each held once. */
class Numbered {
  private readonly numbers = new Map<string, number>();
  readonly values: string[] = [];
  number(value: string): number {
    let n = this.numbers.get(value);
    if (n === undefined) this.numbers.set(value, (n = this.values.push(value) - 1));
    return n;
  }
}

/**
 * `ids` are the documents in the order `textOf` reads them (by position); `textOf(d)` is document d's full
 * text (its runs joined), read once per document a claim is made of.
 */
export function checkReuse(index: ReuseIndex, ids: readonly string[], textOf: (document: number) => string, planted: readonly PlantedCopy[]): ReuseCheck {
  const position = new Map(ids.map((id, d) => [id, d]));
  const plantedIn = Map.groupBy(planted, (copy) => copy.target);
  const missed = new Set<PlantedCopy>(planted.filter((copy) => !index.byDocument.has(copy.target)));
  const sentences = new Numbered();
  const anchors = new Numbered();
  // A claim group is one passage of one document: its marked sentences, any of which must stand in some linked document.
  const groupDocument: number[] = [];
  const groupFirstMark: number[] = [0];
  const markSentence: number[] = [];
  // What each group says of each document it links to: (linked document, group, anchor).
  const ofDocument: number[] = [];
  const ofGroup: number[] = [];
  const ofAnchor: number[] = [];
  const falseClaims: string[] = [];
  let claims = 0;

  for (const [id, reuse] of index.byDocument) {
    for (const copy of plantedIn.get(id) ?? []) {
      const all = copy.sentences.every((sentence) => {
        const mark = reuse.marks.find((m) => plain(m.text) === plain(sentence));
        return mark !== undefined && reuse.passages[mark.passage - 1]!.alsoIn.some((link) => link.document === copy.source);
      });
      if (!all) missed.add(copy);
    }
    const d = position.get(id)!;
    const marksOf = Map.groupBy(reuse.marks, (mark) => mark.passage);
    for (const passage of reuse.passages) {
      const group = groupDocument.push(d) - 1;
      for (const mark of marksOf.get(passage.number) ?? []) {
        claims++;
        markSentence.push(sentences.number(plain(mark.text)));
      }
      groupFirstMark.push(markSentence.length);
      for (const link of passage.alsoIn) {
        const other = position.get(link.document);
        if (other === undefined) {
          falseClaims.push(`${id}: passage ${passage.number} links to ${link.document}, which is not a document`);
          continue;
        }
        ofDocument.push(other);
        ofGroup.push(group);
        ofAnchor.push(anchors.number(link.anchor));
      }
    }
  }

  const markSettled = new Uint8Array(markSentence.length);
  // The claims made of each document, grouped by it (a counting sort), then settled reading its text once.
  const claimStart = new Int32Array(ids.length + 1);
  for (const other of ofDocument) claimStart[other + 1]!++;
  for (let d = 0; d < ids.length; d++) claimStart[d + 1]! += claimStart[d]!;
  const claimOrder = new Int32Array(ofDocument.length);
  {
    const at = claimStart.slice(0, ids.length);
    ofDocument.forEach((other, k) => (claimOrder[at[other]!++] = k));
  }
  for (let other = 0; other < ids.length; other++) {
    if (claimStart[other] === claimStart[other + 1]) continue;
    const text = plain(textOf(other));
    const marked = new Set((index.byDocument.get(ids[other]!)?.marks ?? []).map((m) => sharedSentenceAnchor(m.text)));
    for (let c = claimStart[other]!; c < claimStart[other + 1]!; c++) {
      const k = claimOrder[c]!;
      const group = ofGroup[k]!;
      for (let m = groupFirstMark[group]!; m < groupFirstMark[group + 1]!; m++) {
        if (markSettled[m] === 0 && text.includes(sentences.values[markSentence[m]!]!)) markSettled[m] = 1;
      }
      const anchor = anchors.values[ofAnchor[k]!]!;
      if (!marked.has(anchor)) falseClaims.push(`${ids[groupDocument[group]!]}: a passage links to #${anchor} of ${ids[other]}, which marks no such sentence`);
    }
  }
  for (let group = 0; group < groupDocument.length; group++) {
    for (let m = groupFirstMark[group]!; m < groupFirstMark[group + 1]!; m++) {
      if (markSettled[m] === 0) falseClaims.push(`${ids[groupDocument[group]!]}: "${sentences.values[markSentence[m]!]}" is in none of the documents its passage links to`);
    }
  }
  const missedInOrder = planted.filter((copy) => missed.has(copy));
  return { planted: planted.length, found: planted.length - missedInOrder.length, missed: missedInOrder, claims, falseClaims };
}
