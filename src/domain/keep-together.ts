/**
 * Which parts of a Chinese text must not be broken across lines: numbers with their units, dates and periods.
 *
 * Chinese text may break between any two characters, so a browser is free to set `550` at the end of one line and
 * `元/人/月` at the start of the next, or `2023年上` / `半年` — and in a narrow table cell it does. Pages wrap each
 * part this finds in a no-break span (src/components/KeepTogether.astro); everything else still wraps freely.
 * Runs in Node (pages, the document renderer) and needs nothing else.
 */

export interface TextPart {
  text: string;
  /** `true` for a number with its unit, a date or a period: shown on one line. */
  keep: boolean;
}

/** Units figures are stated in, longest first so `元/人/月` wins over `元`. */
const units = ['元/人/月', '元/人/年', '元/月/人', '元/年/人', '元/月.人', '元/年.人', '元/人·月', '元/人·年', '元/月', '元/年', '万元', '亿元', '元', '万张', '张', '万人', '人次', '人', '%', '个', '家', '户', '岁', '项', '所', '处', '名', '次', '倍'];
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
// At most nine digits, not part of a longer run or a code: a 索引号 (11341703003249426F/202308-00030) may wrap.
const number = String.raw`(?<![\dA-Za-z])\d{1,9}(?:[,，]\d{3})*(?:\.\d+)?(?![\dA-Za-z])`;
const together = new RegExp(
  [
    String.raw`\d{4}\s*[—–-]\s*\d{4}年`, // 2021—2025年
    String.raw`\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?|[上下]半年|底|初)?`, // 2023年8月28日, 2023年上半年, 2023年底
    String.raw`\d{1,2}月\d{1,2}日`, // 8月28日
    String.raw`\d{4}-\d{2}-\d{2}`, // 2023-08-28
    String.raw`${number}\s?(?:${units.map(escape).join('|')})?`, // 550 元/人/月, 6,331张, 55%
  ].join('|'),
  'g',
);

/**
 * The text cut into parts, in order, that join back to exactly the text; a part with `keep` is one unit to keep
 * on a line. A lone digit (序号 `3`, `1.`) is left as it is: it cannot break anyway.
 */
export function keepTogetherParts(text: string): TextPart[] {
  // Every kept part has a digit: most titles, names and quotes are settled by one quick test, not the long pattern.
  if (!/\d/.test(text)) return text === '' ? [] : [{ text, keep: false }];
  const parts: TextPart[] = [];
  let at = 0;
  for (const match of text.matchAll(together)) {
    const start = match.index;
    const found = match[0];
    if (found.length < 2) continue;
    if (start > at) parts.push({ text: text.slice(at, start), keep: false });
    parts.push({ text: found, keep: true });
    at = start + found.length;
  }
  if (at < text.length) parts.push({ text: text.slice(at), keep: false });
  return parts;
}

/** The same parts as HTML: kept parts in `<span class="nobr">`, every part escaped. */
export function keepTogetherHtml(text: string, escapeHtml: (text: string) => string): string {
  return keepTogetherParts(text)
    .map((part) => (part.keep ? `<span class="nobr">${escapeHtml(part.text)}</span>` : escapeHtml(part.text)))
    .join('');
}
