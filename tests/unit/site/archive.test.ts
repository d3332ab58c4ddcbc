import { describe, expect, it } from 'vitest';
import { buildArchiveTree, byNewest, groupByDay, neighbours } from '../../../src/lib/site/archive';
import { paginate } from '../../../src/lib/site/pagination';

const p = (id: string, iso: string) => ({ id, title: id, published: new Date(iso) });
const NY = 'America/New_York';

describe('archive tree', () => {
  const posts = [
    p('2008/11/b', '2008-11-29T06:47:00-05:00'),
    p('2008/04/mismatch', '2007-04-30T23:10:00-04:00'), // URL month differs from its date
    p('2008/11/a', '2008-11-02T10:00:00-05:00'),
    p('2006/04/first', '2006-04-21T09:00:00-04:00'),
  ].sort(byNewest);

  it('groups years and months newest first, with counts, by date in the blog zone', () => {
    const tree = buildArchiveTree(posts, NY);
    expect(tree.map((y) => [y.year, y.count])).toEqual([[2008, 2], [2007, 1], [2006, 1]]);
    expect(tree[0]!.months.map((m) => [m.month, m.count, m.posts.map((x) => x.id)])).toEqual([[11, 2, ['2008/11/b', '2008/11/a']]]);
    expect(tree[1]!.months[0]).toMatchObject({ year: 2007, month: 4, count: 1 });
  });

  it('gives one date header to posts of the same day', () => {
    const sameDay = [p('x', '2013-05-14T21:00:00-04:00'), p('y', '2013-05-14T07:30:00-04:00'), p('z', '2013-05-13T23:59:00-04:00')];
    expect(groupByDay(sameDay, NY).map((g) => [g.day, g.posts.map((x) => x.id)])).toEqual([
      ['2013-05-14', ['x', 'y']],
      ['2013-05-13', ['z']],
    ]);
  });

  it('finds newer and older neighbours', () => {
    expect(neighbours(posts, '2008/11/a')).toEqual({ newer: posts[0], older: posts[2] });
    expect(neighbours(posts, '2008/11/b').newer).toBeUndefined();
    expect(neighbours(posts, '2006/04/first').older).toBeUndefined();
  });

  it('orders ties by id so builds are deterministic', () => {
    const t = '2010-01-01T00:00:00Z';
    expect([p('b', t), p('a', t), p('c', t)].sort(byNewest).map((x) => x.id)).toEqual(['c', 'b', 'a']);
  });
});

describe('pagination', () => {
  it('pages 7 at a time with newer/older links', () => {
    const pages = paginate(Array.from({ length: 16 }, (_, i) => i), 7, '/');
    expect(pages.map((pg) => [pg.path, pg.items.length, pg.newerPath, pg.olderPath])).toEqual([
      ['/', 7, undefined, '/page/2/'],
      ['/page/2/', 7, '/', '/page/3/'],
      ['/page/3/', 2, '/page/2/', undefined],
    ]);
  });

  it('always has a first page, even when empty', () => {
    expect(paginate([], 7, '/2008/')).toHaveLength(1);
  });

  it('rejects a page size that is not a positive integer', () => {
    expect(() => paginate([1], 0, '/')).toThrow(RangeError);
  });
});

describe('month archives page on into their neighbours (issue 20)', () => {
  it('links the first page of a month to the newer month and its last page to the older month', async () => {
    const { chainListings, paginate } = await import('../../../src/lib/site/pagination');
    const [nov, jun, apr] = chainListings([paginate([1, 2, 3], 7, '/2008/11/'), paginate([1, 2, 3, 4, 5, 6, 7, 8], 7, '/2008/06/'), paginate([1], 7, '/2007/04/')]);
    expect(nov!.map((p) => [p.newerPath, p.olderPath])).toEqual([[undefined, '/2008/06/']]);
    expect(jun!.map((p) => [p.newerPath, p.olderPath])).toEqual([
      ['/2008/11/', '/2008/06/page/2/'],
      ['/2008/06/', '/2007/04/'],
    ]);
    expect(apr!.map((p) => [p.newerPath, p.olderPath])).toEqual([['/2008/06/page/2/', undefined]]);
  });
});
