import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { seriesInTitle, suggestSeries } from '../../../src/lib/import/series';
import { importInto, ours, scratch } from './helpers';

describe('series seen in titles', () => {
  it('finds the words before "Part N" or "Podcast N"', () => {
    expect(seriesInTitle('A Day in the Jail Clinic, Part 1: Intake')).toBe('A Day in the Jail Clinic');
    expect(seriesInTitle('Involuntary Treatment (part two)')).toBe('Involuntary Treatment');
    expect(seriesInTitle('Tarasoff - Pt. 3')).toBe('Tarasoff');
    expect(seriesInTitle('My Three Shrinks Podcast 52: Generic Pills')).toBe('My Three Shrinks Podcast');
    expect(seriesInTitle('My Three Shrinks Podcast #53')).toBe('My Three Shrinks Podcast');
    expect(seriesInTitle('Shrink Rap Podcast, Episode 7')).toBe('Shrink Rap Podcast');
  });

  it('sees no series in ordinary titles', () => {
    for (const t of ['Part 2: Sick Call', 'Why I Still Take Notes by Hand', 'The Podcast Is Back', 'Counterpart Therapy', 'Parts of the Brain 101']) {
      expect(seriesInTitle(t), t).toBeUndefined();
    }
  });

  it('suggests a series only when two posts or more name it, parts oldest first', () => {
    const d = (s: string) => new Date(s);
    const suggestions = suggestSeries([
      { id: '2013/04/b', title: 'A Day in the Jail Clinic, Part 2: Sick Call', published: d('2013-04-15T00:00:00Z') },
      { id: '2013/04/a', title: 'A day in the jail clinic, part 1', published: d('2013-04-08T00:00:00Z') },
      { id: '2014/01/c', title: 'Tarasoff, Part 1', published: d('2014-01-01T00:00:00Z') },
    ]);
    expect(suggestions).toEqual([{ name: 'A day in the jail clinic', posts: ['2013/04/a', '2013/04/b'] }]);
  });

  it('offers them in the migration report without writing them into any post', () => {
    const { content } = scratch();
    const result = importInto(content, [ours('takeout-series.atom')]);
    expect(result.report.seriesSuggestions).toEqual([
      { name: 'A Day in the Jail Clinic', posts: ['2013/04/day-in-jail-clinic-part-1-intake', '2013/04/day-in-jail-clinic-part-2-sick-call'] },
      { name: 'My Three Shrinks Podcast', posts: ['2012/02/my-three-shrinks-podcast-52-generic', '2012/03/my-three-shrinks-podcast-53'] },
    ]);
    expect(result.text).toContain('series seen in titles (not applied: to use one, add series: "<name>" to its posts): 2');
    expect(result.text).toContain('"A Day in the Jail Clinic": 2 posts (2013/04/day-in-jail-clinic-part-1-intake, 2013/04/day-in-jail-clinic-part-2-sick-call)');
    expect(existsSync(join(content, 'posts/2013/04/day-in-jail-clinic-part-1-intake.md'))).toBe(true);
    for (const f of result.plan.files) expect(f.text, f.rel).not.toMatch(/^series:/m);
  });
});
