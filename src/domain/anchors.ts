/**
 * Stable anchors for quotes: a figure's citation URL is `/documents/<id>/#<anchor>`, so the anchor depends
 * only on the quoted text and survives edits elsewhere in the document.
 */
export function quoteAnchor(quote: string): string {
  // FNV-1a, 32 bit: tiny, deterministic, and the same in Node and the browser.
  let hash = 0x811c9dc5;
  for (const char of quote) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `q-${hash.toString(36)}`;
}
