/**
 * The search page's UI on Pagefind's JS API. Loaded only by src/pages/search/index.astro.
 *
 * Three parts: the pure state and view model (src/lib/search/: state.ts, plan.ts,
 * view-model.ts, results.ts), the view below (copies a model into the DOM, reads the
 * controls), and start(), which wires events to state changes and searches.
 *
 * The URL is the state: every change is written with history.pushState (filters, sort,
 * the comments switch, submitting) or replaceState (typing), and back/forward re-read it.
 * All text from the index goes into the page through textContent; the excerpt's <mark>
 * tags become real <mark> elements via excerptParts, never through innerHTML.
 *
 * Posts are in /pagefind/; the archived comments in their own bundle (/pagefind-comments/,
 * built once and reused across builds), merged in with Pagefind's mergeIndex when comments
 * are included, or after the results are shown, to count the threads beside the switch.
 */
import { withBase } from '../lib/urls';
import { FACETS, parseSearchState, serializeSearchState, withFilter, withoutFilters, type Facet, type SearchState, type SortOrder } from '../lib/search/state';
import { CONTENT_TYPE, dateSortedLists, pagefindFilters, planSearch, type FacetOption, type FilterCounts, type PagefindFilters } from '../lib/search/plan';
import { takeByDate, type DateOrder } from '../lib/search/merge';
import { shapeResult, type ExcerptPart, type PagefindResultData, type ShapedResult } from '../lib/search/results';
import {
  countSpoken,
  countText,
  documentTitle,
  facetView,
  needsCommentIndex,
  OPTION_NOUN,
  searchView,
  THREADS_NOUN,
  transition,
  type FacetView,
  type SearchView,
} from '../lib/search/view-model';

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
  mergeIndex(path: string, options: Record<string, unknown>): Promise<void>;
  filters(): Promise<FilterCounts>;
  search(term: string | null, options: { filters?: PagefindFilters; sort?: Record<string, string> }): Promise<PagefindResponse | null>;
}

const PAGE_SIZE = 10;
const TYPING_DELAY_MS = 250;
const BASE = import.meta.env.BASE_URL;

/* ---------- Pagefind ---------- */

interface SearchIndex {
  pagefind: Promise<Pagefind>;
  /** The comment bundle's folder, when the build made one. */
  commentBundle?: string;
  /** Resolves once the comment bundle is merged (started on first need). */
  comments?: Promise<void>;
  commentsMerged: boolean;
}

function openIndex(commentBundle: string | undefined): SearchIndex {
  const pagefind = (async () => {
    const pf = (await import(/* @vite-ignore */ withBase(BASE, '/pagefind/pagefind.js'))) as Pagefind;
    await pf.options({ baseUrl: BASE, excerptLength: 30 });
    await pf.init();
    // Loads every filter's index now: otherwise Pagefind only counts the filters a query uses.
    await pf.filters();
    return pf;
  })();
  return { pagefind, commentBundle, commentsMerged: false };
}

/** Merge the comment bundle into the search (once). */
function mergeComments(index: SearchIndex, pf: Pagefind): Promise<void> {
  if (!index.commentBundle) return Promise.resolve();
  index.comments ??= (async () => {
    await pf.mergeIndex(withBase(BASE, `/${index.commentBundle}/`), { baseUrl: BASE, excerptLength: 30 });
    await pf.filters();
    index.commentsMerged = true;
  })();
  return index.comments;
}

/* ---------- the view ---------- */

const byId = <T extends HTMLElement>(id: string) => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`search page: #${id} is missing`);
  return el as T;
};

