import { isLocalPath, isSiteRoute, redirectablePath } from '../../redirects';
import { entryKey, type SourceEntry } from '../parsed';
import { BLOGGER_PAGE_PATH, BLOGGER_POST_PATH, parseOldUrl, urlKey, type SiteHosts } from '../old-urls';
import type { MigrationReport } from '../report';
import type { ExistingIndex } from './entries';
import { pathOfTarget, type Placed } from './types';

/**
 * Phase 3, the old-URL map: every old address of every post and page (and those
 * already on the site) -> its target here, made once and used for internal links,
 * redirects and matching comments to posts.
 */

export class OldUrlMap {
  constructor(
    private readonly site: SiteHosts,
    /** URL key ("site/2008/11/x.html", "example.com/x") -> target. */
    readonly byUrl: ReadonlyMap<string, string>,
    /** Blogger post or page id -> target. */
    readonly byBloggerId: ReadonlyMap<string, string>,
    /** SourceEntry key (system|sourceId) -> target. */
    readonly byEntryKey: ReadonlyMap<string, string>,
  ) {}

  /** The target an old URL leads to (`/index.html` and the folder are the same page). */
  lookup(url: string): string | undefined {
    const k = urlKey(url, this.site);
    if (!k) return undefined;
    return this.byUrl.get(k) ?? this.byUrl.get(k.replace(/\/index\.html?$/, '') || k);
  }

  /**
   * A link in a body: its new href, `undefined` to keep it (not the old blog's), or
   * `null` for a post or page of the old blog we do not have (kept, and reported).
   */
  readonly rewriteHref = (href: string): string | null | undefined => {
    const u = parseOldUrl(href, this.site);
    if (!u || u.host !== 'site') return undefined;
    const query = u.query ? `?${u.query}` : '';
    const target = this.byUrl.get(`site${u.path}${query}`) ?? this.byUrl.get(`site${u.path}`);
    const fragment = u.fragment ? `#${u.fragment}` : '';
    if (target) return `${pathOfTarget(target)}${fragment}`;
    if (BLOGGER_POST_PATH.test(u.path) || BLOGGER_PAGE_PATH.test(u.path)) return null;
    // Archives, labels, feeds, the home page: the same paths still work here.
    return `${u.path}${query}${fragment}`;
  };
}

/** Built in claim order, so an address two entries share stays with the one that kept it. */
export function buildOldUrlMap(
  placed: readonly Placed[],
  index: ExistingIndex,
  commentsOnly: ReadonlyMap<SourceEntry, string>,
  site: SiteHosts,
): OldUrlMap {
  const byUrl = new Map<string, string>(index.byUrl);
  const byBloggerId = new Map<string, string>(index.commentTargetByBloggerId);
  const byEntryKey = new Map<string, string>();
  for (const p of placed) byUrl.set(`site${pathOfTarget(p.target)}`, p.target);
  for (const p of placed) {
    const k = p.entry.url ? urlKey(p.entry.url, site) : undefined;
    if (k && !byUrl.has(k)) byUrl.set(k, p.target);
    if (p.entry.bloggerId) byBloggerId.set(p.entry.bloggerId, p.target);
    byEntryKey.set(entryKey(p.entry.system, p.entry.sourceId), p.target);
  }
  // A WordPress item that repeats a post: its comments go to that post.
  for (const [e, t] of commentsOnly) if (t) byEntryKey.set(entryKey(e.system, e.sourceId), t.startsWith('site') ? (byUrl.get(t) ?? t) : t);
  return new OldUrlMap(site, byUrl, byBloggerId, byEntryKey);
}

/** The old address of every placed entry, and a redirect for each one that moved. */
export function reportAddresses(placed: readonly Placed[], urls: OldUrlMap, site: SiteHosts, legacyUrl: (e: SourceEntry) => string | undefined, report: MigrationReport) {
  for (const p of placed) {
    const k = p.entry.url ? urlKey(p.entry.url, site) : undefined;
    if (!k || !p.oldPath) continue;
    const newPath = pathOfTarget(p.target);
    report.addresses.push({ from: legacyUrl(p.entry) ?? p.entry.url!, to: newPath });
    const from = redirectablePath(p.entry.url!);
    if (urls.byUrl.get(k) !== p.target || !from || from === newPath) continue;
    if (isSiteRoute(from) || !isLocalPath(from)) {
      report.warnings.push(`${p.entry.file}: the old address ${from} of ${newPath} is one of this site's own routes (or not a path): no redirect is made from it`);
    } else report.redirects.push({ from, to: newPath });
  }
}
