import { FACETS, type Facet, type SearchState } from './state';

/**
 * From the page state to Pagefind queries, and from their answers to facet counts.
 *
 * Filters combine the usual faceted way: values of one facet are alternatives (any),
 * different facets narrow each other (all). A facet's counts must then ignore that
 * facet's own selection, or choosing "Dinah" would make ClinkShrink's count 0: so for
 * each facet with a selection we run one more (cheap, cached) query without it.
 */

/** The Pagefind filter that tells posts from comment threads. */
export const CONTENT_TYPE = 'type';
export type ContentType = 'post' | 'comment';
export type CountedFacet = Facet | typeof CONTENT_TYPE;

/** Pagefind's filter argument: `{ author: { any: ['Dinah'] } }`. */
export type PagefindFilters = Record<string, { any: string[] }>;
/** Pagefind's `filters` answer: value -> number of results, per filter key. */
export type FilterCounts = Record<string, Record<string, number>>;

export interface PlannedQuery {
  /** Stable key, so identical queries run once. */
  key: string;
  filters: PagefindFilters;
}

export interface SearchPlan {
  /** The words, or null to browse by filters alone. */
  term: string | null;
  /** Pagefind `sort` option; absent = relevance. */
  sort?: { date: 'asc' | 'desc' };
  /** Queries to run; the first is the one whose results are shown. */
  queries: PlannedQuery[];
  /** Which query's counts each facet (and the content type) reads. */
  countsFrom: Record<CountedFacet, string>;
}

export function contentTypes(state: SearchState): ContentType[] {
  return state.comments ? ['post', 'comment'] : ['post'];
}

/** Pagefind filters for `state`, leaving out one facet (for that facet's counts). */
export function pagefindFilters(state: SearchState, omit?: CountedFacet): PagefindFilters {
  const filters: PagefindFilters = {};
  for (const facet of FACETS) {
    if (facet !== omit && state.filters[facet].length > 0) filters[facet] = { any: [...state.filters[facet]] };
  }
  if (omit !== CONTENT_TYPE) filters[CONTENT_TYPE] = { any: contentTypes(state) };
  return filters;
}

const keyOf = (filters: PagefindFilters) =>
  JSON.stringify(Object.keys(filters).sort().map((k) => [k, filters[k]!.any]));

export function planSearch(state: SearchState): SearchPlan {
  const queries: PlannedQuery[] = [];
  const add = (filters: PagefindFilters): string => {
    const key = keyOf(filters);
    if (!queries.some((q) => q.key === key)) queries.push({ key, filters });
    return key;
  };
  const main = add(pagefindFilters(state));
  const countsFrom = {} as Record<CountedFacet, string>;
  for (const facet of FACETS) countsFrom[facet] = state.filters[facet].length > 0 ? add(pagefindFilters(state, facet)) : main;
  // How many comment threads would match is shown beside "Include comments" even when off.
  // When on, the main query already covers both types (every record has one).
  countsFrom[CONTENT_TYPE] = state.comments ? main : add(pagefindFilters(state, CONTENT_TYPE));
  const term = state.q === '' ? null : state.q;
  // With no words there is no relevance to rank by: browse newest first.
  const order = state.sort === 'relevance' && term === null ? 'newest' : state.sort;
  return {
    term,
    ...(order === 'relevance' ? {} : { sort: { date: order === 'newest' ? 'desc' : 'asc' } }),
    queries,
    countsFrom,
  };
}

/**
 * Filters of the result lists to merge by date, when one Pagefind answer cannot give the
 * order: a date-sorted search that includes comments (mergeIndex ranks across bundles by
 * score only; merge.ts merges these). Undefined: show the first query's results as they are.
 */
export function dateSortedLists(state: SearchState, plan: SearchPlan): PagefindFilters[] | undefined {
  if (!plan.sort || !state.comments) return undefined;
  const main = plan.queries[0]!.filters;
  return contentTypes(state).map((type) => ({ ...main, [CONTENT_TYPE]: { any: [type] } }));
}

export interface FacetOption {
  value: string;
  count: number;
  selected: boolean;
}

export type FacetOptions = Record<Facet, FacetOption[]>;

const byName = (a: FacetOption, b: FacetOption) => a.value.localeCompare(b.value, 'en', { sensitivity: 'base' });
const ORDER: Record<Facet, (a: FacetOption, b: FacetOption) => number> = {
  author: byName,
  // Newest year first, like the blog's archive.
  year: (a, b) => b.value.localeCompare(a.value),
  // Most useful labels first.
  label: (a, b) => b.count - a.count || byName(a, b),
};

/**
 * Options for each facet: every value with results, plus every selected value (even at 0,
 * so it can be unselected), in display order.
 */
export function facetOptions(state: SearchState, plan: SearchPlan, counts: ReadonlyMap<string, FilterCounts>): FacetOptions {
  const out = {} as FacetOptions;
  for (const facet of FACETS) {
    const source = counts.get(plan.countsFrom[facet]);
    if (!source) throw new Error(`No answer for the ${facet} counts query`);
    const values = source[facet] ?? {};
    const selected = new Set(state.filters[facet]);
    const options = Object.entries(values)
      .filter(([value, count]) => count > 0 || selected.has(value))
      .map(([value, count]) => ({ value, count, selected: selected.has(value) }));
    for (const value of selected) if (!(value in values)) options.push({ value, count: 0, selected: true });
    out[facet] = options.sort(ORDER[facet]);
  }
  return out;
}

/** How many posts and comment threads match, ignoring the "include comments" switch. */
export function contentTypeCounts(plan: SearchPlan, counts: ReadonlyMap<string, FilterCounts>): Record<ContentType, number> {
  const source = counts.get(plan.countsFrom[CONTENT_TYPE]);
  if (!source) throw new Error('No answer for the content type counts query');
  const types = source[CONTENT_TYPE] ?? {};
  return { post: types.post ?? 0, comment: types.comment ?? 0 };
}

/** The labels facet shows this many options until the reader asks for all. */
export const LABELS_SHOWN = 12;

/** The options to show when the list is collapsed: the first few, and any selected one. */
export function collapsedOptions(options: readonly FacetOption[], limit = LABELS_SHOWN): FacetOption[] {
  return options.filter((o, i) => i < limit || o.selected);
}
