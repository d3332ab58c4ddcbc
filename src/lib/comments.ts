import type { StoredComment } from './schemas';

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

/** The one order of comments everywhere (pages, feeds, exports, stored files): by time, then id. */
export const compareComments = (a: Pick<StoredComment, 'published' | 'id'>, b: Pick<StoredComment, 'published' | 'id'>) =>
  Date.parse(a.published) - Date.parse(b.published) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Meta keys our WordPress export writes and the importer reads back (a post's site id, a stored comment). */
export const SHRINKRAP_COMMENT_META = '_shrinkrap_comment';
export const SHRINKRAP_POST_META = '_shrinkrap_post';

export function threadComments(comments: readonly StoredComment[]): ThreadResult {
  const sorted = [...comments].sort(compareComments);
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

/**
 * Whether a post's thread is whole. Imported and new posts have every comment there was
 * (possibly none); a post restored without its comments (legacy.commentsRecovered: false)
 * must not claim "No comments".
 */
export interface ThreadFacts {
  count: number;
  recovered: boolean;
}

/** The thread's heading. Blogger counted every comment shown, removed ones included. */
export function commentCountLabel({ count, recovered }: ThreadFacts): string {
  if (count === 0) return recovered ? 'No comments:' : 'Comments:';
  return count === 1 ? '1 comment:' : `${count} comments:`;
}

/** The count as a link on list pages ("3 comments"). */
export function commentCountLink({ count, recovered }: ThreadFacts): string {
  if (count === 0) return recovered ? 'No comments' : 'Comments not recovered';
  return count === 1 ? '1 comment' : `${count} comments`;
}

/**
 * "{Name} said...": the author's handle for the blog's own authors, else the stored
 * name. A removed comment keeps its line (Blogger did); tombstones store no name, so
 * they read "Unknown", Blogger's word for a writer it no longer knows.
 */
export function commentDisplayName(c: StoredComment, authorHandle?: string): string {
  if (c.status === 'tombstone') return c.author.name.trim() || 'Unknown';
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

/**
 * What the thread says after its comments (or in place of them), true for each case:
 * the archive is closed to new comments, and only a thread that has comments can be
 * "kept as it was".
 */
export function closedThreadNote({ count, recovered }: ThreadFacts): string {
  if (!recovered) {
    return count === 0
      ? "This post's comments were not recovered from the old blog, and the archive is closed to new comments."
      : 'Only some of the comments were recovered from the old blog; the archive is closed to new comments.';
  }
  return count === 0
    ? 'Nobody commented on this post, and the archive is closed to new comments.'
    : count === 1
      ? 'This is the archive: the comment above is kept as it was, and comments are closed.'
      : 'This is the archive: the comments above are kept as they were, and comments are closed.';
}
