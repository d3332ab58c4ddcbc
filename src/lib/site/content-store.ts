/**
 * Astro's content-layer data store (`<cacheDir>/data-store.json`) keeps every entry with the
 * file it was read from. The glob loader reuses an entry when the new file's bytes have the
 * same digest, without checking that the file is the same: after renaming `x.mdx` to `x.md`
 * the entry still says `x.mdx` (the build then imports a file that is gone), and after
 * `x.md` → `x.mdx` it keeps the old Markdown rendering. An entry whose file no longer exists
 * is stale; removing it before the content sync makes Astro read the renamed file afresh.
 */

/** The part of a stored entry this module reads. */
export interface StoredEntry {
  filePath?: unknown;
}

export interface StaleEntry {
  collection: string;
  id: string;
  filePath: string;
}

/** Entries read from a file (`filePath`, relative to the project root) that `exists` denies. */
export function staleEntries(
  collections: Map<string, Map<string, StoredEntry>>,
  exists: (filePath: string) => boolean,
): StaleEntry[] {
  const stale: StaleEntry[] = [];
  for (const [collection, entries] of collections) {
    if (!(entries instanceof Map)) continue;
    for (const [id, entry] of entries) {
      const filePath = entry?.filePath;
      if (typeof filePath === 'string' && filePath !== '' && !exists(filePath)) stale.push({ collection, id, filePath });
    }
  }
  return stale;
}

/** `collections` without the `stale` entries (a new map; the input is left as it is). */
export function withoutEntries<T>(
  collections: Map<string, Map<string, T>>,
  stale: readonly StaleEntry[],
): Map<string, Map<string, T>> {
  const drop = new Set(stale.map((s) => `${s.collection}\u0000${s.id}`));
  return new Map(
    [...collections].map(([collection, entries]) => [
      collection,
      entries instanceof Map ? new Map([...entries].filter(([id]) => !drop.has(`${collection}\u0000${id}`))) : entries,
    ]),
  );
}
