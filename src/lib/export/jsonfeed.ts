import { commentUrl, postUrl, publicComments, sortComments, type ExportInput } from './input';

/**
 * The comment archive as JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/): one item per
 * comment, threading and provenance in the `_comment` extension. Tombstones are
 * exported as items with empty `content_text`, no author and
 * `_comment.status: "tombstone"`, so replies keep pointing at a real item.
 * Large archives are split into pages linked by `next_url`.
 */

export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';
export const JSON_FEED_PAGE_SIZE = 2000;

export interface JsonFeedItem {
  id: string;
  url: string;
  content_html?: string;
  content_text?: string;
  date_published: string;
  date_modified?: string;
  authors?: { name: string; url?: string }[];
  _comment: {
    id: string;
    parent_id: string | null;
    in_reply_to: string | null;
    post: { id: string; url: string; title: string };
    status: 'visible' | 'tombstone';
    removed_by?: 'author' | 'administrator';
    role: 'blog-author' | 'reader';
    identity: 'registered' | 'guest' | 'anonymous';
    author_key?: string;
    source: Record<string, unknown>;
  };
}

export interface JsonFeedDocument {
  version: typeof JSON_FEED_VERSION;
  title: string;
  home_page_url: string;
  feed_url: string;
  description?: string;
  language?: string;
  next_url?: string;
  items: JsonFeedItem[];
  _comments_export: { schema: 1; page: number; pages: number; total: number };
}

export interface JsonFeedOptions {
  /** Absolute URL of page n (1-based); page 1 is the feed's own address. */
  pageUrl: (page: number) => string;
  pageSize?: number;
}

export function commentItems(input: ExportInput): JsonFeedItem[] {
  return sortComments(publicComments(input)).map(({ postId, comment: c }) => {
    const post = input.posts.get(postId)!;
    const url = commentUrl(input.site, postId, c.id);
    const tombstone = c.status === 'tombstone';
    return {
      id: url,
      url,
      ...(tombstone ? { content_text: '' } : { content_html: c.bodyHtml }),
      date_published: c.published,
      ...(c.updated ? { date_modified: c.updated } : {}),
      ...(tombstone ? {} : { authors: [{ name: c.author.name, ...(c.author.url ? { url: c.author.url } : {}) }] }),
      _comment: {
        id: c.id,
        parent_id: c.parentId,
        in_reply_to: c.parentId ? commentUrl(input.site, postId, c.parentId) : null,
        post: { id: postId, url: postUrl(input.site, postId), title: post.title },
        status: c.status,
        ...(c.removedBy ? { removed_by: c.removedBy } : {}),
        role: c.author.role,
        identity: c.author.identity,
        ...(c.author.authorKey ? { author_key: c.author.authorKey } : {}),
        source: { ...c.source },
      },
    };
  });
}

/** Every page of the feed; page 1 alone when the archive is small. */
export function commentsJsonFeedPages(input: ExportInput, options: JsonFeedOptions): JsonFeedDocument[] {
  const size = options.pageSize ?? JSON_FEED_PAGE_SIZE;
  const items = commentItems(input);
  const pages = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: pages }, (_, i) => ({
    version: JSON_FEED_VERSION,
    title: `${input.site.title}: comments`,
    home_page_url: input.site.homeUrl,
    feed_url: options.pageUrl(1),
    ...(input.site.description ? { description: input.site.description } : {}),
    ...(input.site.language ? { language: input.site.language } : {}),
    ...(i + 1 < pages ? { next_url: options.pageUrl(i + 2) } : {}),
    items: items.slice(i * size, (i + 1) * size),
    _comments_export: { schema: 1 as const, page: i + 1, pages, total: items.length },
  }));
}

export const jsonFeedText = (doc: JsonFeedDocument) => `${JSON.stringify(doc, null, 2)}\n`;

/** The whole archive as one JSON Feed document (what the site publishes: one file per format). */
export function commentsJsonFeed(input: ExportInput, feedUrl: string): JsonFeedDocument {
  return commentsJsonFeedPages(input, { pageUrl: () => feedUrl, pageSize: Number.MAX_SAFE_INTEGER })[0]!;
}

/**
 * The same JSON, without indentation: one item a line (a quarter smaller than
 * `jsonFeedText` and still readable line by line). Each item is serialised on its own,
 * so no second copy of the whole document is built.
 */
export function jsonFeedCompactText(doc: JsonFeedDocument): string {
  const { items, ...head } = doc;
  const headText = JSON.stringify({ ...head, items: [] });
  const open = headText.slice(0, headText.lastIndexOf('[]'));
  const close = headText.slice(headText.lastIndexOf('[]') + 2);
  return `${open}[\n${items.map((item) => JSON.stringify(item)).join(',\n')}\n]${close}\n`;
}
