import { describe, expect, it } from 'vitest';
import {
  emptyState,
  isBlank,
  MAX_QUERY_LENGTH,
  MAX_VALUES_PER_FACET,
  parseSearchState,
  sameState,
  searchHref,
  serializeSearchState,
  withFilter,
  withoutFilters,
} from '../../../src/lib/search/state';

describe('search state in the URL', () => {
  it('reads the example URL from the issue', () => {
    const s = parseSearchState('?q=jail&author=ClinkShrink&year=2013&label=jails&sort=newest&comments=1');
    expect(s).toEqual({
      q: 'jail',
      filters: { author: ['ClinkShrink'], year: ['2013'], label: ['jails'] },
      sort: 'newest',
      comments: true,
    });
  });

  it('writes it back in a fixed order, leaving defaults out', () => {
    const s = parseSearchState('comments=1&sort=newest&label=jails&year=2013&author=ClinkShrink&q=jail');
    expect(serializeSearchState(s)).toBe('q=jail&author=ClinkShrink&year=2013&label=jails&sort=newest&comments=1');
    expect(serializeSearchState(emptyState())).toBe('');
    expect(serializeSearchState(parseSearchState('q=jail&sort=relevance&comments=0'))).toBe('q=jail');
  });

  it('round-trips any state through the URL', () => {
    const states = [
      emptyState(),
      { ...emptyState(), q: 'tarasoff duty to warn' },
      { q: 'café & "quotes" + plus', filters: { author: ['Dinah', 'Roy'], year: ['2006', '2018'], label: ['week in review', 'Q&A', 'café'] }, sort: 'oldest' as const, comments: true },
    ];
    for (const s of states) {
      const back = parseSearchState(serializeSearchState(s));
      expect(back).toEqual(parseSearchState(new URLSearchParams(serializeSearchState(back))));
      expect(sameState(back, s)).toBe(true);
      expect(back.q).toBe(s.q);
      expect(back.filters.label).toEqual([...s.filters.label].sort());
    }
  });

  it('writes spaces as %20 and keeps a literal plus', () => {
    const qs = serializeSearchState({ ...emptyState(), q: 'c++ and more', filters: { author: [], year: [], label: ['week in review'] } });
    expect(qs).toBe('q=c%2B%2B%20and%20more&label=week%20in%20review');
    expect(parseSearchState(qs).q).toBe('c++ and more');
  });

  it('accepts several values per facet, de-duplicated and sorted', () => {
    const s = parseSearchState('author=Roy&author=Dinah&author=Roy&author=%20&year=2013&year=2012');
    expect(s.filters.author).toEqual(['Dinah', 'Roy']);
    expect(s.filters.year).toEqual(['2012', '2013']);
  });

  it('ignores what it does not understand instead of failing', () => {
    const s = parseSearchState('q=%20%20jail%20%20%20cells%20&sort=random&comments=maybe&page=4&updated-max=2010');
    expect(s).toEqual({ ...emptyState(), q: 'jail cells' });
  });

  it('caps absurd input from a hostile or broken link', () => {
    const long = 'x'.repeat(5000);
    const many = Array.from({ length: 100 }, (_, i) => `label=l${String(i).padStart(3, '0')}`).join('&');
    const s = parseSearchState(`q=${long}&${many}`);
    expect(s.q.length).toBe(MAX_QUERY_LENGTH);
    expect(s.filters.label).toHaveLength(MAX_VALUES_PER_FACET);
  });

  it('builds the page address', () => {
    expect(searchHref('/pr-42/search/', emptyState())).toBe('/pr-42/search/');
    expect(searchHref('/search/', { ...emptyState(), q: 'jail' })).toBe('/search/?q=jail');
  });

  it('toggles filters without touching the rest', () => {
    const s = parseSearchState('q=jail&author=Roy&sort=oldest');
    const more = withFilter(s, 'author', 'ClinkShrink', true);
    expect(more.filters.author).toEqual(['ClinkShrink', 'Roy']);
    expect(more.q).toBe('jail');
    expect(more.sort).toBe('oldest');
    expect(s.filters.author).toEqual(['Roy']); // not mutated
    expect(withFilter(more, 'author', 'Roy', false).filters.author).toEqual(['ClinkShrink']);
    expect(withFilter(s, 'author', 'Roy', true).filters.author).toEqual(['Roy']);
    expect(withoutFilters(more)).toEqual({ ...more, filters: { author: [], year: [], label: [] } });
  });

  it('knows when there is nothing to search for', () => {
    expect(isBlank(parseSearchState('sort=newest&comments=1'))).toBe(true);
    expect(isBlank(parseSearchState('q=jail'))).toBe(false);
    expect(isBlank(parseSearchState('year=2013'))).toBe(false);
  });
});
