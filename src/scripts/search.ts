/**
 * The search page's UI on Pagefind's JS API. Loaded only by src/pages/search/index.astro.
 *
 * The URL is the state: every change is written with history.pushState (filters, sort,
 * the comments switch, submitting) or replaceState (typing), and back/forward re-read it.
 * All text from the index goes into the page through textContent; the excerpt's <mark>
 * tags become real <mark> elements via excerptParts, never through innerHTML.
 */
import { withBase } from '../lib/urls';
import {
  FACETS,
  hasFilters,
  isBlank,
  parseSearchState,
  searchHref,
  serializeSearchState,
  withFilter,
  withoutFilters,
  type Facet,
  type SearchState,
  type SortOrder,
} from '../lib/search/state';
import {
  collapsedOptions,
  contentTypeCounts,
  facetOptions,
  LABELS_SHOWN,
  planSearch,
  type FacetOption,
  type FilterCounts,
  type PagefindFilters,
} from '../lib/search/plan';
import { resultSummary, shapeResult, type ExcerptPart, type PagefindResultData, type ShapedResult } from '../lib/search/results';

interface PagefindResult {
  id: string;
  data(): Promise<PagefindResultData>;
}
interface PagefindResponse {
  results: PagefindResult[];
  filters: FilterCounts;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<FilterCounts>;
  search(term: string | null, options: { filters?: PagefindFilters; sort?: Record<string, string> }): Promise<PagefindResponse | null>;
}

const PAGE_SIZE = 10;
const TYPING_DELAY_MS = 250;
const BASE = import.meta.env.BASE_URL;

const byId = <T extends HTMLElement>(id: string) => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`search page: #${id} is missing`);
  return el as T;
};

