/**
 * Date order across the two bundles. Pagefind's mergeIndex combines the answers of the
 * posts and the comments by relevance score only, so a date-sorted search with comments
 * included is run once per content type (each answer sorted by Pagefind) and the two
 * lists are merged here, a page at a time, reading only the dates of the heads.
 */

export type DateOrder = 'asc' | 'desc';

/**
 * Take up to `n` items off the front of the sorted `queues` (which are shortened), in
 * `order` of `dateOf` (ISO strings in one zone compare as text; ties keep queue order).
 */
export async function takeByDate<T>(queues: T[][], n: number, dateOf: (item: T) => Promise<string>, order: DateOrder): Promise<T[]> {
  const taken: T[] = [];
  const before = (a: string, b: string) => (order === 'desc' ? a > b : a < b);
  while (taken.length < n) {
    const heads = await Promise.all(queues.map(async (q) => (q.length > 0 ? dateOf(q[0]!) : undefined)));
    let best = -1;
    heads.forEach((date, i) => {
      if (date !== undefined && (best < 0 || before(date, heads[best]!))) best = i;
    });
    if (best < 0) break;
    taken.push(queues[best]!.shift()!);
  }
  return taken;
}
