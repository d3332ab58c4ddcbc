import { commentDisplayName, tombstoneText } from '../comments';
import { feedUpdated, tagUri, type AtomEntry, type AtomFeed } from '../feeds';
import { sanitizeCommentHtml } from '../sanitize';
import { commentUrl, postUrl, publicComments, sortComments, type ExportInput } from './model';

/**
 * Comments as Atom with RFC 4685 threading (the vocabulary Blogger used), per post
 * or site-wide, newest first. Entry ids match the site's own comment feeds
 * (tag:<host>,2006:comment:<id>), so a reader sees the same entries either way.
 */

export interface AtomCommentsOptions {
  /** Tag URI authority: the site's host name. */
  authority: string;
  title: string;
  selfUrl: string;
  alternateUrl: string;
  /** Only this post's comments ("2008/11/slug" or "p/about"). */
  postId?: string;
  /** Display handles of the blog authors, by author id. */
  handles?: Record<string, string>;
  limit?: number;
}

export function commentsAtomFeed(input: ExportInput, options: AtomCommentsOptions): AtomFeed {
  const chosen = sortComments(publicComments(input).filter((c) => !options.postId || c.postId === options.postId)).reverse();
  const limited = options.limit ? chosen.slice(0, options.limit) : chosen;
  const entryId = (commentId: string) => tagUri(options.authority, `comment:${commentId}`);
  const entries: AtomEntry[] = limited.map(({ postId, comment: c }) => {
    const removed = c.status === 'tombstone';
    const name = removed ? 'Unknown' : commentDisplayName(c, c.author.authorKey ? options.handles?.[c.author.authorKey] : undefined);
    const title = input.posts.get(postId)?.title ?? '';
    return {
      id: entryId(c.id),
      title: removed ? tombstoneText(c) : `${name} on “${title}”`,
      url: commentUrl(input.site, postId, c.id),
      published: c.published,
      updated: c.updated ?? c.published,
      author: { name, ...(c.author.url && !removed ? { uri: c.author.url } : {}) },
      contentHtml: removed ? `<p>${tombstoneText(c)}</p>` : sanitizeCommentHtml(c.bodyHtml),
      inReplyTo: c.parentId
        ? { ref: entryId(c.parentId), href: commentUrl(input.site, postId, c.parentId) }
        : { ref: tagUri(options.authority, `post:${postId}`), href: postUrl(input.site, postId) },
    };
  });
  return {
    id: tagUri(options.authority, `feed:${new URL(options.selfUrl).pathname}`),
    title: options.title,
    updated: feedUpdated(entries),
    selfUrl: options.selfUrl,
    alternateUrl: options.alternateUrl,
    entries,
  };
}
