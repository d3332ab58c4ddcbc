/**
 * Values kept across re-evaluations of the modules that compute them. `astro dev`
 * evaluates `src/data/` again after every content change, which empties every `once`;
 * what is derived from one post (reading time) or from what the whole archive shares
 * (related posts) is kept here, under a key of exactly its input, and computed again
 * only when that input changes. In a build each is computed once, as before.
 */

interface Slot {
  key: string;
  value: unknown;
}

const GLOBAL = Symbol.for('shrinkrap.kept');
type Store = { slots: Map<string, Slot>; items: Map<string, Map<string, unknown>> };
const store: Store = ((globalThis as Record<symbol, Store>)[GLOBAL] ??= { slots: new Map(), items: new Map() });

/** `compute()`, or the value kept under `name` when it was computed for the same `key`. */
export function keptByKey<T>(name: string, key: string, compute: () => T): T {
  const slot = store.slots.get(name);
  if (slot && slot.key === key) return slot.value as T;
  const value = compute();
  store.slots.set(name, { key, value });
  return value;
}

/**
 * `compute(item)` for each item, or the value kept for the item's key (for example
 * a content entry's digest). Only the keys of this call are kept afterwards.
 */
export function keptPerItem<I, T>(name: string, items: readonly I[], keyOf: (item: I) => string, compute: (item: I) => T): T[] {
  const before = store.items.get(name) ?? new Map<string, unknown>();
  const after = new Map<string, unknown>();
  const values = items.map((item) => {
    const key = keyOf(item);
    const value = after.has(key) ? after.get(key) : before.has(key) ? before.get(key) : compute(item);
    after.set(key, value);
    return value as T;
  });
  store.items.set(name, after);
  return values;
}
