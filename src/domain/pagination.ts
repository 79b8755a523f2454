/** Splits a list into numbered pages; page 1 lives at `base`, page n at `${base}page/${n}/`. */
import { pageUrl } from './urls.ts';

export interface ListPage<T> {
  items: T[];
  currentPage: number;
  lastPage: number;
  total: number;
  url: { prev?: string; next?: string };
}


export function paginateList<T>(items: readonly T[], pageSize: number, base: string): ListPage<T>[] {
  const lastPage = Math.max(1, Math.ceil(items.length / pageSize));
  return Array.from({ length: lastPage }, (_, i) => {
    const n = i + 1;
    return {
      items: items.slice(i * pageSize, n * pageSize),
      currentPage: n,
      lastPage,
      total: items.length,
      url: { ...(n > 1 ? { prev: pageUrl(base, n - 1) } : {}), ...(n < lastPage ? { next: pageUrl(base, n + 1) } : {}) },
    };
  });
}
