import { commentDisplayName, tombstoneText } from '../comments';
import { commentAnchor, commentPermalink } from '../comment-address';
import { feedUpdated, tagUri, type AtomEntry, type AtomFeed } from '../feed-xml';
import type { StoredComment } from '../schemas';
import { absoluteFrom, pathOfPost, publicComments, sortComments, type ExportInput } from './input';

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

/** What a comment's Atom entry needs besides the comment: shared with the site's comment feeds (src/data/feeds.ts). */
export interface CommentEntryContext {
  /** Tag URI authority: the site's host name. */
  authority: string;
  /** Absolute URL of the site root including the base path, e.g. https://www.shrinkrap.net/ */
  homeUrl: string;
  /** Display handles of the blog authors, by author id. */
  handles?: Record<string, string>;
}

/** One comment as an Atom entry, threaded (RFC 4685) to its parent comment or its post. */
export function commentAtomEntry(ctx: CommentEntryContext, postId: string, postTitle: string, c: StoredComment): AtomEntry {
  const postUrl = absoluteFrom(ctx.homeUrl, pathOfPost(postId));
  const removed = c.status === 'tombstone';
  const name = commentDisplayName(c, c.author.authorKey ? ctx.handles?.[c.author.authorKey] : undefined);
  return {
    id: tagUri(ctx.authority, `comment:${c.id}`),
    title: removed ? tombstoneText(c) : `${name} on “${postTitle}”`,
    url: commentPermalink(postUrl, c),
    published: c.published,
    updated: c.updated ?? c.published,
    author: { name, ...(c.author.url && !removed ? { uri: c.author.url } : {}) },
    contentHtml: removed ? `<p>${tombstoneText(c)}</p>` : c.bodyHtml, // sanitized by publicComments
    inReplyTo: c.parentId
      ? { ref: tagUri(ctx.authority, `comment:${c.parentId}`), href: `${postUrl}#${commentAnchor({ id: c.parentId })}` }
      : { ref: tagUri(ctx.authority, `post:${postId}`), href: postUrl },
  };
}

export function commentsAtomFeed(input: ExportInput, options: AtomCommentsOptions): AtomFeed {
  const chosen = sortComments(publicComments(input).filter((c) => !options.postId || c.postId === options.postId)).reverse();
  const limited = options.limit ? chosen.slice(0, options.limit) : chosen;
  const ctx: CommentEntryContext = { authority: options.authority, homeUrl: input.site.homeUrl, handles: options.handles };
  const entries = limited.map(({ postId, comment }) => commentAtomEntry(ctx, postId, input.posts.get(postId)?.title ?? '', comment));
  return {
    id: tagUri(options.authority, `feed:${new URL(options.selfUrl).pathname}`),
    title: options.title,
    updated: feedUpdated(entries),
    selfUrl: options.selfUrl,
    alternateUrl: options.alternateUrl,
    entries,
  };
}
