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
  /** The comment it answers is on another page of the thread (link to it through the post page). */
  answersElsewhere?: boolean;
}

export interface ThreadEntry {
  comment: StoredComment;
  /** Every reply below this comment, however deep it was stored, in the one comment order. */
  replies: ThreadReply[];
  /** A reply shown at the top of a later comment page, below a comment on an earlier page. */
  inReplyTo?: StoredComment;
  answersElsewhere?: boolean;
}

/** Every reply below `root`, each naming the reply it answers. Iterative: a thread 100,000 replies deep is fine. */
function descendants(root: CommentNode): ThreadReply[] {
  const out: ThreadReply[] = [];
  const stack = root.replies.map((node) => ({ node, parent: root })).reverse();
  while (stack.length > 0) {
    const { node, parent } = stack.pop()!;
    out.push({ comment: node.comment, ...(parent === root ? {} : { inReplyTo: parent.comment }) });
    for (let i = node.replies.length - 1; i >= 0; i--) stack.push({ node: node.replies[i]!, parent: node });
  }
  return out;
}

/** The thread of `comments` (flat, with parentId) with one level of replies. */
export function bloggerThread(comments: readonly StoredComment[]): ThreadEntry[] {
  return threadComments(comments).roots.map((root) => ({
    comment: root.comment,
    replies: descendants(root).sort((a, b) => compareComments(a.comment, b.comment)),
  }));
}

/**
 * One page of a long thread (src/lib/site/comment-pages.ts cuts the reading order into
 * pages): the entries of the whole thread (`bloggerThread`) restricted to the comments on `page`. A page
 * that begins among a top-level comment's replies shows them at the top level, each naming
 * the comment it answers; a comment answered on another page is marked so, and is linked
 * through the post page, which carries an anchor for every comment of the thread.
 */
export function pageEntries(thread: readonly ThreadEntry[], page: readonly StoredComment[]): ThreadEntry[] {
  const onPage = new Set(page.map((c) => c.id));
  const out: ThreadEntry[] = [];
  for (const entry of thread) {
    const replies = entry.replies.filter((r) => onPage.has(r.comment.id));
    if (onPage.has(entry.comment.id)) {
      out.push({ comment: entry.comment, replies });
      continue;
    }
    for (const r of replies) {
      const answers = r.inReplyTo ?? entry.comment;
      out.push({ comment: r.comment, replies: [], inReplyTo: answers, answersElsewhere: !onPage.has(answers.id) });
    }
  }
  return out;
}
