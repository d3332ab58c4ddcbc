import { getCollection } from 'astro:content';
import { digestOf } from '../lib/site/cache-key';
import { once } from '../lib/site/once';
import { siteConfig } from '../site.config';
import { settings } from './settings';
import { getAuthors, getSidebarData } from './content';

/**
 * Cache keys for `experimental.incrementalBuild`. A page's key is a digest of exactly
 * what it is given (its props), plus what every page shares: the site's settings and
 * authors and, for pages with the sidebar, what the sidebar shows. Anything a page
 * renders must reach it through props (src/data), so a new feature is keyed without
 * touching this file. Template and data-module changes are Astro's side (the route's
 * dependency hash).
 */

/** Settings and data every page may show: site config, address, drafts, authors, label notes. */
const siteDigest = once(async () => {
  const [authors, labels] = await Promise.all([getAuthors(), getCollection('labels')]);
  return digestOf({
    siteConfig,
    site: settings.site,
    base: settings.base,
    includeDrafts: settings.includeDrafts,
    authors: [...authors.values()],
    labels,
  });
});

/** What the sidebar shows on every page: the archive tree (every title), contributors, labels. */
export const sidebarDigest = once(async () => digestOf(await getSidebarData()));

/**
 * The key of a page given `props`. `sidebar`: the page shows the sidebar (every HTML page
 * with the site layout); feeds and files do not.
 */
export async function pageCacheKey(props: unknown, options: { sidebar: boolean }): Promise<string> {
  const [site, sidebar] = await Promise.all([siteDigest(), options.sidebar ? sidebarDigest() : undefined]);
  return digestOf({ props, site, sidebar });
}

/** Adds each path's `cacheKey`, computed from its props. */
export async function withCacheKeys<T extends { props?: unknown }>(paths: readonly T[], options: { sidebar: boolean }): Promise<(T & { cacheKey: string })[]> {
  // `astro dev` never reads a key, and computing them all again after each edit was a large
  // part of the preview's wait (docs/PERFORMANCE.md, "The authors' preview").
  if (import.meta.env.DEV) return paths.map((p) => ({ ...p, cacheKey: '' }));
  return Promise.all(paths.map(async (p) => ({ ...p, cacheKey: await pageCacheKey(p.props ?? {}, options) })));
}
