import { createHash } from 'node:crypto';
import type { SearchDocument } from './records';

/** Files Pagefind writes that this site never loads: it has its own small UI. */
const UNUSED_UI_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

/**
 * Bundle files to delete after writing, given `pagefind-entry.json`: the UIs, and the
 * stemmer-less `wasm.unknown.pagefind` when every indexed language has its own WASM.
 */
export function unusedFiles(entryJson: string): string[] {
  const entry = JSON.parse(entryJson) as { languages?: Record<string, { wasm?: string | null }> };
  const languages = Object.values(entry.languages ?? {});
  const unknownNeeded = languages.length === 0 || languages.some((l) => !l.wasm);
  return unknownNeeded ? [...UNUSED_UI_FILES] : [...UNUSED_UI_FILES, 'wasm.unknown.pagefind'];
}

/** How a bundle is written from its records: anything here that changes, changes the bundle. */
export interface BundleSettings {
  /** Pagefind's version: another version may write another bundle format. */
  pagefindVersion: string;
  /** The options given to Pagefind's `createIndex`. */
  indexOptions: Readonly<Record<string, unknown>>;
}

/**
 * Hex SHA-256 of a bundle's input: every record (URL and the whole document Pagefind
 * reads) in URL order, and how they are indexed. Two builds with the same digest write
 * the same bundle, whatever code made the records: the records are the proof, so no
 * list of source files has to be kept by hand.
 */
export function recordsDigest(records: Iterable<SearchDocument>, settings: BundleSettings): string {
  const hash = createHash('sha256');
  hash.update(`${JSON.stringify({ pagefind: settings.pagefindVersion, options: settings.indexOptions, unused: UNUSED_UI_FILES })}\n`);
  const sorted = [...records].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  for (const r of sorted) hash.update(`${r.url.length}:${r.url}${Buffer.byteLength(r.html)}:`).update(r.html);
  return hash.digest('hex');
}

export interface KeptBundlePlan {
  /** Copy the kept bundle instead of indexing the records. */
  reuse: boolean;
  /** The kept bundle's folder name under the cache folder. */
  keep: string;
  /** Older kept bundles of the same kind to delete (only the current one is worth keeping). */
  stale: string[];
}

/** Name of the kept bundle of `kind` for a digest (short: it only has to tell builds apart). */
export const keptBundleName = (kind: string, digest: string) => `${kind}-${digest.slice(0, 32)}`;

/** What to do, given the digest and the folder names now in the cache folder. */
export function planKeptBundle(kind: string, digest: string, kept: readonly string[]): KeptBundlePlan {
  const keep = keptBundleName(kind, digest);
  return {
    reuse: kept.includes(keep),
    keep,
    stale: kept.filter((name) => name !== keep && name.startsWith(`${kind}-`) && /^[0-9a-f]{32}(\.partial-\d+)?$/.test(name.slice(kind.length + 1))),
  };
}