function start(): void {
  const form = byId<HTMLFormElement>('search-form');
  const input = byId<HTMLInputElement>('search-q');
  const ui = byId<HTMLElement>('search-ui');
  const sort = byId<HTMLSelectElement>('search-sort');
  const comments = byId<HTMLInputElement>('search-comments');
  const commentsCount = byId<HTMLElement>('search-comments-count');
  const status = byId<HTMLElement>('search-status');
  const list = byId<HTMLOListElement>('search-results');
  const more = byId<HTMLButtonElement>('search-more');
  const clear = byId<HTMLButtonElement>('search-clear');
  const labelsMore = byId<HTMLButtonElement>('facet-label-more');
  const notice = byId<HTMLElement>('search-notice');
  const facetLists = Object.fromEntries(FACETS.map((f) => [f, byId<HTMLUListElement>(`facet-${f}`)])) as Record<Facet, HTMLUListElement>;
  const pageTitle = document.title;

  let state = parseSearchState(location.search);
  let labelsExpanded = false;
  let lastOptions: Record<Facet, FacetOption[]> | undefined;
  let pending: PagefindResult[] = [];
  let runId = 0;

  const pagefind: Promise<Pagefind> = (async () => {
    const pf = (await import(/* @vite-ignore */ withBase(BASE, '/pagefind/pagefind.js'))) as Pagefind;
    await pf.options({ baseUrl: BASE, excerptLength: 30 });
    await pf.init();
    // Loads every filter's index now: otherwise Pagefind only counts the filters a query uses.
    await pf.filters();
    return pf;
  })();

  reflect(state);
  // The page was drawn with the controls' space kept (search.css): revealing them moves nothing.
  ui.hidden = false;
  delete ui.dataset.reserveSpace;
  status.textContent = 'Loading search…';
  void run(state);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    commit({ ...state, q: input.value }, 'push');
  });
  let typing: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => commit({ ...state, q: input.value }, 'replace'), TYPING_DELAY_MS);
  });
  sort.addEventListener('change', () => commit({ ...state, sort: sort.value as SortOrder }, 'push'));
  comments.addEventListener('change', () => commit({ ...state, comments: comments.checked }, 'push'));
  for (const facet of FACETS) {
    facetLists[facet].addEventListener('change', (event) => {
      const box = event.target as HTMLInputElement;
      if (box.type === 'checkbox') commit(withFilter(state, facet, box.value, box.checked), 'push');
    });
  }
  clear.addEventListener('click', () => {
    input.focus();
    commit(withoutFilters(state), 'push');
  });
  labelsMore.addEventListener('click', () => {
    labelsExpanded = !labelsExpanded;
    if (lastOptions) renderFacet('label', lastOptions.label);
  });
  more.addEventListener('click', () => void showMore(runId, { moveFocus: true }));
  window.addEventListener('popstate', () => {
    state = parseSearchState(location.search);
    reflect(state);
    void run(state);
  });

  /** Adopt a new state: write it to the URL, then search. */
  function commit(next: SearchState, mode: 'push' | 'replace'): void {
    clearTimeout(typing);
    const normalized = parseSearchState(searchHref('', next));
    const url = searchHref(location.pathname, normalized);
    if (url !== location.pathname + location.search) {
      if (mode === 'push') history.pushState(null, '', url);
      else history.replaceState(null, '', url);
    }
    const changed = searchHref('', normalized) !== searchHref('', state);
    state = normalized;
    if (changed) void run(state);
  }

  /** Make the controls show `s` (on load and on back/forward). */
  function reflect(s: SearchState): void {
    if (input.value.replace(/\s+/g, ' ').trim() !== s.q) input.value = s.q;
    sort.value = s.sort;
    comments.checked = s.comments;
    // The build renders the empty search's filters, disabled until this script handles them.
    for (const facet of FACETS) {
      for (const box of facetLists[facet].querySelectorAll('input')) {
        box.disabled = false;
        box.checked = s.filters[facet].includes(box.value);
      }
    }
    document.title = s.q ? `${pageTitle}: “${s.q}”` : pageTitle;
  }

  async function run(s: SearchState): Promise<void> {
    const id = ++runId;
    list.setAttribute('aria-busy', 'true');
    let pf: Pagefind;
    try {
      pf = await pagefind;
    } catch (error) {
      if (id !== runId) return;
      ui.hidden = true;
      notice.hidden = false;
      notice.textContent = import.meta.env.DEV
        ? 'Search needs a build: run npm run build once, then restart npm run dev.'
        : 'Search could not load. Try again later, or browse by label or month below.';
      console.error('Pagefind did not load', error);
      return;
    }
    const plan = planSearch(s);
    let answers: (PagefindResponse | null)[];
    try {
      answers = await Promise.all(
        plan.queries.map((q, i) => pf.search(plan.term, { filters: q.filters, ...(i === 0 && plan.sort ? { sort: plan.sort } : {}) })),
      );
    } catch (error) {
      if (id !== runId) return;
      console.error('Pagefind search failed', error);
      list.replaceChildren();
      more.hidden = true;
      status.textContent = 'The search failed (the index may have changed since this page loaded). Reload the page to try again.';
      done(s);
      return;
    }
    if (id !== runId) return; // a newer search started meanwhile
    const counts = new Map<string, FilterCounts>();
    plan.queries.forEach((q, i) => counts.set(q.key, answers[i]?.filters ?? {}));

    lastOptions = facetOptions(s, plan, counts);
    for (const facet of FACETS) renderFacet(facet, lastOptions[facet]);
    clear.hidden = !hasFilters(s);
    const types = contentTypeCounts(plan, counts);
    setCount(commentsCount, types.comment, 'comment threads');
    document.title = s.q ? `${pageTitle}: “${s.q}”` : pageTitle;

    if (isBlank(s)) {
      list.replaceChildren();
      pending = [];
      more.hidden = true;
      status.textContent = 'Type some words, or choose an author, year or label.';
      done(s);
      return;
    }
    pending = answers[0]?.results ?? [];
    await showMore(id, { replace: true });
    if (id !== runId) return;
    status.textContent = resultSummary(s.q, { post: types.post, comment: s.comments ? types.comment : 0 }, s.comments);
    done(s);
  }

  /** The list now shows `s` (data-state lets tests and tools wait for it). */
  function done(s: SearchState): void {
    list.dataset.state = serializeSearchState(s);
    list.setAttribute('aria-busy', 'false');
  }

  /**
   * Render the next page of results; after "Show more", focus the first new one. A new search
   * swaps the old results for the new in one step (never an empty list in between: no jump).
   */
  async function showMore(id: number, { moveFocus = false, replace = false } = {}): Promise<void> {
    const next = pending.slice(0, PAGE_SIZE);
    pending = pending.slice(PAGE_SIZE);
    const data = await Promise.all(next.map((r) => r.data()));
    if (id !== runId) return;
    const items = data.map((d) => resultItem(shapeResult(d)));
    if (replace) list.replaceChildren(...items);
    else list.append(...items);
    more.hidden = pending.length === 0;
    if (moveFocus) items[0]?.querySelector('a')?.focus();
  }

  function renderFacet(facet: Facet, options: FacetOption[]): void {
    const listEl = facetLists[facet];
    const focused = document.activeElement instanceof HTMLInputElement && listEl.contains(document.activeElement)
      ? document.activeElement.value
      : undefined;
    const visible = facet === 'label' && !labelsExpanded ? collapsedOptions(options) : options;
    listEl.replaceChildren(
      ...(visible.length === 0 ? [el('li', { className: 'facet-empty' }, 'None match')] : visible.map((o, i) => facetOption(facet, o, i))),
    );
    if (facet === 'label') {
      labelsMore.hidden = options.length <= LABELS_SHOWN;
      labelsMore.setAttribute('aria-expanded', String(labelsExpanded));
      labelsMore.textContent = labelsExpanded ? 'Show fewer labels' : `Show all ${options.length} labels`;
    }
    if (focused !== undefined) {
      [...listEl.querySelectorAll<HTMLInputElement>('input')].find((b) => b.value === focused)?.focus();
    }
  }

  function facetOption(facet: Facet, option: FacetOption, index: number): HTMLLIElement {
    const id = `facet-${facet}-${index}`;
    const box = el('input', { type: 'checkbox', id, name: facet, value: option.value, checked: option.selected });
    const count = el('span', { className: 'facet-count' });
    setCount(count, option.count, 'results');
    const label = el('label', { htmlFor: id }, option.value, ' ', count);
    return el('li', {}, box, label);
  }
}

