import { collapsedOptions, contentTypeCounts, facetOptions, LABELS_SHOWN, type FacetOption, type FilterCounts, type SearchPlan } from './plan';
import { resultSummary } from './results';
import { FACETS, hasFilters, isBlank, parseSearchState, searchHref, serializeSearchState, type Facet, type SearchState } from './state';

/**
 * What the search page shows for a state and Pagefind's answers, as plain data: the
 * script (src/scripts/search.ts) only copies it into the DOM, and the build
 * (src/pages/search/index.astro) draws the empty search from the same functions.
 */

/** "(1,234)": the count as shown (hidden from screen readers, which hear countSpoken). */
export const countText = (n: number) => `(${n.toLocaleString('en-US')})`;
/** ", 1234 results": the count as screen readers hear it after the option's name. */
export const countSpoken = (n: number, noun: string) => `, ${n} ${noun}`;

/** A count not known yet ("…" in the same brackets, so nothing beside it moves). */
export const PENDING_COUNT_TEXT = '(…)';
export const PENDING_COUNT_SPOKEN = ', still counting';

/** Noun for the count beside each filter option and beside the comments switch. */
export const OPTION_NOUN = 'results';
export const THREADS_NOUN = 'comment threads';

export interface MoreLabels {
  hidden: boolean;
  expanded: boolean;
  text: string;
}

export interface FacetView {
  /** The options drawn; empty means "None match". */
  shown: FacetOption[];
  /** The labels facet's "Show all N labels" button. */
  more?: MoreLabels;
}

/** One facet's options as drawn: labels collapse to the first few unless expanded. */
export function facetView(facet: Facet, options: readonly FacetOption[], labelsExpanded: boolean): FacetView {
  if (facet !== 'label') return { shown: [...options] };
  return {
    shown: labelsExpanded ? [...options] : collapsedOptions(options),
    more: moreLabels(options.length, labelsExpanded),
  };
}

export function moreLabels(total: number, expanded: boolean): MoreLabels {
  return { hidden: total <= LABELS_SHOWN, expanded, text: expanded ? 'Show fewer labels' : `Show all ${total} labels` };
}

export interface SearchView {
  facets: Record<Facet, FacetView>;
  /** Options per facet before collapsing (kept to redraw labels on "Show all"). */
  options: Record<Facet, FacetOption[]>;
  showClear: boolean;
  /** Comment threads matching, shown beside the switch whether it is on or not. */
  commentThreads: number | undefined;
  /** No words and no filter: no result list, just a hint. */
  blank: boolean;
  /** The live status line once results are drawn. */
  status: string;
  /** Results in the list (posts, plus comment threads when included); 0 may earn a suggestion. */
  found: number;
}

export const BLANK_STATUS = 'Type some words, or choose an author, year or label.';

/**
 * The page for `state` given each planned query's filter counts. `commentThreads` is
 * undefined when the comment index is not loaded yet (the count shown stays as it is).
 */
export function searchView(
  state: SearchState,
  plan: SearchPlan,
  counts: ReadonlyMap<string, FilterCounts>,
  options: { labelsExpanded: boolean; commentsLoaded: boolean },
): SearchView {
  const byFacet = facetOptions(state, plan, counts);
  const facets = Object.fromEntries(FACETS.map((f) => [f, facetView(f, byFacet[f], options.labelsExpanded)])) as Record<Facet, FacetView>;
  const types = contentTypeCounts(plan, counts);
  const blank = isBlank(state);
  return {
    facets,
    options: byFacet,
    showClear: hasFilters(state),
    commentThreads: options.commentsLoaded ? types.comment : undefined,
    blank,
    status: blank ? BLANK_STATUS : resultSummary(state.q, { post: types.post, comment: state.comments ? types.comment : 0 }, state.comments),
    found: blank ? 0 : types.post + (state.comments ? types.comment : 0),
  };
}

/** The document title: the page's, plus the words searched for. */
export const documentTitle = (pageTitle: string, state: SearchState) => (state.q ? `${pageTitle}: “${state.q}”` : pageTitle);

export interface Transition {
  /** The state adopted (normalized as the URL would read back). */
  state: SearchState;
  /** The address to write, or undefined when it is already the current one. */
  url?: string;
  /** A new search is needed (the state differs from the current one). */
  search: boolean;
}

/** Going from `current` to `next` at `location` (pathname + search). */
export function transition(current: SearchState, next: SearchState, location: { pathname: string; search: string }): Transition {
  const state = parseSearchState(searchHref('', next));
  const url = searchHref(location.pathname, state);
  return {
    state,
    url: url === location.pathname + location.search ? undefined : url,
    search: serializeSearchState(state) !== serializeSearchState(current),
  };
}

/**
 * Whether the comment index must be merged before this search: only when comments are
 * included (the posts-only search never waits for it), and only if the build made one.
 */
export const needsCommentIndex = (state: SearchState, available: boolean) => available && state.comments;

/**
 * The count beside "Include archived comments": the model's when the comment index is
 * loaded; the build's total for the empty search (what the page was drawn with); and
 * unknown ("…") for any other search until the index has counted it.
 */
export function threadCountShown(model: Pick<SearchView, 'commentThreads' | 'blank'>, buildTotal: number): number | undefined {
  if (model.commentThreads !== undefined) return model.commentThreads;
  return model.blank ? buildTotal : undefined;
}

/** How many filter values are chosen: the phone's "Filters (2)" button shows it. */
export const appliedFilterCount = (state: SearchState) => FACETS.reduce((n, f) => n + state.filters[f].length, 0);

/** The "Did you mean …?" line: shown for a search with words that found nothing. */
export const wantsSuggestion = (state: SearchState, model: Pick<SearchView, 'blank' | 'found'>) => !model.blank && model.found === 0 && state.q !== '';
