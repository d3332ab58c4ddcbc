import { XMLBuilder } from 'fast-xml-parser';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import type { Element } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';

/**
 * Atom 1.0 (RFC 4287) with RFC 4685 threading for comment feeds. Serialised by
 * fast-xml-parser so every text and attribute is escaped by one well-tested routine.
 */

export interface AtomEntry {
  id: string;
  title: string;
  url: string;
  published: string;
  updated: string;
  author: { name: string; uri?: string };
  categories?: { term: string; scheme?: string; label?: string }[];
  /** Full HTML content (already safe for readers). */
  contentHtml?: string;
  summary?: string;
  /** RFC 4685: what this entry replies to (the post, or the parent comment). */
  inReplyTo?: { ref: string; href: string };
  /**
   * RFC 4685 replies, as Blogger's posts feed gave them: the entry's comment feed and
   * `thr:total`, the number of comments. `total` is left out when the count is unknown
   * (a post restored without its comments).
   */
  replies?: { feedUrl: string; total?: number };
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string;
  /** Newest entry's time; never the build time, so rebuilds are byte-identical. */
  updated: string;
  selfUrl: string;
  alternateUrl: string;
  entries: AtomEntry[];
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
  processEntities: true,
});

/**
 * The feed's `updated`: the newest entry's update. An empty feed takes `whenEmpty` (a
 * post's comment feed: the post's own date), and only without one a fixed epoch.
 */
export function feedUpdated(entries: readonly { updated: string }[], whenEmpty?: string): string {
  let max = '';
  let maxTime = -Infinity;
  for (const e of entries) {
    const t = Date.parse(e.updated);
    if (t > maxTime) {
      maxTime = t;
      max = e.updated;
    }
  }
  return max || whenEmpty || '1970-01-01T00:00:00Z';
}

export function renderAtom(feed: AtomFeed): string {
  const entry = (e: AtomEntry) => ({
    id: e.id,
    title: { '@type': 'text', '#text': e.title },
    published: e.published,
    updated: e.updated,
    author: { name: e.author.name, ...(e.author.uri ? { uri: e.author.uri } : {}) },
    link: [
      { '@rel': 'alternate', '@type': 'text/html', '@href': e.url },
      ...(e.replies ? [{ '@rel': 'replies', '@type': 'application/atom+xml', '@href': e.replies.feedUrl, ...(e.replies.total !== undefined ? { '@thr:count': e.replies.total } : {}) }] : []),
    ],
    ...(e.categories?.length
      ? {
          category: e.categories.map((c) => ({
            '@term': c.term,
            ...(c.scheme ? { '@scheme': c.scheme } : {}),
            ...(c.label ? { '@label': c.label } : {}),
          })),
        }
      : {}),
    ...(e.inReplyTo ? { 'thr:in-reply-to': { '@ref': e.inReplyTo.ref, '@href': e.inReplyTo.href, '@type': 'text/html' } } : {}),
    ...(e.replies?.total !== undefined ? { 'thr:total': e.replies.total } : {}),
    ...(e.summary !== undefined ? { summary: { '@type': 'text', '#text': e.summary } } : {}),
    ...(e.contentHtml !== undefined ? { content: { '@type': 'html', '#text': e.contentHtml } } : {}),
  });
  const doc = {
    feed: {
      '@xmlns': 'http://www.w3.org/2005/Atom',
      '@xmlns:thr': 'http://purl.org/syndication/thread/1.0',
      id: feed.id,
      title: { '@type': 'text', '#text': feed.title },
      ...(feed.subtitle ? { subtitle: { '@type': 'text', '#text': feed.subtitle } } : {}),
      updated: feed.updated,
      link: [
        { '@rel': 'self', '@type': 'application/atom+xml', '@href': feed.selfUrl },
        { '@rel': 'alternate', '@type': 'text/html', '@href': feed.alternateUrl },
      ],
      generator: { '@uri': 'https://astro.build', '#text': 'Astro' },
      entry: feed.entries.map(entry),
    },
  };
  return `<?xml version="1.0" encoding="utf-8"?>\n${builder.build(doc)}`;
}

/** Stable tag URIs (RFC 4151): they do not change when the domain or base path does. */
export const tagUri = (authority: string, specific: string) => `tag:${authority},2006:${specific}`;

/**
 * Feed readers have no base URL for root-relative links and images, so make them
 * absolute. Works on the hast tree, not on text.
 */
export function absolutizeHtml(html: string, origin: string): string {
  const tree = fromHtml(html, { fragment: true });
  const base = origin.replace(/\/$/, '');
  visit(tree, 'element', (node: Element) => {
    for (const attr of ['href', 'src', 'poster'] as const) {
      const v = node.properties[attr];
      if (typeof v === 'string' && v.startsWith('/') && !v.startsWith('//')) node.properties[attr] = base + v;
    }
    const srcset = node.properties.srcSet;
    if (Array.isArray(srcset)) {
      (node.properties as Record<string, unknown>).srcSet = srcset.map((s) =>
        typeof s === 'string' && s.startsWith('/') && !s.startsWith('//') ? base + s : s,
      );
    }
  });
  return toHtml(tree);
}

const markdownParser = unified().use(remarkParse);

/**
 * A plain-text summary of a post's Markdown or MDX source for summary feeds: the text of
 * its first paragraphs, cut at a word before `maxChars` with "…". Markup, HTML and MDX
 * tags are left out (only text and code spans count); the source is never executed.
 */
export function textSummary(markdown: string, maxChars = 300): string {
  const tree = markdownParser.parse(markdown) as MdastRoot;
  const paragraphs: string[] = [];
  let length = 0;
  for (const block of tree.children) {
    if (block.type !== 'paragraph') continue;
    const words: string[] = [];
    visit(block, (node) => {
      if (node.type === 'text' || node.type === 'inlineCode') words.push(node.value);
    });
    const text = words.join('').replace(/\s+/g, ' ').trim();
    if (!text) continue;
    paragraphs.push(text);
    length += text.length + 1;
    if (length > maxChars) break;
  }
  const all = paragraphs.join(' ');
  if (all.length <= maxChars) return all;
  const cut = all.slice(0, maxChars - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxChars / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}