/** The page's controls and output, and the only code that writes to them. */
function createView() {
  const facetLists = Object.fromEntries(FACETS.map((f) => [f, byId<HTMLUListElement>(`facet-${f}`)])) as Record<Facet, HTMLUListElement>;
  const templates = Object.fromEntries(FACETS.map((f) => [f, byId<HTMLTemplateElement>(`facet-${f}-template`)])) as Record<Facet, HTMLTemplateElement>;
  const view = {
    form: byId<HTMLFormElement>('search-form'),
    input: byId<HTMLInputElement>('search-q'),
    ui: byId<HTMLElement>('search-ui'),
    sort: byId<HTMLSelectElement>('search-sort'),
    comments: byId<HTMLInputElement>('search-comments'),
    commentsCount: byId<HTMLElement>('search-comments-count'),
    status: byId<HTMLElement>('search-status'),
    list: byId<HTMLOListElement>('search-results'),
    more: byId<HTMLButtonElement>('search-more'),
    clear: byId<HTMLButtonElement>('search-clear'),
    labelsMore: byId<HTMLButtonElement>('facet-label-more'),
    notice: byId<HTMLElement>('search-notice'),
    facetLists,
    pageTitle: document.title,

    /** Reveal the controls: the page kept their space (search.css), so nothing moves. */
    reveal(): void {
      view.ui.hidden = false;
      delete view.ui.dataset.reserveSpace;
      view.status.textContent = 'Loading search…';
    },

    /** Make the controls show `s` (on load and on back/forward). */
    reflect(s: SearchState): void {
      if (view.input.value.replace(/\s+/g, ' ').trim() !== s.q) view.input.value = s.q;
      view.sort.value = s.sort;
      view.comments.checked = s.comments;
      // The build renders the empty search's filters, disabled until this script handles them.
      for (const facet of FACETS) {
        for (const box of facetLists[facet].querySelectorAll('input')) {
          box.disabled = false;
          box.checked = s.filters[facet].includes(box.value);
        }
      }
      document.title = documentTitle(view.pageTitle, s);
    },

    busy(): void {
      view.list.setAttribute('aria-busy', 'true');
    },

    /** The list now shows `s` (data-state lets tests and tools wait for it). */
    done(s: SearchState): void {
      view.list.dataset.state = serializeSearchState(s);
      view.list.setAttribute('aria-busy', 'false');
    },

    cannotLoad(): void {
      view.ui.hidden = true;
      view.notice.hidden = false;
      view.notice.textContent = import.meta.env.DEV
        ? 'Search needs a build: run npm run build once, then restart npm run dev.'
        : 'Search could not load. Try again later, or browse by label or month below.';
    },

    failed(): void {
      view.list.replaceChildren();
      view.more.hidden = true;
      view.status.textContent = 'The search failed (the index may have changed since this page loaded). Reload the page to try again.';
    },

    /** Filters, counts and title for a search; the results follow with showResults. */
    showModel(s: SearchState, model: SearchView): void {
      for (const facet of FACETS) view.showFacet(facet, model.facets[facet]);
      view.clear.hidden = !model.showClear;
      if (model.commentThreads !== undefined) view.showThreadCount(model.commentThreads);
      document.title = documentTitle(view.pageTitle, s);
      if (model.blank) {
        view.list.replaceChildren();
        view.more.hidden = true;
        view.status.textContent = model.status;
      }
    },

    showThreadCount(n: number): void {
      setCount(view.commentsCount, n, THREADS_NOUN);
    },

    showFacet(facet: Facet, model: FacetView): void {
      const listEl = facetLists[facet];
      const active = document.activeElement;
      const focused = active instanceof HTMLInputElement && listEl.contains(active) ? active.value : undefined;
      listEl.replaceChildren(
        ...(model.shown.length === 0 ? [el('li', { className: 'facet-empty' }, 'None match')] : model.shown.map((o, i) => facetOption(templates[facet], facet, o, i))),
      );
      if (model.more) {
        view.labelsMore.hidden = model.more.hidden;
        view.labelsMore.setAttribute('aria-expanded', String(model.more.expanded));
        view.labelsMore.textContent = model.more.text;
      }
      if (focused !== undefined) [...listEl.querySelectorAll<HTMLInputElement>('input')].find((b) => b.value === focused)?.focus();
    },

    /** Swap in (or append) result items; a new search replaces the old in one step: no jump. */
    showResults(results: ShapedResult[], { replace, moreLeft, moveFocus }: { replace: boolean; moreLeft: boolean; moveFocus: boolean }): void {
      const items = results.map(resultItem);
      if (replace) view.list.replaceChildren(...items);
      else view.list.append(...items);
      view.more.hidden = !moreLeft;
      if (moveFocus) items[0]?.querySelector('a')?.focus();
    },
  };
  return view;
}

