import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { commentDisplayName, threadComments, tombstoneText, type CommentNode } from '../comments';
import { commentAnchor } from '../comment-address';
import { commentPlainText } from '../sanitize';
import type { StoredComment } from '../schemas';
import type { PostFacts } from '../model/blog';
import { COMMENT_HEADING, commenterMetaKey } from './results';

/**
 * The search records, built from the content itself (never from built pages): each is a
 * small HTML document made with hastscript and serialized by hast-util-to-html, so any
 * text in any field (`Mom > Dad`, quotes, `&`, right-to-left text, a 1 MB body) is
 * escaped and can neither break the document nor the index.
 *
 * - A post record: the post's title (h1), body and byline, with its facets.
 * - A comment-thread record, one per post with comments: the post's facets plus
 *   `type: comment`, and every comment under a heading whose id is the comment's anchor
 *   on the post page (commentAnchor), so Pagefind makes each comment a sub-result that
 *   links to it. One record per thread instead of one per comment keeps the index
 *   smaller (5,000 posts: ~4,700 records instead of ~75,000).
 */

export interface SearchDocument {
  /** Root-relative result URL. */
  url: string;
  /** The document for Pagefind's addHTMLFile. */
  html: string;
}

/** Language of every record (the site is written in English). */
export const RECORD_LANGUAGE = 'en';


/** The post's facets as Pagefind meta, filters and sort keys (hidden, not indexed as text). */
function facetElements(facts: PostFacts, type: 'post' | 'comment', extraMeta: Record<string, string> = {}): Element {
  return h('div', { hidden: true, dataPagefindIgnore: '' }, [
    h('span', { dataPagefindMeta: 'title' }, facts.title),
    h('span', { dataPagefindMeta: `date:${facts.date}` }),
    // As text, not `key:value` attributes, where Pagefind would split a value at its commas.
    ...Object.entries(extraMeta).map(([key, value]) => h('span', { dataPagefindMeta: key }, value)),
    h('span', { dataPagefindFilter: 'author' }, facts.author),
    h('span', { dataPagefindFilter: `year:${facts.year}` }),
    ...facts.labels.map((label) => h('span', { dataPagefindFilter: 'label' }, label)),
    h('span', { dataPagefindFilter: `type:${type}` }),
    h('span', { dataPagefindSort: `date:${facts.date}` }),
  ]);
}

function document(url: string, content: ElementContent[]): SearchDocument {
  const tree: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: RECORD_LANGUAGE }, [h('head', [h('meta', { charset: 'utf-8' })]), h('body', [h('main', { dataPagefindBody: '' }, content)])]),
    ],
  };
  return { url, html: toHtml(tree) };
}

/** The record of one post; `body` is the post's body as a hast tree (`searchableBody` in src/lib/model/body.ts). */
export function postRecord(facts: PostFacts, body: readonly ElementContent[]): SearchDocument {
  return document(facts.url, [
    h('h1', facts.title),
    h('div', [...body]),
    h('p', `Posted by ${facts.author}`),
    facetElements(facts, 'post'),
  ]);
}

export interface CommentThreadRecord extends SearchDocument {
  comments: number;
}

/** Depth-first, the order the post page shows them in. */
function flatten(nodes: readonly CommentNode[]): StoredComment[] {
  return nodes.flatMap((n) => [n.comment, ...flatten(n.replies)]);
}

/** The name shown for a comment (its author, or the removal notice of a tombstone). */
function shownName(comment: StoredComment, handles: Readonly<Record<string, string>>): string {
  if (comment.status === 'tombstone') return tombstoneText(comment);
  return commentDisplayName(comment, comment.author.authorKey ? handles[comment.author.authorKey] : undefined);
}

function commentSection(comment: StoredComment, name: string): Element[] {
  const heading = h(COMMENT_HEADING, { id: commentAnchor(comment) }, name);
  if (comment.status === 'tombstone') return [heading];
  // Text only: the body passes the site's sanitizer (which also redacts e-mail addresses) first.
  return [heading, h('p', commentPlainText(comment.bodyHtml))];
}

/**
 * The comment-thread record of one post, or undefined when it has no comments.
 * `handles` names the blog's authors by key, as on the post page.
 */
export function commentThreadRecord(
  facts: PostFacts,
  comments: readonly StoredComment[],
  handles: Readonly<Record<string, string>>,
): CommentThreadRecord | undefined {
  if (comments.length === 0) return undefined;
  const ordered = flatten(threadComments(comments).roots).map((c) => ({ comment: c, name: shownName(c, handles) }));
  // Each name also as meta: Pagefind decodes a heading's text twice for its sub-result
  // title (a name written "AT&amp;T" would show as "AT&T"), its meta once, as written.
  const names = Object.fromEntries(ordered.map(({ comment, name }) => [commenterMetaKey(commentAnchor(comment)), name]));
  const record = document(`${facts.url}#comments`, [
    ...ordered.flatMap(({ comment, name }) => commentSection(comment, name)),
    facetElements(facts, 'comment', { comments: String(comments.length), ...names }),
  ]);
  return { ...record, comments: comments.length };
}
