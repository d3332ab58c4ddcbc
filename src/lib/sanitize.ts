import { fromHtml } from 'hast-util-from-html';
import { sanitize, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';
import type { Root, Element, Text } from 'hast';

/**
 * The one comment policy, used by the importer and again when pages render
 * (defence in depth). Readers could use b, i and a on Blogger; Disqus added p and
 * blockquote. Anything else keeps its text and loses its tag.
 */
export const commentSchema: Schema = {
  tagNames: ['a', 'b', 'strong', 'i', 'em', 'u', 's', 'br', 'p', 'blockquote', 'code', 'pre'],
  attributes: { a: ['href'] },
  protocols: { href: ['http', 'https'] },
  strip: ['script', 'style', 'template', 'noscript', 'textarea', 'title'],
  ancestors: {},
  required: {},
  clobber: [],
  clobberPrefix: '',
};

export const COMMENT_LINK_REL = 'nofollow ugc noopener noreferrer';

/** Readers sometimes typed their e-mail into a comment; the archive never republishes one. */
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
export const EMAIL_REDACTED = '[e-mail removed]';
export const redactEmails = (text: string) => text.replace(EMAIL, EMAIL_REDACTED);

// A comment is shown on its post page and in two or three feeds; parsing it once per
// build instead of each time saved about a third of the feed time on 75,000 comments
// (docs/PERFORMANCE.md). The function is pure, so the memo changes nothing else.
const sanitized = new Map<string, string>();
const MEMO_LIMIT = 250_000;

/** Sanitize untrusted comment HTML; links get rel="nofollow ugc noopener noreferrer". */
export function sanitizeCommentHtml(html: string): string {
  let clean = sanitized.get(html);
  if (clean === undefined) {
    if (sanitized.size >= MEMO_LIMIT) sanitized.clear();
    clean = sanitizeUncached(html);
    sanitized.set(html, clean);
  }
  return clean;
}

function sanitizeUncached(html: string): string {
  return toHtml(sanitizedTree(html)).trim();
}

/**
 * The text of a comment as readers see it (line breaks kept), through the same sanitizer:
 * one parse, for search records of many comments.
 */
export function commentPlainText(html: string): string {
  return toText(sanitizedTree(html), { whitespace: 'normal' })
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function sanitizedTree(html: string): Root {
  const tree = fromHtml(html, { fragment: true });
  const clean = sanitize(tree, commentSchema) as Root;
  visit(clean, 'text', (node: Text) => {
    node.value = redactEmails(node.value);
  });
  visit(clean, 'element', (node: Element, index, parent) => {
    if (node.tagName !== 'a') return;
    if (typeof node.properties.href !== 'string' || node.properties.href === '') {
      // A link whose address was unsafe keeps its text.
      if (parent && typeof index === 'number') {
        parent.children.splice(index, 1, ...node.children);
        return index;
      }
      return;
    }
    node.properties.rel = COMMENT_LINK_REL.split(' ');
  });
  return clean;
}

/** Plain text of HTML (line breaks kept), for titles, excerpts and search records. */
export function htmlToPlainText(html: string): string {
  return toText(fromHtml(html, { fragment: true }), { whitespace: 'normal' })
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
