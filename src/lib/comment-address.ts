/**
 * Blogger's comment addresses, on the ground floor (no imports): the comment file schema
 * (schemas.ts) refuses two comments that would share an anchor, and pages, feeds,
 * exports, redirects and search records link to comments, all with these functions.
 */

/** Blogger's old comment permalink parameter: the comment's time in epoch milliseconds. */
export const showCommentParam = (c: { published: string }) => String(Date.parse(c.published));

/**
 * The digits of a comment's anchor. Blogger and our own ("site:") comments keep their
 * number, so Blogger's `#c{id}` links land; Disqus and WordPress comments with numeric ids
 * keep theirs too. Any other id gets a stable 64-bit FNV-1a digest of the whole id: still
 * digits, the same on every build, and distinct per id. Two comments of one post that
 * would share an anchor are refused by the comment file schema.
 */
export function commentDigits(commentId: string): string {
  const colon = commentId.indexOf(':');
  const local = colon < 0 ? commentId : commentId.slice(colon + 1);
  return /^\d{1,19}$/.test(local) ? local : fnv1a64(commentId).toString(10);
}

function fnv1a64(text: string): bigint {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash;
}

/** A comment's anchor on its post page: Blogger's `c{digits}`. The one function every page, feed, export and search record uses. */
export const commentAnchor = (c: { id: string }) => `c${commentDigits(c.id)}`;

/**
 * A comment's permalink, Blogger's form: `{post path}?showComment={epoch ms}#c{digits}`.
 * `postPath` is the post's root-relative (or absolute) address; old links of this form
 * land on the comment because the anchor is the same.
 */
export const commentPermalink = (postPath: string, c: { id: string; published: string }) =>
  `${postPath}?showComment=${showCommentParam(c)}#${commentAnchor(c)}`;
