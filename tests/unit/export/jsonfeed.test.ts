import { describe, expect, it } from 'vitest';
import { commentsJsonFeedPages, JSON_FEED_VERSION } from '../../../src/lib/export/jsonfeed';
import { importedSite } from './helpers';

const { input } = importedSite();
const pageUrl = (n: number) => `https://www.shrinkrap.net/exports/comments${n === 1 ? '' : `-${n}`}.json`;

describe('JSON Feed 1.1 comment export', () => {
  const [feed] = commentsJsonFeedPages(input, { pageUrl });

  it('is a JSON Feed 1.1 document with one item per public comment', () => {
    expect(feed!.version).toBe(JSON_FEED_VERSION);
    expect(feed!.title).toBe('Shrink Rap: comments');
    expect(feed!.home_page_url).toBe('https://www.shrinkrap.net/');
    expect(feed!.feed_url).toBe(pageUrl(1));
    // 19 visible comments and 3 tombstones, all on public posts and pages.
    expect(feed!.items).toHaveLength(22);
    expect(feed!._comments_export).toEqual({ schema: 1, page: 1, pages: 1, total: 22 });
    expect(feed!.next_url).toBeUndefined();
    for (const item of feed!.items) {
      expect(typeof item.id).toBe('string');
      expect(item.content_html !== undefined || item.content_text !== undefined).toBe(true);
      expect(item.date_published).toMatch(/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:\d{2})$/);
    }
  });

  it('uses the comment permalink as id and url, and threads with _comment', () => {
    const reply = feed!.items.find((i) => i._comment.id === 'blogger:4000000000000000003')!;
    expect(reply.id).toBe('https://www.shrinkrap.net/2006/03/welcome-to-couch.html#c4000000000000000003');
    expect(reply.url).toBe(reply.id);
    expect(reply._comment).toMatchObject({
      parent_id: 'blogger:4000000000000000001',
      in_reply_to: 'https://www.shrinkrap.net/2006/03/welcome-to-couch.html#c4000000000000000001',
      post: { id: '2006/03/welcome-to-couch', url: 'https://www.shrinkrap.net/2006/03/welcome-to-couch.html', title: 'Q&A: Tom &amp; Jerry <3' },
      role: 'blog-author',
      author_key: 'dinah',
      status: 'visible',
    });
    const disqus = feed!.items.find((i) => i._comment.id === 'disqus:201')!;
    expect(disqus.id).toBe('https://www.shrinkrap.net/2006/03/welcome-to-couch.html#c201');
    expect(disqus.authors).toEqual([{ name: 'Jane' }]);
  });

  it('exports tombstones as empty items without an author, so replies still point at them', () => {
    const t = feed!.items.find((i) => i._comment.id === 'blogger:4000000000000000005')!;
    expect(t.content_text).toBe('');
    expect(t.content_html).toBeUndefined();
    expect(t.authors).toBeUndefined();
    expect(t._comment).toMatchObject({ status: 'tombstone', removed_by: 'administrator' });
    const reply = feed!.items.find((i) => i._comment.id === 'blogger:4000000000000000006')!;
    expect(reply._comment.in_reply_to).toBe(t.id);
  });

  it('leaves out comments of drafts and of posts not yet published', () => {
    const scheduled = { ...input, posts: new Map([...input.posts].filter(([id]) => id !== '2006/04/ground-rules')) };
    const [f] = commentsJsonFeedPages(scheduled, { pageUrl });
    expect(f!.items.some((i) => i._comment.post.id === '2006/04/ground-rules')).toBe(false);
    expect(f!.items.length).toBe(22 - 3);
  });

  it('has no e-mail or IP address', () => {
    expect(JSON.stringify(feed)).not.toMatch(/@example\.com|noreply@|\b203\.0\.113\.\d+/);
  });

  it('splits a large archive into pages linked by next_url', () => {
    const pages = commentsJsonFeedPages(input, { pageUrl, pageSize: 10 });
    expect(pages.map((p) => p.items.length)).toEqual([10, 10, 2]);
    expect(pages.map((p) => p.next_url)).toEqual([pageUrl(2), pageUrl(3), undefined]);
    expect(pages.every((p) => p.feed_url === pageUrl(1) && p._comments_export.total === 22)).toBe(true);
    expect(pages.flatMap((p) => p.items.map((i) => i.id))).toEqual(feed!.items.map((i) => i.id));
  });

  it('orders items by time, then id', () => {
    const keys = feed!.items.map((i) => [Date.parse(i.date_published), i._comment.id] as const);
    expect([...keys].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1))).toEqual(keys);
  });
});
