import type { StoredComment } from '../schemas';
import { compareComments } from '../comments';
import { commentAnchor } from '../comment-address';
import { pagePath, pageThreadId, postPath, threadPath } from '../urls';
import { sanitizeCommentHtml } from '../sanitize';
import { isoInZone } from '../dates';

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

/** The exported posts and pages by thread id ("2008/11/slug", "p/about"): the site's endpoints and the CLI both build it here. */
export function exportPosts(
  posts: readonly { id: string; title: string; published: Date }[],
  pages: readonly { id: string; title: string }[],
  timeZone: string,
): Map<string, ExportPost> {
  const byId = new Map<string, ExportPost>();
  for (const p of posts) byId.set(p.id, { id: p.id, title: p.title, published: isoInZone(p.published, timeZone) });
  for (const p of pages) byId.set(pageThreadId(p.id), { id: pageThreadId(p.id), title: p.title });
  return byId;
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
export { SHRINKRAP_COMMENT_META, SHRINKRAP_POST_META } from '../comments';

export const pathOfPost = threadPath;

export function absoluteFrom(homeUrl: string, path: string): string {
  return new URL(path.replace(/^\//, ''), homeUrl.endsWith('/') ? homeUrl : `${homeUrl}/`).href;
}

export const postUrl = (site: ExportSite, postId: string) => absoluteFrom(site.homeUrl, pathOfPost(postId));
export const commentUrl = (site: ExportSite, postId: string, commentId: string) => `${postUrl(site, postId)}#${commentAnchor({ id: commentId })}`;

/**
 * Only what readers can see: comments of known (public) posts, their HTML passed through
 * the site's one sanitizer (a hand-edited comment file must not publish a script, whatever
 * the export format). Every export format reads its comments from here. Tombstones stay,
 * to keep threads whole.
 */
export function publicComments(input: ExportInput): ExportComment[] {
  return input.comments
    .filter((c) => input.posts.has(c.postId))
    .map(({ postId, comment }) => ({ postId, comment: comment.bodyHtml ? { ...comment, bodyHtml: sanitizeCommentHtml(comment.bodyHtml) } : comment }));
}

export const sortComments = (list: readonly ExportComment[]) => [...list].sort((a, b) => compareComments(a.comment, b.comment));

/** The ways people name a post on the command line: id, address, or content file path. */
export function postIdFrom(arg: string): string {
  return arg
    .trim()
    .replace(/^https?:\/\/[^/]+/, '')
    .replace(/^\.?\/?content\/(posts|pages)\//, (_m, kind: string) => (kind === 'pages' ? pageThreadId('') : ''))
    .replace(/^\//, '')
    .replace(/\.(html|mdx?|json)$/, '');
}
