import { describe, expect, it } from 'vitest';
import { commentAnchor } from '../../../src/lib/comment-address';
import { anchorStubsHtml, commentPages, commentPaging, POST_PAGE_COMMENT_BYTES, readingOrder } from '../../../src/lib/site/comment-pages';
import type { StoredComment } from '../../../src/lib/schemas';

/** Comment pages beyond 200 comments, and threads thousands deep (issue 23). */

const at = (i: number) => new Date(Date.UTC(2010, 0, 1) + i * 60_000).toISOString().replace('.000Z', 'Z');
function comment(i: number, parent: number | null = null, body = `<p>Comment ${i}.</p>`): StoredComment {
  // Blogger's 19-digit ids, as strings (numbers that long lose digits).
  const id = (n: number) => `blogger:1143037752240${String(n).padStart(6, '0')}`;
  return {
    id: id(i),
    parentId: parent === null ? null : id(parent),
    published: at(i),
    author: { name: `Reader ${i}`, role: 'reader', identity: 'guest' },
    bodyHtml: body,
    status: 'visible',
    source: { system: 'blogger-classic', file: 'x.xml', id: String(i), postRef: 'p' },
  };
}
const flat = (n: number) => Array.from({ length: n }, (_, i) => comment(i));
const deep = (n: number) => Array.from({ length: n }, (_, i) => comment(i, i === 0 ? null : i - 1));

describe('reading order', () => {
  it('is each top-level comment followed by all its replies by time', () => {
    const list = [comment(0), comment(1), comment(2, 0), comment(3, 2), comment(4, 1), comment(5, 0)];
    expect(readingOrder(list).map((c) => c.source.id)).toEqual(['0', '2', '3', '5', '1', '4']);
  });
  it('a thread 2,000 replies deep is read in order, 200 a page, every reply kept with its parent in the data', () => {
    const order = readingOrder(deep(2000));
    expect(order).toHaveLength(2000);
    expect(order.map((c) => c.source.id)).toEqual(Array.from({ length: 2000 }, (_, i) => String(i)));
    const pages = commentPages(deep(2000));
    expect(pages.map((p) => p.length)).toEqual([...Array(9).fill(200), 200]);
    expect(pages.flat()).toHaveLength(2000);
  });
  it('a chain 50,000 deep is threaded in linear time', () => {
    const started = performance.now();
    expect(readingOrder(deep(50_000))).toHaveLength(50_000);
    // Not a timing goal (those are in the benchmark): a quadratic walk would take minutes here.
    expect(performance.now() - started).toBeLessThan(60_000);
  }, 120_000);
});

describe('comment pages', () => {
  it('a thread of 200 comments is all on the post page', () => {
    expect(commentPages(flat(200)).map((p) => p.length)).toEqual([200]);
    expect(commentPaging(commentPages(flat(200)))).toEqual({ total: 200, pageCount: 1, later: [], unanchored: 0 });
  });
  it('beyond 200, pages of 200 with every later comment anchored on the post page', () => {
    const pages = commentPages(flat(450));
    expect(pages.map((p) => p.length)).toEqual([200, 200, 50]);
    const paging = commentPaging(pages);
    expect(paging.later.map((g) => [g.page, g.first, g.last, g.anchors.length])).toEqual([[2, 201, 400, 200], [3, 401, 450, 50]]);
    expect(paging.later[0]!.anchors[0]).toBe(commentAnchor(pages[1]![0]!));
    expect(anchorStubsHtml(paging.later[1]!.anchors.slice(0, 2))).toBe('<i id=c1143037752240000400></i><i id=c1143037752240000401></i>');
  });
  it('a 20 MB comment is a page of its own, and big bodies shorten a page', () => {
    const huge = `<p>${'x'.repeat(20 * 1024 * 1024)}</p>`;
    const list = [comment(0), comment(1, null, huge), comment(2), ...Array.from({ length: 10 }, (_, i) => comment(3 + i, null, `<p>${'y'.repeat(100 * 1024)}</p>`))];
    const pages = commentPages(list);
    expect(pages[0]!.map((c) => c.source.id)).toEqual(['0']);
    expect(pages[1]!.map((c) => c.source.id)).toEqual(['1']);
    expect(pages.flat()).toHaveLength(13);
    for (const page of pages.slice(2)) expect(page.length).toBeLessThanOrEqual(4);
  });
  it('50,000 comments with 19-digit ids: every one anchored, the post page section within its budget', () => {
    const pages = commentPages(flat(50_000));
    const paging = commentPaging(pages);
    expect(pages.flat()).toHaveLength(50_000);
    expect(paging.unanchored).toBe(0);
    const html = pages[0]!.reduce((n, c) => n + c.bodyHtml.length + 1000, 0) + paging.later.reduce((n, g) => n + anchorStubsHtml(g.anchors).length + 200, 0);
    expect(html).toBeLessThan(POST_PAGE_COMMENT_BYTES + 50_000);
    expect(pages[0]!.length).toBeGreaterThan(0);
  }, 60_000);
});
