/**
 * Judges a shared-passage index against what a corpus planted and against the texts themselves, by a rule
 * independent of the detector's: a planted copy is found when the copy's page marks every planted sentence as
 * standing in the source; a claim is false when a marked sentence is not, letters and spaces aside, in the full
 * text of any document its passage links to, or a link's anchor names no sentence there.
 */
import { sharedSentenceAnchor } from '../../src/domain/anchors.ts';
import type { ReuseIndex } from '../../src/domain/reuse/shared-passages.ts';

export interface PlantedCopy {
  source: string;
  target: string;
  sentences: readonly string[];
}

export interface CheckedDocument {
  id: string;
  runs: readonly string[];
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

export function checkReuse(index: ReuseIndex, documents: readonly CheckedDocument[], planted: readonly PlantedCopy[]): ReuseCheck {
  const byId = new Map(documents.map((doc) => [doc.id, doc]));
  const texts = new Map<string, string>();
  const textOf = (id: string) => {
    let text = texts.get(id);
    if (text === undefined) texts.set(id, (text = plain(byId.get(id)?.runs.join('') ?? '')));
    return text;
  };
  const missed = planted.filter((copy) => {
    const reuse = index.byDocument.get(copy.target);
    if (!reuse) return true;
    return !copy.sentences.every((sentence) => {
      const mark = reuse.marks.find((m) => plain(m.text) === plain(sentence));
      return mark !== undefined && reuse.passages[mark.passage - 1]!.alsoIn.some((link) => link.document === copy.source);
    });
  });

  const anchors = new Map([...index.byDocument].map(([id, reuse]) => [id, new Set(reuse.marks.map((m) => sharedSentenceAnchor(m.text)))]));
  const falseClaims: string[] = [];
  let claims = 0;
  for (const [id, reuse] of index.byDocument) {
    for (const mark of reuse.marks) {
      claims++;
      const links = reuse.passages[mark.passage - 1]!.alsoIn;
      if (!links.some((link) => textOf(link.document).includes(plain(mark.text)))) falseClaims.push(`${id}: "${mark.text}" is in none of ${links.map((l) => l.document).join(', ')}`);
    }
    for (const passage of reuse.passages) {
      for (const link of passage.alsoIn) {
        if (!anchors.get(link.document)?.has(link.anchor)) falseClaims.push(`${id}: passage ${passage.number} links to #${link.anchor} of ${link.document}, which marks no such sentence`);
      }
    }
  }
  return { planted: planted.length, found: planted.length - missed.length, missed, claims, falseClaims };
}
