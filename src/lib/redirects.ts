import {
  bloggerPostCommentsFeedPath,
  commentsFeedPath,
  labelFeedPath,
  labelPath,
  legacyMonthArchivePath,
  monthPath,
  pagePath,
  postCommentsFeedPath,
  postPath,
  postsFeedPath,
} from './urls';
import { pad2, zonedParts } from './dates';
import { commentAnchor, commentPermalink } from './comment-address';

/**
 * Old Blogger addresses -> addresses on this site. Most old paths exist here as
 * files (posts, pages, archives, label pages, feeds); the rest become host
 * redirects in `_redirects` (Netlify and Cloudflare Pages share the format):
 * renamed slugs, Blogger's label feeds, feed aliases and Blogger's per-post comment feeds.
 *
 * Query strings are never matched: static hosts ignore them, so `?m=1` (Blogger's
 * mobile switch) and `?showComment=…` already land on the right file, and the
 * comment's `#c…` anchor is kept by the browser. (Netlify could match queries,
 * Cloudflare cannot and would misread such a rule.) Cloudflare also applies a rule
 * even where a file exists, so no rule ever starts at a path that is a page here.
 */

export interface RedirectPost {
  /** Post id ("2008/11/slug"). */
  id: string;
  legacyUrl?: string;
  bloggerId?: string;
  labels: readonly string[];
  /** RFC 3339 date: the month archives that list the post follow it (not the URL's month, which can differ). */
  published?: string;
}

export interface RedirectPage {
  /** Page slug ("about"). */
  id: string;
  legacyUrl?: string;
}

export interface RedirectInput {
  posts: readonly RedirectPost[];
  pages: readonly RedirectPage[];
  /** Every label with a page (canonical spellings). */
  labels: readonly string[];
  /** Other spellings in use -> canonical label (their old feeds lead to the canonical feed). */
  labelSpellings?: ReadonlyMap<string, string>;
  /** Comments with their post, for comment permalinks in the URL map. */
  comments?: readonly { postId: string; id: string; published: string }[];
  /** The blog's time zone: a post's archive month is its date there. */
  timeZone?: string;
}

export interface RedirectRule {
  from: string;
  to: string;
  status: 301;
}

export interface OldUrl {
  /** The old address, root-relative, as Blogger served it (query and fragment included). */
  old: string;
  /** Where it leads here (root-relative; fragment kept). */
  to: string;
  kind: 'post' | 'page' | 'post-mobile' | 'comment' | 'label' | 'label-feed' | 'month-archive' | 'feed' | 'post-comments-feed';
}

/** Blogger feed aliases old subscribers may still poll. */
const FEED_ALIASES: readonly [string, string][] = [
  ['/atom.xml', postsFeedPath()],
  ['/feeds/posts/full', postsFeedPath()],
  ['/feeds/posts/summary', postsFeedPath()],
  ['/feeds/comments/full', commentsFeedPath()],
  ['/feeds/comments/summary', commentsFeedPath()],
];

/** One spelling for percent-encoding, as hosts compare paths: decode each segment, encode it again. */
export function normalisePath(path: string): string {
  return path
    .split('/')
    .map((segment) => {
      try {
        return encodeURIComponent(decodeURIComponent(segment));
      } catch {
        return segment;
      }
    })
    .join('/');
}

/** The path part of an old permalink, normalised the way hosts compare paths. */
export function legacyPath(url: string): string | undefined {
  try {
    return normalisePath((url.startsWith('/') ? new URL(url, 'http://x.invalid') : new URL(url)).pathname);
  } catch {
    return undefined;
  }
}

/**
 * The old path a host rule can redirect, or undefined: an address told apart only
 * by its query (WordPress's /?p=123) cannot be matched without query rules, and
 * the home page is never redirected.
 */
export function redirectablePath(url: string): string | undefined {
  try {
    const u = url.startsWith('/') ? new URL(url, 'http://x.invalid') : new URL(url);
    if (u.search && u.search !== '?') {
      const rest = [...u.searchParams.keys()].filter((k) => k !== 'm');
      if (rest.length > 0) return undefined;
    }
  } catch {
    return undefined;
  }
  const path = legacyPath(url);
  return path && path !== '/' ? path : undefined;
}

