import { commentAnchor } from '../comment-address';
import { threadComments, type CommentNode } from '../comments';
import { COMMENT_PAGE_BYTES, COMMENTS_PER_PAGE, utf8Bytes } from '../limits';
import type { StoredComment } from '../schemas';

/**
 * Comment pages (issue 23). A thread is read in one order: each top-level comment, then
 * every reply below it in time order (one level, as Blogger showed replies; the data
 * keeps each reply's parent). That order is cut into pages of at most 200 comments and
 * at most COMMENT_PAGE_BYTES of bodies (a comment bigger than that is a page of its
 * own). Page 1 is on the post page; pages 2… are at `/YYYY/MM/slug/comments/N.html`.
 *
 * Every comment stays linkable from the post page: for each comment on a later page,
 * the post page carries an empty anchor (`<i id=c…></i>`) inside the line that links to
 * that page, so Blogger's `?showComment=…#c…` and the site's own `#c…` links land on
 * the line that leads to the comment. The post page's comments and anchors together
 * stay within POST_PAGE_COMMENT_BYTES, so it stays under 2 MB whatever the thread.
 */

/** Bytes the comments section of a post page may take: bodies, their markup, anchors for the rest. */
export const POST_PAGE_COMMENT_BYTES = 1_700 * 1024;
/** What the post page always keeps for comments it shows, however many anchors the rest need. */
const SHOWN_MINIMUM = 32 * 1024;
/** Markup around one shown comment (name, time, permalink), a generous estimate. */
const SHOWN_OVERHEAD = 1_000;
/** `<i id=c…></i>`: one anchor for a comment on a later page. */
const anchorBytes = (anchor: string) => anchor.length + 12;

/** The reading order: top-level comments, each followed by all its replies (any depth) by time. Iterative: a thread 100,000 replies deep is fine. */
export function readingOrder(comments: readonly StoredComment[]): StoredComment[] {
  const { roots } = threadComments(comments);
  const out: StoredComment[] = [];
  for (const root of roots) {
    out.push(root.comment);
    const below: StoredComment[] = [];
    const stack: CommentNode[] = [...root.replies];
    while (stack.length) {
      const node = stack.pop()!;
      below.push(node.comment);
      for (const r of node.replies) stack.push(r);
    }
    below.sort((a, b) => Date.parse(a.published) - Date.parse(b.published) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    out.push(...below);
  }
  return out;
}

const bodyBytes = (c: StoredComment) => utf8Bytes(c.bodyHtml);

export interface CommentPageGroup {
  /** 2, 3, … */
  page: number;
  /** 1-based positions in the reading order: "Comments 201–400". */
  first: number;
  last: number;
  /** Anchors (`c…`) of its comments that the post page carries. */
  anchors: string[];
}

/** What the post page shows of a thread: its first comments, and a line per later page. */
export interface CommentPaging {
  total: number;
  /** Number of pages, the post page included. */
  pageCount: number;
  later: CommentPageGroup[];
  /** Comments on later pages whose anchor did not fit on the post page (beyond ~50,000 comments with Blogger's 19-digit ids). */
  unanchored: number;
}

/**
 * The thread cut into pages (each a list in reading order). Page 1 also leaves room on
 * the post page for the anchors of every later comment.
 */
export function commentPages(comments: readonly StoredComment[]): StoredComment[][] {
  const order = readingOrder(comments);
  if (order.length === 0) return [[]];
  let anchorsLeft = Math.min(
    POST_PAGE_COMMENT_BYTES - SHOWN_MINIMUM,
    order.reduce((n, c) => n + anchorBytes(commentAnchor(c)), 0),
  );
  const first: StoredComment[] = [];
  let used = 0;
  for (const c of order) {
    const cost = bodyBytes(c) + SHOWN_OVERHEAD;
    const fits = first.length < COMMENTS_PER_PAGE && used + cost <= COMMENT_PAGE_BYTES && used + cost + anchorsLeft - anchorBytes(commentAnchor(c)) <= POST_PAGE_COMMENT_BYTES;
    if (!fits) break;
    first.push(c);
    used += cost;
    anchorsLeft = Math.max(0, anchorsLeft - anchorBytes(commentAnchor(c)));
  }
  const pages: StoredComment[][] = [first];
  let page: StoredComment[] = [];
  let bytes = 0;
  for (const c of order.slice(first.length)) {
    const cost = bodyBytes(c);
    if (page.length && (page.length >= COMMENTS_PER_PAGE || bytes + cost > COMMENT_PAGE_BYTES)) {
      pages.push(page);
      page = [];
      bytes = 0;
    }
    page.push(c);
    bytes += cost;
  }
  if (page.length) pages.push(page);
  return pages;
}

/** The post page's lines for pages 2…, with as many anchors as its budget holds (all, below ~50,000 comments). */
export function commentPaging(pages: readonly (readonly StoredComment[])[]): CommentPaging {
  let budget = POST_PAGE_COMMENT_BYTES - (pages[0] ?? []).reduce((n, c) => n + bodyBytes(c) + SHOWN_OVERHEAD, 0);
  let position = (pages[0] ?? []).length;
  let unanchored = 0;
  const later = pages.slice(1).map((list, i) => {
    const anchors: string[] = [];
    for (const c of list) {
      const anchor = commentAnchor(c);
      if (budget >= anchorBytes(anchor)) {
        anchors.push(anchor);
        budget -= anchorBytes(anchor);
      } else unanchored++;
    }
    const group = { page: i + 2, first: position + 1, last: position + list.length, anchors };
    position += list.length;
    return group;
  });
  return { total: position, pageCount: pages.length, later, unanchored };
}

/** The post page's anchors of one later page, as compact HTML (anchors are `c` and digits only). */
export const anchorStubsHtml = (anchors: readonly string[]) => anchors.map((a) => `<i id=${a}></i>`).join('');
