import { describe, expect, it } from 'vitest';
import { quoteAnchor, sharedSentenceAnchor } from '../../src/domain/anchors.ts';

/** The anchor rule as first written (FNV-1a over code points, base 36): published links depend on it staying so. */
function byCodePoints(text: string): string {
  let hash = 0x811c9dc5;
  for (const char of text) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

describe('quote and shared-sentence anchors', () => {
  it('hash by code point, so a character outside the BMP and a lone surrogate give the anchors links already use', () => {
    const texts = ['', '城市低保标准提高到每人每月550元', '𠀀𪚥 乙', 'a\ud800b', '\udc00', '末尾\ud83d', '😀😀 2023年'];
    for (const text of texts) {
      expect(quoteAnchor(text)).toBe(`q-${byCodePoints(text)}`);
      expect(sharedSentenceAnchor(text)).toBe(`p-${byCodePoints(text)}`);
    }
  });

  it('are pinned for a quote, so a change to the rule cannot pass unnoticed', () => {
    expect(quoteAnchor('abc')).toBe('q-7aigaz');
  });
});
