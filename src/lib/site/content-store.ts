/**
 * Astro keeps the content layer's store in two places: `astro build` in its cacheDir
 * (kept between builds and by CI), `astro dev` in `.astro/` (where Vite's watcher sees it).
 * A dev server that starts without a store of its own, or with one older than the last
 * build's, reads and renders every post again (22 s at 2,000 posts) although the build
 * has just done so. Starting from the newer store is safe: on its first sync Astro still
 * compares every file's digest with the store, and clears the store when the config,
 * the content config or Astro's version differ from the ones it was made with.
 */

/** The content store's file name, in both places (Astro's DATA_STORE_FILE). */
export const CONTENT_STORE_FILE = 'data-store.json';

export interface StoreFile {
  /** Last modification, ms since the epoch. */
  mtimeMs: number;
  size: number;
}

/** Whether the dev server should start from the build's store. */
export function startFromBuildStore(build: StoreFile | undefined, dev: StoreFile | undefined): boolean {
  if (!build || build.size === 0) return false;
  return !dev || dev.size === 0 || dev.mtimeMs < build.mtimeMs;
}
