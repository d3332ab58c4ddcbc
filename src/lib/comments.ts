import type { StoredComment } from './schemas';
import { commentAnchor as anchorOfCommentId } from './urls';

/**
 * Comment threads as readers see them. The store is flat (parentId links); this
 * turns it into a tree that survives missing parents and cycles, which real
 * exports contain.
 */

export interface CommentNode {
  comment: StoredComment;
  replies: CommentNode[];
}

export interface ThreadResult {
  roots: CommentNode[];
  /** Replies whose parent is not in the file: shown at top level. */
  orphans: string[];
  /** Parent links broken to end a cycle. */
  cyclesBroken: string[];
}

const byTime = (a: StoredComment, b: StoredComment) =>
  Date.parse(a.published) - Date.parse(b.published) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function threadComments(comments: readonly StoredComment[]): ThreadResult {
  const sorted = [...comments].sort(byTime);
  const ids = new Set(sorted.map((c) => c.id));
  const parentOf = new Map<string, string | null>();
  const orphans: string[] = [];
  for (const c of sorted) {
    if (c.parentId && !ids.has(c.parentId)) {
      orphans.push(c.id);
      parentOf.set(c.id, null);
    } else {
      parentOf.set(c.id, c.parentId === c.id ? null : c.parentId);
    }
  }
  // Break cycles: walk up from each comment; if we come back to a seen node, cut its link.
  const cyclesBroken: string[] = [];
  for (const c of sorted) {
    const seen = new Set<string>([c.id]);
    let cur = parentOf.get(c.id) ?? null;
    while (cur) {
      if (seen.has(cur)) {
        parentOf.set(cur, null);
        cyclesBroken.push(cur);
        break;
      }
      seen.add(cur);
      cur = parentOf.get(cur) ?? null;
    }
  }
  const nodes = new Map(sorted.map((c) => [c.id, { comment: c, replies: [] as CommentNode[] }]));
  const roots: CommentNode[] = [];
  for (const c of sorted) {
    const node = nodes.get(c.id)!;
    const parent = parentOf.get(c.id);
    if (parent) nodes.get(parent)!.replies.push(node);
    else roots.push(node);
  }
  return { roots, orphans, cyclesBroken };
}

/** Blogger counted every comment shown, removed ones included. */
export function commentCountLabel(n: number): string {
  if (n === 0) return 'No comments:';
  return n === 1 ? '1 comment:' : `${n} comments:`;
}

/** The count as a link on list pages ("3 comments"). */
export function commentCountLink(n: number): string {
  if (n === 0) return 'No comments';
  return n === 1 ? '1 comment' : `${n} comments`;
}

export function commentDisplayName(c: StoredComment, authorHandle?: string): string {
  if (c.status === 'tombstone') return '';
  if (c.author.role === 'blog-author' && authorHandle) return authorHandle;
  const name = c.author.name.trim();
  if (name) return name;
  return c.author.identity === 'anonymous' ? 'Anonymous' : 'Unknown';
}

export function tombstoneText(c: StoredComment): string {
  return c.removedBy === 'administrator'
    ? 'This comment has been removed by a blog administrator.'
    : 'This comment has been removed by the author.';
}

/** Blogger's old comment permalink parameter: the comment's time in epoch milliseconds. */
export const showCommentParam = (c: StoredComment) => String(Date.parse(c.published));

/**
 * The id of a comment's element on its post page (without "#"). Pages, search records
 * and anything else linking to one comment call this, so they always agree.
 */
export function commentAnchor(comment: Pick<StoredComment, 'id'>): string {
  return anchorOfCommentId(comment.id);
}
