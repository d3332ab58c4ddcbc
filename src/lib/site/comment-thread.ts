import { compareComments, threadComments, type CommentNode } from '../comments';
import type { StoredComment } from '../schemas';

/**
 * Blogger's threads as its pages drew them (2012 on): top-level comments, each with one
 * level of replies in time order. A reply to a reply sits at the reply level and names
 * the comment it answers ("@Name", linked). The store keeps every `parentId` as it was;
 * only this view flattens.
 */

export interface ThreadReply {
  comment: StoredComment;
  /** The reply it answers, when that is not the top-level comment itself. */
  inReplyTo?: StoredComment;
}

export interface ThreadEntry {
  comment: StoredComment;
  /** Every reply below this comment, however deep it was stored, in the one comment order. */
  replies: ThreadReply[];
}

function descendants(node: CommentNode, root: StoredComment): ThreadReply[] {
  return node.replies.flatMap((r) => [
    { comment: r.comment, ...(node.comment === root ? {} : { inReplyTo: node.comment }) },
    ...descendants(r, root),
  ]);
}

/** The thread of `comments` (flat, with parentId) with one level of replies. */
export function bloggerThread(comments: readonly StoredComment[]): ThreadEntry[] {
  return threadComments(comments).roots.map((root) => ({
    comment: root.comment,
    replies: descendants(root, root.comment).sort((a, b) => compareComments(a.comment, b.comment)),
  }));
}
