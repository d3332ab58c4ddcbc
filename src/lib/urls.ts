/**
 * Every address on the site, in one place. Functions return root-relative paths
 * without the base; `withBase` adds a deployment sub-path (e.g. /pr-42/).
 */

const pad2 = (n: number) => String(n).padStart(2, '0');

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
export const yearPath = (year: number) => `/${year}/`;
export const monthPath = (year: number, month: number) => `/${year}/${pad2(month)}/`;
/** Blogger's old month archive address, kept working. */
export const legacyMonthArchivePath = (year: number, month: number) => `/${year}_${pad2(month)}_01_archive.html`;
export const authorPath = (id: string) => `/authors/${id}/`;
export const labelsIndexPath = () => '/labels/';
export const archiveIndexPath = () => '/archive/';
export const searchPath = () => '/search/';
export const mastodonSharePath = () => '/share/mastodon/';

/** Blogger's label address: the label as written, spaces as %20. */
export const labelPath = (label: string) => `/search/label/${encodeURIComponent(label)}`;

/** Page n of a listing whose first page is `first` (which ends in "/"). */
export function pagedPath(first: string, page: number): string {
  if (page <= 1) return first;
  return `${first.endsWith('/') ? first : `${first}/`}page/${page}/`;
}

/* Feeds */
export const postsFeedPath = () => '/feeds/posts/default';
export const commentsFeedPath = () => '/feeds/comments/default';
export const labelFeedPath = (label: string) => `/feeds/labels/${encodeURIComponent(label)}.xml`;
export const authorFeedPath = (id: string) => `/feeds/authors/${id}.xml`;
export const postCommentsFeedPath = (postId: string) => `/feeds/comments/${postId}.xml`;
/** Blogger's per-post comment feed, kept for posts that came from Blogger. */
export const bloggerPostCommentsFeedPath = (bloggerPostId: string) => `/feeds/${bloggerPostId}/comments/default`;

/** Anchor of a comment: Blogger's `c{digits}` for Blogger comments, so old permalinks land. */
export function commentAnchor(commentId: string): string {
  const [ns, local] = splitNamespace(commentId);
  return ns === 'blogger' ? `c${local}` : `c-${ns}-${local}`;
}

function splitNamespace(id: string): [string, string] {
  const i = id.indexOf(':');
  return i < 0 ? ['', id] : [id.slice(0, i), id.slice(i + 1)];
}

/** Join a base ("/" or "/pr-42/") and a root-relative path. */
export function withBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base.slice(0, -1) : base;
  return `${b}${path.startsWith('/') ? path : `/${path}`}`;
}

/** Absolute URL for feeds, canonical links and sitemaps. */
export function absoluteUrl(site: string, base: string, path: string): string {
  return `${site.replace(/\/$/, '')}${withBase(base, path)}`;
}

/** The one link-preview image of the site (public/social-card.png, from scripts/social-card/). */
export const SOCIAL_CARD = {
  path: '/social-card.png',
  width: 1200,
  height: 630,
  alt: 'A yellow rubber duck beside the words Shrink Rap',
} as const;
