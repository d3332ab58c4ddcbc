import { pagedPath } from '../urls';

export interface Page<T> {
  /** 1-based. */
  number: number;
  total: number;
  items: T[];
  path: string;
  /** Newer posts are on the previous page of a newest-first listing. */
  newerPath?: string;
  olderPath?: string;
}

/** Split a newest-first listing into pages at `first`, `first/page/2/`, … */
export function paginate<T>(items: readonly T[], perPage: number, first: string): Page<T>[] {
  if (!Number.isInteger(perPage) || perPage < 1) throw new RangeError(`perPage must be a positive integer, got ${perPage}`);
  const total = Math.max(1, Math.ceil(items.length / perPage));
  return Array.from({ length: total }, (_, i) => {
    const number = i + 1;
    return {
      number,
      total,
      items: items.slice(i * perPage, number * perPage),
      path: pagedPath(first, number),
      newerPath: number > 1 ? pagedPath(first, number - 1) : undefined,
      olderPath: number < total ? pagedPath(first, number + 1) : undefined,
    };
  });
}

/**
 * Listings that continue into one another, newest first (month archives): as on Blogger,
 * "Older Posts" on a month's last page leads to the next older month and "Newer Posts" on
 * its first page to the last page of the next newer one. Returns new pages.
 */
export function chainListings<T>(groups: readonly (readonly Page<T>[])[]): Page<T>[][] {
  return groups.map((pages, g) =>
    pages.map((page, i) => ({
      ...page,
      newerPath: page.newerPath ?? (i === 0 ? groups[g - 1]?.at(-1)?.path : undefined),
      olderPath: page.olderPath ?? (i === pages.length - 1 ? groups[g + 1]?.[0]?.path : undefined),
    })),
  );
}
