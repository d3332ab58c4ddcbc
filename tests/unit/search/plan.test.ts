import { describe, expect, it } from 'vitest';
import {
  collapsedOptions,
  contentTypeCounts,
  facetOptions,
  pagefindFilters,
  planSearch,
  type FilterCounts,
} from '../../../src/lib/search/plan';
import { parseSearchState } from '../../../src/lib/search/state';

describe('Pagefind queries for a search state', () => {
  it('searches posts only by default', () => {
    const plan = planSearch(parseSearchState('q=jail'));
    expect(plan.term).toBe('jail');
    expect(plan.sort).toBeUndefined();
    expect(plan.queries[0]!.filters).toEqual({ type: { any: ['post'] } });
  });

  it('includes comment threads when asked', () => {
    expect(pagefindFilters(parseSearchState('q=jail&comments=1'))).toEqual({ type: { any: ['post', 'comment'] } });
  });

  it('combines facets: any value within one, all facets together', () => {
    const s = parseSearchState('q=jail&author=ClinkShrink&author=Roy&year=2013&label=jails');
    expect(pagefindFilters(s)).toEqual({
      author: { any: ['ClinkShrink', 'Roy'] },
      year: { any: ['2013'] },
      label: { any: ['jails'] },
      type: { any: ['post'] },
    });
  });

  it('maps the sort order, and browses newest first when there are no words', () => {
    expect(planSearch(parseSearchState('q=a&sort=newest')).sort).toEqual({ date: 'desc' });
    expect(planSearch(parseSearchState('q=a&sort=oldest')).sort).toEqual({ date: 'asc' });
    expect(planSearch(parseSearchState('q=a')).sort).toBeUndefined();
    expect(planSearch(parseSearchState('year=2013')).term).toBeNull();
    expect(planSearch(parseSearchState('year=2013')).sort).toEqual({ date: 'desc' });
    expect(planSearch(parseSearchState('year=2013&sort=oldest')).sort).toEqual({ date: 'asc' });
  });

  it('counts each selected facet without its own selection, and shares identical queries', () => {
    const s = parseSearchState('q=jail&author=ClinkShrink&year=2013');
    const plan = planSearch(s);
    const byKey = new Map(plan.queries.map((q) => [q.key, q.filters]));
    expect(plan.queries[0]!.filters).toEqual(pagefindFilters(s));
    expect(byKey.get(plan.countsFrom.author)).toEqual({ year: { any: ['2013'] }, type: { any: ['post'] } });
    expect(byKey.get(plan.countsFrom.year)).toEqual({ author: { any: ['ClinkShrink'] }, type: { any: ['post'] } });
    expect(plan.countsFrom.label).toBe(plan.queries[0]!.key); // nothing selected: the main answer
    expect(byKey.get(plan.countsFrom.type)).toEqual({ author: { any: ['ClinkShrink'] }, year: { any: ['2013'] } });
    expect(plan.queries).toHaveLength(4);
    expect(new Set(plan.queries.map((q) => q.key)).size).toBe(plan.queries.length);
    // With comments on, the main query already spans both types.
    const withComments = planSearch(parseSearchState('q=jail&comments=1'));
    expect(withComments.queries).toHaveLength(1);
    expect(withComments.countsFrom.type).toBe(withComments.queries[0]!.key);
  });
});

describe('facet options and counts', () => {
  const s = parseSearchState('q=jail&author=ClinkShrink&label=ghost');
  const plan = planSearch(s);
  const answers = new Map<string, FilterCounts>([
    [plan.countsFrom.author, { author: { ClinkShrink: 4, Dinah: 2, Roy: 0 }, type: { post: 6, comment: 3 } }],
    [plan.countsFrom.year, { year: { '2013': 3, '2009': 1, '2017': 0 }, label: { jails: 4, forensic: 4, 'Q&A': 1, zebra: 0 } }],
    [plan.countsFrom.label, { label: { jails: 4, forensic: 4, 'Q&A': 1 } }],
    [plan.countsFrom.type, { type: { post: 4, comment: 2 } }],
  ]);

  it('lists values with results in display order, keeping selected ones even at zero', () => {
    const o = facetOptions(s, plan, answers);
    expect(o.author).toEqual([
      { value: 'ClinkShrink', count: 4, selected: true },
      { value: 'Dinah', count: 2, selected: false },
    ]);
    expect(o.year.map((x) => x.value)).toEqual(['2013', '2009']); // newest first, zero dropped
    expect(o.label).toEqual([
      { value: 'forensic', count: 4, selected: false },
      { value: 'jails', count: 4, selected: false },
      { value: 'Q&A', count: 1, selected: false },
      { value: 'ghost', count: 0, selected: true }, // from a URL, no longer in the index
    ]);
  });

  it('reads the content-type counts from their own query', () => {
    expect(contentTypeCounts(plan, answers)).toEqual({ post: 4, comment: 2 });
  });

  it('refuses to guess when an answer is missing', () => {
    expect(() => facetOptions(s, plan, new Map())).toThrow(/author counts/);
  });

  it('collapses a long list to the first few plus the selected ones', () => {
    const options = Array.from({ length: 30 }, (_, i) => ({ value: `l${i}`, count: 30 - i, selected: i === 25 }));
    const shown = collapsedOptions(options, 12);
    expect(shown).toHaveLength(13);
    expect(shown.at(-1)!.value).toBe('l25');
  });
});
