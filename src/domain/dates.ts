/**
 * The site's one date style, 2023年8月28日, for every date a reader sees: on pages, in the search results (this
 * module has no imports, so the search script can bundle it) and, by the same rule, in the feed's stylesheet
 * (public/feed.xsl). Machine-readable places keep ISO dates: `<time datetime>`, CSV, JSON, Atom and GB/T 7714
 * citations (whose standard writes [2023-08-28]).
 */

/** `2017-07-20` → `2017年7月20日`; also reads the date part of `2017-07-20T00:00:00+08:00`. Other text is returned unchanged. */
export function dateLabel(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!match) return date;
  return `${Number(match[1])}年${Number(match[2])}月${Number(match[3])}日`;
}

/**
 * The latest of ISO dates (`YYYY-MM-DD` compare as text), or undefined for none: a document's 最近修订 on its page
 * and its feed entry's `<updated>` read the same correction, whatever order its `changes` were written in.
 */
export function latestDate(dates: readonly string[]): string | undefined {
  return dates.reduce<string | undefined>((latest, date) => (latest === undefined || date > latest ? date : latest), undefined);
}
