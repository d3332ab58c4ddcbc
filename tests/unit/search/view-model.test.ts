import { describe, expect, it } from 'vitest';
import { CONTENT_TYPE, dateSortedLists, LABELS_SHOWN, planSearch, type FilterCounts } from '../../../src/lib/search/plan';
import { parseSearchState } from '../../../src/lib/search/state';
import {
  BLANK_STATUS,
  countSpoken,
  countText,
  documentTitle,
  facetView,
  moreLabels,
  needsCommentIndex,
  searchView,
  transition,
} from '../../../src/lib/search/view-model';

const labels = Array.from({ length: LABELS_SHOWN + 3 }, (_, i) => ({ value: `label ${i}`, count: 20 - i, selected: i === LABELS_SHOWN + 1 }));
const counts: FilterCounts = {
  author: { Roy: 3, Dinah: 1 },
  year: { '2013': 2, '2008': 2 },
  label: Object.fromEntries(labels.map((l) => [l.value, l.count])),
  [CONTENT_TYPE]: { post: 4, comment: 2 },
};
const answers = (state: ReturnType<typeof parseSearchState>) => {
  const plan = planSearch(state);
  return { plan, counts: new Map(plan.queries.map((q) => [q.key, counts])) };
};

describe('the search view model', () => {
  it('collapses labels to the first few plus the selected, with a button naming them all', () => {
    const collapsed = facetView('label', labels, false);
    expect(collapsed.shown.map((o) => o.value)).toEqual([...labels.slice(0, LABELS_SHOWN), labels[LABELS_SHOWN + 1]!].map((o) => o.value));
    expect(collapsed.more).toEqual({ hidden: false, expanded: false, text: `Show all ${labels.length} labels` });
    expect(facetView('label', labels, true)).toEqual({ shown: labels, more: { hidden: false, expanded: true, text: 'Show fewer labels' } });
    expect(facetView('author', labels, false)).toEqual({ shown: labels });
    expect(moreLabels(LABELS_SHOWN, false).hidden).toBe(true);
  });

  it('writes counts for the eye and for screen readers', () => {
    expect(countText(12345)).toBe('(12,345)');
    expect(countSpoken(12345, 'results')).toBe(', 12345 results');
  });

  it('shows the thread count only once the comment index is loaded', () => {
    const s = parseSearchState('q=jail');
    const { plan, counts: c } = answers(s);
    expect(searchView(s, plan, c, { labelsExpanded: false, commentsLoaded: false }).commentThreads).toBeUndefined();
    const loaded = searchView(s, plan, c, { labelsExpanded: false, commentsLoaded: true });
    expect(loaded.commentThreads).toBe(2);
    expect(loaded.status).toBe('4 posts found for “jail”.');
    expect(loaded.blank).toBe(false);
    expect(loaded.showClear).toBe(false);
    expect(loaded.facets.author.shown.map((o) => o.value)).toEqual(['Dinah', 'Roy']);
  });

  it('counts posts and threads together when comments are included; a blank search only hints', () => {
    const s = parseSearchState('q=jail&author=Roy&comments=1');
    const { plan, counts: c } = answers(s);
    const view = searchView(s, plan, c, { labelsExpanded: false, commentsLoaded: true });
    expect(view.status).toBe('6 results for “jail”: 4 posts and 2 comment threads.');
    expect(view.showClear).toBe(true);
    const blank = parseSearchState('');
    const b = answers(blank);
    expect(searchView(blank, b.plan, b.counts, { labelsExpanded: false, commentsLoaded: false })).toMatchObject({ blank: true, status: BLANK_STATUS });
  });

  it('titles the page with the words searched for', () => {
    expect(documentTitle('Search', parseSearchState('q=jail'))).toBe('Search: “jail”');
    expect(documentTitle('Search', parseSearchState('author=Roy'))).toBe('Search');
  });
});

describe('state transitions', () => {
  const at = (search: string) => ({ pathname: '/search/', search });

  it('writes the canonical address and searches when the state changes', () => {
    const t = transition(parseSearchState('q=jail'), { ...parseSearchState('q=jail'), q: '  jail   time ' }, at('?q=jail'));
    expect(t.url).toBe('/search/?q=jail%20time');
    expect(t.search).toBe(true);
    expect(t.state.q).toBe('jail time');
  });

  it('neither writes nor searches again for the same state', () => {
    const s = parseSearchState('q=jail&year=2013');
    expect(transition(s, { ...s, q: 'jail ' }, at('?q=jail&year=2013'))).toEqual({ state: s, url: undefined, search: false });
  });
});

describe('comments and date order', () => {
  it('merges the comment index only when comments are included and the build made one', () => {
    expect(needsCommentIndex(parseSearchState('q=a&comments=1'), true)).toBe(true);
    expect(needsCommentIndex(parseSearchState('q=a&comments=1'), false)).toBe(false);
    expect(needsCommentIndex(parseSearchState('q=a'), true)).toBe(false);
  });

  it('splits a date-sorted search with comments into one list per content type', () => {
    const s = parseSearchState('q=a&author=Roy&sort=newest&comments=1');
    expect(dateSortedLists(s, planSearch(s))).toEqual([
      { author: { any: ['Roy'] }, type: { any: ['post'] } },
      { author: { any: ['Roy'] }, type: { any: ['comment'] } },
    ]);
    for (const q of ['q=a&comments=1', 'q=a&sort=newest']) expect(dateSortedLists(parseSearchState(q), planSearch(parseSearchState(q)))).toBeUndefined();
  });
});

describe('round two (issue 20): counts not known yet, filters applied, suggestions', () => {
  it('shows the build’s thread count for the empty search, "…" for others until counted', async () => {
    const { threadCountShown } = await import('../../../src/lib/search/view-model');
    expect(threadCountShown({ commentThreads: undefined, blank: true }, 8)).toBe(8);
    expect(threadCountShown({ commentThreads: undefined, blank: false }, 8)).toBeUndefined();
    expect(threadCountShown({ commentThreads: 3, blank: false }, 8)).toBe(3);
    expect(threadCountShown({ commentThreads: 0, blank: true }, 8)).toBe(0);
  });

  it('counts the filter values chosen, and asks for a suggestion only when words found nothing', async () => {
    const { appliedFilterCount, wantsSuggestion } = await import('../../../src/lib/search/view-model');
    const { parseSearchState } = await import('../../../src/lib/search/state');
    expect(appliedFilterCount(parseSearchState('q=jail'))).toBe(0);
    expect(appliedFilterCount(parseSearchState('q=jail&author=Dinah&author=Roy&year=2013'))).toBe(3);
    expect(wantsSuggestion(parseSearchState('q=psychotheraphy'), { blank: false, found: 0 })).toBe(true);
    expect(wantsSuggestion(parseSearchState('q=jail'), { blank: false, found: 4 })).toBe(false);
    expect(wantsSuggestion(parseSearchState('author=Dinah'), { blank: false, found: 0 })).toBe(false);
    expect(wantsSuggestion(parseSearchState(''), { blank: true, found: 0 })).toBe(false);
  });
});
