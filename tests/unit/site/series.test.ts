import { describe, expect, it } from 'vitest';
import { buildSeries, seriesKey } from '../../../src/lib/site/series';
import { postSchema } from '../../../src/lib/schemas';
import { z } from 'astro/zod';

const p = (id: string, date: string, series?: string) => ({ id, title: `Title ${id}`, published: new Date(date), series });

describe('series', () => {
  it('orders the parts by publication and numbers each post', () => {
    const s = buildSeries([
      p('2013/04/part-3', '2013-04-22T11:30:00Z', 'A Day in the Jail Clinic'),
      p('2013/04/part-1', '2013-04-08T11:30:00Z', 'A Day in the Jail Clinic'),
      p('2013/04/part-2', '2013-04-15T11:30:00Z', 'a day in the jail clinic'),
      p('2013/05/other', '2013-05-01T11:30:00Z'),
    ]);
    expect(s.get('2013/04/part-2')).toEqual({
      name: 'A Day in the Jail Clinic',
      part: 2,
      parts: [
        { id: '2013/04/part-1', title: 'Title 2013/04/part-1' },
        { id: '2013/04/part-2', title: 'Title 2013/04/part-2' },
        { id: '2013/04/part-3', title: 'Title 2013/04/part-3' },
      ],
    });
    expect(s.get('2013/04/part-1')!.part).toBe(1);
    expect(s.get('2013/04/part-3')!.part).toBe(3);
    expect(s.has('2013/05/other')).toBe(false);
  });

  it('keeps separate series apart and hides a series of one post', () => {
    const s = buildSeries([
      p('a', '2012-02-12T00:00:00Z', 'My Three Shrinks Podcast'),
      p('b', '2012-03-04T00:00:00Z', 'My Three Shrinks Podcast'),
      p('c', '2013-04-08T00:00:00Z', 'Jail Clinic'),
    ]);
    expect(s.get('b')).toMatchObject({ part: 2, parts: [{ id: 'a' }, { id: 'b' }] });
    expect(s.has('c')).toBe(false);
  });

  it('matches names without regard to case, accents or punctuation', () => {
    expect(seriesKey('A Day in the Jail Clinic')).toBe(seriesKey('a day in the jail-clinic!'));
    expect(seriesKey('Café')).toBe(seriesKey('cafe'));
  });

  it('is a name in front matter, with a clear message when it is not', () => {
    const schema = postSchema(z.string());
    const base = { title: 'T', published: '2013-04-08T07:30:00-04:00', author: 'dinah' };
    expect(schema.parse({ ...base, series: ' Jail Clinic ' }).series).toBe('Jail Clinic');
    const wrong = schema.safeParse({ ...base, series: { id: 'jail', part: 1 } });
    expect(wrong.success).toBe(false);
    expect(wrong.error!.issues[0]!.message).toMatch(/series is the name of the series in quotes/);
    expect(schema.safeParse({ ...base, series: '' }).error!.issues[0]!.message).toMatch(/series cannot be empty/);
  });
});
