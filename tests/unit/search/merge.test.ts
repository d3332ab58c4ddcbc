import { describe, expect, it } from 'vitest';
import { takeByDate } from '../../../src/lib/search/merge';

const dateOf = async (item: { date: string }) => item.date;
const item = (name: string, date: string) => ({ name, date });

describe('takeByDate', () => {
  it('merges two date-sorted lists a page at a time, newest first', async () => {
    const posts = [item('p3', '2013-05-01T00:00:00-04:00'), item('p2', '2010-01-01T00:00:00-05:00'), item('p1', '2006-01-01T00:00:00-05:00')];
    const threads = [item('t2', '2012-01-01T00:00:00-05:00'), item('t1', '2009-01-01T00:00:00-05:00')];
    const queues = [posts, threads];
    expect((await takeByDate(queues, 3, dateOf, 'desc')).map((i) => i.name)).toEqual(['p3', 't2', 'p2']);
    expect((await takeByDate(queues, 3, dateOf, 'desc')).map((i) => i.name)).toEqual(['t1', 'p1']);
    expect(queues.every((q) => q.length === 0)).toBe(true);
  });

  it('oldest first; ties keep the first queue first; reads only the heads', async () => {
    const read: string[] = [];
    const spy = async (i: { name: string; date: string }) => (read.push(i.name), i.date);
    const a = [item('a1', '2001'), item('a2', '2003'), item('a3', '2009')];
    const b = [item('b1', '2001'), item('b2', '2002')];
    expect((await takeByDate([a, b], 3, spy, 'asc')).map((i) => i.name)).toEqual(['a1', 'b1', 'b2']);
    expect(read).not.toContain('a3');
  });
});
