/**
 * The search page's state and its URL form, e.g.
 * `/search/?q=jail&author=ClinkShrink&year=2013&label=jails&sort=newest&comments=1`.
 * The URL is the only source of truth: it is parsed on load and on back/forward, and
 * written back after every change, so a search can be shared, bookmarked and restored.
 */

/** Facets a reader can filter by; the names are Pagefind filter keys and URL parameters. */
export const FACETS = ['author', 'year', 'label'] as const;
export type Facet = (typeof FACETS)[number];

export const SORT_ORDERS = ['relevance', 'newest', 'oldest'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

export interface SearchState {
  /** The words typed, whitespace collapsed; '' when none. */
  q: string;
  /** Selected values per facet (any of them matches), sorted and de-duplicated. */
  filters: Record<Facet, string[]>;
  sort: SortOrder;
  /** Also search archived comments (by default only posts are searched). */
  comments: boolean;
}

/** Longer queries are cut: nobody types more, and a hostile URL should not cost work. */
export const MAX_QUERY_LENGTH = 200;
/** Values per facet kept from a URL, for the same reason. */
export const MAX_VALUES_PER_FACET = 20;

export function emptyState(): SearchState {
  return { q: '', filters: { author: [], year: [], label: [] }, sort: 'relevance', comments: false };
}

const normalizeSpace = (s: string) => s.replace(/\s+/g, ' ').trim();

function cleanValues(values: readonly string[]): string[] {
  const kept = new Set<string>();
  for (const v of values) {
    const clean = normalizeSpace(v);
    if (clean && clean.length <= MAX_QUERY_LENGTH) kept.add(clean);
  }
  return [...kept].sort().slice(0, MAX_VALUES_PER_FACET);
}

const TRUE_VALUES = new Set(['1', 'true', 'on', 'yes']);

/** Read the state from a query string ("?q=…" or "q=…") or URLSearchParams. Never throws. */
export function parseSearchState(search: string | URLSearchParams): SearchState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const state = emptyState();
  state.q = normalizeSpace(params.get('q') ?? '').slice(0, MAX_QUERY_LENGTH).trim();
  for (const facet of FACETS) state.filters[facet] = cleanValues(params.getAll(facet));
  const sort = params.get('sort');
  if (sort && (SORT_ORDERS as readonly string[]).includes(sort)) state.sort = sort as SortOrder;
  state.comments = TRUE_VALUES.has((params.get('comments') ?? '').toLowerCase());
  return state;
}

/** The canonical query string (without "?"): defaults are left out, order is fixed. */
export function serializeSearchState(state: SearchState): string {
  const params = new URLSearchParams();
  const q = normalizeSpace(state.q);
  if (q) params.append('q', q);
  for (const facet of FACETS) for (const v of cleanValues(state.filters[facet])) params.append(facet, v);
  if (state.sort !== 'relevance') params.append('sort', state.sort);
  if (state.comments) params.append('comments', '1');
  // URLSearchParams writes spaces as "+"; %20 reads the same and looks like Blogger's label links.
  return params.toString().replace(/\+/g, '%20');
}

/** `pathname` plus the state's query string ("/search/" when the state is empty). */
export function searchHref(pathname: string, state: SearchState): string {
  const qs = serializeSearchState(state);
  return qs ? `${pathname}?${qs}` : pathname;
}

export function hasFilters(state: SearchState): boolean {
  return FACETS.some((f) => state.filters[f].length > 0);
}

/** Nothing to search for yet: no words and no filter. */
export function isBlank(state: SearchState): boolean {
  return state.q === '' && !hasFilters(state);
}

export function sameState(a: SearchState, b: SearchState): boolean {
  return serializeSearchState(a) === serializeSearchState(b);
}

/** A copy of `state` with `value` of `facet` selected or not. */
export function withFilter(state: SearchState, facet: Facet, value: string, selected: boolean): SearchState {
  const others = state.filters[facet].filter((v) => v !== value);
  return {
    ...state,
    filters: { ...state.filters, [facet]: cleanValues(selected ? [...others, value] : others) },
  };
}

export function withoutFilters(state: SearchState): SearchState {
  return { ...state, filters: emptyState().filters };
}
