/**
 * The bench's judge (tools/reuse-bench/check.ts) against an index written by hand, so that what it calls found,
 * missed or false does not depend on the detector it judges.
 */
import { describe, expect, it } from 'vitest';
import { sharedSentenceAnchor } from '../../../src/domain/anchors.ts';
import type { DocumentReuse, ReuseIndex } from '../../../src/domain/reuse/shared-passages.ts';
import { checkReuse } from '../../../tools/reuse-bench/check.ts';

const copied = '全市城乡低保标准提高到每人每月780元。';
const invented = '这一句并不在任何其他文件里出现。';
const texts = [`甲地的开头。${copied}`, `乙地的开头。${copied}`, '丙地自己的文字，与别处不同。'];
const ids = ['a', 'b', 'c'];

function entry(marks: string[], alsoIn: { document: string; anchor: string }[]): DocumentReuse {
  return {
    passages: [{ number: 1, text: marks.join(''), chars: 0, anchor: sharedSentenceAnchor(marks[0]!), alsoIn, otherDocuments: alsoIn.length }],
    marks: marks.map((text, i) => ({ text, passage: 1, last: i === marks.length - 1 })),
    sharedChars: 0,
    totalChars: 0,
    sharedWith: alsoIn.length,
  };
}

function indexOf(byDocument: Record<string, DocumentReuse>): ReuseIndex {
  return { byDocument: new Map(Object.entries(byDocument)) } as unknown as ReuseIndex;
}

describe('checkReuse', () => {
  it('finds a planted copy marked on the copy’s page as standing in the source, with no false claim', () => {
    const index = indexOf({ a: entry([copied], [{ document: 'b', anchor: sharedSentenceAnchor(copied) }]), b: entry([copied], [{ document: 'a', anchor: sharedSentenceAnchor(copied) }]) });
    const reads: number[] = [];
    const result = checkReuse(index, ids, (d) => (reads.push(d), texts[d]!), [{ source: 'a', target: 'b', sentences: [copied] }]);
    expect(result).toMatchObject({ planted: 1, found: 1, missed: [], claims: 2, falseClaims: [] });
    // Each linked document's text is read once, and a document nothing links to not at all.
    expect(reads.sort()).toEqual([0, 1]);
  });

  it('calls a marked sentence false when no linked document holds it', () => {
    const index = indexOf({
      a: entry([copied, invented], [{ document: 'b', anchor: sharedSentenceAnchor(copied) }]),
      b: entry([copied], [{ document: 'a', anchor: sharedSentenceAnchor(copied) }]),
      c: entry([invented], [{ document: 'a', anchor: sharedSentenceAnchor(invented) }]),
    });
    const result = checkReuse(index, ids, (d) => texts[d]!, []);
    expect(result.claims).toBe(4);
    // a's text does not hold it either, though a marks it: c's claim is as false as a's.
    expect(result.falseClaims.sort()).toEqual([`a: "${invented.replace(/。$/u, '')}" is in none of the documents its passage links to`, `c: "${invented.replace(/。$/u, '')}" is in none of the documents its passage links to`]);
  });

  it('misses a planted copy whose page does not link the source, and calls a link false when its anchor is marked nowhere there', () => {
    const index = indexOf({ b: entry([copied], [{ document: 'c', anchor: sharedSentenceAnchor(copied) }]) });
    const result = checkReuse(index, ids, (d) => texts[d]!, [{ source: 'a', target: 'b', sentences: [copied] }]);
    expect(result.found).toBe(0);
    expect(result.missed.map((m) => m.target)).toEqual(['b']);
    expect(result.falseClaims.sort()).toEqual([`b: "${copied.replace(/。$/u, '')}" is in none of the documents its passage links to`, `b: a passage links to #${sharedSentenceAnchor(copied)} of c, which marks no such sentence`]);
  });
});