/** "(12)" on screen, ", 12 results" for screen readers. */
function setCount(target: HTMLElement, n: number, noun: string): void {
  target.replaceChildren(el('span', { 'aria-hidden': 'true' }, `(${n.toLocaleString('en-US')})`), el('span', { className: 'visually-hidden' }, `, ${n} ${noun}`));
}

function resultItem(r: ShapedResult): HTMLLIElement {
  const title = el('h3', { className: 'search-result__title' }, el('a', { href: r.url }, r.kind === 'comment' ? `Comments on “${r.title}”` : r.title));
  const meta = el('p', { className: 'search-result__meta' });
  const bits: (Node | string)[] = [];
  if (r.kind === 'comment') bits.push(r.commentCount ? `${r.commentCount} comments on a post` : 'Comments on a post');
  if (r.dateText) bits.push(el('time', { dateTime: r.date ?? '' }, r.dateText));
  if (r.author) bits.push(`by ${r.author}`);
  if (r.labels.length > 0) bits.push(`Labels: ${r.labels.join(', ')}`);
  bits.forEach((b, i) => meta.append(...(i > 0 ? [' · ', b] : [b])));
  const body: HTMLElement[] = [title, meta];
  if (r.comments.length > 0) {
    body.push(
      el(
        'ul',
        { className: 'search-result__comments' },
        ...r.comments.map((c) =>
          el('li', {}, el('a', { href: c.url }, c.name), ' said: ', excerpt('span', c.excerpt)),
        ),
      ),
    );
  } else if (r.excerpt.length > 0) {
    body.push(excerpt('p', r.excerpt, 'search-result__excerpt'));
  }
  return el('li', { className: `search-result search-result--${r.kind}` }, el('article', {}, ...body));
}

function excerpt<K extends 'p' | 'span'>(tag: K, parts: ExcerptPart[], className = 'search-result__excerpt'): HTMLElementTagNameMap[K] {
  return el(tag, { className }, ...parts.map((p) => (p.marked ? el('mark', {}, p.text) : p.text)));
}

/** A DOM element with properties and children; strings become text nodes, never HTML. */
function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, unknown>> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key.includes('-')) node.setAttribute(key, String(value));
    else Object.assign(node, { [key]: value });
  }
  node.append(...children);
  return node;
}

if (document.getElementById('search-form')) start();
