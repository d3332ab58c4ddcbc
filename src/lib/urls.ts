/**
 * Every address on the site, in one place. Functions return root-relative paths
 * without the base; `withBase` adds a deployment sub-path (e.g. /pr-42/).
 */

import { pad2 } from './dates';
import { foldInvisible } from './fold';

/** The hosts this blog has answered at, new and old: links to them are links within the blog. */
export const BLOG_HOSTS: readonly string[] = ['www.shrinkrap.net', 'shrinkrap.net', 'psychiatrist-blog.blogspot.com'];

/** A post's id is its path under content/posts without extension: "2008/11/slug". */
export const POST_ID = /^(\d{4})\/(0[1-9]|1[0-2])\/([a-z0-9][a-z0-9_-]*)$/;

export function parsePostId(id: string): { year: number; month: number; slug: string } {
  const m = POST_ID.exec(id);
  if (!m) {
    throw new Error(
      `Post file "${id}" is not at content/posts/YYYY/MM/slug.mdx: the path is the post's permanent address. ` +
        'Use four digits for the year, two for the month, and a lowercase slug of letters, digits, - and _.',
    );
  }
  return { year: Number(m[1]), month: Number(m[2]), slug: m[3]! };
}

export const postPath = (id: string) => (parsePostId(id), `/${id}.html`);
export const pagePath = (id: string) => `/p/${id}.html`;

/**
 * Comments, comment feeds and exports name a thread by its post's id ("2008/11/slug")
 * or, for a page, by "p/" and the page's id ("p/about"), after the page's address.
 */
const PAGE_THREAD_PREFIX = 'p/';
export const pageThreadId = (pageId: string) => `${PAGE_THREAD_PREFIX}${pageId}`;
/** The page id of a page's thread id, or undefined for a post's. */
export const pageIdOfThread = (threadId: string): string | undefined =>
  threadId.startsWith(PAGE_THREAD_PREFIX) ? threadId.slice(PAGE_THREAD_PREFIX.length) : undefined;
/** The address of the post or page a thread id names. */
export function threadPath(threadId: string): string {
  const page = pageIdOfThread(threadId);
  return page === undefined ? postPath(threadId) : pagePath(page);
}
/** Page n (2, 3…) of a post's comments, beyond the ones on the post page (src/lib/site/comment-pages.ts). */
export const postCommentsPagePath = (postId: string, page: number) => `/${postId}/comments/${page}.html`;
export const yearPath = (year: number) => `/${year}/`;
export const monthPath = (year: number, month: number) => `/${year}/${pad2(month)}/`;
/** Blogger's old month archive address, kept working. */
export const legacyMonthArchivePath = (year: number, month: number) => `/${year}_${pad2(month)}_01_archive.html`;
export const authorPath = (id: string) => `/authors/${id}/`;
export const labelsIndexPath = () => '/labels/';
export const archiveIndexPath = () => '/archive/';
export const searchPath = () => '/search/';
export const mastodonSharePath = () => '/share/mastodon/';

/** Blogger's label address: the label as written (its visible characters: src/lib/fold.ts), spaces as %20. */
export const labelPath = (label: string) => `/search/label/${encodeURIComponent(foldInvisible(label))}`;

/** Page n of a listing whose first page is `first` (which ends in "/"). */
export function pagedPath(first: string, page: number): string {
  if (page <= 1) return first;
  return `${first.endsWith('/') ? first : `${first}/`}page/${page}/`;
}

/* Feeds */
export const postsFeedPath = () => '/feeds/posts/default';
export const commentsFeedPath = () => '/feeds/comments/default';
export const labelFeedPath = (label: string) => `/feeds/labels/${encodeURIComponent(foldInvisible(label))}.xml`;
export const authorFeedPath = (id: string) => `/feeds/authors/${id}.xml`;
export const postCommentsFeedPath = (postId: string) => `/feeds/comments/${postId}.xml`;
/** Blogger's per-post comment feed, kept for posts that came from Blogger. */
export const bloggerPostCommentsFeedPath = (bloggerPostId: string) => `/feeds/${bloggerPostId}/comments/default`;

/** Join a base ("/" or "/pr-42/") and a root-relative path. */
export function withBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base.slice(0, -1) : base;
  return `${b}${path.startsWith('/') ? path : `/${path}`}`;
}

/** Absolute URL for feeds, canonical links and sitemaps. */
export function absoluteUrl(site: string, base: string, path: string): string {
  return `${site.replace(/\/$/, '')}${withBase(base, path)}`;
}

