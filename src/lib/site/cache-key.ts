import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Cache keys for Astro's incremental build: a stable digest of a JSON-serialisable
 * value. Stable means independent of key order, Map/Set insertion order and object
 * identity, so the same data always gives the same key, and any change to what a
 * page is given changes it.
 *
 * Content-collection entries (objects with `collection`, `id` and a `digest` string)
 * are reduced to those fields and their file's path: Astro's digest already covers the file's front
 * matter and body, and a page's props can then hold whole posts without hashing
 * their rendered bodies again.
 */

/**
 * A content-collection entry as it takes part in a key. Its digest covers the file's bytes
 * only, so the key adds what else the entry renders from: the file's path (a post renamed
 * from `.mdx` to `.md` keeps its bytes but renders differently) and the bytes of the assets
 * Astro recorded for it (`assetImports`: a Markdown post's images, whose replacement changes
 * their hashed address but not the post's file).
 */
function entryRef(value: object): Record<string, unknown> | undefined {
  const v = value as { collection?: unknown; id?: unknown; digest?: unknown; filePath?: unknown; assetImports?: unknown };
  if (typeof v.collection !== 'string' || typeof v.id !== 'string' || typeof v.digest !== 'string') return undefined;
  const filePath = typeof v.filePath === 'string' ? v.filePath : undefined;
  const assets = filePath && Array.isArray(v.assetImports) && v.assetImports.length > 0 ? assetBytes(filePath, v.assetImports) : undefined;
  return { collection: v.collection, id: v.id, digest: v.digest, ...(filePath ? { filePath } : {}), ...(assets ? { assets } : {}) };
}

/** Digest of each local asset (`./images/x.png`, relative to the entry's file) by its path. */
function assetBytes(filePath: string, imports: unknown[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const spec of imports) {
    if (typeof spec !== 'string' || !/^\.{1,2}\//.test(spec)) continue;
    const file = resolve(dirname(resolve(filePath)), spec.split(/[?#]/)[0]!);
    out[spec] = fileDigest(file);
  }
  return out;
}

/** Asset digests by path, size and time: an image shared by many pages is read once. */
const fileDigests = new Map<string, string>();
function fileDigest(file: string): string {
  if (!existsSync(file)) return 'missing';
  const { size, mtimeMs } = statSync(file);
  const seen = `${file}\0${size}\0${mtimeMs}`;
  let d = fileDigests.get(seen);
  if (d === undefined) {
    d = createHash('sha256').update(readFileSync(file)).digest('base64url');
    fileDigests.set(seen, d);
  }
  return d;
}

/** `value` as plain JSON data with a canonical order (the input of `digestOf`). */
export function canonical(value: unknown, seen: Set<object> = new Set()): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (value === undefined) return undefined;
  if (typeof value === 'function' || typeof value === 'symbol') {
    throw new TypeError(`cache key: a ${typeof value} cannot be part of a page's key; pass data, not code`);
  }
  if (value instanceof Date) return { $date: Number.isNaN(value.getTime()) ? 'invalid' : value.toISOString() };
  if (value instanceof URL) return { $url: value.href };
  if (seen.has(value)) throw new TypeError('cache key: the value refers to itself; pass a tree of data');
  seen.add(value);
  try {
    const ref = entryRef(value);
    if (ref) return { $entry: ref };
    if (value instanceof Map) return { $map: sortPairs([...value].map(([k, v]) => [canonical(k, seen), canonical(v, seen)])) };
    if (value instanceof Set) return { $set: [...value].map((v) => canonical(v, seen)).sort(byJson) };
    if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : canonical(v, seen)));
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = canonical((value as Record<string, unknown>)[key], seen);
      if (v !== undefined) out[key] = v;
    }
    return out;
  } finally {
    seen.delete(value);
  }
}

const byJson = (a: unknown, b: unknown) => {
  const x = JSON.stringify(a);
  const y = JSON.stringify(b);
  return x < y ? -1 : x > y ? 1 : 0;
};
const sortPairs = (pairs: [unknown, unknown][]) => pairs.sort((a, b) => byJson(a[0], b[0]));

/** A short, stable digest of any JSON-serialisable value (SHA-256, base64url). */
export function digestOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(canonical(value)) ?? 'undefined').digest('base64url');
}
