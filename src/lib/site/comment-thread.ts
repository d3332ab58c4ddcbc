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
 * A long thread cut into pages (src/lib/site/comment-pages.ts cuts the reading order): the
 * entries of the whole thread (`bloggerThread`), each comment on the page that holds it, in
 * one pass. A page that begins among a top-level comment's replies shows them at the top
 * level, each naming the comment it answers; a comment answered on another page is marked so,
 * and is linked through the post page, which carries an anchor for every comment.
 */
export function threadPages(thread: readonly ThreadEntry[], pages: readonly (readonly StoredComment[])[]): ThreadEntry[][] {
  const pageOf = new Map<string, number>();
  pages.forEach((page, i) => page.forEach((c) => pageOf.set(c.id, i)));
  const out = pages.map((): ThreadEntry[] => []);
  for (const entry of thread) {
    const home = pageOf.get(entry.comment.id);
    const top: ThreadEntry | undefined = home === undefined ? undefined : { comment: entry.comment, replies: [] };
    if (top) out[home!]!.push(top);
    for (const reply of entry.replies) {
      const i = pageOf.get(reply.comment.id);
      if (i === undefined) continue;
      if (top && i === home) {
        top.replies.push(reply);
        continue;
      }
      const answers = reply.inReplyTo ?? entry.comment;
      out[i]!.push({ comment: reply.comment, replies: [], inReplyTo: answers, answersElsewhere: pageOf.get(answers.id) !== i });
    }
  }
  return out;
}