/* Reading an address: the inverse of the builders above. */

export type SitePath =
  | { kind: 'home'; page: number }
  | { kind: 'post'; id: string; year: number; month: number; slug: string }
  | { kind: 'page'; id: string }
  | { kind: 'year'; year: number; page: number }
  | { kind: 'month'; year: number; month: number; page: number }
  | { kind: 'legacy-month-archive'; year: number; month: number }
  | { kind: 'label'; label: string; page: number }
  | { kind: 'author'; id: string; page: number }
  | { kind: 'labels-index' }
  | { kind: 'archive-index' }
  | { kind: 'search' }
  | { kind: 'not-found' }
  | { kind: 'feed'; feed: 'posts' | 'comments' | 'label' | 'author' | 'post-comments' | 'blogger-post-comments'; id?: string };

const decode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/** "…/page/3/" at the end of a listing: the first page's path and the number. */
function splitPage(path: string): { first: string; page: number } {
  const m = /^(.*\/)page\/(\d+)\/$/.exec(path);
  return m && Number(m[2]) >= 2 ? { first: m[1]!, page: Number(m[2]) } : { first: path, page: 1 };
}

const FEEDS: ReadonlyArray<[RegExp, Extract<SitePath, { kind: 'feed' }>['feed']]> = [
  [/^\/feeds\/posts\/default$/, 'posts'],
  [/^\/feeds\/comments\/default$/, 'comments'],
  [/^\/feeds\/labels\/(.+)\.xml$/, 'label'],
  [/^\/feeds\/authors\/([^/]+)\.xml$/, 'author'],
  [/^\/feeds\/comments\/(.+)\.xml$/, 'post-comments'],
  [/^\/feeds\/(\d+)\/comments\/default$/, 'blogger-post-comments'],
];

/**
 * What a root-relative address (without the base, as in a URL: percent-encoded) is on
 * this site, or undefined when it is none of the site's shapes. A post's slug is read
 * as written; whether such a post exists is for the caller to know.
 */
export function parsePath(pathname: string): SitePath | undefined {
  const path = pathname.split(/[?#]/)[0]!;
  const fixed: Record<string, SitePath> = {
    '/labels/': { kind: 'labels-index' },
    '/archive/': { kind: 'archive-index' },
    '/search/': { kind: 'search' },
    '/404.html': { kind: 'not-found' },
  };
  if (fixed[path]) return fixed[path];
  for (const [shape, feed] of FEEDS) {
    const m = shape.exec(path);
    if (m) return m[1] === undefined ? { kind: 'feed', feed } : { kind: 'feed', feed, id: decode(m[1]) };
  }
  const legacy = /^\/(\d{4})_(\d{2})_01_archive\.html$/.exec(path);
  if (legacy) return { kind: 'legacy-month-archive', year: Number(legacy[1]), month: Number(legacy[2]) };
  const page = /^\/p\/([^/]+)\.html$/.exec(path);
  if (page) return { kind: 'page', id: decode(page[1]!) };
  const label = /^\/search\/label\/([^/]+)(?:\/page\/(\d+)\/|\/?)$/.exec(path);
  if (label) return { kind: 'label', label: decode(label[1]!), page: Number(label[2] ?? 1) };
  return parseListing(path);
}

function parseListing(path: string): SitePath | undefined {
  const { first, page } = splitPage(path.replace(/\/index\.html$/, '/'));
  if (first === '/') return { kind: 'home', page };
  const author = /^\/authors\/([^/]+)\/$/.exec(first);
  if (author) return { kind: 'author', id: decode(author[1]!), page };
  const dated = /^\/(\d{4})\/(?:(\d{2})\/)?$/.exec(first);
  if (dated) return dated[2] ? { kind: 'month', year: Number(dated[1]), month: Number(dated[2]), page } : { kind: 'year', year: Number(dated[1]), page };
  const post = /^\/(\d{4})\/(\d{2})\/([^/]+)\.html$/.exec(path);
  if (post && !path.endsWith('/index.html')) {
    const slug = decode(post[3]!);
    return { kind: 'post', id: `${post[1]}/${post[2]}/${slug}`, year: Number(post[1]), month: Number(post[2]), slug };
  }
  return undefined;
}

/** The one link-preview image of the site (public/social-card.png, from scripts/social-card/). */
export const SOCIAL_CARD = {
  path: '/social-card.png',
  width: 1200,
  height: 630,
  alt: 'A yellow rubber duck beside the words Shrink Rap',
} as const;