/** Folders that belong to the site: no old address may become a rule inside them. */
const SITE_AREAS = ['/feeds/', '/search/', '/labels/', '/archive/', '/authors/', '/exports/', '/pagefind/', '/_astro/', '/page/'];
/** Single files of the site (and the folder routes without their slash). */
const SITE_FILES = new Set([
  '/', '/rss.xml', '/robots.txt', '/404.html', '/_redirects', '/_headers', '/favicon.svg', '/favicon.ico',
  '/sitemap-index.xml', '/sitemap-0.xml', '/search', '/labels', '/archive', '/authors', '/feeds', '/exports', '/pagefind',
]);
/** Year and month archives and their pages: /2008/, /2008/11/, /2008/11/page/2/ (with or without the slash), Blogger's /2008_11_01_archive.html. */
const ARCHIVE_ROUTE = /^\/\d{4}(\/(0[1-9]|1[0-2]))?(\/page\/\d+)?\/?$|^\/\d{4}_\d{2}_01_archive\.html$/;

/**
 * Whether a path is one of the site's own routes (or inside a folder the site owns):
 * the home page, archives, label pages, feeds, search, robots.txt, rss.xml… A rule
 * from there would shadow the page on Cloudflare, which applies rules even where a
 * file exists. `/2008/11/index.html` is not one: the archive's address is `/2008/11/`.
 */
export function isSiteRoute(path: string): boolean {
  const p = path.toLowerCase();
  return SITE_FILES.has(p) || ARCHIVE_ROUTE.test(p) || SITE_AREAS.some((area) => p.startsWith(area) || `${p}/` === area);
}

/** A root-relative path on this site: one leading slash (never `//host`), no backslash, space or control character. */
export function isLocalPath(path: string): boolean {
  return /^\/(?![/\\])[^\s\\\u0000-\u001f\u007f]*$/.test(path);
}

export function redirectRules(input: RedirectInput): RedirectRule[] {
  const rules = new Map<string, RedirectRule>();
  const add = (from: string, to: string) => {
    if (from !== to && !rules.has(from) && isLocalPath(from) && isLocalPath(to)) rules.set(from, { from, to, status: 301 });
  };
  // Paths that are real files or routes here must never be redirected elsewhere.
  const served = new Set<string>([...input.posts.map((p) => postPath(p.id)), ...input.pages.map((p) => pagePath(p.id))]);
  const fromOldAddress = (legacyUrl: string | undefined, to: string) => {
    const old = legacyUrl ? redirectablePath(legacyUrl) : undefined;
    if (old && !served.has(old) && !isSiteRoute(old)) add(old, to);
  };
  for (const p of input.posts) fromOldAddress(p.legacyUrl, postPath(p.id));
  for (const p of input.pages) fromOldAddress(p.legacyUrl, pagePath(p.id));
  // One rule per label spelling (Cloudflare Pages allows 2,000 static rules; Shrink Rap has a few hundred labels).
  for (const [spelling, label] of labelFeeds(input)) {
    add(`/feeds/posts/default/-/${encodeURIComponent(spelling)}`, labelFeedPath(label));
    // Another spelling of a label (labels.yaml aliases): its old label page leads to the label's.
    if (spelling !== label) add(labelPath(spelling), labelPath(label));
  }
  for (const [from, to] of FEED_ALIASES) add(from, to);
  const byPath = (a: RedirectRule, b: RedirectRule) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0);
  // Blogger's per-post comment feed is the same feed as ours: one file, the old address
  // redirects. One rule per imported post, so they come last: Cloudflare Pages reads only
  // the first 2,000 static rules (docs/DEPLOY.md says what to do beyond that).
  const commentFeeds = input.posts
    .filter((p) => p.bloggerId)
    .map((p): RedirectRule => ({ from: bloggerPostCommentsFeedPath(p.bloggerId!), to: postCommentsFeedPath(p.id), status: 301 }))
    .filter((r) => !rules.has(r.from));
  return [...[...rules.values()].sort(byPath), ...commentFeeds.sort(byPath)];
}

