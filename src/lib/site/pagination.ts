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