type View = ReturnType<typeof createView>;

/** A filter option: a clone of SearchFacet's template (FacetOption.astro), filled in. */
function facetOption(template: HTMLTemplateElement, facet: Facet, option: FacetOption, index: number): HTMLLIElement {
  const item = (template.content.firstElementChild as HTMLLIElement).cloneNode(true) as HTMLLIElement;
  const id = `facet-${facet}-${index}`;
  const box = item.querySelector('input')!;
  Object.assign(box, { id, value: option.value, checked: option.selected, disabled: false });
  item.querySelector('label')!.htmlFor = id;
  item.querySelector('.facet-value')!.textContent = option.value;
  setCount(item.querySelector<HTMLElement>('.facet-count')!, option.count, OPTION_NOUN);
  return item;
}

/** "(12)" on screen, ", 12 results" for screen readers (the spans the build wrote). */
function setCount(target: HTMLElement, n: number, noun: string): void {
  target.replaceChildren(el('span', { 'aria-hidden': 'true' }, countText(n)), el('span', { className: 'visually-hidden' }, countSpoken(n, noun)));
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
    const items = r.comments.map((c) => el('li', {}, el('a', { href: c.url }, c.name), ' said: ', excerpt('span', c.excerpt)));
    body.push(el('ul', { className: 'search-result__comments' }, ...items));
  } else if (r.excerpt.length > 0) {
    body.push(excerpt('p', r.excerpt, 'search-result__excerpt'));
  }
  return el('li', { className: `search-result search-result--${r.kind}` }, el('article', {}, ...body));
}

function excerpt<K extends 'p' | 'span'>(tag: K, parts: ExcerptPart[], className = 'search-result__excerpt'): HTMLElementTagNameMap[K] {
  return el(tag, { className }, ...parts.map((p) => (p.marked ? el('mark', {}, p.text) : p.text)));
}

/** A DOM element with properties and children; strings become text nodes, never HTML. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<Record<string, unknown>> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key.includes('-')) node.setAttribute(key, String(value));
    else Object.assign(node, { [key]: value });
  }
  node.append(...children);
  return node;
}

/* ---------- searching ---------- */

/** One search's answers: the counts of every planned query, and the result lists to show. */
async function query(pf: Pagefind, s: SearchState) {
  const plan = planSearch(s);
  const answers = await Promise.all(
    plan.queries.map((q, i) => pf.search(plan.term, { filters: q.filters, ...(i === 0 && plan.sort ? { sort: plan.sort } : {}) })),
  );
  const counts = new Map<string, FilterCounts>();
  plan.queries.forEach((q, i) => counts.set(q.key, answers[i]?.filters ?? {}));
  const lists = dateSortedLists(s, plan);
  const queues = lists
    ? (await Promise.all(lists.map((filters) => pf.search(plan.term, { filters, sort: plan.sort })))).map((a) => a?.results ?? [])
    : [answers[0]?.results ?? []];
  return { plan, counts, queues, order: lists ? plan.sort!.date : undefined };
}

/** A result's data, loaded once however often it is asked for. */
const dataOf = (() => {
  const loaded = new WeakMap<PagefindResult, Promise<PagefindResultData>>();
  return (r: PagefindResult) => {
    let data = loaded.get(r);
    if (!data) loaded.set(r, (data = r.data()));
    return data;
  };
})();

/** How many comment threads `s` would find with comments included (once they are merged). */
async function countThreads(pf: Pagefind, s: SearchState): Promise<number> {
  const plan = planSearch(s);
  const answer = await pf.search(plan.term, { filters: pagefindFilters(s, CONTENT_TYPE) });
  return answer?.filters[CONTENT_TYPE]?.comment ?? 0;
}

