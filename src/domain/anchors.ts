/**
 * Stable anchors for quotes: a figure's citation URL is `/documents/<id>/#<anchor>`, so the anchor depends
 * only on the quoted text and survives edits elsewhere in the document.
 */

/** FNV-1a, 32 bit, in base 36: tiny, deterministic, and the same in Node and the browser. */
function textHash(text: string): string {
  let hash = 0x811c9dc5;
  // By code point, as `for (const char of text)` walks, without a string per character: every quote and shared
  // sentence of a page is hashed for its anchor.
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    hash ^= code;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

export function quoteAnchor(quote: string): string {
  return `q-${textHash(quote)}`;
}

/**
 * A sentence that also stands in another document (src/domain/reuse/): the same text-derived rule as a quote,
 * so a link from another page survives edits elsewhere, but its own prefix — a figure's quote is often the
 * whole sentence, and the two marks then nest on one text and must not share an id.
 */
export function sharedSentenceAnchor(sentence: string): string {
  return `p-${textHash(sentence)}`;
}
