/**
 * Stable anchors for quotes: a figure's citation URL is `/documents/<id>/#<anchor>`, so the anchor depends
 * only on the quoted text and survives edits elsewhere in the document.
 */

/** FNV-1a, 32 bit, in base 36: tiny, deterministic, and the same in Node and the browser. */
function textHash(text: string): string {
  let hash = 0x811c9dc5;
  for (const char of text) {
    hash ^= char.codePointAt(0) ?? 0;
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