function start(): void {
  const view = createView();
  const index = openIndex(view.comments.dataset.index);
  let state = parseSearchState(location.search);
  let labelsExpanded = false;
  let lastOptions: Record<Facet, FacetOption[]> | undefined;
  let pending: PagefindResult[][] = [];
  let order: DateOrder | undefined;
  let runId = 0;

  /** Adopt a new state: write it to the URL, then search. */
  const commit = (next: SearchState, mode: 'push' | 'replace') => {
    clearTimeout(typing);
    const t = transition(state, next, location);
    if (t.url !== undefined) history[mode === 'push' ? 'pushState' : 'replaceState'](null, '', t.url);
    state = t.state;
    if (t.search) void run(state);
  };
  let typing: ReturnType<typeof setTimeout> | undefined;
  view.form.addEventListener('submit', (event) => (event.preventDefault(), commit({ ...state, q: view.input.value }, 'push')));
  view.input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => commit({ ...state, q: view.input.value }, 'replace'), TYPING_DELAY_MS);
  });
  view.sort.addEventListener('change', () => commit({ ...state, sort: view.sort.value as SortOrder }, 'push'));
  view.comments.addEventListener('change', () => commit({ ...state, comments: view.comments.checked }, 'push'));
  for (const facet of FACETS) {
    view.facetLists[facet].addEventListener('change', (event) => {
      const box = event.target as HTMLInputElement;
      if (box.type === 'checkbox') commit(withFilter(state, facet, box.value, box.checked), 'push');
    });
  }
  view.clear.addEventListener('click', () => (view.input.focus(), commit(withoutFilters(state), 'push')));
  view.labelsMore.addEventListener('click', () => {
    labelsExpanded = !labelsExpanded;
    if (lastOptions) view.showFacet('label', facetView('label', lastOptions.label, labelsExpanded));
  });
  view.more.addEventListener('click', () => void showMore(runId, { moveFocus: true }));
  window.addEventListener('popstate', () => {
    state = parseSearchState(location.search);
    view.reflect(state);
    void run(state);
  });

  async function run(s: SearchState): Promise<void> {
    const id = ++runId;
    view.busy();
    let pf: Pagefind;
    try {
      pf = await index.pagefind;
      if (needsCommentIndex(s, index.commentBundle !== undefined)) await mergeComments(index, pf);
    } catch (error) {
      if (id !== runId) return;
      view.cannotLoad();
      console.error('Pagefind did not load', error);
      return;
    }
    let answer: Awaited<ReturnType<typeof query>>;
    try {
      answer = await query(pf, s);
    } catch (error) {
      if (id !== runId) return;
      console.error('Pagefind search failed', error);
      view.failed();
      view.done(s);
      return;
    }
    if (id !== runId) return; // a newer search started meanwhile
    const commentsLoaded = index.commentsMerged;
    const model = searchView(s, answer.plan, answer.counts, { labelsExpanded, commentsLoaded });
    lastOptions = model.options;
    view.showModel(s, model);
    pending = model.blank ? [] : answer.queues;
    order = answer.order;
    if (!model.blank) {
      await showMore(id, { replace: true });
      if (id !== runId) return;
      view.status.textContent = model.status;
    }
    view.done(s);
    if (!commentsLoaded && !model.blank && index.commentBundle) void countThreadsLater(id, pf, s);
  }

  /** With comments left out, count the threads they would add once the results are shown. */
  async function countThreadsLater(id: number, pf: Pagefind, s: SearchState): Promise<void> {
    try {
      await mergeComments(index, pf);
      const n = await countThreads(pf, s);
      if (id === runId) view.showThreadCount(n);
    } catch (error) {
      console.error('The comment index did not load', error);
    }
  }

  /** Render the next page of results; after "Show more", focus the first new one. */
  async function showMore(id: number, { moveFocus = false, replace = false } = {}): Promise<void> {
    const next = order
      ? await takeByDate(pending, PAGE_SIZE, async (r) => (await dataOf(r)).meta.date ?? '', order)
      : (pending[0] ?? []).splice(0, PAGE_SIZE);
    const data = await Promise.all(next.map(dataOf));
    if (id !== runId) return;
    view.showResults(data.map(shapeResult), { replace, moreLeft: pending.some((q) => q.length > 0), moveFocus });
  }

  view.reflect(state);
  view.reveal();
  void run(state);
}

if (document.getElementById('search-form')) start();
