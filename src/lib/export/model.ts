import type { StoredComment } from '../schemas';
import { commentAnchor } from '../comments';
import { pagePath, postPath } from '../urls';

/**
 * What every comment export needs: the public comments (already filtered to
 * visible posts and pages) with the post each belongs to. Exports are pure
 * functions over these lists, shared by the site's /exports/ endpoints and
 * `npm run export:comments`.
 */

export interface ExportPost {
  /** Post id ("2008/11/slug") or "p/<slug>" for a page. */
  id: string;
  title: string;
  /** RFC 3339; pages have none. */
  published?: string;
}

export interface ExportComment {
  postId: string;
  comment: StoredComment;
}

export interface ExportSite {
  title: string;
  description?: string;
  language?: string;
  /** Absolute URL of the site root including the base path, e.g. https://www.shrinkrap.net/ */
  homeUrl: string;
}

export interface ExportInput {
  site: ExportSite;
  posts: ReadonlyMap<string, ExportPost>;
  /** Sorted by published instant, then id (as getAllComments returns them). */
  comments: readonly ExportComment[];
}

/** commentmeta / postmeta keys our WXR export writes, so our importer can restore comments exactly. */
export const SHRINKRAP_COMMENT_META = '_shrinkrap_comment';
export const SHRINKRAP_POST_META = '_shrinkrap_post';

export const pathOfPost = (postId: string) => (postId.startsWith('p/') ? pagePath(postId.slice(2)) : postPath(postId));

export function absoluteFrom(homeUrl: string, path: string): string {
  return new URL(path.replace(/^\//, ''), homeUrl.endsWith('/') ? homeUrl : `${homeUrl}/`).href;
}

export const postUrl = (site: ExportSite, postId: string) => absoluteFrom(site.homeUrl, pathOfPost(postId));
export const commentUrl = (site: ExportSite, postId: string, commentId: string) => `${postUrl(site, postId)}#${commentAnchor({ id: commentId })}`;

/** Only what readers can see: comments of known (public) posts. Tombstones stay, to keep threads whole. */
export function publicComments(input: ExportInput): ExportComment[] {
  return input.comments.filter((c) => input.posts.has(c.postId));
}

const byTime = (a: ExportComment, b: ExportComment) =>
  Date.parse(a.comment.published) - Date.parse(b.comment.published) || (a.comment.id < b.comment.id ? -1 : a.comment.id > b.comment.id ? 1 : 0);

export const sortComments = (list: readonly ExportComment[]) => [...list].sort(byTime);

/** The ways people name a post on the command line: id, address, or content file path. */
export function postIdFrom(arg: string): string {
  return arg
    .trim()
    .replace(/^https?:\/\/[^/]+/, '')
    .replace(/^\.?\/?content\/(posts|pages)\//, (_m, kind: string) => (kind === 'pages' ? 'p/' : ''))
    .replace(/^\//, '')
    .replace(/\.(html|mdx?|json)$/, '');
}
