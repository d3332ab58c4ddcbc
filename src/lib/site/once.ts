/** A loader that runs once; every later call gets the same promise. */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let cached: Promise<T> | undefined;
  return () => (cached ??= load());
}

/** `once` per key: `load(key)` runs once for each distinct key. */
export function oncePerKey<K, T>(load: (key: K) => Promise<T>): (key: K) => Promise<T> {
  const cached = new Map<K, Promise<T>>();
  return (key) => {
    let p = cached.get(key);
    if (!p) cached.set(key, (p = load(key)));
    return p;
  };
}
