/**
 * When the site's content last changed, read from the content itself: the newest date any document carries
 * (published 发布日期, written 成文日期, or source.retrieved 获取日期 — the day a maintainer copied it). Never the
 * build clock: two builds of one commit must be byte-identical (tests/e2e/deterministic-build.test.ts), and a
 * rebuild that adds nothing should not claim the site changed.
 */

export interface DatedDocument {
  data: { published?: string | undefined; written?: string | undefined; source?: { retrieved?: string | undefined } | undefined };
}

export interface ContentFreshness {
  /** `YYYY-MM-DD`: the newest date of any document. */
  date: string;
  /** Which date that is: the newest document's 发布日期, 成文日期 or 获取日期. */
  kind: 'published' | 'written' | 'retrieved';
}

/** The newest document date, or `undefined` when no document is dated at all. */
export function contentFreshness(documents: readonly DatedDocument[]): ContentFreshness | undefined {
  let newest: ContentFreshness | undefined;
  for (const { data } of documents) {
    // Retrieved before published: on a tie, "copied on" says more about the site's content than "published on".
    for (const [kind, date] of [['retrieved', data.source?.retrieved], ['published', data.published], ['written', data.written]] as const) {
      if (date && (!newest || date > newest.date)) newest = { date, kind };
    }
  }
  return newest;
}

/** What a reader is told: 收录文件中最新的获取日期. */
export const freshnessKindNames: Record<ContentFreshness['kind'], string> = {
  retrieved: '获取日期',
  published: '发布日期',
  written: '成文日期',
};

/**
 * Where a reader reports a mistake: an address as configured (`GONGKAI_CONTACT`), an e-mail address or a web
 * address (an issue tracker's "new issue" page). An e-mail address becomes a `mailto:` link.
 */
export interface CorrectionContact {
  href: string;
  /** The address as shown: `corrections@…` or the web address. */
  label: string;
  kind: 'email' | 'web';
}

/** The placeholder used when `GONGKAI_CONTACT` is unset, on the placeholder origin of `GONGKAI_SITE`. */
export const defaultCorrectionContact = 'corrections@gongkai.example.org';

export function correctionContact(configured: string | undefined): CorrectionContact {
  const value = (configured ?? '').trim() || defaultCorrectionContact;
  if (/^https?:\/\//i.test(value)) return { href: value, label: value, kind: 'web' };
  const address = value.replace(/^mailto:/i, '');
  return { href: `mailto:${address}`, label: address, kind: 'email' };
}