function labelFeeds(input: RedirectInput): [string, string][] {
  const pairs = new Map<string, string>(input.labels.map((l) => [l, l]));
  for (const [spelling, label] of input.labelSpellings ?? []) if (!pairs.has(spelling)) pairs.set(spelling, label);
  return [...pairs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** `_redirects` text: one "from to 301" line per rule, paths percent-encoded (no spaces). */
export function redirectsFileText(rules: readonly RedirectRule[], base = '/'): string {
  const prefix = base.replace(/\/$/, '');
  const lines = rules.map((r) => `${prefix}${r.from} ${prefix}${r.to} ${r.status}`);
  return `# Old Blogger addresses that moved. Generated at build time from src/lib/redirects.ts.\n${lines.join('\n')}\n`;
}

/** "YYYY/MM" of the archive that lists a post: its date in the blog's time zone, else its folder. */
function archiveMonthOf(p: RedirectPost, timeZone: string | undefined): string {
  if (p.published && timeZone) {
    const { year, month } = zonedParts(new Date(p.published), timeZone);
    return `${year}/${pad2(month)}`;
  }
  return p.id.slice(0, 7);
}

/** Every old address the import knows about, and where it should lead: the checklist for URL continuity. */
export function oldUrlMap(input: RedirectInput): OldUrl[] {
  const out: OldUrl[] = [];
  const months = new Set<string>();
  const postPathById = new Map<string, string>();
  const oldPathById = new Map<string, string>();
  for (const p of input.posts) {
    const to = postPath(p.id);
    postPathById.set(p.id, to);
    months.add(archiveMonthOf(p, input.timeZone));
    const old = p.legacyUrl ? redirectablePath(p.legacyUrl) : undefined;
    if (old) {
      oldPathById.set(p.id, old);
      out.push({ old, to, kind: 'post' }, { old: `${old}?m=1`, to, kind: 'post-mobile' });
    }
    if (p.bloggerId) out.push({ old: bloggerPostCommentsFeedPath(p.bloggerId), to: postCommentsFeedPath(p.id), kind: 'post-comments-feed' });
  }
  for (const p of input.pages) {
    const to = pagePath(p.id);
    postPathById.set(`p/${p.id}`, to);
    const old = p.legacyUrl ? redirectablePath(p.legacyUrl) : undefined;
    if (old) {
      oldPathById.set(`p/${p.id}`, old);
      out.push({ old, to, kind: 'page' }, { old: `${old}?m=1`, to, kind: 'post-mobile' });
    }
  }
  for (const c of input.comments ?? []) {
    const old = oldPathById.get(c.postId);
    const to = postPathById.get(c.postId);
    if (!old || !to) continue;
    out.push({ old: commentPermalink(old, c), to: `${to}#${commentAnchor(c)}`, kind: 'comment' });
  }
  for (const [spelling, label] of labelFeeds(input)) {
    out.push({ old: labelPath(spelling), to: labelPath(label), kind: 'label' });
    out.push({ old: `/feeds/posts/default/-/${encodeURIComponent(spelling)}`, to: labelFeedPath(label), kind: 'label-feed' });
  }
  for (const ym of [...months].sort()) {
    const [y, m] = ym.split('/').map(Number) as [number, number];
    out.push({ old: legacyMonthArchivePath(y, m), to: legacyMonthArchivePath(y, m), kind: 'month-archive' });
    out.push({ old: monthPath(y, m), to: monthPath(y, m), kind: 'month-archive' });
  }
  out.push({ old: postsFeedPath(), to: postsFeedPath(), kind: 'feed' }, { old: commentsFeedPath(), to: commentsFeedPath(), kind: 'feed' });
  for (const [from, to] of FEED_ALIASES) out.push({ old: from, to, kind: 'feed' });
  return out;
}
